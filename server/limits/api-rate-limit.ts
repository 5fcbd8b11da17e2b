import type { RateLimiterPostgres } from "rate-limiter-flexible";
import type { Db } from "@/server/db/client";
import { env } from "@/server/env";
import { consume, type LimitState, postgresLimiter } from "@/server/limits/store";

const WINDOW_SECONDS = 60;
// The policy's name in RateLimit and RateLimit-Policy.
const POLICY = '"api-key"';

const limiters = new WeakMap<Db, RateLimiterPostgres>();

function apiLimiter(db: Db): RateLimiterPostgres {
  let limiter = limiters.get(db);
  if (!limiter) {
    limiter = postgresLimiter(db, {
      keyPrefix: "api",
      points: env().API_RATE_LIMIT_PER_MINUTE,
      durationSeconds: WINDOW_SECONDS,
    });
    limiters.set(db, limiter);
  }
  return limiter;
}

/**
 * Counts `calls` (the procedures of a tRPC batch, or one upload or download) against the API
 * key's minute. Sessions are not counted: a browser's inbox is not a client that floods.
 */
export function consumeApiCalls(db: Db, keyHash: string, calls: number): Promise<LimitState> {
  return consume(apiLimiter(db), keyHash, calls);
}

/**
 * RateLimit and RateLimit-Policy as draft-ietf-httpapi-ratelimit-headers-10 writes them
 * (structured fields: a named policy with q = quota and w = window, then r = remaining and
 * t = seconds to reset), plus Retry-After on a refusal (RFC 9110).
 */
export function rateLimitHeaders(state: LimitState): Record<string, string> {
  const headers: Record<string, string> = {
    "ratelimit-policy": `${POLICY};q=${state.limit};w=${WINDOW_SECONDS}`,
    ratelimit: `${POLICY};r=${state.remaining};t=${state.resetSeconds}`,
  };
  if (!state.allowed) headers["retry-after"] = String(state.resetSeconds);
  return headers;
}
