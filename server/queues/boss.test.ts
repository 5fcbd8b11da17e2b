import { randomBytes } from "node:crypto";
import type PgBoss from "pg-boss";
import { afterAll, expect, test } from "vitest";
import { startBoss } from "@/server/queues/boss";

const started: PgBoss[] = [];
afterAll(async () => {
  for (const boss of started) {
    for (const queue of await boss.getQueues())
      if (queue.name.startsWith("boss-test-")) await boss.deleteQueue(queue.name);
    await boss.stop({ graceful: false });
  }
});

// An app instance starts its queues (AI runs, webhooks, snooze wake-ups) at once, and several
// instances may start together: PostgreSQL answered concurrent queue creations with "deadlock
// detected", and the losing queue stayed down until its 10 s restart.
test("queues created at the same moment all start", async () => {
  const suffix = randomBytes(4).toString("hex");
  const results = await Promise.allSettled(
    Array.from({ length: 6 }, (_, i) =>
      startBoss({
        connectionString: process.env.DATABASE_URL ?? "",
        label: `boss-test-${i}`,
        work: false,
        connections: 2,
        queue: { name: `boss-test-${suffix}-${i}`, policy: "standard" },
      }),
    ),
  );
  for (const result of results) if (result.status === "fulfilled") started.push(result.value);
  expect(
    results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason)),
  ).toEqual([]);
});
