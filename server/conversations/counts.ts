import type { Caller } from "@/server/auth/caller";
import { conversationWhereSql } from "@/server/conversations/filters";
import {
  ConversationCountsInput,
  type ConversationCountsOutput,
  type ConversationStatus,
} from "@/server/conversations/schemas";
import type { Db } from "@/server/db/client";

/** How many conversations each status tab holds under the assignee and channel filters and the search. */
export async function countConversations(
  db: Db,
  caller: Caller,
  params: ConversationCountsInput,
): Promise<ConversationCountsOutput> {
  const filter = ConversationCountsInput.parse(params);
  const groups = await db.$queryRaw<{ status: ConversationStatus; count: number }[]>`
    SELECT c."status"::text AS "status", count(*)::int AS "count"
    FROM "Conversation" c
    WHERE ${conversationWhereSql(caller, filter)}
    GROUP BY c."status"`;
  const counts = { open: 0, pending: 0, resolved: 0 };
  for (const group of groups) counts[group.status] = group.count;
  return counts;
}
