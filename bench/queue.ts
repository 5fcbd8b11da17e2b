// The day's work on a big queue, in-process against a fresh database of 1,000,000 conversations in
// one workspace: the list's first page unfiltered and under the filters agents use all day (mine,
// a label, Snoozed), each against the 20 ms target; then bulk changes of 1,000 conversations
// (target ≤ 1 s), with the list read in a loop meanwhile (is the inbox still answering while one
// lands?) and the live events each bulk change publishes counted (target: one).
import pg from "pg";
import { createFreshDatabase } from "@/scripts/db/fresh-database";
import { migrate } from "@/scripts/db/migrate";
import type { Caller } from "@/server/auth/caller";
import { bulkUpdateConversations } from "@/server/conversations/bulk";
import { listConversations } from "@/server/conversations/list";
import type { ListConversationsInput } from "@/server/conversations/schemas";
import { createDb, type Db } from "@/server/db/client";
import { onCommitted } from "@/server/events/publish";

const CONVERSATIONS = Number(process.env.BENCH_QUEUE_CONVERSATIONS ?? 1_000_000);
const MEMBERS = 20;
const ROUNDS = Number(process.env.BENCH_QUEUE_ROUNDS ?? 21);
const BULK = 1_000;
const BULK_ROUNDS = 6;
const WS = "queue-ws";
const caller: Caller = { workspaceId: WS, memberId: "qm1", role: "owner", via: "session" };
const TARGET_LIST_MS = 20;
const TARGET_BULK_MS = 1_000;

type Scenario = { name: string; input: ListConversationsInput };
const SCENARIOS: Scenario[] = [
  { name: "Open, everyone's (unfiltered)", input: { status: "open" } },
  { name: "Open, mine", input: { status: "open", assignee: "me" } },
  { name: "Resolved, everyone's", input: { status: "resolved" } },
  { name: "Snoozed, everyone's", input: { status: "snoozed" } },
  { name: "Open, a label on 10% of all", input: { status: "open", labelIds: ["ql1"] } },
  { name: "Open, a label on 0.1% of all", input: { status: "open", labelIds: ["ql2"] } },
  { name: "Open, both labels", input: { status: "open", labelIds: ["ql1", "ql2"] } },
];

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Workspace" (id, name, slug) VALUES ($1, 'Queue', 'queue')`, [WS]);
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash")
       SELECT 'qu' || g, 'agent' || g || '@bench.test', 'Agent ' || g, 'x' FROM generate_series(1, $1::int) g`,
      [MEMBERS],
    );
    await client.query(
      `INSERT INTO "Member" (id, "workspaceId", "userId", role)
       SELECT 'qm' || g, $1, 'qu' || g, 'agent' FROM generate_series(1, $2::int) g`,
      [WS, MEMBERS],
    );
    // Ten conversations per customer.
    await client.query(
      `INSERT INTO "Customer" (id, "workspaceId", name, email, "updatedAt")
       SELECT 'qc' || g, $1, 'Customer ' || g, 'c' || g || '@example.com', now() FROM generate_series(1, $2::int) g`,
      [WS, CONVERSATIONS / 10],
    );
    // 55% resolved, 25% open, 15% pending, 5% snoozed; a fifth unassigned, the rest spread over the members.
    await client.query(
      `INSERT INTO "Conversation" (id, "workspaceId", "customerId", status, "snoozedUntil", "assigneeId", subject, "lastMessageAt", "updatedAt")
       SELECT 'qv' || g, $1, 'qc' || (g % ($2::int / 10) + 1),
              (CASE WHEN g % 20 < 11 THEN 'resolved' WHEN g % 20 < 16 THEN 'open'
                    WHEN g % 20 < 19 THEN 'pending' ELSE 'snoozed' END)::"ConversationStatus",
              CASE WHEN g % 20 = 19 THEN now() + (g % 1000) * interval '1 hour' END,
              CASE WHEN g % 5 = 0 THEN NULL ELSE 'qm' || ((g / 20) % $3::int + 1) END,
              'Order ' || g, timestamp '2024-01-01' + g * interval '30 seconds', now()
       FROM generate_series(1, $2::int) g`,
      [WS, CONVERSATIONS, MEMBERS],
    );
    // Labels: one on every tenth conversation, one on every thousandth (picked across statuses).
    await client.query(
      `INSERT INTO "Label" (id, "workspaceId", name, color, "updatedAt")
       VALUES ('ql1', $1, 'Billing', 'amber', now()), ('ql2', $1, 'Legal', 'red', now())`,
      [WS],
    );
    await client.query(
      `INSERT INTO "ConversationLabel" ("workspaceId", "conversationId", "labelId", "lastMessageAt")
       SELECT $1, 'qv' || g, CASE WHEN (g / 20) % 1000 = 0 THEN 'ql2' ELSE 'ql1' END, now()
       FROM generate_series(1, $2::int) g WHERE (g / 20) % 10 = 0`,
      [WS, CONVERSATIONS],
    );
    await client.query(
      `INSERT INTO "ConversationLabel" ("workspaceId", "conversationId", "labelId", "lastMessageAt")
       SELECT $1, 'qv' || g, 'ql1', now() FROM generate_series(1, $2::int) g WHERE (g / 20) % 1000 = 0`,
      [WS, CONVERSATIONS],
    );
    await client.query(`VACUUM (ANALYZE)`);
    await client.query("CHECKPOINT");
  } finally {
    await client.end();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

async function timeList(db: Db, input: ListConversationsInput) {
  const started = performance.now();
  const page = await listConversations(db, caller, { ...input, limit: 40 });
  return { ms: performance.now() - started, rows: page.items.length };
}

/** Bulk changes of 1,000 open conversations to pending and back, with the list read meanwhile. */
async function benchBulk(db: Db) {
  const ids = (
    await db.conversation.findMany({
      where: { workspaceId: WS, status: "open" },
      select: { id: true },
      orderBy: [{ lastMessageAt: "desc" }],
      take: BULK,
    })
  ).map((row) => row.id);
  let events = 0;
  onCommitted((event) => {
    if (event.workspaceId === WS) events += 1;
  });
  const idle: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) idle.push((await timeList(db, { status: "open" })).ms);
  const bulkMs: number[] = [];
  const during: number[] = [];
  for (let round = 0; round < BULK_ROUNDS; round += 1) {
    let landing = true;
    const reader = (async () => {
      while (landing) during.push((await timeList(db, { status: "open" })).ms);
    })();
    const started = performance.now();
    const result = await bulkUpdateConversations(db, caller, {
      target: { ids },
      change: { status: round % 2 === 0 ? "pending" : "open" },
    }).finally(() => {
      landing = false;
    });
    bulkMs.push(performance.now() - started);
    await reader;
    if (result.changed !== BULK) throw new Error(`bulk changed ${result.changed}, not ${BULK}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  return {
    bulkP50Ms: median(bulkMs),
    bulkMaxMs: Math.max(...bulkMs),
    listIdleP50Ms: median(idle),
    listDuringP50Ms: median(during),
    listDuringMaxMs: Math.max(...during),
    listReadsDuring: during.length,
    liveEventsPerBulk: events / BULK_ROUNDS,
  };
}

const verdict = (ok: boolean) => (ok ? "✅ within" : "❌ over");

export async function benchQueue(serverUrl: string) {
  if (process.env.BENCH_QUEUE_KEEP) {
    // Kept for EXPLAIN: seeded once into the named database.
    const url = new URL(serverUrl);
    url.pathname = `/${process.env.BENCH_QUEUE_KEEP}`;
    await migrate(url.toString());
    await seed(url.toString());
    return null;
  }
  const database = await createFreshDatabase(serverUrl, "connect_inbox_bench_queue");
  const db = createDb(database.url);
  try {
    await migrate(database.url);
    // A bulk change publishes its live event on the bus, as in the app (LISTEN/NOTIFY on this database).
    process.env.DATABASE_URL = database.url;
    process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench";
    console.log(`Seeding ${CONVERSATIONS.toLocaleString("en")} conversations in one workspace…`);
    const started = Date.now();
    await seed(database.url);
    console.log(`  seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const rows = [];
    for (const { name, input } of SCENARIOS) {
      await timeList(db, input);
      const times: number[] = [];
      let found = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        const timed = await timeList(db, input);
        times.push(timed.ms);
        found = timed.rows;
      }
      rows.push({ scenario: name, rows: found, p50Ms: median(times), p95Ms: percentile(times, 0.95) });
    }
    const bulk = await benchBulk(db);
    const listTable = [
      "| first page of 40 | rows | p50 ms | p95 ms | target p50 | |",
      "|---|---|---|---|---|---|",
      ...rows.map(
        (r) =>
          `| ${r.scenario} | ${r.rows} | ${r.p50Ms.toFixed(1)} | ${r.p95Ms.toFixed(1)} | ≤ ${TARGET_LIST_MS} | ${verdict(r.p50Ms <= TARGET_LIST_MS)} |`,
      ),
    ].join("\n");
    const bulkTable = [
      "| bulk change of 1,000 conversations | value | target | |",
      "|---|---|---|---|",
      `| one request, p50 (max) ms | ${bulk.bulkP50Ms.toFixed(0)} (${bulk.bulkMaxMs.toFixed(0)}) | ≤ ${TARGET_BULK_MS} | ${verdict(bulk.bulkP50Ms <= TARGET_BULK_MS)} |`,
      `| live events published per bulk change | ${bulk.liveEventsPerBulk} | 1 | ${verdict(bulk.liveEventsPerBulk === 1)} |`,
      `| the list's first page while it lands, p50 (max) ms, ${bulk.listReadsDuring} reads | ${bulk.listDuringP50Ms.toFixed(1)} (${bulk.listDuringMaxMs.toFixed(0)}) | idle: ${bulk.listIdleP50Ms.toFixed(1)} | |`,
    ].join("\n");
    console.log(
      `\nThe queue (${CONVERSATIONS.toLocaleString("en")} conversations, in-process)\n\n${listTable}\n\n${bulkTable}`,
    );
    return { date: new Date().toISOString(), conversations: CONVERSATIONS, rows, bulk };
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}
