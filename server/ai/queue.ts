import { setRunDispatcher } from "@/server/ai/dispatch";
import { processRun, type RunDeps, runDepsFromEnv } from "@/server/ai/process-run";
import { AI_RUN_QUEUE, queuedRunsInConversation, runsToRecover } from "@/server/ai/sweep";
import type { Db } from "@/server/db/client";
import { env } from "@/server/env";
import { startBoss } from "@/server/queues/boss";

type RunJob = { runId: string };

export type AiQueueOptions = {
  connectionString: string;
  db: Db;
  /** Work on runs in this process; false only sends jobs (an app whose runs a separate worker does). */
  work: boolean;
  /** Runs worked on at once. */
  concurrency?: number;
  runDeps?: RunDeps;
  pollingIntervalSeconds?: number;
  sweepIntervalMs?: number;
  /** How long a queued run may wait for its after-commit job before the sweep sends one. */
  queuedGraceMs?: number;
  /** The first retry's delay; each later one doubles it (with jitter). */
  retryDelaySeconds?: number;
  /** How long a deferred run (its conversation busy) waits before it asks again. */
  deferSeconds?: number;
  /** On stop, how long runs in progress may take to finish before they are handed back. */
  stopTimeoutMs?: number;
};

export type AiQueue = {
  enqueue: (runIds: string[]) => Promise<void>;
  /** Sends jobs for runs that lost theirs; returns how many. */
  sweep: () => Promise<number>;
  /** Stops taking runs, lets those in progress finish (or hands them back), closes the queue. */
  stop: () => Promise<void>;
};

/**
 * The durable side of AI runs, on pg-boss. The AiRun row is the truth; a job only says "look
 * at run X". Jobs are sent after the run commits (singletonKey = run id: one waiting job per
 * run), retried with exponential backoff while the run has attempts left, and re-sent by a sweep
 * (on start and every `sweepIntervalMs`) for runs whose job was lost or whose worker died.
 */
export async function startAiQueue(options: AiQueueOptions): Promise<AiQueue> {
  const { db, work } = options;
  const deps = options.runDeps ?? runDepsFromEnv();
  const concurrency = options.concurrency ?? env().AI_WORKER_CONCURRENCY;
  const boss = await startBoss({
    connectionString: options.connectionString,
    label: "ai",
    work,
    connections: concurrency + 2,
    queue: {
      name: AI_RUN_QUEUE,
      // "short": at most one waiting job per singletonKey, so a run is queued once however often
      // it is sent; a job being worked on does not block the next one (a retry, a deferral).
      policy: "short",
      retryLimit: Math.max(0, deps.maxAttempts - 1),
      retryDelay: options.retryDelaySeconds ?? 5,
      retryBackoff: true,
      // Longer than an attempt may take, so pg-boss never gives up on a live run.
      expireInSeconds: Math.ceil(deps.timeoutMs / 1000) + 60,
    },
  });

  const stopping = new AbortController();
  const workerIds: string[] = [];
  const send = (runId: string, startAfterSeconds = 0) =>
    boss.send(AI_RUN_QUEUE, { runId } satisfies RunJob, {
      singletonKey: runId,
      ...(startAfterSeconds > 0 ? { startAfter: startAfterSeconds } : {}),
    });
  const enqueue = async (runIds: string[]) => {
    for (const runId of runIds) await send(runId);
    for (const id of workerIds) boss.notifyWorker(id);
  };

  const handle = async (runId: string) => {
    const outcome = await processRun(db, runId, { ...deps, signal: stopping.signal });
    switch (outcome.outcome) {
      case "retry":
      case "released":
        // Failing the job is what schedules its retry, with backoff.
        throw new Error(outcome.outcome === "retry" ? outcome.error : "the worker stopped");
      case "deferred":
        await send(runId, options.deferSeconds ?? 3);
        return;
      case "succeeded":
      case "failed":
        // The conversation has room again: start what was waiting for it.
        await enqueue(
          await queuedRunsInConversation(db, outcome.conversationId, deps.maxRunsPerConversation),
        );
        return;
      case "skipped":
        return;
    }
  };

  const sweep = async () => {
    const runIds = await runsToRecover(db, {
      staleAfterMs: deps.staleAfterMs,
      queuedGraceMs: options.queuedGraceMs ?? 10_000,
      limit: 500,
    });
    await enqueue(runIds);
    return runIds.length;
  };

  let sweeper: NodeJS.Timeout | null = null;
  if (work) {
    for (let i = 0; i < concurrency; i++) {
      workerIds.push(
        await boss.work<RunJob>(
          AI_RUN_QUEUE,
          { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
          async ([job]) => {
            if (job) await handle(job.data.runId);
          },
        ),
      );
    }
    await sweep();
    // Often enough that a dead worker's run is taken over soon after its lease runs out.
    sweeper = setInterval(() => {
      sweep().catch((error: unknown) => console.error("ai queue: sweep failed", error));
    }, options.sweepIntervalMs ?? 5_000);
    sweeper.unref();
  }
  setRunDispatcher(enqueue);

  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      setRunDispatcher(null);
      if (sweeper) clearInterval(sweeper);
      const timeout = options.stopTimeoutMs ?? 20_000;
      // Hand back what is still running shortly before pg-boss stops waiting for it.
      const handBack = setTimeout(() => stopping.abort(), Math.max(0, timeout - 2_000));
      try {
        await boss.stop({ graceful: true, timeout, wait: true });
      } finally {
        clearTimeout(handBack);
      }
    })();
    return stopped;
  };

  return { enqueue, sweep, stop };
}
