// `npm run db:migration:create -- <name>`: what `prisma migrate dev --create-only` would write,
// diffed from the schema the last migration was made from (no database needed).
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  LOCKFILE_NAME,
  LOCKFILE_TEXT,
  lastMigratedSchema,
  listMigrations,
  MIGRATION_FILE,
  MIGRATIONS_DIR,
  SCHEMA_COPY_FILE,
  SCHEMA_PATH,
} from "@/scripts/db/migrations-dir";
import { diffSql, EMPTY_SCHEMA } from "@/scripts/db/schema-engine";

// Prisma's own folder-name format: UTC, to the second.
function timestamp(at: Date): string {
  return at.toISOString().replace(/\D/g, "").slice(0, 14);
}

// Names sort by timestamp; two migrations made within one second must still apply in order.
function nextFolderName(name: string, previous: string | undefined, now: Date): string {
  let at = now;
  while (previous !== undefined && `${timestamp(at)}_${name}` <= previous) {
    at = new Date(at.getTime() + 1000);
  }
  return `${timestamp(at)}_${name}`;
}

function migrationSlug(raw: string): string {
  const slug = raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug) throw new Error("Give the migration a name: npm run db:migration:create -- <name>");
  return slug;
}

/**
 * Writes `prisma/migrations/<timestamp>_<name>/` (migration.sql and a copy of the schema)
 * for the changes to prisma/schema.prisma since the last migration. Returns the folder
 * name, or null when the schema did not change.
 */
export async function createMigration(
  name: string,
  options: { migrationsDir?: string; schemaPath?: string; now?: Date } = {},
): Promise<string | null> {
  const slug = migrationSlug(name);
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const schema = await readFile(options.schemaPath ?? SCHEMA_PATH, "utf8");
  const sql = await diffSql((await lastMigratedSchema(migrationsDir)) ?? EMPTY_SCHEMA, schema);
  if (!sql) return null;

  const previous = (await listMigrations(migrationsDir)).at(-1)?.name;
  const folder = nextFolderName(slug, previous, options.now ?? new Date());
  const dir = path.join(migrationsDir, folder);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, MIGRATION_FILE), sql);
  await writeFile(path.join(dir, SCHEMA_COPY_FILE), schema);
  if (!existsSync(path.join(migrationsDir, LOCKFILE_NAME))) {
    await writeFile(path.join(migrationsDir, LOCKFILE_NAME), LOCKFILE_TEXT);
  }
  return folder;
}

async function main(): Promise<void> {
  const folder = await createMigration(process.argv.slice(2).join(" "));
  if (folder === null) {
    console.log("No changes: prisma/schema.prisma matches the last migration.");
  } else {
    console.log(`Created prisma/migrations/${folder}/${MIGRATION_FILE}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
