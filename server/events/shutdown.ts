declare global {
  var connectInboxLiveShutdown: AbortController | undefined;
}

// On globalThis: instrumentation.ts and the route handlers are bundled apart and would
// otherwise each hold their own controller.
function controller(): AbortController {
  globalThis.connectInboxLiveShutdown ??= new AbortController();
  return globalThis.connectInboxLiveShutdown;
}

/** Aborted once the process is asked to stop; every live stream races against it. */
export function liveShutdownSignal(): AbortSignal {
  return controller().signal;
}

/**
 * Ends every open live stream. `next start` closes its HTTP server on SIGTERM and waits for
 * open responses, so without this an open event stream keeps the process alive forever.
 */
export function endLiveStreams(): void {
  controller().abort();
}

/** Called once per server process, from instrumentation.ts. */
export function endLiveStreamsOnShutdown(): void {
  process.once("SIGTERM", endLiveStreams);
  process.once("SIGINT", endLiveStreams);
}
