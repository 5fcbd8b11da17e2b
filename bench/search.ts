// Conversation search over a workspace of 1,000,000 messages (20,000 conversations of 50): the
// inbox's own list and counts queries, in-process, with the trigram index on the folded message
// text as shipped, beside the same queries with the index left unused (PostgreSQL's bitmap scans
// switched off for the transaction), which is what search costs without it.
import pg from "pg";
import { createFreshDatabase } from "@/scripts/db/fresh-database";
import { migrate } from "@/scripts/db/migrate";
import type { Caller } from "@/server/auth/caller";
import { listConversations } from "@/server/conversations/list";
import { createDb, type Db } from "@/server/db/client";

const CONVERSATIONS = 20_000;
const MESSAGES = 1_000_000;
const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 5);
const caller: Caller = { workspaceId: "search-ws", memberId: "search-member", role: "owner", via: "apiKey" };
const SEARCHES = [
  { name: "a word in one message", search: "zanzibar" },
  { name: "Turkish, folded (İstanbul / ıstanbul)", search: "ISTANBUL KARGO" },
  { name: "a customer's name", search: "Customer 19999" },
  { name: "nothing matches", search: "no such words here" },
];

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Workspace" (id, name, slug) VALUES ('search-ws', 'Search', 'search')`);
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash") VALUES ('search-user', 'search@bench.test', 'Search', 'x')`,
    );
    await client.query(
      `INSERT INTO "Member" (id, "workspaceId", "userId", role) VALUES ('search-member', 'search-ws', 'search-user', 'owner')`,
    );
    await client.query(
      `INSERT INTO "Customer" (id, "workspaceId", name, email, "updatedAt")
       SELECT 'cu' || g, 'search-ws', 'Customer ' || g, 'c' || g || '@example.com', now() FROM generate_series(1, $1::int) g`,
      [CONVERSATIONS],
    );
    await client.query(
      `INSERT INTO "Conversation" (id, "workspaceId", "customerId", subject, "lastMessageAt", "updatedAt")
       SELECT 'cv' || g, 'search-ws', 'cu' || g, 'Order ' || g, timestamp '2025-01-01' + g * interval '1 minute', now()
       FROM generate_series(1, $1::int) g`,
      [CONVERSATIONS],
    );
    await client.query(
      `INSERT INTO "Message" (id, "workspaceId", "conversationId", content, "senderType", "senderCustomerId", flags, "createdAt")
       SELECT 'ms' || g, 'search-ws', 'cv' || (g % $1::int + 1),
              jsonb_build_object(
                'en', 'Hello, my order ' || (g % 9973) || ' has not arrived yet, can you check the parcel please',
                'tr', 'Merhaba, siparişim ' || (g % 9973) || ' henüz gelmedi, İstanbul kargo durumuna bakar mısınız'),
              'customer', 'cu' || (g % $1::int + 1), '{}', timestamp '2025-01-01' + g * interval '1 second'
       FROM generate_series(1, $2::int) g`,
      [CONVERSATIONS, MESSAGES],
    );
    await client.query(
      `UPDATE "Message" SET content = '{"en": "The Zanzibar voucher did not work"}' WHERE id = 'ms777777'`,
    );
    await client.query(`VACUUM (ANALYZE)`);
    await client.query("CHECKPOINT");
  } finally {
    await client.end();
  }
}

async function timeSearch(db: Db, search: string, withIndex: boolean) {
  const started = performance.now();
  const page = await db.$transaction(async (tx) => {
    if (!withIndex) await tx.$executeRaw`SET LOCAL enable_bitmapscan = off`;
    // The list runs its two statements on the ORM, so the transaction client serves it.
    return listConversations(tx as unknown as Db, caller, { search, limit: 25 });
  });
  return { ms: performance.now() - started, found: page.items.length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function benchSearch(serverUrl: string) {
  const database = await createFreshDatabase(serverUrl, "connect_inbox_bench_search");
  const db = createDb(database.url);
  try {
    await migrate(database.url);
    console.log(
      `Seeding ${MESSAGES.toLocaleString("en")} messages in ${CONVERSATIONS.toLocaleString("en")} conversations…`,
    );
    const started = Date.now();
    await seed(database.url);
    console.log(`  seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const rows = [];
    for (const { name, search } of SEARCHES) {
      const indexed: number[] = [];
      const unindexed: number[] = [];
      let found = 0;
      // Alternating, after one untimed run of each, so caches and load fall on both alike.
      await timeSearch(db, search, true);
      await timeSearch(db, search, false);
      for (let round = 0; round < ROUNDS; round += 1) {
        const a = await timeSearch(db, search, true);
        indexed.push(a.ms);
        found = a.found;
        unindexed.push((await timeSearch(db, search, false)).ms);
      }
      rows.push({
        scenario: `${name}: "${search}"`,
        found,
        indexedMs: median(indexed),
        unindexedMs: median(unindexed),
      });
    }
    const table = [
      "| search (first page of 25) | found | with the index p50 ms | without it p50 ms | speed-up |",
      "|---|---|---|---|---|",
      ...rows.map(
        (r) =>
          `| ${r.scenario} | ${r.found} | ${r.indexedMs.toFixed(0)} | ${r.unindexedMs.toFixed(0)} | ${(r.unindexedMs / r.indexedMs).toFixed(0)}× |`,
      ),
    ].join("\n");
    console.log(`\nConversation search (${MESSAGES.toLocaleString("en")} messages)\n\n${table}`);
    return { date: new Date().toISOString(), messages: MESSAGES, conversations: CONVERSATIONS, rows };
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}
