import type { Db } from "@/server/db/client";

export const AI_RUN_QUEUE = "ai-run";
/** pg-boss creates and migrates its own schema on start. */
export const PGBOSS_SCHEMA = "pgboss";

/**
 * Runs that should be worked on but have no job waiting for them: queued runs whose job was
 * never sent (the process died between commit and enqueue) or ran out of retries, and running
 * runs whose worker died (no heartbeat for `staleAfterMs`). A queued run gets `queuedGraceMs` for its
 * after-commit enqueue to land first.
 */
export async function runsToRecover(
  db: Db,
  params: { staleAfterMs: number; queuedGraceMs: number; limit: number },
): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT r."id" FROM "AiRun" r
     WHERE (
         (r."status" = 'queued' AND r."updatedAt" < now() - $1 * interval '1 millisecond')
         OR (r."status" = 'running'
             AND COALESCE(r."heartbeatAt", r."startedAt") < now() - $2 * interval '1 millisecond')
       )
       AND NOT EXISTS (
         SELECT 1 FROM ${PGBOSS_SCHEMA}.job j
         WHERE j."name" = $3 AND j."singleton_key" = r."id" AND j."state" IN ('created', 'retry')
       )
     ORDER BY r."createdAt", r."id"
     LIMIT $4`,
    params.queuedGraceMs,
    params.staleAfterMs,
    AI_RUN_QUEUE,
    params.limit,
  );
  return rows.map((row) => row.id);
}

/** The conversation's queued runs, oldest first: what may start once one of its runs ends. */
export async function queuedRunsInConversation(
  db: Db,
  conversationId: string,
  limit: number,
): Promise<string[]> {
  const rows = await db.aiRun.findMany({
    where: { conversationId, status: "queued" },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map((row) => row.id);
}
