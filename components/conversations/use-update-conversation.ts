"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { trpc } from "@/client/trpc";
import { moveInCounts } from "@/components/conversations/counts-cache";
import { useConversationListCache } from "@/components/conversations/list-cache";
import type { ConversationStatus } from "@/server/conversations/schemas";

/** Snoozing has its own mutation (components/conversations/use-snooze.ts). */
export type ConversationChange = {
  status?: Exclude<ConversationStatus, "snoozed">;
  assigneeId?: string | null;
};

/**
 * Status and assignee changes: shown at once in the details panel, in every cached list row and
 * in the tab counts, rolled back if the server refuses, then the lists and tab counts fetched
 * again (a resolved conversation leaves the Open tab). Nothing else is invalidated.
 */
export function useUpdateConversation(conversationId: string) {
  const utils = trpc.useUtils();
  const listCache = useConversationListCache();
  const queryClient = useQueryClient();
  const myMemberId = trpc.v1.workspace.me.useQuery().data?.memberId ?? null;
  const members = trpc.v1.workspace.members.useQuery(undefined, { staleTime: 5 * 60_000 });
  const [failed, setFailed] = useState(false);

  function assigneeFor(memberId: string | null) {
    if (memberId === null) return null;
    const member = members.data?.find((m) => m.memberId === memberId);
    return member ? { memberId, name: member.name } : undefined;
  }

  const mutation = trpc.v1.conversations.update.useMutation({
    onMutate: async (input) => {
      setFailed(false);
      await utils.v1.conversations.get.cancel({ id: input.id });
      const previous = utils.v1.conversations.get.getData({ id: input.id });
      const assignee = input.assigneeId === undefined ? undefined : assigneeFor(input.assigneeId ?? null);
      const patch = {
        ...(input.status ? { status: input.status, snoozedUntil: null } : {}),
        ...(assignee !== undefined ? { assignee } : {}),
      };
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
    onSuccess: (conversation) => {
      utils.v1.conversations.get.setData({ id: conversation.id }, conversation);
    },
    onSettled: () => {
      void utils.v1.conversations.list.invalidate();
      void utils.v1.conversations.counts.invalidate();
    },
  });

  return {
    change: (change: ConversationChange) => mutation.mutate({ id: conversationId, ...change }),
    saving: mutation.isPending,
    failed,
    dismissError: () => setFailed(false),
  };
}
