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
       AND EXISTS (SELECT 1 FROM "WebhookEndpoint" e WHERE e.id = d."endpointId")
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

/**
 * Deletes delivery rows created before `before`, a batch at a time (short locks), and any whose
 * endpoint is gone (a send that raced the endpoint's deletion: deliveries have no foreign key);
 * returns how many.
 */
export async function deleteOldDeliveries(db: Db, before: Date): Promise<number> {
  const orphans = await sql<{ id: string }>(
    db.$pool,
    `DELETE FROM "WebhookDelivery" d
     WHERE d.status = 'pending' AND NOT EXISTS (SELECT 1 FROM "WebhookEndpoint" e WHERE e.id = d."endpointId")
     RETURNING id`,
    [],
  );
  let deleted = orphans.length;
  for (;;) {
    const rows = await sql<{ id: string }>(
      db.$pool,
      // Endpoint by endpoint on the (endpointId, createdAt) index: the send path writes no index
      // on createdAt alone just for this hourly job.
      `DELETE FROM "WebhookDelivery" WHERE id IN (
         SELECT old.id FROM "WebhookEndpoint" e CROSS JOIN LATERAL (
           SELECT id FROM "WebhookDelivery"
           WHERE "endpointId" = e.id AND "workspaceId" = e."workspaceId" AND "createdAt" < $1::timestamp(3)
           LIMIT $2) old
         LIMIT $2)
       RETURNING id`,
      [utc(before), RETENTION_BATCH],
    );
    deleted += rows.length;
    if (rows.length < RETENTION_BATCH) return deleted;
  }
}
