import { createHash } from "node:crypto";
import type { RateLimiterPostgres } from "rate-limiter-flexible";
import type { Db } from "@/server/db/client";
import { consume, type LimitState, postgresLimiter } from "@/server/limits/store";

// Accounts one client address may create in an hour: a team signs up once, a script many times.
export const SIGN_UPS_PER_ADDRESS_PER_HOUR = 10;
// When the operator's proxies vouch for no address (TRUST_PROXY_HOPS=0), every sign-up shares
// one window: an unknown flood is still bounded, at the price of slowing honest sign-ups during it.
export const SIGN_UPS_PER_HOUR_UNKNOWN_ADDRESS = 100;
const HOUR_SECONDS = 60 * 60;
const UNKNOWN_ADDRESS_KEY = "unknown";

type Limiters = { address: RateLimiterPostgres; unknown: RateLimiterPostgres };
const limiters = new WeakMap<Db, Limiters>();

function signUpLimiters(db: Db): Limiters {
  let found = limiters.get(db);
  if (!found) {
    found = {
      address: postgresLimiter(db, {
        keyPrefix: "sign-up-address",
        points: SIGN_UPS_PER_ADDRESS_PER_HOUR,
        durationSeconds: HOUR_SECONDS,
      }),
      unknown: postgresLimiter(db, {
        keyPrefix: "sign-up-unknown",
        points: SIGN_UPS_PER_HOUR_UNKNOWN_ADDRESS,
        durationSeconds: HOUR_SECONDS,
      }),
    };
    limiters.set(db, found);
  }
  return found;
}

/** Counts one sign-up attempt of this client (before any work), as sign-in's throttle does. */
export function admitSignUp(db: Db, address: string | null): Promise<LimitState> {
  const { address: perAddress, unknown } = signUpLimiters(db);
  if (!address) return consume(unknown, UNKNOWN_ADDRESS_KEY, 1);
  return consume(perAddress, createHash("sha256").update(address).digest("base64url"), 1);
}
