// Connect API throughput and latency against a bare `pg` baseline on the same database.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { spawnBaselineServer } from "@/bench/baseline-server";
import { generateApiKey } from "@/server/auth/api-key";

export type Scenario = {
  name: string;
  method: "GET" | "POST";
  app: string;
  baseline: string;
  body?: () => string;
};
export type Measured = { p50: number; p99: number; rps: number; errors: number };

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const PAGE = 50;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = 10;
// Each side gets DURATION_S in all, in ROUNDS slices interleaved with the other side.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const WARMUP_S = 2;

/** One workspace, member, API key and a conversation of MESSAGES messages, inserted by SQL. */
export async function seedBigConversation(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const key = generateApiKey();
    const ids = {
      workspace: "bench-ws",
      user: "bench-user",
      member: "bench-member",
      customer: "bench-customer",
      conversation: "bench-conv",
    };
    await client.query(`INSERT INTO "Workspace" (id, name, slug) VALUES ($1, 'Bench', 'bench')`, [
      ids.workspace,
    ]);
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash") VALUES ($1, 'bench@bench.test', 'Bench Member', 'x')`,
      [ids.user],
    );
    await client.query(
      `INSERT INTO "Member" (id, "workspaceId", "userId", role) VALUES ($1, $2, $3, 'owner')`,
      [ids.member, ids.workspace, ids.user],
    );
    await client.query(
      `INSERT INTO "ApiKey" (id, "workspaceId", "memberId", name, prefix, hash) VALUES ('bench-key', $1, $2, 'bench', $3, $4)`,
      [ids.workspace, ids.member, key.prefix, key.hash],
    );
    await client.query(
      `INSERT INTO "Customer" (id, "workspaceId", name, "updatedAt") VALUES ($1, $2, 'Bench Customer', now())`,
      [ids.customer, ids.workspace],
    );
    await client.query(
      `INSERT INTO "Conversation" (id, "workspaceId", "customerId", "updatedAt") VALUES ($1, $2, $3, now())`,
      [ids.conversation, ids.workspace, ids.customer],
    );
    const started = Date.now();
    await client.query(
      `INSERT INTO "Message" (id, "workspaceId", "conversationId", content, "senderType", "senderMemberId", "senderCustomerId", flags, "createdAt")
       SELECT 'bm' || lpad(g::text, 8, '0'), $1, $2, jsonb_build_object('en', 'Message number ' || g || ' about order ' || (g % 997)),
              (CASE WHEN g % 2 = 0 THEN 'customer' ELSE 'member' END)::"SenderType",
              CASE WHEN g % 2 = 1 THEN $3 END, CASE WHEN g % 2 = 0 THEN $4 END, '{}',
              timestamp '2024-01-01' + g * interval '1 second'
       FROM generate_series(1, $5::int) g`,
      [ids.workspace, ids.conversation, ids.member, ids.customer, MESSAGES],
    );
    // Settle what a million fresh rows leave behind before measuring: the autovacuum that
    // inserts trigger and the checkpoint that flushes them used to land in the first scenarios.
    await client.query(`VACUUM (ANALYZE) "Message"`);
    await client.query("CHECKPOINT");
    const seedSeconds = (Date.now() - started) / 1000;
    const cursorForPage = (page: number) => `bm${String(MESSAGES - PAGE * (page - 1) + 1).padStart(8, "0")}`;
    return {
      apiKey: key.key,
      conversationId: ids.conversation,
      cursorForPage,
      lastPage: Math.ceil(MESSAGES / PAGE),
      seedSeconds,
    };
  } finally {
    await client.end();
  }
}

async function measureOnce(
  url: string,
  method: "GET" | "POST",
  apiKey: string,
  seconds: number,
  body?: () => string,
) {
  const result = await autocannon({
    url,
    method,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    ...(body
      ? { requests: [{ method, setupRequest: (req: autocannon.Request) => ({ ...req, body: body() }) }] }
      : {}),
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    seconds: result.duration,
    errors: result.errors + result.non2xx,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/**
 * App and baseline in alternating slices (app, baseline, baseline, app, …), so load from
 * anything else on the machine falls on both alike instead of on whichever ran at a bad moment.
 */
async function measurePair(
  app: { url: string; apiKey: string },
  baseline: { url: string; apiKey: string },
  method: "GET" | "POST",
  body?: () => string,
): Promise<{ app: Measured; baseline: Measured }> {
  type Slice = Awaited<ReturnType<typeof measureOnce>>;
  const slices: { app: Slice[]; baseline: Slice[] } = { app: [], baseline: [] };
  const seconds = Math.max(1, DURATION_S / ROUNDS);
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? (["app", "baseline"] as const) : (["baseline", "app"] as const);
    for (const side of order) {
      const target = side === "app" ? app : baseline;
      slices[side].push(await measureOnce(target.url, method, target.apiKey, seconds, body));
    }
  }
  const summarise = (list: Slice[]): Measured => ({
    p50: median(list.map((s) => s.p50)),
    p99: median(list.map((s) => s.p99)),
    rps: list.reduce((sum, s) => sum + s.requests, 0) / list.reduce((sum, s) => sum + s.seconds, 0),
    errors: list.reduce((sum, s) => sum + s.errors, 0),
  });
  return { app: summarise(slices.app), baseline: summarise(slices.baseline) };
}

export async function benchConnectApi(
  databaseUrl: string,
  appUrl: string,
  seeded: Awaited<ReturnType<typeof seedBigConversation>>,
) {
  const baseline = await spawnBaselineServer(databaseUrl);
  const listInput = (cursor: string | null) =>
    encodeURIComponent(JSON.stringify({ conversationId: seeded.conversationId, limit: PAGE, cursor }));
  const baselineList = (cursor: string | null) =>
    `${baseline.url}/?conversationId=${seeded.conversationId}&limit=${PAGE}${cursor ? `&cursor=${cursor}` : ""}`;
  const sendBody = () =>
    JSON.stringify({ conversationId: seeded.conversationId, content: { en: "Benchmark reply" } });
  const scenarios: Scenario[] = [
    {
      name: "listMessages first page",
      method: "GET",
      app: `${appUrl}/api/trpc/v1.connect.listMessages?input=${listInput(null)}`,
      baseline: baselineList(null),
    },
    {
      name: "listMessages page 1,000",
      method: "GET",
      app: `${appUrl}/api/trpc/v1.connect.listMessages?input=${listInput(seeded.cursorForPage(1000))}`,
      baseline: baselineList(seeded.cursorForPage(1000)),
    },
    {
      name: `listMessages last page (${seeded.lastPage.toLocaleString("en")})`,
      method: "GET",
      app: `${appUrl}/api/trpc/v1.connect.listMessages?input=${listInput(seeded.cursorForPage(seeded.lastPage))}`,
      baseline: baselineList(seeded.cursorForPage(seeded.lastPage)),
    },
    {
      name: "send",
      method: "POST",
      app: `${appUrl}/api/trpc/v1.connect.send`,
      baseline: `${baseline.url}/`,
      body: sendBody,
    },
  ];
  const rows: { scenario: string; app: Measured; baseline: Measured }[] = [];
  try {
    // A first pass over every scenario brings both servers to steady state (JIT of Next, tRPC
    // and Prisma, lazily loaded route code): without it the first scenario measured ~25% lower
    // throughput than the same scenario measured again at the end.
    for (const s of scenarios) {
      await measureOnce(s.app, s.method, seeded.apiKey, WARMUP_S, s.body);
      await measureOnce(s.baseline, s.method, seeded.apiKey, WARMUP_S, s.body);
    }
    for (const s of scenarios) {
      // Warm both under the same load as the measurement (JIT, lazily loaded route code, plan
      // cache, full connection pools); one request left the app's first scenario cold.
      await measureOnce(s.app, s.method, seeded.apiKey, WARMUP_S, s.body);
      await measureOnce(s.baseline, s.method, seeded.apiKey, WARMUP_S, s.body);
      const measured = await measurePair(
        { url: s.app, apiKey: seeded.apiKey },
        { url: s.baseline, apiKey: seeded.apiKey },
        s.method,
        s.body,
      );
      rows.push({ scenario: s.name, ...measured });
      console.log(`  measured ${s.name}`);
    }
  } finally {
    await baseline.close();
  }
  return rows;
}

// The budgets (docs/benchmarks.md): what a change may not regress, against the floor in the same run.
const BUDGET = { throughput: 0.4, listP50Ratio: 2.6 };

function withinBudget(r: Awaited<ReturnType<typeof benchConnectApi>>[number]): [string, boolean] {
  const throughput = r.app.rps / r.baseline.rps;
  if (r.scenario === "send") return [`≥ ${BUDGET.throughput * 100}%`, throughput >= BUDGET.throughput];
  const p50Ratio = r.app.p50 / Math.max(r.baseline.p50, 0.01);
  return [
    `≥ ${BUDGET.throughput * 100}%, p50 ≤ ${BUDGET.listP50Ratio}×`,
    throughput >= BUDGET.throughput && p50Ratio <= BUDGET.listP50Ratio,
  ];
}

export function connectApiTable(rows: Awaited<ReturnType<typeof benchConnectApi>>) {
  const header =
    "| scenario | app p50 ms | app p99 ms | app req/s | baseline p50 ms | baseline p99 ms | baseline req/s | throughput vs baseline | p50 vs baseline | errors | budget | within |";
  const lines = rows.map((r) =>
    [
      r.scenario,
      r.app.p50,
      r.app.p99,
      Math.round(r.app.rps),
      r.baseline.p50,
      r.baseline.p99,
      Math.round(r.baseline.rps),
      `${Math.round((r.app.rps / r.baseline.rps) * 100)}%`,
      `${(r.app.p50 / Math.max(r.baseline.p50, 0.01)).toFixed(2)}×`,
      r.app.errors + r.baseline.errors,
      withinBudget(r)[0],
      withinBudget(r)[1] ? "ok" : "OVER",
    ].join(" | "),
  );
  return [header, `|${"---|".repeat(12)}`, ...lines.map((l) => `| ${l} |`)].join("\n");
}

export function writeResults(name: string, value: unknown) {
  const dir = path.join(import.meta.dirname, "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  return file;
}
