// The worker itself, run by `npm run worker` (scripts/worker.ts), which restarts it if it
// dies. Works on AI runs, sends webhook deliveries and wakes snoozed conversations beside an app started with AI_WORKER=off,
// or as extra capacity. SIGTERM lets runs in progress finish (or hands them back to the queue)
// and deliveries being sent finish before it exits.
// Live events reach the app only with EVENT_BUS=postgres.
import { startAiQueue } from "@/server/ai/queue";
import { startSnoozeQueue } from "@/server/conversations/snooze-queue";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { startWebhookQueue } from "@/server/webhooks/queue";

async function main() {
  const config = env();
  const queue = await startAiQueue({ connectionString: config.DATABASE_URL, db: db(), work: true });
  const webhooks = await startWebhookQueue({ connectionString: config.DATABASE_URL, db: db(), work: true });
  const snoozes = await startSnoozeQueue({ connectionString: config.DATABASE_URL, db: db(), work: true });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`AI worker: ${signal}, finishing runs in progress`);
    Promise.all([queue.stop(), webhooks.stop(), snoozes.stop()])
      .then(() => db().$disconnect())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  // The supervisor is gone (killed outright): a worker nobody watches must not linger.
  process.on("disconnect", () => process.exit(1));
  // Only now: a supervisor (or the tests) may stop the worker as soon as it reads this line.
  console.log(
    `AI worker: working on runs, ${config.AI_WORKER_CONCURRENCY} at a time; webhook deliveries, ${config.WEBHOOK_WORKER_CONCURRENCY} at a time`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
