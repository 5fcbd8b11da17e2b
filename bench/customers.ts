// A customer's profile with 1,000 past conversations, in a workspace of 100,000 conversations of
// 20,000 other customers: the profile's two reads (the customer, the first page of their
// conversations) in-process, as the /customers/<id> page asks for them, against the 20 ms p50
// target; beside them the Customers page's first page and a search by email.
import pg from "pg";
import { createFreshDatabase } from "@/scripts/db/fresh-database";
import { migrate } from "@/scripts/db/migrate";
import type { Caller } from "@/server/auth/caller";
import { listCustomerConversations } from "@/server/customers/conversations";
import { getCustomer } from "@/server/customers/get";
import { listCustomers } from "@/server/customers/list";
import { createDb, type Db } from "@/server/db/client";

const PROFILE_CONVERSATIONS = 1_000;
const OTHER_CUSTOMERS = 20_000;
const OTHER_CONVERSATIONS = 100_000;
const ROUNDS = Number(process.env.BENCH_CUSTOMERS_ROUNDS ?? 200);
const TARGET_MS = 20;
const caller: Caller = {
  workspaceId: "customers-ws",
  memberId: "customers-member",
  role: "owner",
  via: "apiKey",
};

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Workspace" (id, name, slug) VALUES ('customers-ws', 'Customers', 'customers')`,
    );
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash") VALUES ('customers-user', 'customers@bench.test', 'Customers', 'x')`,
    );
    await client.query(
      `INSERT INTO "Member" (id, "workspaceId", "userId", role) VALUES ('customers-member', 'customers-ws', 'customers-user', 'owner')`,
    );
    await client.query(
      `INSERT INTO "Customer" (id, "workspaceId", name, email, phone, "externalId", metadata, "updatedAt")
       SELECT 'cu' || g, 'customers-ws', 'Customer ' || g, 'c' || g || '@example.com', '+90 555 ' || g, 'crm-' || g,
              '{"plan": "pro"}', now()
       FROM generate_series(0, $1::int) g`,
      [OTHER_CUSTOMERS],
    );
    // cu0 is the profile; the others' conversations interleave with its in time.
    await client.query(
      `INSERT INTO "Conversation" (id, "workspaceId", "customerId", subject, status, "lastMessageAt",
                                   "lastMessagePreview", "updatedAt")
       SELECT 'cv' || g, 'customers-ws', CASE WHEN g <= $1::int THEN 'cu0' ELSE 'cu' || (g % $2::int + 1) END,
              'Order ' || g, (ARRAY['open', 'pending', 'resolved'])[g % 3 + 1]::"ConversationStatus",
              timestamp '2025-01-01' + (g * 7919 % ($1::int + $3::int)) * interval '1 minute',
              jsonb_build_object('en', 'Where is my order ' || g || '?'), now()
       FROM generate_series(1, $1::int + $3::int) g`,
      [PROFILE_CONVERSATIONS, OTHER_CUSTOMERS, OTHER_CONVERSATIONS],
    );
    await client.query(`VACUUM (ANALYZE)`);
    await client.query("CHECKPOINT");
  } finally {
    await client.end();
  }
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

async function measure(work: () => Promise<unknown>) {
  for (let i = 0; i < 10; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

function scenarios(db: Db) {
  return [
    {
      name: `profile: the customer and the first page of their ${PROFILE_CONVERSATIONS.toLocaleString("en")} conversations`,
      target: true,
      work: () =>
        Promise.all([
          getCustomer(db, caller, { id: "cu0" }),
          listCustomerConversations(db, caller, { customerId: "cu0", limit: 20 }),
        ]),
    },
    {
      name: "profile: the first page of conversations alone",
      target: true,
      work: () => listCustomerConversations(db, caller, { customerId: "cu0", limit: 20 }),
    },
    {
      name: "details panel: the customer's other conversations (5)",
      target: false,
      work: () =>
        listCustomerConversations(db, caller, { customerId: "cu0", exceptConversationId: "cv1", limit: 5 }),
    },
    {
      name: `Customers page: first page of ${(OTHER_CUSTOMERS + 1).toLocaleString("en")}`,
      target: false,
      work: () => listCustomers(db, caller, { limit: 30 }),
    },
    {
      name: 'Customers page: search "c19999@example"',
      target: false,
      work: () => listCustomers(db, caller, { search: "c19999@example", limit: 30 }),
    },
  ];
}

export async function benchCustomers(serverUrl: string) {
  const database = await createFreshDatabase(serverUrl, "connect_inbox_bench_customers");
  const db = createDb(database.url);
  try {
    await migrate(database.url);
    console.log(
      `Seeding a customer with ${PROFILE_CONVERSATIONS.toLocaleString("en")} conversations among ${OTHER_CONVERSATIONS.toLocaleString("en")} of ${OTHER_CUSTOMERS.toLocaleString("en")} others…`,
    );
    const started = Date.now();
    await seed(database.url);
    console.log(`  seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const rows = [];
    for (const scenario of scenarios(db)) {
      const { p50, p95 } = await measure(scenario.work);
      rows.push({ scenario: scenario.name, p50, p95, targetMs: scenario.target ? TARGET_MS : null });
    }
    const table = [
      `| in-process, ${ROUNDS} rounds | p50 ms | p95 ms | target p50 | verdict |`,
      "|---|---|---|---|---|",
      ...rows.map(
        (r) =>
          `| ${r.scenario} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.targetMs ? `≤ ${r.targetMs} ms` : "—"} | ${
            r.targetMs ? (r.p50 <= r.targetMs ? "within" : "OVER") : "—"
          } |`,
      ),
    ].join("\n");
    console.log(`\nCustomers and their history\n\n${table}`);
    return { date: new Date().toISOString(), profileConversations: PROFILE_CONVERSATIONS, rows };
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}
