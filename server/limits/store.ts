import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/server/db/client";

/** One window's state for one key, as RateLimit headers and Retry-After show it. */
export type LimitState = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window ends (at least 1 while blocked). */
  resetSeconds: number;
};

/**
 * A fixed-window counter per key in the UNLOGGED `rate_limits` table (migration *harden*), so
 * every app instance counts against the same number. One upsert per consume.
 */
export function postgresLimiter(
  db: Db,
  options: { keyPrefix: string; points: number; durationSeconds: number },
): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: db.$pool,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    keyPrefix: options.keyPrefix,
    points: options.points,
    duration: options.durationSeconds,
    // Once a key has used its window, this instance refuses it from memory until the window
    // ends: a flooding key stops costing a write per request.
    inMemoryBlockOnConsumed: options.points,
  });
}

function stateOf(result: RateLimiterRes, limit: number, allowed: boolean): LimitState {
  const seconds = Math.ceil(Math.max(result.msBeforeNext, 0) / 1000);
  return {
    allowed,
    limit,
    remaining: result.remainingPoints,
    resetSeconds: allowed ? seconds : Math.max(seconds, 1),
  };
}

/** Takes `points` from the key's window; a refusal is a state, a database failure is thrown. */
export async function consume(
  limiter: RateLimiterPostgres,
  key: string,
  points: number,
): Promise<LimitState> {
  try {
    return stateOf(await limiter.consume(key, points), limiter.points, true);
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) return stateOf(outcome, limiter.points, false);
    throw outcome;
  }
}
