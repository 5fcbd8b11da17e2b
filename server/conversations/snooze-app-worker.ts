import { startSnoozeQueue } from "@/server/conversations/snooze-queue";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { startQueueInApp } from "@/server/queues/in-app";

/**
 * The app's snooze queue (instrumentation.ts): with AI_WORKER=inline it also opens conversations
 * when their time comes; with "off" it only queues the jobs for `npm run worker`.
 */
export function startSnoozeInApp(): void {
  startQueueInApp("snooze", () => {
    const config = env();
    return startSnoozeQueue({
      connectionString: config.DATABASE_URL,
      db: db(),
      work: config.AI_WORKER === "inline",
      stopTimeoutMs: 1_000,
    });
  });
}
