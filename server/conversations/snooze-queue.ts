import { wakeDueConversations } from "@/server/conversations/snooze";
import { setWakeUpDispatcher, type WakeUp } from "@/server/conversations/wake-dispatch";
import type { Db } from "@/server/db/client";
import { startBoss } from "@/server/queues/boss";

export const SNOOZE_QUEUE = "conversation-wake-up";

export type SnoozeQueueOptions = {
  connectionString: string;
  db: Db;
  /** Open conversations from this process; false only queues the jobs (an app beside `npm run worker`). */
  work: boolean;
  /** How often the poller looks for due jobs: how late a conversation may come back, at most. */
  pollingIntervalSeconds?: number;
  /** How often every due conversation is opened whatever became of its job. */
  sweepIntervalMs?: number;
  stopTimeoutMs?: number;
};

export type SnoozeQueue = {
  schedule: (wakeUp: WakeUp) => Promise<void>;
  /** Opens every snoozed conversation that is due; returns how many. */
  sweep: () => Promise<number>;
  stop: () => Promise<void>;
};

/**
 * Snooze wake-ups on pg-boss, in PostgreSQL: each snooze sends a job that starts at its time
 * (`startAfter`), so it survives restarts. The job's one conditional UPDATE is what makes it
 * exactly once in effect (server/conversations/snooze.ts). A sweep, on start and every
 * `sweepIntervalMs`, opens any due conversation whose job was lost between commit and send.
 */
export async function startSnoozeQueue(options: SnoozeQueueOptions): Promise<SnoozeQueue> {
  const { db, work } = options;
  const boss = await startBoss({
    connectionString: options.connectionString,
    label: "snooze",
    work,
    connections: 2,
    queue: { name: SNOOZE_QUEUE, policy: "standard", retryLimit: 5, retryDelay: 5, expireInSeconds: 60 },
  });

  const schedule = async (wakeUp: WakeUp) => {
    await boss.send(SNOOZE_QUEUE, wakeUp, { startAfter: new Date(wakeUp.until) });
  };
  const sweep = () => wakeDueConversations(db);

  let sweeper: NodeJS.Timeout | null = null;
  if (work) {
    await boss.work<WakeUp>(
      SNOOZE_QUEUE,
      // pg-boss's floor is 0.5 s; a second keeps each conversation within about a second of its time.
      { batchSize: 20, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
      async (jobs) => {
        for (const job of jobs) {
          await wakeDueConversations(db, {
            workspaceId: job.data.workspaceId,
            conversationId: job.data.conversationId,
          });
        }
      },
    );
    await sweep();
    sweeper = setInterval(() => {
      sweep().catch((error: unknown) => console.error("snooze queue: sweep failed", error));
    }, options.sweepIntervalMs ?? 30_000);
    sweeper.unref();
  }
  setWakeUpDispatcher(async (encoded) => {
    for (const item of encoded) await schedule(JSON.parse(item) as WakeUp);
  });

  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      setWakeUpDispatcher(null);
      if (sweeper) clearInterval(sweeper);
      await boss.stop({ graceful: true, timeout: options.stopTimeoutMs ?? 5_000, wait: true });
    })();
    return stopped;
  };
  return { schedule, sweep, stop };
}
