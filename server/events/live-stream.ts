import type { BusEntry, EventBus } from "@/server/events/bus";
import { type InboxEvent, isFor, type LiveEvent } from "@/server/events/types";

export type LiveDelivery = { id: string; event: LiveEvent };

function toDelivery(entry: BusEntry): LiveDelivery {
  return { id: entry.id, event: entry.event ?? { type: "resync" } };
}

/**
 * One member's live events (their workspace's, and their own notifications) until `signal` aborts. Resolves once it is listening, so every
 * event published after that is delivered. A fresh stream starts with `ready`, carrying its
 * position. Given the `lastEventId` a client saw before it reconnected, it instead replays
 * what this process received since, or a `resync` when that id is unknown here (too old, or
 * from before this process started listening).
 */
export async function openWorkspaceEvents(
  bus: EventBus,
  { workspaceId, memberId }: { workspaceId: string; memberId: string },
  options: {
    lastEventId?: string | null;
    signal: AbortSignal;
    /** Whether this stream gets a live event meant for it (all of them when absent). */
    admit?: (event: InboxEvent) => boolean;
  },
): Promise<AsyncGenerator<LiveDelivery, void>> {
  const { signal } = options;
  await bus.ready();
  const pending: LiveDelivery[] = [];
  if (!options.lastEventId) pending.push({ id: bus.latest().id, event: { type: "ready" } });
  else {
    const missed = bus.since(options.lastEventId);
    if (!missed) pending.push({ id: bus.latest().id, event: { type: "resync" } });
    for (const entry of missed ?? []) {
      if (!entry.event || isFor(entry.event, workspaceId, memberId)) pending.push(toDelivery(entry));
    }
  }
  // Reading the replay buffer and subscribing happen in one synchronous step, so an event
  // is either replayed or delivered live, never both or neither.
  let wake: (() => void) | null = null;
  const unsubscribe = bus.subscribeEntries((entry) => {
    if (entry.event && !isFor(entry.event, workspaceId, memberId)) return;
    if (entry.event && options.admit && !options.admit(entry.event)) return;
    pending.push(toDelivery(entry));
    wake?.();
  });
  // Also when the stream is never read (the request went away first).
  if (signal.aborted) unsubscribe();
  else signal.addEventListener("abort", unsubscribe, { once: true });

  return (async function* () {
    try {
      while (!signal.aborted) {
        const delivery = pending.shift();
        if (delivery) {
          yield delivery;
          continue;
        }
        await new Promise<void>((resolve) => {
          const done = () => {
            signal.removeEventListener("abort", done);
            wake = null;
            resolve();
          };
          wake = done;
          signal.addEventListener("abort", done);
        });
      }
    } finally {
      signal.removeEventListener("abort", unsubscribe);
      unsubscribe();
    }
  })();
}
