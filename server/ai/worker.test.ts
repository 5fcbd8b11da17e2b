// The durable path end to end: pg-boss on a database of its own (so this file's worker and
// sweeps never touch other test files' runs), on the PostgreSQL server and on PGlite, plus a
// worker process killed in the middle of a provider call.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createFreshDatabase } from "@/scripts/db/fresh-database";
import { migrate } from "@/scripts/db/migrate";
import { type AiQueue, startAiQueue } from "@/server/ai/queue";
import { AI_RUN_QUEUE, PGBOSS_SCHEMA } from "@/server/ai/sweep";
import { repliesTo, runRow, testDeps } from "@/server/ai/test-helpers";
import { type FakeOpenAi, startFakeOpenAi } from "@/server/ai/testing/openai-server";
import { seed, settled, startWorkerProcess } from "@/server/ai/testing/worker-fixtures";
import { createDb, type Db } from "@/server/db/client";
import { startEmbeddedPostgres } from "@/server/db/embedded";
import { allowTestServers } from "@/server/test/env";

const SLOW = { timeout: 90_000 };

type Backend = { url: string; stop: () => Promise<void> };

async function isPglite(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    return rows[0]?.version.includes("PGlite") ?? false;
  } finally {
    await client.end();
  }
}

async function pgliteBackend(): Promise<Backend> {
  const embedded = await startEmbeddedPostgres({
    dataDir: mkdtempSync(path.join(tmpdir(), "connect-inbox-ai-")),
    port: 54420,
  });
  await migrate(embedded.connectionString);
  return { url: embedded.connectionString, stop: embedded.stop };
}

async function serverBackend(sharedUrl: string): Promise<Backend> {
  const fresh = await createFreshDatabase(sharedUrl, "connect_inbox_ai_worker");
  await migrate(fresh.url);
  return { url: fresh.url, stop: fresh.drop };
}

let model: FakeOpenAi;
let server: Backend | null = null;
// PGlite's first start runs initdb in WebAssembly (~40 s): it boots while the server's tests run.
let pglite: Promise<Backend>;

beforeAll(async () => {
  model = await startFakeOpenAi();
  // Inherited by the worker processes below too.
  allowTestServers(model.baseUrl);
  pglite = pgliteBackend();
  pglite.catch(() => {});
  const shared = process.env.DATABASE_URL ?? "";
  if (!(await isPglite(shared))) server = await serverBackend(shared);
}, 120_000);

afterAll(async () => {
  await model.close();
  await server?.stop();
  await (await pglite).stop();
}, 60_000);

function workerOnPgBoss(backendOf: () => Promise<Backend | null>) {
  let backend: Backend | null = null;
  let db: Db;
  let queue: AiQueue | null = null;
  const start = (deps = testDeps()) =>
    startAiQueue({
      connectionString: backend?.url ?? "",
      db,
      work: true,
      concurrency: 2,
      runDeps: deps,
      pollingIntervalSeconds: 0.5,
      retryDelaySeconds: 1,
      queuedGraceMs: 0,
      sweepIntervalMs: 60_000,
      stopTimeoutMs: 3_000,
    });

  beforeAll(async () => {
    backend = await backendOf();
    if (backend) db = createDb(backend.url);
  }, 120_000);
  afterAll(async () => {
    await queue?.stop();
    await db?.$disconnect();
  });

  it(
    "sweeps up a run queued while no worker ran, replies after send, and retries with backoff",
    SLOW,
    async (ctx) => {
      if (!backend) return ctx.skip();
      const { ask } = await seed(db, model.baseUrl);
      // Committed while no queue was running: only the sweep on start can find it.
      const orphan = await ask("Anyone there?");
      queue = await start();
      await settled(db, orphan.runId);

      const asked = await ask("Where is my order?");
      await settled(db, asked.runId);
      expect(await repliesTo(db, asked.messageId)).toHaveLength(1);

      model.failNext(1);
      const flaky = await ask("And my refund?");
      await settled(db, flaky.runId);
      expect(await runRow(db, flaky.runId)).toMatchObject({ attempts: 2, error: null });
      expect(await repliesTo(db, flaky.messageId)).toHaveLength(1);

      // The same job delivered again and again: the run is finished, nothing more is posted.
      const boss = new PgBoss({ connectionString: backend.url, schema: PGBOSS_SCHEMA, supervise: false });
      await boss.start();
      // Distinct keys: the queue keeps one waiting job per key.
      const ids = await Promise.all(
        [1, 2, 3].map((i) =>
          boss.send(AI_RUN_QUEUE, { runId: asked.runId }, { singletonKey: `${asked.runId}:${i}` }),
        ),
      );
      expect(ids.every(Boolean)).toBe(true);
      await vi.waitFor(
        async () => {
          for (const id of ids)
            expect((await boss.getJobById(AI_RUN_QUEUE, id ?? ""))?.state).toBe("completed");
        },
        { timeout: 20_000, interval: 100 },
      );
      await boss.stop({ graceful: false });
      expect(await repliesTo(db, asked.messageId)).toHaveLength(1);
    },
  );

  it("hands a run in progress back on stop, and a restarted worker finishes it", SLOW, async (ctx) => {
    if (!backend) return ctx.skip();
    const { ask } = await seed(db, model.baseUrl);
    queue ??= await start();
    model.hold(true);
    const before = model.requests.length;
    const asked = await ask("Is this handed back?");
    await model.waitForRequests(before + 1);

    await queue.stop();
    queue = null;
    expect(await runRow(db, asked.runId)).toMatchObject({ status: "queued", attempts: 0 });
    model.hold(false);

    queue = await start();
    await settled(db, asked.runId);
    expect(await repliesTo(db, asked.messageId)).toHaveLength(1);
  });
}

describe("AI worker on pg-boss (PostgreSQL)", () => workerOnPgBoss(async () => server));

describe("AI worker process", () => {
  it("killed mid-request: after a restart the run ends with exactly one reply", SLOW, async () => {
    const backend = server ?? (await pglite);
    const db = createDb(backend.url);
    const { ask } = await seed(db, model.baseUrl);
    // This process only sends jobs; the worker process takes them.
    const producer = await startAiQueue({
      connectionString: backend.url,
      db,
      work: false,
      runDeps: testDeps(),
    });
    const worker = startWorkerProcess(backend.url);
    await worker.started;

    model.hang(true);
    const before = model.requests.length;
    const asked = await ask("Will this survive a crash?");
    await model.waitForRequests(before + 1);
    expect(await runRow(db, asked.runId)).toMatchObject({ status: "running", attempts: 1 });
    const exited = new Promise((resolve) => worker.child.once("exit", resolve));
    worker.child.kill("SIGKILL");
    await exited;
    await producer.stop();
    model.hang(false);

    // A worker that counts any "running" run as abandoned: its sweep on start takes the run.
    const restarted = await startAiQueue({
      connectionString: backend.url,
      db,
      work: true,
      runDeps: testDeps({ staleAfterMs: 0 }),
      pollingIntervalSeconds: 0.5,
      queuedGraceMs: 0,
      stopTimeoutMs: 1_000,
    });
    try {
      await settled(db, asked.runId);
    } finally {
      await restarted.stop();
    }
    expect(await runRow(db, asked.runId)).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(await repliesTo(db, asked.messageId)).toHaveLength(1);

    // SIGTERM stops an idle worker process cleanly.
    const second = startWorkerProcess(backend.url);
    await second.started;
    const code = new Promise((resolve) => second.child.once("exit", resolve));
    second.child.kill("SIGTERM");
    expect(await code).toBe(0);
    await db.$disconnect();
  });
});

describe("AI worker on pg-boss (PGlite)", () => workerOnPgBoss(() => pglite));
