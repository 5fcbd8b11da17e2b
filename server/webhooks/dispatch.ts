/** Hands deliveries to the job queue; set while this process has one (the app or a worker). */
type Dispatcher = (deliveryIds: string[]) => Promise<void>;

declare global {
  // On globalThis: Next bundles instrumentation.ts (which starts the queue) apart from the route
  // handlers (which write deliveries), and each bundle has its own copy of this module.
  var connectInboxWebhookDispatcher: Dispatcher | null | undefined;
}

export function setDeliveryDispatcher(dispatcher: Dispatcher | null): void {
  globalThis.connectInboxWebhookDispatcher = dispatcher;
}

/**
 * Queues deliveries that were just committed. Never awaited by the change: with no queue in this
 * process, or when sending fails, the delivery stays pending and a worker's sweep sends it.
 */
export function dispatchDeliveries(deliveryIds: string[]): void {
  const dispatcher = globalThis.connectInboxWebhookDispatcher;
  if (!dispatcher || deliveryIds.length === 0) return;
  dispatcher(deliveryIds).catch((error: unknown) =>
    console.error("webhooks: could not queue deliveries", deliveryIds.length, error),
  );
}
