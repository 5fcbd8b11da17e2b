const RESTART_DELAY_MS = 10_000;

type Stoppable = { stop: () => Promise<void> };

declare global {
  // On globalThis: one queue of each kind per server process, however often Next loads this module.
  var connectInboxAppQueues: Map<string, Promise<Stoppable>> | undefined;
}

/**
 * Starts a job queue once per server process (instrumentation.ts) and stops it on SIGTERM. A
 * database that is not up yet does not stop the app: the queue tries again until it starts.
 */
export function startQueueInApp(name: string, start: () => Promise<Stoppable>): void {
  globalThis.connectInboxAppQueues ??= new Map();
  const queues = globalThis.connectInboxAppQueues;
  if (queues.has(name)) return;
  const started = start().then((queue) => {
    process.once("SIGTERM", () => {
      queue.stop().catch((error: unknown) => console.error(`${name} queue: stop failed`, error));
    });
    return queue;
  });
  queues.set(name, started);
  started.catch((error: unknown) => {
    console.error(`${name} queue: could not start; trying again in ${RESTART_DELAY_MS / 1000} s`, error);
    queues.delete(name);
    setTimeout(() => startQueueInApp(name, start), RESTART_DELAY_MS).unref();
  });
}
