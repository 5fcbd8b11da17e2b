import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import {
  lastMigratedSchema,
  listMigrations,
  MIGRATION_FILE,
  MIGRATIONS_DIR,
  SCHEMA_PATH,
} from "@/scripts/db/migrations-dir";
import { diffSql, EMPTY_SCHEMA } from "@/scripts/db/schema-engine";

// What a database "is", as far as the app can tell: names sorted, because a column or enum
// value added by a later migration lands last, where a fresh build puts it in schema order.
const CATALOG_QUERIES = {
  columns: `
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_value
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY 1, 2`,
  constraints: `
    SELECT c.relname AS table, con.conname AS name, pg_get_constraintdef(con.oid) AS definition
    FROM pg_constraint con
    JOIN pg_class c ON c.oid = con.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = $1
    ORDER BY 1, 2`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY 1, 2`,
  enums: `
    SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumlabel) AS labels
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = $1
    GROUP BY 1
    ORDER BY 1`,
};

async function catalog(client: pg.Client, schema: string): Promise<string> {
  const parts: string[] = [];
  for (const [kind, sql] of Object.entries(CATALOG_QUERIES)) {
    const { rows } = await client.query(sql, [schema]);
    parts.push(`${kind}:\n${rows.map((row) => JSON.stringify(row)).join("\n")}`);
  }
  return parts.join("\n\n").replaceAll(schema, "<schema>");
}

/**
 * Runs the scripts into a schema of their own and describes the result. The caller's
 * transaction scopes `search_path` to it: the embedded database shares one session among all
 * connections, so a session-wide setting would leak into other tests.
 */
async function build(client: pg.Client, scripts: string[]): Promise<string> {
  const schema = `migration_check_${randomBytes(4).toString("hex")}`;
  await client.query(`CREATE SCHEMA "${schema}"`);
  // Extensions belong to the database, not to a schema: pg_trgm (its operator classes) stays
  // in public, where the app's migrations put it, and is found from there.
  await client.query(`SET LOCAL search_path TO "${schema}", public`);
  for (const script of scripts) await client.query(script);
  return catalog(client, schema);
}

const HAND_WRITTEN = "-- Written by hand";

describe("prisma/migrations", () => {
  it("has a migration for every change to schema.prisma", async () => {
    const migrated = await lastMigratedSchema(MIGRATIONS_DIR);
    expect(migrated, "prisma/migrations has no migration yet").not.toBeNull();
    const pending = await diffSql(migrated ?? EMPTY_SCHEMA, await readFile(SCHEMA_PATH, "utf8"));
    expect(
      pending,
      "schema.prisma changed since the last migration: npm run db:migration:create -- <name>",
    ).toBe("");
  });

  // The next migration is diffed from the last one's schema copy, so a hand-edited
  // migration.sql or copy would make every later migration wrong. What the schema cannot say
  // (expression and partial indexes, triggers) goes after a "-- Written by hand" line, and is
  // expected on top of what the schema describes.
  it("builds, migration by migration, the database the last migration's schema describes", async () => {
    const migrations = await listMigrations(MIGRATIONS_DIR);
    const scripts = await Promise.all(
      migrations.map((m) => readFile(path.join(m.dir, MIGRATION_FILE), "utf8")),
    );
    const migrated = await lastMigratedSchema(MIGRATIONS_DIR);
    expect(migrated).not.toBeNull();
    const fromScratch = await diffSql(EMPTY_SCHEMA, migrated ?? "");

    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // Rolled back: nothing is left in the test database, whatever happens.
      await client.query("BEGIN");
      const built = await build(client, scripts);
      const byHand = scripts.flatMap((script) => {
        const at = script.indexOf(HAND_WRITTEN);
        return at < 0 ? [] : [script.slice(at)];
      });
      const expected = await build(client, [fromScratch, ...byHand]);
      expect(built).toContain("columns:\n{");
      expect(built).toBe(expected);
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });
});
