"use client";
import type { QueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { trpc } from "@/client/trpc";
import type {
  ConversationCountsInput,
  ConversationCountsOutput,
  ConversationOutput,
} from "@/server/conversations/schemas";

type Counted = Pick<ConversationOutput, "status" | "assignee" | "channel" | "labels">;

function counts(
  filter: ConversationCountsInput | undefined,
  conversation: Counted,
  myMemberId: string | null,
) {
  const assignee = filter?.assignee ?? "any";
  const assigneeId = conversation.assignee?.memberId ?? null;
  // Whether the conversation matches a search is the server's to say: those counts are fetched again.
  if (filter?.search) return false;
  if (filter?.channelId && conversation.channel?.id !== filter.channelId) return false;
  if (filter?.labelIds?.some((id) => !conversation.labels.some((label) => label.id === id))) return false;
  if (assignee === "any") return true;
  if (assignee === "unassigned") return assigneeId === null;
  if (assignee === "me") return myMemberId !== null && assigneeId === myMemberId;
  return assigneeId === assignee;
}

/**
 * Moves a conversation between the tab counts of every cached filter at once, as a status or
 * assignee change is made: it leaves the tab (or filter) it was counted in and joins the new one.
 * The server's counts replace these when they are fetched again after the change.
 */
export function moveInCounts(
  queryClient: QueryClient,
  before: Counted,
  after: Counted,
  myMemberId: string | null,
): void {
  const cached = queryClient.getQueriesData<ConversationCountsOutput>({
    queryKey: getQueryKey(trpc.v1.conversations.counts, undefined, "query"),
  });
  for (const [key, data] of cached) {
    if (!data) continue;
    const filter = (key[1] as { input?: ConversationCountsInput } | undefined)?.input;
    const from = counts(filter, before, myMemberId) ? before.status : null;
    const to = counts(filter, after, myMemberId) ? after.status : null;
    if (from === to) continue;
    const next = { ...data };
    if (from) next[from] = Math.max(0, next[from] - 1);
    if (to) next[to] += 1;
    queryClient.setQueryData(key, next);
  }
}
