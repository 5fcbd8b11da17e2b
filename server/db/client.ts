import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/server/db/generated/client";
import { keepStatementsUnnamed, namedStatementsAllowed } from "@/server/db/sql";
import { env } from "@/server/env";

/** The ORM, plus the pool it runs on for the few statements written in SQL (server/db/sql.ts). */
export type Db = PrismaClient & { readonly $pool: pg.Pool };

export function createDb(
  connectionString: string,
  options: { max?: number; namedStatements?: boolean } = {},
): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle connection the server ends (failover, a pooler restart, an idle reaper) is an
  // 'error' event on the pool; unheard, it would end the process. The pool replaces it.
  pool.on("error", (error) => console.error("database: idle connection lost:", error.message));
  if (!(options.namedStatements ?? namedStatementsAllowed(connectionString))) keepStatementsUnnamed(pool);
  const client = new PrismaClient({
    // $disconnect ends the pool, as it did when the adapter made its own.
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // The embedded database runs one transaction at a time; others wait their turn.
    transactionOptions: { maxWait: 15_000, timeout: 20_000 },
  });
  return Object.assign(client, { $pool: pool });
}

declare global {
  // Kept on globalThis so that hot reloads in development reuse one pool.
  var connectInboxDb: Db | undefined;
}

/** The app's one Prisma client. */
export function db(): Db {
  globalThis.connectInboxDb ??= createDb(env().DATABASE_URL, { max: env().DATABASE_POOL_MAX });
  return globalThis.connectInboxDb;
}
