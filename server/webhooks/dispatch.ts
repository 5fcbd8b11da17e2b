import { afterCommitDispatcher } from "@/server/queues/dispatcher";

const deliveries = afterCommitDispatcher("webhook deliveries");

/** Set while this process has a webhook queue. */
export const setDeliveryDispatcher = deliveries.set;

/**
 * Queues deliveries that were just committed; never awaited, so a change never waits for a
 * webhook. A delivery the queue never got is found by the sweep.
 */
export const dispatchDeliveries = deliveries.dispatch;
