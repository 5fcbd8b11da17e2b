import { afterCommitDispatcher } from "@/server/queues/dispatcher";

export type WakeUp = { workspaceId: string; conversationId: string; until: string };

const wakeUps = afterCommitDispatcher("snooze wake-ups");

/** Set while this process has the snooze queue (server/conversations/snooze-queue.ts). */
export const setWakeUpDispatcher = wakeUps.set;

/**
 * Queues the job that opens a snoozed conversation at its time; never awaited. A job the queue
 * never got (the process died after the commit) is made up for by the worker's sweep.
 */
export function scheduleWakeUp(wakeUp: WakeUp): void {
  dispatch([wakeUp]);
}

function dispatch(list: WakeUp[]) {
  wakeUps.dispatch(list.map((wakeUp) => JSON.stringify(wakeUp)));
}

/** Many at once (a bulk snooze, its undo): one batch for the queue. */
export function scheduleWakeUps(wakeUps: WakeUp[]): void {
  if (wakeUps.length > 0) dispatch(wakeUps);
}
