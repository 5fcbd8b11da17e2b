import type { Caller } from "@/server/auth/caller";
import { conversationWhereSql } from "@/server/conversations/filters";
import {
  ConversationCountsInput,
  type ConversationCountsOutput,
  type ConversationStatus,
} from "@/server/conversations/schemas";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";

/**
 * Whether conversation `c` is unread for the member whose read marker `r` is (LEFT JOINed):
 * marked unread, or the customer wrote since the marker (server/conversations/select.ts).
 */
const unreadSql = Prisma.sql`(r."markedUnread" IS TRUE OR (c."lastCustomerMessageAt" IS NOT NULL
  AND (r."lastReadAt" IS NULL OR r."lastReadAt" < c."lastCustomerMessageAt")))`;

/**
 * How many conversations each status tab holds under the assignee and channel filters and the search, and how
 * many of those the caller has not read.
 */
export async function countConversations(
  db: Db,
  caller: Caller,
  params: ConversationCountsInput,
): Promise<ConversationCountsOutput> {
  const filter = ConversationCountsInput.parse(params);
  const groups = await db.$queryRaw<{ status: ConversationStatus; count: number; unread: number }[]>`
    SELECT c."status"::text AS "status", count(*)::int AS "count",
      (count(*) FILTER (WHERE ${unreadSql}))::int AS "unread"
    FROM "Conversation" c
    LEFT JOIN "ConversationRead" r ON r."memberId" = ${caller.memberId} AND r."conversationId" = c."id"
    WHERE ${conversationWhereSql(caller, filter)}
    GROUP BY c."status"`;
  const none = { open: 0, pending: 0, resolved: 0, snoozed: 0 };
  const counts = { ...none, unread: { ...none } };
  for (const group of groups) {
    counts[group.status] = group.count;
    counts.unread[group.status] = group.unread;
  }
  return counts;
}
