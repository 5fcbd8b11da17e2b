// PostgreSQL with nothing to install: PGlite (PostgreSQL compiled to WebAssembly) in this
// process, served over the wire protocol so Prisma, `pg` and the schema engine connect to
// it as to any server. See ENVIRONMENT.md, "Embedded PostgreSQL: PGlite".
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { type ExecProtocolOptionsStream, PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { ONE_SESSION_APPLICATION_NAME } from "@/server/db/sql";

const HOST = "127.0.0.1";
const PORTS_TO_TRY = 20;
// The default, 1, drops a pool's second connection. Every connection shares PGlite's one
// backend session; the socket server queues their messages and keeps a transaction's together.
const MAX_CONNECTIONS = 20;
// PGlite does not lock its data directory: a second process opens it too, and the two
// overwrite each other's files.
const LOCK_FILE = "embedded.pid";

// Messages after which the client waits for ReadyForQuery: Sync ends an extended-query batch;
// a simple Query, a function call and Terminate stand alone. The startup message has no type
// byte and begins with its length's high byte, 0.
const BATCH_ENDS = new Set(["S", "Q", "F", "X", "\0"].map((type) => type.charCodeAt(0)));

/**
 * The socket server runs one protocol message at a time, letting other connections in between
 * unless the session is in a transaction. An extended-query batch (Parse, Bind, Execute ... Sync)
 * must not be split either: another connection's Parse replaces the unnamed statement, and the
 * Bind that follows runs the wrong query (seen with parameters larger than one TCP read). So
 * until its Sync, a batch counts as a transaction and other connections wait.
 */
class BatchAwarePGlite extends PGlite {
  #midBatch = false;

  override isInTransaction(): boolean {
    return this.#midBatch || super.isInTransaction();
  }

  override async execProtocolRawStream(
    message: Uint8Array,
    options: ExecProtocolOptionsStream,
  ): Promise<void> {
    this.#midBatch = !BATCH_ENDS.has(message[0] ?? 0);
    await super.execProtocolRawStream(message, options);
  }
}

export type EmbeddedPostgres = {
  connectionString: string;
  stop: () => Promise<void>;
};

function errorCode(error: unknown): unknown {
  return error instanceof Error && "code" in error ? error.code : undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}

/** Claims `dataDir` for this process; returns the release. */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, LOCK_FILE);
  const release = () => rm(file, { force: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: "wx" });
      return release;
    } catch (error) {
      if (errorCode(error) !== "EEXIST") throw error;
    }
    const holder = Number.parseInt(await readFile(file, "utf8"), 10);
    if (isRunning(holder)) {
      throw new Error(
        `${dataDir} is in use by process ${holder}; stop it, or delete ${file} if it is not PGlite`,
      );
    }
    // Left behind by a process that did not stop cleanly.
    await release();
  }
  throw new Error(`Could not lock ${dataDir}`);
}

async function listen(db: PGlite, firstPort: number): Promise<{ server: PGLiteSocketServer; port: number }> {
  for (let port = firstPort; port < firstPort + PORTS_TO_TRY; port++) {
    // A server whose start failed keeps its dead listener, so each attempt gets a new one.
    const server = new PGLiteSocketServer({ db, host: HOST, port, maxConnections: MAX_CONNECTIONS });
    try {
      await server.start();
      return { server, port };
    } catch (error) {
      if (errorCode(error) !== "EADDRINUSE") throw error;
    }
  }
  throw new Error(`Ports ${firstPort}-${firstPort + PORTS_TO_TRY - 1} on ${HOST} are all taken`);
}

/**
 * Starts PGlite with its data in `dataDir` and serves it on `port`, or on the next free port
 * after it. One process at a time may use a data directory.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
}): Promise<EmbeddedPostgres> {
  await mkdir(options.dataDir, { recursive: true });
  const unlock = await lockDataDir(options.dataDir);
  // pg_trgm: the trigram index that conversation search uses (see the message_search_text migration).
  const db = new BatchAwarePGlite({ dataDir: options.dataDir, extensions: { pg_trgm } });
  try {
    await db.waitReady;
    const { server, port } = await listen(db, options.port);
    return {
      // PGlite trusts every connection: no password.
      // The application name marks it as one session shared by every connection (server/db/sql.ts).
      connectionString: `postgresql://postgres@${HOST}:${port}/postgres?application_name=${ONE_SESSION_APPLICATION_NAME}`,
      async stop() {
        await server.stop();
        await db.close();
        await unlock();
      },
    };
  } catch (error) {
    if (!db.closed) await db.close();
    await unlock();
    throw error;
  }
}
