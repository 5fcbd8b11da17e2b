// A member with 100,000 notifications (all unread, then all but 10 read): the bell's unread count
// in-process against the 5 ms p50 target, the panel's first page, and, for comparison, an
// uncapped count(*) of the unread ones (why the count stops at 100: "99+").
import pg from "pg";
import { createFreshDatabase } from "@/scripts/db/fresh-database";
import { migrate } from "@/scripts/db/migrate";
import type { Caller } from "@/server/auth/caller";
import { createDb, type Db } from "@/server/db/client";
import { sql } from "@/server/db/sql";
import { countUnreadNotifications } from "@/server/notifications/count";
import { listNotifications } from "@/server/notifications/list";

const NOTIFICATIONS = 100_000;
const ROUNDS = Number(process.env.BENCH_NOTIFICATIONS_ROUNDS ?? 300);
const TARGET_MS = 5;
const caller: Caller = { workspaceId: "notify-ws", memberId: "notify-member", role: "agent", via: "session" };

async function seed(client: pg.Client) {
  await client.query(`INSERT INTO "Workspace" (id, name, slug) VALUES ('notify-ws', 'Notify', 'notify')`);
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash")
     SELECT 'notify-user-' || g, 'n' || g || '@bench.test', 'Member ' || g, 'x' FROM generate_series(0, 9) g`,
  );
  await client.query(
    `INSERT INTO "Member" (id, "workspaceId", "userId", role)
     SELECT CASE WHEN g = 0 THEN 'notify-member' ELSE 'notify-member-' || g END, 'notify-ws', 'notify-user-' || g, 'agent'
     FROM generate_series(0, 9) g`,
  );
  await client.query(
    `INSERT INTO "Customer" (id, "workspaceId", name, email, "updatedAt")
     SELECT 'cu' || g, 'notify-ws', 'Customer ' || g, 'c' || g || '@example.com', now() FROM generate_series(1, 1000) g`,
  );
  await client.query(
    `INSERT INTO "Conversation" (id, "workspaceId", "customerId", "assigneeId", "updatedAt")
     SELECT 'cv' || g, 'notify-ws', 'cu' || g, 'notify-member', now() FROM generate_series(1, 1000) g`,
  );
  // The member's 100,000, and 100,000 of their colleagues' beside them.
  await client.query(
    `INSERT INTO "Notification" (id, "workspaceId", "recipientId", kind, "conversationId", "actorId", "createdAt")
     SELECT 'n' || lpad(g::text, 7, '0'), 'notify-ws',
            CASE WHEN g <= $1::int THEN 'notify-member' ELSE 'notify-member-' || (g % 9 + 1) END,
            (ARRAY['mention', 'assigned', 'customer_message'])[g % 3 + 1]::"NotificationKind",
            'cv' || (g % 1000 + 1), CASE WHEN g % 3 = 2 THEN NULL ELSE 'notify-member-' || (g % 9 + 1) END,
            timestamp '2026-09-01' + g * interval '1 minute'
     FROM generate_series(1, $1::int * 2) g`,
    [NOTIFICATIONS],
  );
  await client.query(`VACUUM (ANALYZE)`);
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

async function measure(work: () => Promise<unknown>) {
  for (let i = 0; i < 20; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const uncappedCount = (db: Db) =>
  sql(
    db.$pool,
    `SELECT count(*)::int FROM "Notification" WHERE "recipientId" = $1 AND "workspaceId" = $2 AND "readAt" IS NULL`,
    [caller.memberId, caller.workspaceId],
  );

export async function benchNotifications(serverUrl: string) {
  const database = await createFreshDatabase(serverUrl, "connect_inbox_bench_notifications");
  const db = createDb(database.url);
  const client = new pg.Client({ connectionString: database.url });
  try {
    await migrate(database.url);
    await client.connect();
    console.log(`Seeding a member with ${NOTIFICATIONS.toLocaleString("en")} notifications…`);
    const started = Date.now();
    await seed(client);
    console.log(`  seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const rows: { scenario: string; p50: number; p95: number; targetMs: number | null }[] = [];
    const run = async (scenario: string, target: boolean, work: () => Promise<unknown>) => {
      const { p50, p95 } = await measure(work);
      rows.push({ scenario, p50, p95, targetMs: target ? TARGET_MS : null });
    };
    await run("unreadCount, all 100,000 unread (shows 99+)", true, () =>
      countUnreadNotifications(db, caller),
    );
    await run("first page of the list (20)", false, () => listNotifications(db, caller, { limit: 20 }));
    await run("uncapped count(*), all unread (not used)", false, () => uncappedCount(db));
    await client.query(
      `UPDATE "Notification" SET "readAt" = "createdAt" WHERE "recipientId" = 'notify-member' AND id > 'n0000010'`,
    );
    await client.query(`VACUUM (ANALYZE) "Notification"`);
    await run("unreadCount, 10 unread among 100,000", true, () => countUnreadNotifications(db, caller));
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
    console.log(`\nNotifications of one member (${NOTIFICATIONS.toLocaleString("en")})\n\n${table}`);
    return { date: new Date().toISOString(), notifications: NOTIFICATIONS, rows };
  } finally {
    await client.end();
    await db.$disconnect();
    await database.drop();
  }
}
