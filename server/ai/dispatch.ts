import { onCommitted } from "@/server/events/publish";

/** Hands runs to the job queue; set while this process has one (the app or a worker). */
type Dispatcher = (runIds: string[]) => Promise<void>;

declare global {
  var connectInboxAiDispatcher: Dispatcher | null | undefined;
  var connectInboxAiHookRegistered: boolean | undefined;
}

export function setRunDispatcher(dispatcher: Dispatcher | null): void {
  globalThis.connectInboxAiDispatcher = dispatcher;
  if (!globalThis.connectInboxAiHookRegistered) {
    globalThis.connectInboxAiHookRegistered = true;
    // send() stores a queued run with its message; the job goes out once both are committed.
    onCommitted((event) => {
      if (event.type === "message.created" && event.aiRunId) dispatchRuns([event.aiRunId]);
    });
  }
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
