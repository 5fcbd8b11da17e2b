import PgBoss from "pg-boss";
import { ensureQueue } from "@/server/ai/queue";
import { PGBOSS_SCHEMA } from "@/server/ai/sweep";
import type { Db } from "@/server/db/client";
import { env } from "@/server/env";
import {
  type AttemptOutcome,
  attemptDelivery,
  DEFAULT_DELIVERY_DEPS,
  type DeliveryDeps,
} from "@/server/webhooks/deliver";
import { setDeliveryDispatcher } from "@/server/webhooks/dispatch";
import { deleteOldDeliveries, deliveriesToRecover, WEBHOOK_QUEUE } from "@/server/webhooks/sweep";

type DeliveryJob = { deliveryId: string };

// Each poller takes a batch of jobs at a time; several pollers keep sending while one batch
// waits on a slow endpoint.
const POLLERS = 4;
const RETENTION_EVERY_MS = 60 * 60 * 1000;
const DISPATCH_BATCH_MS = 5;

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
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: PGBOSS_SCHEMA,
    application_name: "connect-inbox-webhooks",
    max: work ? POLLERS + 2 : 2,
    supervise: work,
    schedule: false,
  });
  boss.on("error", (error) => console.error("webhook queue:", error));
  await boss.start();
  await ensureQueue(boss, {
    name: WEBHOOK_QUEUE,
    // Jobs carry the delivery id as singletonKey only so the sweep can find them: a redelivery
    // must not wait behind a retry's job scheduled hours ahead, and a job that comes before its
    // row's time does nothing.
    policy: "standard",
    retryLimit: 0,
    expireInSeconds: Math.ceil(deps.timeoutMs / 1000) * 3 + 60,
  });

  const pollerIds: string[] = [];
  const enqueue = async (deliveryIds: string[], delayMs = 0) => {
    if (deliveryIds.length === 0) return;
    const startAfter = delayMs > 0 ? new Date(Date.now() + delayMs).toISOString() : undefined;
    await boss.insert(
      deliveryIds.map((deliveryId) => ({
        name: WEBHOOK_QUEUE,
        data: { deliveryId } satisfies DeliveryJob,
        singletonKey: deliveryId,
        ...(startAfter ? { startAfter } : {}),
      })),
    );
    if (!startAfter) for (const id of pollerIds) boss.notifyWorker(id);
  };

  // Deliveries committed within a few milliseconds of each other go out as one insert: under
  // load a send pays for a share of one statement, not a statement of its own.
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

  const handle = async (deliveryId: string) => {
    let result: AttemptOutcome;
    try {
      result = await attemptDelivery(db, deliveryId, deps);
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
    const batchSize = Math.max(1, Math.ceil(concurrency / POLLERS));
    for (let i = 0; i < POLLERS; i++) {
      let pollerId = "";
      pollerId = await boss.work<DeliveryJob>(
        WEBHOOK_QUEUE,
        { batchSize, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
        async (jobs) => {
          await Promise.all(jobs.map((job) => handle(job.data.deliveryId)));
          // A full batch means more are waiting: fetch again at once instead of after the polling interval.
          if (jobs.length === batchSize) boss.notifyWorker(pollerId);
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
