// `npm run bench -- live`: 1,000 members of one workspace each holding the inbox's live stream;
// a message sent through the Connect API (API key) must reach every stream (p99 ≤ 250 ms), each
// stream must cost the instance ≤ 50 kB, and 100 typists signalling at their throttled rate must
// not raise that p99 by more than 50 ms. Then the same with two instances on one database.
//
// The app: the route handlers `next start` serves /api/live and /api/trpc with
// (bench/live-server.ts), on a node http server in a child process per instance, EVENT_BUS=postgres
// (LISTEN/NOTIFY, as in production). The streams and the typists: another child process
// (bench/live-clients.ts), so each instance's memory figure is its own.
import { type ChildProcess, fork, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { encode } from "next-auth/jwt";
import pg from "pg";
import type { ClientCommand, LiveClient } from "@/bench/live-clients";
import { createFreshDatabase } from "@/scripts/db/fresh-database";
import { migrate } from "@/scripts/db/migrate";
import { generateApiKey } from "@/server/auth/api-key";

const MEMBERS = Number(process.env.BENCH_LIVE_MEMBERS ?? 1_000);
const CONVERSATIONS = 100;
const TYPISTS = 100;
const TYPING_EVERY_MS = 2_500;
const SENDS = 30;
const WARM_STREAMS = 20;
const SEND_GAP_MS = 150;
const SECRET = "bench-secret-bench-secret-bench";
const TARGETS = { p99Ms: 250, perConnectionKb: 50, typingExtraMs: 50 };

type Memory = { rss: number; heapUsed: number };
type Seeded = { apiKey: string; conversationIds: string[]; members: { userId: string; cookie: string }[] };

async function seed(databaseUrl: string): Promise<Seeded> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const workspaceId = randomUUID();
    await client.query(`INSERT INTO "Workspace" (id, name, slug) VALUES ($1, 'Live bench', $2)`, [
      workspaceId,
      `live-${workspaceId.slice(0, 8)}`,
    ]);
    const userIds = Array.from({ length: MEMBERS }, () => randomUUID());
    const memberIds = userIds.map(() => randomUUID());
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash")
       SELECT u, 'member-' || i || '@live.bench.test', 'Member ' || i, 'not-a-hash'
       FROM unnest($1::text[]) WITH ORDINALITY AS t(u, i)`,
      [userIds],
    );
    await client.query(
      `INSERT INTO "Member" (id, "workspaceId", "userId", role)
       SELECT m, $2, u, (CASE WHEN i = 1 THEN 'owner' ELSE 'agent' END)::"MemberRole"
       FROM unnest($1::text[], $3::text[]) WITH ORDINALITY AS t(u, m, i)`,
      [userIds, workspaceId, memberIds],
    );
    const expiresAt = new Date(Date.now() + 7 * 24 * 3600_000);
    const sessionIds = userIds.map(() => randomUUID());
    await client.query(
      `INSERT INTO "Session" (id, "userId", "expiresAt") SELECT s, u, $3 FROM unnest($1::text[], $2::text[]) AS t(s, u)`,
      [sessionIds, userIds, expiresAt],
    );
    const key = generateApiKey();
    await client.query(
      `INSERT INTO "ApiKey" (id, "workspaceId", "memberId", name, prefix, hash) VALUES ($1, $2, $3, 'bench', $4, $5)`,
      [randomUUID(), workspaceId, memberIds[0], key.prefix, key.hash],
    );
    const customerId = randomUUID();
    await client.query(
      `INSERT INTO "Customer" (id, "workspaceId", name, email, "updatedAt") VALUES ($1, $2, 'Emre', 'emre@live.bench.test', now())`,
      [customerId, workspaceId],
    );
    const conversationIds = Array.from({ length: CONVERSATIONS }, () => randomUUID());
    await client.query(
      `INSERT INTO "Conversation" (id, "workspaceId", "customerId", "updatedAt")
       SELECT c, $2, $3, now() FROM unnest($1::text[]) AS t(c)`,
      [conversationIds, workspaceId, customerId],
    );
    const members = await Promise.all(
      userIds.map(async (userId, index) => ({
        userId,
        cookie: `next-auth.session-token=${await encode({
          token: { sub: userId, sid: sessionIds[index] },
          secret: SECRET,
        })}`,
      })),
    );
    return { apiKey: key.key, conversationIds, members };
  } finally {
    await client.end();
  }
}

async function startInstance(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "bench/live-server.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      EVENT_BUS: "postgres",
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: "http://127.0.0.1",
      AI_WORKER: "off",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (!child.stdout) throw new Error("bench/live-server.ts has no stdout");
  const first = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
  if (!first.value) throw new Error("bench/live-server.ts did not start");
  return { url: String(first.value), child };
}

async function memory(url: string): Promise<Memory> {
  return (await fetch(`${url}/bench/memory`)).json() as Promise<Memory>;
}

function startClients() {
  const child = fork("bench/live-clients.ts", [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const waiting = new Map<string, (message: Record<string, unknown>) => void>();
  child.on("message", (message: Record<string, unknown>) => {
    if (message.type === "error") console.error("clients:", message.message);
    waiting.get(String(message.type))?.(message);
  });
  const next = (type: string) =>
    new Promise<Record<string, unknown>>((resolve) => waiting.set(type, resolve));
  return {
    started: next("started"),
    ask: (command: ClientCommand, answer: string) => {
      const reply = next(answer);
      child.send(command);
      return reply;
    },
    stop: () => child.kill(),
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** Sends SENDS messages through the API key; the delay to every stream of each. */
async function measureDelivery(
  url: string,
  apiKey: string,
  conversationId: string,
  clients: ReturnType<typeof startClients>,
) {
  await clients.ask({ type: "arrivals" }, "arrivals");
  const sentAt = new Map<string, number>();
  for (let i = 0; i < SENDS; i++) {
    const at = Date.now();
    const response = await fetch(`${url}/api/trpc/v1.connect.send`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ conversationId, content: { en: `Bench message ${i}` } }),
    });
    const body = (await response.json()) as { result?: { data: { id: string } } };
    if (!body.result) throw new Error(`send failed: ${JSON.stringify(body)}`);
    sentAt.set(body.result.data.id, at);
    await new Promise((resolve) => setTimeout(resolve, SEND_GAP_MS));
  }
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const { arrivals } = (await clients.ask({ type: "arrivals" }, "arrivals")) as unknown as {
    arrivals: Record<string, number[]>;
  };
  const delays: number[] = [];
  let missing = 0;
  for (const [id, at] of sentAt) {
    const times = arrivals[id] ?? [];
    missing += MEMBERS - times.length;
    for (const time of times) delays.push(time - at);
  }
  delays.sort((a, b) => a - b);
  return { p50: percentile(delays, 50), p99: percentile(delays, 99), max: delays.at(-1) ?? 0, missing };
}

async function scenario(name: string, databaseUrl: string, seeded: Seeded, instances: number) {
  const servers: { url: string; child: ChildProcess }[] = [];
  for (let i = 0; i < instances; i++) servers.push(await startInstance(databaseUrl));
  const clients = startClients();
  try {
    await clients.started;
    // Every route's code loaded and the pools open before the "before" figure.
    for (const { url } of servers) {
      await fetch(`${url}/api/trpc/v1.connect.send`, {
        method: "POST",
        headers: { authorization: `Bearer ${seeded.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ conversationId: seeded.conversationIds[0], content: { en: "warm-up" } }),
      });
    }
    const live: LiveClient[] = seeded.members.map((member, index) => ({
      baseUrl: servers[index % instances]?.url ?? "",
      cookie: member.cookie,
      connectionId: randomUUID(),
      // Ten members on each conversation; the typists are one on each.
      conversationId: seeded.conversationIds[index % CONVERSATIONS] ?? "",
    }));
    // The first streams load the live and presence code; what the rest add is what a stream costs.
    await clients.ask({ type: "connect", clients: live.slice(0, WARM_STREAMS) }, "connected");
    const before = await Promise.all(servers.map(({ url }) => memory(url)));
    const connectStarted = Date.now();
    await clients.ask({ type: "connect", clients: live.slice(WARM_STREAMS) }, "connected");
    const connectSeconds = (Date.now() - connectStarted) / 1000;
    const after = await Promise.all(servers.map(({ url }) => memory(url)));
    const perInstance = (MEMBERS - WARM_STREAMS) / instances;
    const rssKb = Math.max(...after.map((m, i) => (m.rss - (before[i]?.rss ?? 0)) / perInstance / 1024));
    const heapKb = Math.max(
      ...after.map((m, i) => (m.heapUsed - (before[i]?.heapUsed ?? 0)) / perInstance / 1024),
    );
    const sendUrl = servers[0]?.url ?? "";
    const quiet = await measureDelivery(sendUrl, seeded.apiKey, seeded.conversationIds[0] ?? "", clients);
    await clients.ask({ type: "typing", typists: TYPISTS, everyMs: TYPING_EVERY_MS }, "typing-started");
    await new Promise((resolve) => setTimeout(resolve, TYPING_EVERY_MS));
    const typing = await measureDelivery(sendUrl, seeded.apiKey, seeded.conversationIds[0] ?? "", clients);
    const typed = await clients.ask({ type: "stop-typing" }, "typing-stopped");
    return {
      name,
      instances,
      connections: MEMBERS,
      connectSeconds,
      rssKbPerConnection: rssKb,
      heapKbPerConnection: heapKb,
      quiet,
      typing,
      typingSignalsSent: Number(typed.typingSent),
      typingSignalsFailed: Number(typed.typingFailed),
      presenceEventsReceived: Number(typed.presenceReceived),
    };
  } finally {
    clients.stop();
    for (const { child } of servers) child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

function table(rows: Awaited<ReturnType<typeof scenario>>[]): string {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const ok = (good: boolean) => (good ? "yes" : "NO");
  const lines = [
    "| setup | streams | p50 / p99 / max (quiet) | p99 with 100 typists | p99 rise (≤ 50 ms) | p99 ≤ 250 ms | RSS per stream (≤ 50 kB) | heap per stream | missed |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    const rise = r.typing.p99 - r.quiet.p99;
    lines.push(
      `| ${r.name} | ${r.connections} | ${ms(r.quiet.p50)} / ${ms(r.quiet.p99)} / ${ms(r.quiet.max)} | ${ms(r.typing.p99)} | ${ms(rise)} ${ok(rise <= TARGETS.typingExtraMs)} | ${ok(Math.max(r.quiet.p99, r.typing.p99) <= TARGETS.p99Ms)} | ${r.rssKbPerConnection.toFixed(1)} kB ${ok(r.rssKbPerConnection <= TARGETS.perConnectionKb)} | ${r.heapKbPerConnection.toFixed(1)} kB | ${r.quiet.missing + r.typing.missing} |`,
    );
  }
  return lines.join("\n");
}

export async function benchLive(serverUrl: string) {
  const database = await createFreshDatabase(serverUrl, "connect_inbox_bench_live");
  try {
    await migrate(database.url);
    console.log(`Seeding ${MEMBERS} members with sessions…`);
    const seeded = await seed(database.url);
    const rows = [];
    console.log("One instance…");
    rows.push(await scenario("one instance", database.url, seeded, 1));
    console.log("Two instances on one database…");
    rows.push(await scenario("two instances (EVENT_BUS=postgres)", database.url, seeded, 2));
    console.log(`\nLive delivery: ${SENDS} API sends each reaching ${MEMBERS} streams\n`);
    console.log(table(rows));
    return { date: new Date().toISOString(), targets: TARGETS, rows };
  } finally {
    await database.drop();
  }
}
