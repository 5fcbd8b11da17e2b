/** Hands ids just committed to a job queue, once this process has one (the app or a worker). */
type Send = (ids: string[]) => Promise<void>;

declare global {
  // On globalThis: Next bundles instrumentation.ts (which starts the queues) apart from the route
  // handlers (which write the rows), and each bundle has its own copy of this module.
  var connectInboxDispatchers: Map<string, Send> | undefined;
}

/**
 * A named dispatcher: `set` by the queue when it starts (null when it stops), `dispatch` after
 * a commit. Best effort and never awaited: with no queue in this process, or when sending
 * fails, the rows stay as committed and a worker's sweep picks them up.
 */
export function afterCommitDispatcher(name: string) {
  const dispatchers = () => {
    globalThis.connectInboxDispatchers ??= new Map();
    return globalThis.connectInboxDispatchers;
  };
  return {
    set(send: Send | null): void {
      if (send) dispatchers().set(name, send);
      else dispatchers().delete(name);
    },
    dispatch(ids: string[]): void {
      const send = dispatchers().get(name);
      if (!send || ids.length === 0) return;
      send(ids).catch((error: unknown) => console.error(`${name}: could not queue`, ids.length, error));
    },
  };
}
