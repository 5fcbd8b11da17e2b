import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/db/generated/client";
import { env } from "@/server/env";

export type Db = PrismaClient;

export function createDb(connectionString: string): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString }),
    // The embedded database runs one transaction at a time; others wait their turn.
    transactionOptions: { maxWait: 15_000, timeout: 20_000 },
  });
}

declare global {
  // Kept on globalThis so that hot reloads in development reuse one pool.
  var connectInboxDb: Db | undefined;
}

/** The app's one Prisma client. */
export function db(): Db {
  globalThis.connectInboxDb ??= createDb(env().DATABASE_URL);
  return globalThis.connectInboxDb;
}
