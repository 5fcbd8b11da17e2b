import { PGBOSS_SCHEMA } from "@/server/ai/sweep";
import type { Db } from "@/server/db/client";
import { sql, utc } from "@/server/db/sql";

export const WEBHOOK_QUEUE = "webhook-delivery";

/**
 * Pending deliveries due for more than `graceMs` with no job waiting or running for them: the
 * process died between commit and sending the job, or while it worked on it (pg-boss expires
 * the job then). The grace lets the after-commit send land first, and keeps the look into the
 * jobs' ids (not indexed) to deliveries long overdue.
 */
export async function deliveriesToRecover(
  db: Db,
  params: { graceMs: number; limit: number },
): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    db.$pool,
    `SELECT d.id FROM "WebhookDelivery" d
     WHERE d.status = 'pending' AND d."nextAttemptAt" < $1::timestamp(3)
       AND NOT EXISTS (
         SELECT 1 FROM ${PGBOSS_SCHEMA}.job j
         WHERE j.name = $2 AND j.state IN ('created', 'retry', 'active') AND j.data->'deliveryIds' ? d.id
       )
     ORDER BY d."nextAttemptAt"
     LIMIT $3`,
    [utc(new Date(Date.now() - params.graceMs)), WEBHOOK_QUEUE, params.limit],
  );
  return rows.map((row) => row.id);
}

const RETENTION_BATCH = 5_000;

/** Deletes delivery rows created before `before`, a batch at a time (short locks); returns how many. */
export async function deleteOldDeliveries(db: Db, before: Date): Promise<number> {
  let deleted = 0;
  for (;;) {
    const rows = await sql<{ id: string }>(
      db.$pool,
      `DELETE FROM "WebhookDelivery" WHERE id IN (
         SELECT id FROM "WebhookDelivery" WHERE "createdAt" < $1::timestamp(3) LIMIT $2)
       RETURNING id`,
      [utc(before), RETENTION_BATCH],
    );
    deleted += rows.length;
    if (rows.length < RETENTION_BATCH) return deleted;
  }
}
