import { afterCommitDispatcher } from "@/server/queues/dispatcher";

const runs = afterCommitDispatcher("ai runs");

/** Set while this process has an AI queue. */
export const setRunDispatcher = runs.set;

/** Queues runs that were just committed; a run the queue never got is found by the sweep. */
export const dispatchRuns = runs.dispatch;
