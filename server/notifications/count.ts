import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { sql } from "@/server/db/sql";
import { UNREAD_COUNT_CAP, type UnreadCountOutput } from "@/server/notifications/schemas";

/**
 * How many of the caller's notifications are unread, counted up to UNREAD_COUNT_CAP over the
 * partial index of unread ones: the bell shows "99+" beyond, as Chatwoot and Front do, so a member
 * with 100,000 unread costs what one with 100 does.
 */
export async function countUnreadNotifications(db: Db, caller: Caller): Promise<UnreadCountOutput> {
  const [row] = await sql<{ count: number }>(
    db.$pool,
    `SELECT count(*)::int AS count FROM (
       SELECT 1 FROM "Notification"
       WHERE "recipientId" = $1 AND "workspaceId" = $2 AND "readAt" IS NULL
       -- The index's order: without it, when the table holds many unread rows of other members,
       -- the planner expects 100 to come soon from a sequential scan, and reads the whole table.
       ORDER BY "createdAt" DESC
       LIMIT $3) unread`,
    [caller.memberId, caller.workspaceId, UNREAD_COUNT_CAP],
  );
  const count = row?.count ?? 0;
  return { count, capped: count >= UNREAD_COUNT_CAP };
}
