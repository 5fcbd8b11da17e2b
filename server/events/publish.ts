import { eventBus } from "@/server/events/bus";
import type { InboxEvent } from "@/server/events/types";

type AfterCommitHook = (event: InboxEvent) => void | Promise<void>;
const hooks: AfterCommitHook[] = [];

/** Observes every committed change in this process (tests use it; live delivery goes through the bus). */
export function onCommitted(hook: AfterCommitHook): void {
  hooks.push(hook);
}

/**
 * Called after a transaction commits. Live delivery is best effort: the rows are already
 * stored, and a browser that missed the event sees them on its next read.
 */
export function publishAfterCommit(event: InboxEvent): void {
  const tasks = [
    eventBus().publish(event),
    ...hooks.map((hook) => Promise.resolve().then(() => hook(event))),
  ];
  for (const task of tasks) {
    task.catch((error: unknown) => console.error(`after-commit ${event.type} failed:`, error));
  }
}
