/** Hands runs to the job queue; set while this process has one (the app or a worker). */
type Dispatcher = (runIds: string[]) => Promise<void>;

declare global {
  // On globalThis: Next bundles instrumentation.ts (which starts the queue) apart from the route
  // handlers (which create runs), and each bundle has its own copy of this module.
  var connectInboxAiDispatcher: Dispatcher | null | undefined;
}

export function setRunDispatcher(dispatcher: Dispatcher | null): void {
  globalThis.connectInboxAiDispatcher = dispatcher;
}

/**
 * Queues runs that were just committed. Best effort: with no queue in this process, or when
 * sending fails, the run stays queued in the database and a worker's sweep picks it up.
 */
export function dispatchRuns(runIds: string[]): void {
  const dispatcher = globalThis.connectInboxAiDispatcher;
  if (!dispatcher || runIds.length === 0) return;
  dispatcher(runIds).catch((error: unknown) => console.error("ai: could not queue runs", runIds, error));
}
