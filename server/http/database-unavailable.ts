// Whether an error means the database could not be reached or dropped the connection (a
// failover, a pooler restart, an idle reaper, pg_terminate_backend): the request may well work
// when retried, so it is answered 503 with Retry-After rather than 500.

// SQLSTATE class 08 (connection exception), the shutdown codes of class 57, too many connections.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
// Prisma: cannot reach, timed out, server closed the connection, no connection from the pool in time.
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// Driver adapter errors (@prisma/driver-adapter-utils) that are about the connection, not the query.
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);
// node-postgres says these in plain text, with no code.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|Client has encountered a connection error|not queryable|timeout exceeded when trying to connect|Connection ended/i;

function field(value: unknown, name: string): unknown {
  return value && typeof value === "object" && name in value
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

function describesUnavailable(error: unknown): boolean {
  const code = field(error, "code");
  if (typeof code === "string") {
    if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
    if (UNAVAILABLE_PRISMA_CODES.has(code)) return true;
  }
  const kind = field(error, "kind");
  if (typeof kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(kind)) return true;
  const message = field(error, "message");
  return typeof message === "string" && UNAVAILABLE_MESSAGES.test(message);
}

/** Looks through causes, Prisma's driver-adapter detail and AggregateErrors, a few levels deep. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 20; seen += 1) {
    const next = pending.shift();
    if (!next || typeof next !== "object") continue;
    if (describesUnavailable(next)) return true;
    pending.push(field(next, "cause"), field(field(next, "meta"), "driverAdapterError"));
    const errors = field(next, "errors");
    if (Array.isArray(errors)) pending.push(...errors.slice(0, 5));
  }
  return false;
}
