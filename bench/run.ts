// `npm run bench`: measures, prints a table, writes bench/results/*.json. Not a test.
// `npm run bench -- api`, `-- inbox`, `-- search`, `-- customers`, `-- attachments`, `-- webhooks`, `-- queue`, `-- notifications` or `-- live` runs one part; no argument runs them all.
// Uses DATABASE_URL's server (default: the local PostgreSQL) and makes a fresh database there.

import { attachmentsTable, benchAttachments } from "@/bench/attachments";
import { benchConnectApi, connectApiTable, seedBigConversation, writeResults } from "@/bench/connect-api";
import { benchCustomers } from "@/bench/customers";
import { benchInbox } from "@/bench/inbox";
import { benchLive } from "@/bench/live";
import { benchNotifications } from "@/bench/notifications";
import { benchQueue } from "@/bench/queue";
import { benchSearch } from "@/bench/search";
import { benchWebhooks } from "@/bench/webhooks";
import { createFreshDatabase } from "@/scripts/db/fresh-database";
import { migrate } from "@/scripts/db/migrate";
import { serveInbox, waitForHealth } from "@/scripts/inbox-server";

const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const INBOX_PORT = Number(process.env.BENCH_INBOX_PORT ?? 3301);
const PARTS = [
  "api",
  "inbox",
  "search",
  "customers",
  "attachments",
  "webhooks",
  "queue",
  "notifications",
  "live",
] as const;
// The load generator sends thousands of calls a minute with one API key: the limit is set high
// enough never to refuse, so the table measures the limit's check (one upsert per request), not 429s.
const BENCH_API_RATE_LIMIT_PER_MINUTE = 1_000_000_000;

// Its own build directory, so a benchmark never rebuilds over another checkout's or run's `.next`.
process.env.NEXT_DIST_DIR ||= ".next-bench";

async function benchApi() {
  const database = await createFreshDatabase(SERVER_URL, "connect_inbox_bench");
  let stopApp = () => {};
  try {
    await migrate(database.url);
    console.log("Seeding the benchmark conversation…");
    const seeded = await seedBigConversation(database.url);
    console.log(`  ${seeded.lastPage * 50} messages in ${seeded.seedSeconds.toFixed(1)} s`);
    const app = await serveInbox({
      port: PORT,
      dev: false,
      env: {
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: "bench-secret-bench-secret-bench",
        NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
        AI_WORKER: "off",
        API_RATE_LIMIT_PER_MINUTE: String(BENCH_API_RATE_LIMIT_PER_MINUTE),
      },
    });
    stopApp = app.stop;
    console.log(
      `API_RATE_LIMIT_PER_MINUTE=${BENCH_API_RATE_LIMIT_PER_MINUTE.toLocaleString("en")} for the app: high enough never to answer 429; every request still pays for its check.`,
    );
    await waitForHealth(`http://127.0.0.1:${PORT}`, 120_000);
    console.log("Measuring the Connect API against the pg baseline…");
    const rows = await benchConnectApi(database.url, `http://127.0.0.1:${PORT}`, seeded);
    console.log(`\nConnect API (${seeded.lastPage * 50} messages in one conversation)\n`);
    console.log(connectApiTable(rows));
    console.log(`\nwritten: ${writeResults("connect-api", { date: new Date().toISOString(), rows })}`);
  } finally {
    stopApp();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await database.drop();
  }
}

async function main() {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((part) => !PARTS.some((known) => known === part));
  if (unknown.length > 0)
    throw new Error(`Unknown benchmark ${unknown.join(", ")}; choose from ${PARTS.join(", ")}`);
  const parts = asked.length > 0 ? asked : PARTS;
  if (parts.includes("api")) await benchApi();
  if (parts.includes("inbox")) {
    const inbox = await benchInbox(SERVER_URL, INBOX_PORT);
    console.log(`\nwritten: ${writeResults("inbox", inbox)}`);
  }
  if (parts.includes("search")) {
    console.log(`\nwritten: ${writeResults("search", await benchSearch(SERVER_URL))}`);
  }
  if (parts.includes("customers")) {
    console.log(`\nwritten: ${writeResults("customers", await benchCustomers(SERVER_URL))}`);
  }
  if (parts.includes("attachments")) {
    const rows = await benchAttachments(SERVER_URL);
    console.log(`\nA 100 MB attachment through the routes (the serving process's memory)\n`);
    console.log(attachmentsTable(rows));
    console.log(`\nwritten: ${writeResults("attachments", { date: new Date().toISOString(), rows })}`);
  }
  if (parts.includes("queue")) {
    console.log(`\nwritten: ${writeResults("queue", await benchQueue(SERVER_URL))}`);
  }
  if (parts.includes("notifications")) {
    console.log(`\nwritten: ${writeResults("notifications", await benchNotifications(SERVER_URL))}`);
  }
  if (parts.includes("live")) {
    console.log(`\nwritten: ${writeResults("live", await benchLive(SERVER_URL))}`);
  }
  if (parts.includes("webhooks")) {
    console.log(`\nwritten: ${writeResults("webhooks", await benchWebhooks(SERVER_URL))}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
