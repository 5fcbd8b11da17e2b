import { type AiQueue, startAiQueue } from "@/server/ai/queue";
import { db } from "@/server/db/client";
import { env } from "@/server/env";

const RESTART_DELAY_MS = 10_000;

declare global {
  var connectInboxAiQueue: Promise<AiQueue> | undefined;
}

async function start(): Promise<AiQueue> {
  const config = env();
  const queue = await startAiQueue({
    connectionString: config.DATABASE_URL,
    db: db(),
    work: config.AI_WORKER === "inline",
    // `next start` exits within a second of SIGTERM: hand runs back at once rather than leave
    // them "running" until the sweep finds them stale.
    stopTimeoutMs: 1_000,
  });
  process.once("SIGTERM", () => {
    queue.stop().catch((error: unknown) => console.error("ai queue: stop failed", error));
  });
  return queue;
}

/**
 * The app's AI queue, started once per server process (instrumentation.ts): with AI_WORKER=inline
 * it also works on runs; with "off" it only sends them to `npm run worker`. A database that is
 * not up yet does not stop the app: the queue tries again until it starts.
 */
export function startAiInApp(): void {
  if (globalThis.connectInboxAiQueue) return;
  globalThis.connectInboxAiQueue = start();
  globalThis.connectInboxAiQueue.catch((error: unknown) => {
    console.error(`ai queue: could not start; trying again in ${RESTART_DELAY_MS / 1000} s`, error);
    globalThis.connectInboxAiQueue = undefined;
    setTimeout(startAiInApp, RESTART_DELAY_MS).unref();
  });
}
