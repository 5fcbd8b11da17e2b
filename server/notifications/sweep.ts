import type { Db } from "@/server/db/client";
import { sql, utc } from "@/server/db/sql";
import { NOTIFICATION_RETENTION_DAYS } from "@/server/notifications/schemas";

const BATCH = 5_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes notifications older than the retention period, in batches on the createdAt index, so
 * a large backlog never holds one long lock. Returns how many it deleted.
 */
export async function deleteOldNotifications(
  db: Db,
  options: { now?: Date; retentionDays?: number } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const before = new Date(now.getTime() - (options.retentionDays ?? NOTIFICATION_RETENTION_DAYS) * DAY_MS);
  let deleted = 0;
  for (;;) {
    const rows = await sql<{ id: string }>(
      db.$pool,
      `DELETE FROM "Notification" WHERE id IN (
         SELECT id FROM "Notification" WHERE "createdAt" < $1::timestamp(3) LIMIT $2)
       RETURNING id`,
      [utc(before), BATCH],
    );
    deleted += rows.length;
    if (rows.length < BATCH) return deleted;
  }
}
