import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createFreshDatabase } from "@/scripts/db/fresh-database";
import { migrate } from "@/scripts/db/migrate";
import { startEmbeddedPostgres } from "@/server/db/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One fresh, migrated database per test run: the server at DATABASE_URL, else embedded PGlite. */
export default async function setup(project: TestProject) {
  let url: string;
  let cleanup: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL, "connect_inbox_test");
    url = fresh.url;
    cleanup = fresh.drop;
  } else {
    const dataDir = mkdtempSync(path.join(tmpdir(), "connect-inbox-test-"));
    const embedded = await startEmbeddedPostgres({ dataDir, port: 54349 });
    url = embedded.connectionString;
    cleanup = async () => {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  await migrate(url);
  project.provide("databaseUrl", url);
  return cleanup;
}
