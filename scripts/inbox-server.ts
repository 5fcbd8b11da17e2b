import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { migrate } from "@/scripts/db/migrate";
import { seedDemo } from "@/scripts/db/seed";
import { createDb } from "@/server/db/client";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCES = [
  "app",
  "components",
  "client",
  "server",
  "types",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
  "prisma/schema.prisma",
];
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

export type DemoCredentials = { email: string; password: string; apiKey: string };

function newestSourceChange(entry: string): number {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (entry.endsWith(path.join("db", "generated"))) return 0;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(full).map((name) => newestSourceChange(path.join(entry, name))),
  );
}

/** Whether `.next` holds a production build at least as new as every source file. */
function buildIsCurrent(): boolean {
  const buildId = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.every((entry) => newestSourceChange(entry) <= builtAt);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`)),
    );
  });
}

export async function prepareDatabase(databaseUrl: string, credentials: DemoCredentials): Promise<boolean> {
  await migrate(databaseUrl);
  const db = createDb(databaseUrl);
  try {
    const { created } = await seedDemo(db, credentials);
    return created;
  } finally {
    await db.$disconnect();
  }
}

/**
 * Builds when needed, then serves the app on `port` and resolves once the
 * server process exits. The returned `stop` forwards SIGTERM.
 */
export async function serveInbox(options: {
  port: number;
  dev: boolean;
  env: Record<string, string | undefined>;
}): Promise<{ exited: Promise<number>; stop: () => void }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
    PORT: String(options.port),
  };
  if (!options.dev && !buildIsCurrent()) {
    console.log("Building the app (first start or changed sources)…");
    await run(process.execPath, [NEXT_BIN, "build"], { ...env, NODE_ENV: "production" });
  }
  const child = spawn(
    process.execPath,
    [NEXT_BIN, options.dev ? "dev" : "start", "-p", String(options.port)],
    {
      cwd: ROOT,
      env: { ...env, NODE_ENV: options.dev ? "development" : "production" },
      stdio: "inherit",
    },
  );
  const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
  return { exited, stop: () => child.kill("SIGTERM") };
}

export async function waitForHealth(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${baseUrl}/api/health did not answer within ${timeoutMs} ms`);
}
