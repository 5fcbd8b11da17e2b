// Playwright's web server: the production build on a database made fresh for this run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { E2E_BLOCKED_AGENT, E2E_OPERATOR_PROVIDER, E2E_PORT, e2eCredentials } from "@/e2e/config";
import { createFreshDatabase } from "@/scripts/db/fresh-database";
import { prepareDatabase, serveInbox } from "@/scripts/inbox-server";
import { createDb } from "@/server/db/client";
import { startEmbeddedPostgres } from "@/server/db/embedded";

/** What the hardening migration leaves of an agent that named a server variable for its key. */
async function addBlockedAgent(databaseUrl: string) {
  const db = createDb(databaseUrl);
  try {
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "demo" }, select: { id: true } });
    await db.aiAgent.upsert({
      where: { workspaceId_name: { workspaceId: workspace.id, name: E2E_BLOCKED_AGENT } },
      create: {
        workspaceId: workspace.id,
        name: E2E_BLOCKED_AGENT,
        provider: "openai_compatible",
        model: "legacy-model",
        baseUrl: "https://llm.legacy.example/v1",
        blockedReason: "key_env_retired",
      },
      update: {},
      select: { id: true },
    });
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  const env: Record<string, string | undefined> = {
    NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret",
    NEXTAUTH_URL: `http://127.0.0.1:${E2E_PORT}`,
    // The tests' fake models and image hosts listen on 127.0.0.1, on ports chosen as they start.
    OUTBOUND_ALLOWED_HOSTS: "127.0.0.1",
    SECRETS_KEY: "ZTJlLXNlY3JldHMta2V5LWUyZS1zZWNyZXRzLWtleSE=",
    AI_PROVIDERS: JSON.stringify([E2E_OPERATOR_PROVIDER]),
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
  await addBlockedAgent(databaseUrl);
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
