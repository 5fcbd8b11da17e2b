// Playwright's web server: the production build on a database made fresh for this run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { E2E_PORT, e2eCredentials } from "@/e2e/config";
import { createFreshDatabase } from "@/scripts/db/fresh-database";
import { prepareDatabase, serveInbox } from "@/scripts/inbox-server";
import { startEmbeddedPostgres } from "@/server/db/embedded";

async function main() {
  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  const env: Record<string, string | undefined> = {
    NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret",
    NEXTAUTH_URL: `http://127.0.0.1:${E2E_PORT}`,
    // Every spec seeds its data through the one e2e API key, two workers at once (a thread of
    // 60 messages, a list of conversations): the default 600 a minute could refuse a journey.
    // The limit itself is tested in server/limits/api-rate-limit.test.ts.
    API_RATE_LIMIT_PER_MINUTE: "100000",
  };
  if (process.env.DATABASE_URL) {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL, "connect_inbox_e2e");
    databaseUrl = fresh.url;
    cleanup = fresh.drop;
  } else {
    const dataDir = mkdtempSync(path.join(tmpdir(), "connect-inbox-e2e-"));
    const embedded = await startEmbeddedPostgres({ dataDir, port: 54339 });
    databaseUrl = embedded.connectionString;
    cleanup = async () => {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
    env.EVENT_BUS = "memory";
  }
  env.DATABASE_URL = databaseUrl;
  await prepareDatabase(databaseUrl, e2eCredentials);
  const server = await serveInbox({ port: E2E_PORT, dev: false, env });
  const stop = () => server.stop();
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const code = await server.exited;
  await cleanup().catch((error: unknown) => console.error("e2e cleanup failed:", error));
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
