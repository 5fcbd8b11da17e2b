"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { trpc } from "@/client/trpc";
import { customerNameOf } from "@/components/conversations/conversation-row";
import { moveInCounts } from "@/components/conversations/counts-cache";
import { useConversationListCache } from "@/components/conversations/list-cache";
import { neighbourOf } from "@/components/conversations/list-order";
import { offerUndo } from "@/components/conversations/undo-store";
import { useUpdateConversation } from "@/components/conversations/use-update-conversation";
import { format, useStrings } from "@/components/i18n/locale";
import { closeConversation, openConversation } from "@/components/inbox/conversation-route";
import type { ConversationOutput } from "@/server/conversations/schemas";

/**
 * Snoozes a conversation until an instant: shown at once (its row moves to the Snoozed tab and
 * says until when), put back if the server refuses, then lists and counts fetched again.
 */
export function useSnooze(conversationId: string) {
  const utils = trpc.useUtils();
  const listCache = useConversationListCache();
  const queryClient = useQueryClient();
  const myMemberId = trpc.v1.workspace.me.useQuery().data?.memberId ?? null;
  const [failed, setFailed] = useState(false);
  const mutation = trpc.v1.conversations.snooze.useMutation({
    onMutate: async (input) => {
      setFailed(false);
      await utils.v1.conversations.get.cancel({ id: input.id });
      const previous = utils.v1.conversations.get.getData({ id: input.id });
      const patch = { status: "snoozed" as const, snoozedUntil: input.until };
      utils.v1.conversations.get.setData({ id: input.id }, (current) => current && { ...current, ...patch });
      listCache.patchRow(input.id, (row) => ({ ...row, ...patch }));
      await utils.v1.conversations.counts.cancel();
      if (previous) moveInCounts(queryClient, previous, { ...previous, ...patch }, myMemberId);
      return { previous, patched: previous ? { ...previous, ...patch } : undefined };
    },
    onError: (_error, input, context) => {
      setFailed(true);
      if (context?.previous) utils.v1.conversations.get.setData({ id: input.id }, context.previous);
      if (context?.previous && context.patched)
        moveInCounts(queryClient, context.patched, context.previous, myMemberId);
    },
    onSuccess: (conversation) => utils.v1.conversations.get.setData({ id: conversation.id }, conversation),
    onSettled: () => {
      void utils.v1.conversations.list.invalidate();
      void utils.v1.conversations.counts.invalidate();
    },
  });
  return {
    snooze: (until: Date | string) =>
      mutation.mutate({ id: conversationId, until: new Date(until).toISOString() }),
    failed,
    dismissError: () => setFailed(false),
  };
}

/**
 * Snoozing as Resolve does it: on to the next conversation, with an undo that puts back the
 * status (or the earlier snooze) it had.
 */
export function useSnoozeAndMoveOn(conversation: ConversationOutput | undefined) {
  const t = useStrings("conversations");
  const id = conversation?.id ?? "";
  const snoozing = useSnooze(id);
  const update = useUpdateConversation(id);
  return {
    ...snoozing,
    snoozeAndMoveOn(until: Date) {
      if (!conversation) return;
      const { status, snoozedUntil } = conversation;
      snoozing.snooze(until);
      const next = neighbourOf(conversation.id);
      if (next) openConversation(next);
      else closeConversation();
      const name = customerNameOf(conversation.customer, t.unknownCustomer);
      offerUndo(format(t.snoozedMovedOn, { name }), () => {
        if (status === "snoozed" && snoozedUntil && Date.parse(snoozedUntil) > Date.now())
          snoozing.snooze(snoozedUntil);
        else update.change({ status: status === "snoozed" ? "open" : status });
        openConversation(conversation.id);
      });
    },
  };
}
