import PgBoss from "pg-boss";
import { PGBOSS_SCHEMA } from "@/server/ai/sweep";

/** Creates the queue, or brings an existing one's options up to date. */
async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  if (await boss.getQueue(queue.name)) {
    await boss.updateQueue(queue.name, queue);
    return;
  }
  try {
    await boss.createQueue(queue.name, queue);
  } catch (error) {
    // Another process created it first.
    if (!(await boss.getQueue(queue.name))) throw error;
  }
}

/**
 * A started pg-boss for one queue of ours: its own small pool (`connections` when it works on
 * jobs, 2 when it only sends them), no schedules, and the queue created or updated.
 */
export async function startBoss(params: {
  connectionString: string;
  label: string;
  work: boolean;
  connections: number;
  queue: PgBoss.Queue;
}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: params.connectionString,
    schema: PGBOSS_SCHEMA,
    application_name: `connect-inbox-${params.label}`,
    max: params.work ? params.connections : 2,
    supervise: params.work,
    schedule: false,
  });
  boss.on("error", (error) => console.error(`${params.label} queue:`, error));
  await boss.start();
  await ensureQueue(boss, params.queue);
  return boss;
}
