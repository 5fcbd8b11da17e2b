"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { trpc } from "@/client/trpc";
import { moveInCounts } from "@/components/conversations/counts-cache";
import { useConversationListCache } from "@/components/conversations/list-cache";
import type { ConversationOutput, ConversationStatus } from "@/server/conversations/schemas";

/** Snoozing has its own mutation (components/conversations/use-snooze.ts). */
export type ConversationChange = {
  status?: Exclude<ConversationStatus, "snoozed">;
  assigneeId?: string | null;
};

type Patch = Partial<Pick<ConversationOutput, "status" | "assignee" | "snoozedUntil">>;
type Shown = { previous?: ConversationOutput; patched?: ConversationOutput };

/**
 * A change shown before the server has it: in the details panel, in every cached list row and in
 * the tab counts; put back if the server refuses; then the lists and tab counts fetched again (a
 * resolved conversation leaves the Open tab). Nothing else is invalidated.
 */
export function useOptimisticConversation() {
  const utils = trpc.useUtils();
  const listCache = useConversationListCache();
  const queryClient = useQueryClient();
  const myMemberId = trpc.v1.workspace.me.useQuery().data?.memberId ?? null;
  const [failed, setFailed] = useState(false);

  async function show(id: string, patch: Patch): Promise<Shown> {
    setFailed(false);
    await utils.v1.conversations.get.cancel({ id });
    const previous = utils.v1.conversations.get.getData({ id });
    utils.v1.conversations.get.setData({ id }, (current) => current && { ...current, ...patch });
    listCache.patchRow(id, (row) => ({ ...row, ...patch }));
    await utils.v1.conversations.counts.cancel();
    if (previous) moveInCounts(queryClient, previous, { ...previous, ...patch }, myMemberId);
    return { previous, patched: previous ? { ...previous, ...patch } : undefined };
  }

  return {
    failed,
    dismissError: () => setFailed(false),
    /** A mutation's callbacks: `patchOf` says what its input changes. */
    callbacks<Input extends { id: string }>(patchOf: (input: Input) => Patch) {
      return {
        onMutate: (input: Input) => show(input.id, patchOf(input)),
        onError: (_error: unknown, input: Input, shown: Shown | undefined) => {
          setFailed(true);
          if (shown?.previous) utils.v1.conversations.get.setData({ id: input.id }, shown.previous);
          if (shown?.previous && shown.patched)
            moveInCounts(queryClient, shown.patched, shown.previous, myMemberId);
        },
        onSuccess: (conversation: ConversationOutput) =>
          utils.v1.conversations.get.setData({ id: conversation.id }, conversation),
        onSettled: () => {
          void utils.v1.conversations.list.invalidate();
          void utils.v1.conversations.counts.invalidate();
        },
      };
    },
  };
}

/** Status and assignee changes, shown at once (useOptimisticConversation). */
export function useUpdateConversation(conversationId: string) {
  const optimistic = useOptimisticConversation();
  const members = trpc.v1.workspace.members.useQuery(undefined, { staleTime: 5 * 60_000 });

  function assigneeFor(memberId: string | null) {
    if (memberId === null) return null;
    const member = members.data?.find((m) => m.memberId === memberId);
    return member ? { memberId, name: member.name } : undefined;
  }

  const mutation = trpc.v1.conversations.update.useMutation(
    optimistic.callbacks((input: { id: string } & ConversationChange) => {
      const assignee = input.assigneeId === undefined ? undefined : assigneeFor(input.assigneeId ?? null);
      return {
        // Any status ends a snooze.
        ...(input.status ? { status: input.status, snoozedUntil: null } : {}),
        ...(assignee !== undefined ? { assignee } : {}),
      };
    }),
  );

  return {
    change: (change: ConversationChange) => mutation.mutate({ id: conversationId, ...change }),
    saving: mutation.isPending,
    failed: optimistic.failed,
    dismissError: optimistic.dismissError,
  };
}
