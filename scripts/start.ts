// `npm start`: the whole inbox with demo data. Uses DATABASE_URL when set, else an
// embedded PostgreSQL (PGlite) whose data stays in .data/ between starts.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type DemoCredentials, prepareDatabase, serveInbox, waitForHealth } from "@/scripts/inbox-server";
import { startEmbeddedPostgres } from "@/server/db/embedded";

const ROOT = path.resolve(import.meta.dirname, "..");
const DATA_DIR = path.join(ROOT, ".data");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);

function readOrCreate(file: string, create: () => string): string {
  const full = path.join(DATA_DIR, file);
  if (existsSync(full)) return readFileSync(full, "utf8").trim();
  const value = create();
  writeFileSync(full, `${value}\n`, { mode: 0o600 });
  return value;
}

function demoCredentials(): DemoCredentials {
  const stored = JSON.parse(
    readOrCreate("demo-credentials.json", () =>
      JSON.stringify({
        email: "owner@demo.connect-inbox.test",
        password: randomBytes(9).toString("base64url"),
        apiKey: `ci_${randomBytes(24).toString("base64url")}`,
      }),
    ),
  ) as DemoCredentials;
  return {
    email: process.env.SEED_EMAIL ?? stored.email,
    password: process.env.SEED_PASSWORD ?? stored.password,
    apiKey: process.env.SEED_API_KEY ?? stored.apiKey,
  };
}

async function main() {
  mkdirSync(DATA_DIR, { recursive: true });
  let databaseUrl = process.env.DATABASE_URL;
  let stopDatabase = async () => {};
  const env: Record<string, string | undefined> = {
    NEXTAUTH_SECRET:
      process.env.NEXTAUTH_SECRET ?? readOrCreate("nextauth-secret", () => randomBytes(32).toString("hex")),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  };
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "pglite"), port: 54329 });
    databaseUrl = embedded.connectionString;
    stopDatabase = embedded.stop;
    // PGlite gives every connection one backend session, so LISTEN/NOTIFY cannot fan out.
    env.EVENT_BUS = "memory";
    console.log(`Embedded PostgreSQL (PGlite) at ${databaseUrl}, data in .data/pglite`);
  }
  env.DATABASE_URL = databaseUrl;
  const credentials = demoCredentials();
  const created = await prepareDatabase(databaseUrl, credentials);
  const server = await serveInbox({ port, dev, env });

  const shutdown = () => server.stop();
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);

  await waitForHealth(`http://localhost:${port}`, 120_000);
  console.log(
    [
      "",
      `Connect Inbox is running: http://localhost:${port}`,
      created ? "Demo workspace seeded." : "Demo workspace already present.",
      `  sign in:  ${credentials.email} / ${credentials.password}`,
      `  API key:  ${credentials.apiKey}`,
      "",
    ].join("\n"),
  );

  const code = await server.exited;
  await stopDatabase();
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
