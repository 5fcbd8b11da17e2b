import type { BusEntry, EventBus } from "@/server/events/bus";
import type { LiveEvent } from "@/server/events/types";

export type LiveDelivery = { id: string; event: LiveEvent };

function toDelivery(entry: BusEntry): LiveDelivery {
  return { id: entry.id, event: entry.event ?? { type: "resync" } };
}

/**
 * One workspace's live events until `signal` aborts. Given the `lastEventId` a client saw
 * before it reconnected, first replays what this process received since, or a `resync` when
 * that id is unknown here (too old, or seen by another instance before this one listened).
 */
export async function* workspaceEvents(
  bus: EventBus,
  workspaceId: string,
  options: { lastEventId?: string | null; signal: AbortSignal },
): AsyncGenerator<LiveDelivery, void> {
  const { signal } = options;
  await bus.ready();
  const pending: BusEntry[] = [];
  let wake: (() => void) | null = null;
  // Subscribing and reading the replay buffer happen in one synchronous step, so an event
  // is either replayed or pending, never both or neither.
  const unsubscribe = bus.subscribeEntries((entry) => {
    if (entry.event && entry.event.workspaceId !== workspaceId) return;
    pending.push(entry);
    wake?.();
  });
  try {
    if (options.lastEventId) {
      const missed = bus.since(options.lastEventId);
      if (!missed) {
        yield { id: bus.latest().id, event: { type: "resync" } };
      } else {
        for (const entry of missed) {
          if (!entry.event || entry.event.workspaceId === workspaceId) yield toDelivery(entry);
        }
      }
    }
    while (!signal.aborted) {
      const entry = pending.shift();
      if (entry) {
        yield toDelivery(entry);
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
    unsubscribe();
  }
}
