// Plain SQL on the pool Prisma's adapter runs on, for the few statements on the public API's
// hot path (an API key, a page of messages, a send). Prisma's client spends ~0.1 ms of CPU
// per statement and ~0.3 ms per interactive transaction of its own (measured in-process:
// one `SELECT 1` 6,600/s through Prisma, 14,100/s through pg; a send 4-5x faster on pg).
// Everything else stays on the ORM.
import pg from "pg";
import type { Db } from "@/server/db/client";

export type Queryable = pg.Pool | pg.PoolClient;

const TIMESTAMP_OID = 1114;

/**
 * Prisma stores DateTime as `timestamp(3)` holding UTC; pg would read it as local time.
 * Per query, so Prisma's own parsing on the shared pool is untouched.
 */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP_OID) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * A statement the hot path runs many times: each connection parses it once, and PostgreSQL may
 * keep its plan, instead of receiving, parsing and planning its text on every call.
 */
export type Prepared = { name: string; text: string };

/**
 * The embedded PostgreSQL (PGlite) serves every connection in one session, so one connection's
 * prepared statement would collide with another's ("already exists"): its connection string
 * carries this application name, and statements on its pools stay unnamed.
 */
export const ONE_SESSION_APPLICATION_NAME = "connect-inbox-embedded";
const unnamed = new WeakSet<object>();

/**
 * Whether statements on a pool for `connectionString` may be prepared by name: not on a server
 * that shares one session between connections, nor when the operator turned them off
 * (`DATABASE_PREPARED_STATEMENTS=off`, for a pooler in transaction mode that does not track them).
 */
export function namedStatementsAllowed(
  connectionString: string,
  setting = process.env.DATABASE_PREPARED_STATEMENTS,
): boolean {
  if (setting === "off") return false;
  try {
    return new URL(connectionString).searchParams.get("application_name") !== ONE_SESSION_APPLICATION_NAME;
  } catch {
    // Not a URL (a key=value string): a server of its own.
    return true;
  }
}

/** Statements on `pool` (and its connections) are sent unnamed, parsed on every call. */
export function keepStatementsUnnamed(pool: pg.Pool): void {
  unnamed.add(pool);
  pool.on("connect", (client) => unnamed.add(client));
}

export async function sql<Row extends pg.QueryResultRow>(
  on: Queryable,
  statement: string | Prepared,
  values: unknown[] = [],
): Promise<Row[]> {
  const query =
    typeof statement === "string" || unnamed.has(on)
      ? { text: typeof statement === "string" ? statement : statement.text }
      : statement;
  const result = await on.query<Row>({ ...query, values, types });
  return result.rows;
}

/** A timestamp parameter for a `timestamp(3)` column holding UTC, as Prisma writes it. */
export function utc(date: Date): string {
  return date.toISOString();
}

/**
 * Runs `work` in one transaction on a connection of the app's pool: COMMIT when it returns,
 * ROLLBACK when it throws (the error is rethrown as it was).
 */
export async function transaction<T>(db: Db, work: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.$pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    try {
      await client.query("ROLLBACK");
    } catch (rollbackError) {
      // A connection that cannot roll back is not handed to the next caller.
      broken = rollbackError as Error;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

/** The unique constraint a failed statement hit, if that is why it failed. */
export function uniqueViolation(error: unknown): string | null {
  if (error && typeof error === "object" && "code" in error && error.code === "23505") {
    return "constraint" in error && typeof error.constraint === "string" ? error.constraint : "";
  }
  return null;
}
