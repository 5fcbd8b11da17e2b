import type { Db } from "@/server/db/client";
import { env } from "@/server/env";
import { startBoss } from "@/server/queues/boss";
import {
  type AttemptOutcome,
  DEFAULT_DELIVERY_DEPS,
  type DeliveryDeps,
  deliverer,
} from "@/server/webhooks/deliver";
import { setDeliveryDispatcher } from "@/server/webhooks/dispatch";
import { deleteOldDeliveries, deliveriesToRecover, WEBHOOK_QUEUE } from "@/server/webhooks/sweep";

/** Deliveries to attempt: the ones committed together (sent after the commit), or one retry. */
type DeliveryJob = { deliveryIds: string[] };

// Jobs are fetched a few at a time per poller; the deliveries in them share one limit per process.
const POLLERS = 2;
const JOBS_PER_FETCH = 4;
const MAX_IDS_PER_JOB = 100;
const RETENTION_EVERY_MS = 60 * 60 * 1000;
const DISPATCH_BATCH_MS = 25;

/** Runs at most `limit` tasks at once, in the order they were given. */
function limiter(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

export type WebhookQueueOptions = {
  connectionString: string;
  db: Db;
  /** Send deliveries from this process; false only queues them (an app beside `npm run worker`). */
  work: boolean;
  /** Deliveries sent at once by this process. */
  concurrency?: number;
  deps?: DeliveryDeps;
  pollingIntervalSeconds?: number;
  sweepIntervalMs?: number;
  /** How long a due delivery may wait for its job before the sweep sends one. */
  pendingGraceMs?: number;
  /** Delivery rows older than this are deleted (hourly, by the sweep). */
  retentionMs?: number;
  stopTimeoutMs?: number;
};

export type WebhookQueue = {
  enqueue: (deliveryIds: string[], delayMs?: number) => Promise<void>;
  /** Sends jobs for due deliveries that have none, and deletes expired rows once an hour; returns how many were sent. */
  sweep: () => Promise<number>;
  /** Stops taking deliveries, lets those being sent finish, closes the queue. */
  stop: () => Promise<void>;
};

/**
 * Webhook deliveries on pg-boss. The WebhookDelivery row is the truth (written in the change's
 * own transaction); a job only says "look at delivery X" and is sent after the commit. A failed
 * attempt sends the next job itself, at the time its row says; a sweep (on start and every
 * `sweepIntervalMs`) sends jobs for due deliveries whose job was lost (the process died between
 * commit and send, or mid-delivery).
 */
export async function startWebhookQueue(options: WebhookQueueOptions): Promise<WebhookQueue> {
  const { db, work } = options;
  const deps = options.deps ?? DEFAULT_DELIVERY_DEPS;
  const concurrency = options.concurrency ?? env().WEBHOOK_WORKER_CONCURRENCY;
  const boss = await startBoss({
    connectionString: options.connectionString,
    label: "webhook",
    work,
    connections: POLLERS + 2,
    queue: {
      name: WEBHOOK_QUEUE,
      // No singleton: a redelivery must not wait behind a retry's job scheduled hours ahead; a job
      // that comes before its delivery's time does nothing.
      policy: "standard",
      retryLimit: 0,
      // A job's deliveries wait their turn under the process's limit: room for slow endpoints.
      expireInSeconds: 15 * 60,
    },
  });

  const pollerIds: string[] = [];
  const enqueue = async (deliveryIds: string[], delayMs = 0) => {
    if (deliveryIds.length === 0) return;
    const startAfter = delayMs > 0 ? new Date(Date.now() + delayMs).toISOString() : undefined;
    const jobs = [];
    for (let i = 0; i < deliveryIds.length; i += MAX_IDS_PER_JOB) {
      jobs.push({
        name: WEBHOOK_QUEUE,
        data: { deliveryIds: deliveryIds.slice(i, i + MAX_IDS_PER_JOB) } satisfies DeliveryJob,
        ...(startAfter ? { startAfter } : {}),
      });
    }
    await boss.insert(jobs);
    if (!startAfter) for (const id of pollerIds) boss.notifyWorker(id);
  };

  // Deliveries committed within 25 ms of each other go out as one job: under load a send pays for
  // a share of one insert, not one job per delivery. At 10 ms, `send` with three endpoints ran at
  // 90-93% of `send` with none (npm run bench -- webhooks); at 25 ms, 94%. A delivery waits for
  // its first attempt 25 ms more at most.
  let batch: string[] = [];
  let flushing: NodeJS.Timeout | null = null;
  const dispatch = (deliveryIds: string[]) => {
    batch.push(...deliveryIds);
    flushing ??= setTimeout(() => {
      const ids = batch;
      batch = [];
      flushing = null;
      enqueue(ids).catch((error: unknown) =>
        console.error("webhooks: could not queue deliveries", ids.length, error),
      );
    }, DISPATCH_BATCH_MS);
    return Promise.resolve();
  };

  const inFlight = limiter(concurrency);
  const attemptDelivery = deliverer(db, deps);
  const handle = async (deliveryId: string) => {
    let result: AttemptOutcome;
    try {
      result = await attemptDelivery(deliveryId);
    } catch (error) {
      // The row stays pending; the sweep sends it again.
      console.error("webhooks: delivery", deliveryId, "could not be attempted", error);
      return;
    }
    if (result.outcome === "retry") await enqueue([deliveryId], result.delayMs);
  };

  let lastRetention = 0;
  const sweep = async () => {
    const deliveryIds = await deliveriesToRecover(db, {
      graceMs: options.pendingGraceMs ?? 30_000,
      limit: 1_000,
    });
    await enqueue(deliveryIds);
    if (Date.now() - lastRetention >= RETENTION_EVERY_MS) {
      lastRetention = Date.now();
      const retentionMs = options.retentionMs ?? env().WEBHOOK_RETENTION_DAYS * 24 * 60 * 60 * 1000;
      await deleteOldDeliveries(db, new Date(Date.now() - retentionMs));
    }
    return deliveryIds.length;
  };

  let sweeper: NodeJS.Timeout | null = null;
  if (work) {
    for (let i = 0; i < POLLERS; i++) {
      let pollerId = "";
      pollerId = await boss.work<DeliveryJob>(
        WEBHOOK_QUEUE,
        { batchSize: JOBS_PER_FETCH, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
        async (jobs) => {
          const ids = jobs.flatMap((job) => job.data.deliveryIds);
          await Promise.all(ids.map((id) => inFlight(() => handle(id))));
          // A full fetch means more are waiting: fetch again at once instead of after the polling interval.
          if (jobs.length === JOBS_PER_FETCH) boss.notifyWorker(pollerId);
        },
      );
      pollerIds.push(pollerId);
    }
    await sweep();
    sweeper = setInterval(() => {
      sweep().catch((error: unknown) => console.error("webhook queue: sweep failed", error));
    }, options.sweepIntervalMs ?? 15_000);
    sweeper.unref();
  }
  setDeliveryDispatcher(dispatch);

  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      setDeliveryDispatcher(null);
      if (sweeper) clearInterval(sweeper);
      if (flushing) {
        clearTimeout(flushing);
        await enqueue(batch);
      }
      await boss.stop({
        graceful: true,
        timeout: options.stopTimeoutMs ?? deps.timeoutMs + 5_000,
        wait: true,
      });
    })();
    return stopped;
  };

  return { enqueue, sweep, stop };
}
