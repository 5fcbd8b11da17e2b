import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { LimitState } from "@/server/limits/store";

/** What one HTTP request carries through code that never sees the request itself. */
export type RequestScope = {
  /** Sent as X-Request-Id and in error bodies; the log line of a failure carries the same id. */
  requestId: string;
  /** The API key's rate limit after this request counted, for the RateLimit headers. */
  rateLimit?: LimitState;
  /** An unexpected error that a library swallowed (next-auth's authorize), for the route to answer. */
  failure?: unknown;
};

// The tRPC error formatter runs even when the context could not be made (the database is down
// while the API key is looked up), so the id cannot travel in the context.
const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(work: (scope: RequestScope) => Promise<T>): Promise<T> {
  const scope: RequestScope = { requestId: randomUUID() };
  return storage.run(scope, () => work(scope));
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
