"use client";
import { trpc } from "@/client/trpc";
import { customerNameOf } from "@/components/conversations/conversation-row";
import { neighbourOf } from "@/components/conversations/list-order";
import { offerUndo } from "@/components/conversations/undo-store";
import {
  useOptimisticConversation,
  useUpdateConversation,
} from "@/components/conversations/use-update-conversation";
import { format, useStrings } from "@/components/i18n/locale";
import { closeConversation, openConversation } from "@/components/inbox/conversation-route";
import type { ConversationOutput } from "@/server/conversations/schemas";

/**
 * Snoozes a conversation until an instant: shown at once (its row moves to the Snoozed tab and
 * says until when), put back if the server refuses, then lists and counts fetched again.
 */
export function useSnooze(conversationId: string) {
  const optimistic = useOptimisticConversation();
  const mutation = trpc.v1.conversations.snooze.useMutation(
    optimistic.callbacks((input: { id: string; until: string }) => ({
      status: "snoozed",
      snoozedUntil: input.until,
    })),
  );
  return {
    snooze: (until: Date | string) =>
      mutation.mutate({ id: conversationId, until: new Date(until).toISOString() }),
    failed: optimistic.failed,
    dismissError: optimistic.dismissError,
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
