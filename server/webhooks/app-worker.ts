import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { startQueueInApp } from "@/server/queues/in-app";
import { startWebhookQueue } from "@/server/webhooks/queue";

/**
 * The app's webhook queue (instrumentation.ts): with AI_WORKER=inline it also sends deliveries;
 * with "off" it only queues them for `npm run worker`.
 */
export function startWebhooksInApp(): void {
  startQueueInApp("webhook", () => {
    const config = env();
    return startWebhookQueue({
      connectionString: config.DATABASE_URL,
      db: db(),
      work: config.AI_WORKER === "inline",
      // `next start` exits within a second of SIGTERM; a delivery cut off is still pending and is sent again.
      stopTimeoutMs: 1_000,
    });
  });
}
