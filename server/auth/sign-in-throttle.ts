import { createHash } from "node:crypto";
import type { RateLimiterPostgres } from "rate-limiter-flexible";
import type { Db } from "@/server/db/client";
import { env } from "@/server/env";
import { consume, postgresLimiter } from "@/server/limits/store";

export type SignInAttempt = {
  /** As typed; case-folded here, so "Ann@X" and "ann@x" are one account. */
  email: string;
  /** The client's address, or null when the operator's proxies do not vouch for one. */
  address: string | null;
};

export type SignInGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Limiters = { account: RateLimiterPostgres; address: RateLimiterPostgres };
const limiters = new WeakMap<Db, Limiters>();

function signInLimiters(db: Db): Limiters {
  let found = limiters.get(db);
  if (!found) {
    const {
      SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
      SIGN_IN_MAX_FAILURES_PER_ADDRESS,
      SIGN_IN_FAILURE_WINDOW_MINUTES,
    } = env();
    const durationSeconds = SIGN_IN_FAILURE_WINDOW_MINUTES * 60;
    found = {
      account: postgresLimiter(db, {
        keyPrefix: "sign-in-account",
        points: SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
        durationSeconds,
      }),
      address: postgresLimiter(db, {
        keyPrefix: "sign-in-address",
        points: SIGN_IN_MAX_FAILURES_PER_ADDRESS,
        durationSeconds,
      }),
    };
    limiters.set(db, found);
  }
  return found;
}

// Hashed: the table's key is 255 characters, an email may be 320, and it need not hold emails.
function keyOf(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}

function accountKey(email: string): string {
  return keyOf(email.trim().toLowerCase());
}

/**
 * Counts an attempt before the password is checked, so parallel guesses cannot all slip in
 * before the first failure is recorded; a success gives its point back (signInSucceeded).
 * Refused once the account, or the client's address, has used its attempts in the window.
 * An unknown email is counted exactly as a known one.
 */
export async function admitSignInAttempt(db: Db, attempt: SignInAttempt): Promise<SignInGate> {
  const { account, address } = signInLimiters(db);
  const states = await Promise.all([
    consume(account, accountKey(attempt.email), 1),
    attempt.address ? consume(address, keyOf(attempt.address), 1) : null,
  ]);
  const refused = states.filter((state) => state && !state.allowed);
  if (refused.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(...refused.map((state) => state?.resetSeconds ?? 1)) };
}

/** The account starts afresh; the address gets back the point this attempt took. */
export async function signInSucceeded(db: Db, attempt: SignInAttempt): Promise<void> {
  const { account, address } = signInLimiters(db);
  await Promise.all([
    account.delete(accountKey(attempt.email)),
    attempt.address ? address.reward(keyOf(attempt.address), 1) : null,
  ]);
}
