// `npm run worker` under the faults production has: every database connection cut at once
// (failover, a pooler restart, an idle reaper), and a worker process killed mid-run. On the
// PostgreSQL server (pg_terminate_backend), in a database of its own.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createFreshDatabase } from "@/scripts/db/fresh-database";
import { migrate } from "@/scripts/db/migrate";
import { startAiQueue } from "@/server/ai/queue";
import { repliesTo, runRow, testDeps } from "@/server/ai/test-helpers";
import { type FakeOpenAi, startFakeOpenAi } from "@/server/ai/testing/openai-server";
import { seed, settled, startWorkerProcess, type WorkerProcess } from "@/server/ai/testing/worker-fixtures";
import { createDb, type Db } from "@/server/db/client";

const SLOW = { timeout: 120_000 };

let model: FakeOpenAi;
let database: { url: string; drop: () => Promise<void> } | null = null;
let db: Db;

async function onPostgresServer(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    return !(rows[0]?.version.includes("PGlite") ?? true);
  } finally {
    await client.end();
  }
}

/** Ends every connection to the test database but the caller's own, as a failover does. */
async function terminateAllConnections(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows.filter((r) => r.ended).length;
  } finally {
    await client.end();
  }
}

function stopped(worker: WorkerProcess): Promise<unknown> {
  if (worker.child.exitCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => worker.child.once("exit", resolve));
  worker.child.kill("SIGTERM");
  return exited;
}

beforeAll(async () => {
  model = await startFakeOpenAi();
  const shared = process.env.DATABASE_URL ?? "";
  if (!(await onPostgresServer(shared))) return;
  database = await createFreshDatabase(shared, "connect_inbox_ai_faults");
  await migrate(database.url);
  db = createDb(database.url);
}, 120_000);

afterAll(async () => {
  await model.close();
  await db?.$disconnect();
  await database?.drop();
}, 60_000);

describe("npm run worker", () => {
  it("rides out losing every database connection and completes the next run", SLOW, async (ctx) => {
    if (!database) return ctx.skip();
    const { ask } = await seed(db, model.baseUrl);
    const worker = startWorkerProcess(database.url, {
      OUTBOUND_ALLOWED_HOSTS: new URL(model.baseUrl).host,
      EVENT_BUS: "postgres",
    });
    // This process is the app: it sends each run's job as the run commits.
    const producer = await startAiQueue({
      connectionString: database.url,
      db,
      work: false,
      runDeps: testDeps(),
    });
    try {
      await worker.started;
      const first = await ask("Before the failover?");
      await settled(db, first.runId);

      // pg-boss, the app pool and the event bus's LISTEN connection all lose theirs at once.
      expect(await terminateAllConnections(database.url)).toBeGreaterThan(0);
      // Let every pool notice (idle clients error out, the next query reconnects).
      await new Promise((resolve) => setTimeout(resolve, 1_500));

      const after = await ask("And after it?");
      await settled(db, after.runId);
      expect(await repliesTo(db, after.messageId)).toHaveLength(1);
      // The same worker process did it: it survived rather than being restarted.
      expect(worker.workerPids(), worker.output()).toHaveLength(1);
      expect(worker.child.exitCode).toBeNull();
    } finally {
      await producer.stop();
      await stopped(worker);
    }
  });

  it(
    "restarts a worker that was killed, and its run is taken up within 15 s without using an attempt",
    SLOW,
    async (ctx) => {
      if (!database) return ctx.skip();
      const { ask } = await seed(db, model.baseUrl);
      // One attempt only: if the killed attempt counted, the run could not be taken up again.
      const worker = startWorkerProcess(database.url, {
        OUTBOUND_ALLOWED_HOSTS: new URL(model.baseUrl).host,
        AI_RUN_MAX_ATTEMPTS: "1",
      });
      // A second run in the same conversation waits for the first (one run at a time).
      const producer = await startAiQueue({
        connectionString: database.url,
        db,
        work: false,
        runDeps: testDeps(),
      });
      try {
        await worker.started;
        model.hang(true);
        const before = model.requests.length;
        const asked = await ask("Will this survive the worker dying?");
        await model.waitForRequests(before + 1);
        const waiting = await ask("And this one, behind it?");
        expect(await runRow(db, asked.runId)).toMatchObject({ status: "running", attempts: 1 });

        const [firstPid] = worker.workerPids();
        if (!firstPid) throw new Error("no worker process");
        process.kill(firstPid, "SIGKILL");
        const killedAt = Date.now();
        model.hang(false);

        await vi.waitFor(() => expect(worker.workerPids()).toHaveLength(2), { timeout: 10_000 });
        await vi.waitFor(
          async () => {
            expect((await runRow(db, asked.runId)).status).toBe("succeeded");
          },
          { timeout: 20_000, interval: 100 },
        );
        expect(Date.now() - killedAt).toBeLessThan(15_000);
        const run = await db.aiRun.findUniqueOrThrow({
          where: { id: asked.runId },
          select: { attempts: true, lostAttempts: true, error: true },
        });
        expect(run).toEqual({ attempts: 2, lostAttempts: 1, error: null });
        expect(await repliesTo(db, asked.messageId)).toHaveLength(1);

        await vi.waitFor(
          async () => {
            expect((await runRow(db, waiting.runId)).status).toBe("succeeded");
          },
          { timeout: 20_000, interval: 100 },
        );
        expect(Date.now() - killedAt).toBeLessThan(20_000);
      } finally {
        model.hang(false);
        await producer.stop();
        await stopped(worker);
      }
    },
  );
});
