import { startAiQueue } from "@/server/ai/queue";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { startQueueInApp } from "@/server/queues/in-app";

/**
 * The app's AI queue (instrumentation.ts): with AI_WORKER=inline it also works on runs; with
 * "off" it only sends them to `npm run worker`.
 */
export function startAiInApp(): void {
  startQueueInApp("ai", () => {
    const config = env();
    return startAiQueue({
      connectionString: config.DATABASE_URL,
      db: db(),
      work: config.AI_WORKER === "inline",
      // `next start` exits within a second of SIGTERM: hand runs back at once rather than leave
      // them "running" until the sweep finds them stale.
      stopTimeoutMs: 1_000,
    });
  });
}
