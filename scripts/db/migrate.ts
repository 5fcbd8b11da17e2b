// `npm run db:migrate`: `prisma migrate deploy` without the native engine the CLI cannot download.
import { pathToFileURL } from "node:url";
import { MIGRATIONS_DIR } from "@/scripts/db/migrations-dir";
import { applyMigrations } from "@/scripts/db/schema-engine";

/** Applies the pending migrations in prisma/migrations; returns the names of those it applied. */
export function migrate(connectionString: string): Promise<string[]> {
  return applyMigrations(connectionString, MIGRATIONS_DIR);
}

async function main(): Promise<void> {
  // Not server/env.ts: that one also demands the app's secrets, which migrating does not need.
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const applied = await migrate(url);
  if (applied.length === 0) console.log("No pending migrations.");
  for (const name of applied) console.log(`Applied ${name}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
