// Prisma's schema engine compiled to WebAssembly: the offline stand-in for `prisma migrate`,
// whose CLI downloads a native engine on start (see ENVIRONMENT.md, "Prisma 7 offline").
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { LOCKFILE_NAME, LOCKFILE_TEXT, listMigrations, MIGRATION_FILE } from "@/scripts/db/migrations-dir";
import { offlineAdapterFactory } from "@/scripts/db/offline-adapter";

type SchemaEngine = engineBindings.SchemaEngine;

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };
const SCHEMA_FILE = "schema.prisma";

let wasmReady: Promise<void> | undefined;

// The engine never clears its timers (a 10 s lock timeout outlives every migration), so a
// finished command would hold the process open for 10 s. Its timers are unref'd instead, and
// `withEngine` keeps the process alive while a command runs.
function engineImports(): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...engineBindings };
  for (const name of Object.keys(imports).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
    imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  return imports;
}

// Node 20 cannot `import` a .wasm file, so the bindings get their instance by hand.
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const bindingsPath = createRequire(import.meta.url).resolve(
      "@prisma/schema-engine-wasm/schema_engine_bg",
    );
    const bytes = await readFile(path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": engineImports() });
    engineBindings.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start !== "function") throw new Error("schema-engine-wasm exports no __wbindgen_start");
    // Without it the engine rejects every constructor call ("invalid type ... expected unit").
    start();
  })();
  return wasmReady;
}

type EngineLogLine = { level?: string; fields?: { message?: string } };

function parseLogLine(line: string): EngineLogLine {
  try {
    return JSON.parse(line);
  } catch {
    return { level: "ERROR" };
  }
}

// The engine logs every step at INFO; only trouble is worth a line on the console.
function logEngineLine(line: string): void {
  const parsed = parseLogLine(line);
  if (parsed.level === "WARN" || parsed.level === "ERROR") {
    console.error(`schema engine ${parsed.level}: ${parsed.fields?.message ?? line}`);
  }
}

async function withEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schema: string | undefined,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const keepAlive = setInterval(() => {}, 60_000);
  try {
    return await runEngine(adapterFactory, schema, run);
  } finally {
    clearInterval(keepAlive);
  }
}

async function runEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schema: string | undefined,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const engine = await engineBindings.SchemaEngine.new(
    { datamodels: schema === undefined ? undefined : [[SCHEMA_FILE, schema]] },
    logEngineLine,
    // Unbound, the engine fails with "reading 'externalPool'".
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

async function readMigrationList(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockfile = await readFile(path.join(baseDir, LOCKFILE_NAME), "utf8").catch(() => LOCKFILE_TEXT);
  const folders = await listMigrations(baseDir);
  return {
    baseDir,
    // A null lockfile makes the engine fail; a missing file means "postgresql", as we only ever write.
    lockfile: { path: LOCKFILE_NAME, content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => ({
        path: folder.name,
        migrationFile: {
          path: MIGRATION_FILE,
          content: {
            tag: "ok" as const,
            value: await readFile(path.join(folder.dir, MIGRATION_FILE), "utf8"),
          },
        },
      })),
    ),
  };
}

/**
 * PrismaPg runs a migration script by splitting it on every ";" (a "crude implementation", in its
 * own words), which cuts a function body, or a comment with a semicolon, in two. The native
 * engine sends a script whole, and so does this: one simple query, which PostgreSQL runs as one
 * implicit transaction, so a migration that fails leaves nothing half-applied.
 */
function wholeScripts(factory: PrismaPg): SqlMigrationAwareDriverAdapterFactory {
  const whole = <A extends { underlyingDriver: () => pg.Pool }>(adapter: A) =>
    Object.assign(adapter, {
      executeScript: async (script: string) => {
        try {
          await adapter.underlyingDriver().query(script);
        } catch (error) {
          const e = error as pg.DatabaseError;
          throw new DriverAdapterError({
            kind: "postgres",
            code: e.code ?? "",
            severity: e.severity ?? "ERROR",
            message: e.message,
            detail: e.detail,
            column: e.column,
            hint: e.hint,
          });
        }
      },
    });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => whole(await factory.connect()),
    connectToShadowDb: async () => whole(await factory.connectToShadowDb()),
  };
}

/**
 * Applies the migrations in `migrationsDir` that the database has not recorded yet, as
 * `prisma migrate deploy` does (same `_prisma_migrations` rows and checksums), and returns
 * the names of those it applied.
 */
export async function applyMigrations(connectionString: string, migrationsDir: string): Promise<string[]> {
  const migrationsList = await readMigrationList(migrationsDir);
  // Our own pool, so it is closed when we are done whatever the engine does with the adapter.
  const pool = new pg.Pool({ connectionString, max: 2 });
  // Without a schema name the engine fails with "failed to get connection info".
  const schema = new URL(connectionString).searchParams.get("schema") ?? "public";
  try {
    const output = await withEngine(wholeScripts(new PrismaPg(pool, { schema })), undefined, (engine) =>
      engine.applyMigrations({ migrationsList, filters: NO_FILTER }),
    );
    return output.appliedMigrationNames;
  } finally {
    await pool.end();
  }
}

/** `from` as "empty": the SQL that creates the whole `to` schema in an empty database. */
export const EMPTY_SCHEMA = "empty";

/**
 * The SQL script that takes a database from the `from` schema (Prisma schema text, or
 * EMPTY_SCHEMA) to the `to` schema. Empty string when they describe the same database.
 * No database is involved.
 */
export async function diffSql(from: string, to: string): Promise<string> {
  const result = await withEngine(offlineAdapterFactory, to, (engine) =>
    engine.diff({
      from:
        from === EMPTY_SCHEMA
          ? { tag: "empty" }
          : { tag: "schemaDatamodel", files: [{ path: SCHEMA_FILE, content: from }] },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_FILE, content: to }] },
      script: true,
      // Asks the engine to say whether there is a difference (2) rather than us parsing its
      // "-- This is an empty migration." placeholder.
      exitCode: true,
      filters: NO_FILTER,
    }),
  );
  return result.exitCode === 2 ? (result.stdout ?? "") : "";
}
