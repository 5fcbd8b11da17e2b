import PgBoss from "pg-boss";
import { PGBOSS_SCHEMA } from "@/server/ai/sweep";

const DEADLOCK_DETECTED = "40P01";
const CREATE_ATTEMPTS = 10;

function isDeadlock(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === DEADLOCK_DETECTED;
}

/**
 * Creates the queue, or brings an existing one's options up to date. pg-boss creates a queue as
 * a partition with a foreign key to its queue table; two creations at once (an instance starts
 * all its queues together, and instances start together) can deadlock there, and PostgreSQL
 * aborts one of them: that one is tried again.
 */
async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  if (await boss.getQueue(queue.name)) {
    await boss.updateQueue(queue.name, queue);
    return;
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      await boss.createQueue(queue.name, queue);
      return;
    } catch (error) {
      // Another process created it first.
      if (await boss.getQueue(queue.name)) return;
      if (!isDeadlock(error) || attempt === CREATE_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt * Math.random()));
    }
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
