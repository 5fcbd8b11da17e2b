import { TRPCError } from "@trpc/server";
import type { NextRequest } from "next/server";
import { hashApiKey, looksLikeApiKey, resolveApiKey } from "@/server/auth/api-key";
import { type Caller, resolveSessionCaller } from "@/server/auth/caller";
import { sessionFromRequest } from "@/server/auth/request-session";
import { type Db, db } from "@/server/db/client";
import { env } from "@/server/env";
import { clientAddress } from "@/server/http/client-address";
import { currentRequestScope } from "@/server/http/request-scope";
import { refuseCrossOrigin } from "@/server/http/same-origin";
import { consumeApiCalls } from "@/server/limits/api-rate-limit";

export const WORKSPACE_COOKIE = "ci_workspace";

export type Context = {
  db: Db;
  caller: Caller | null;
  /** The signed-in user, when the call came from a browser session. */
  userId: string | null;
  /** That browser's server-side session, so it can be told apart from the user's others. */
  sessionId: string | null;
  /** The `Idempotency-Key` header, so that a retried send stores one message. */
  idempotencyKey: string | null;
  /** The client's address as the operator's proxies vouch for it (sign-up's throttle), or null. */
  clientAddress: string | null;
};

/** The context without HTTP, for tests and scripts. */
export function createContextInner(params: Partial<Omit<Context, "db">> & { db: Db }): Context {
  return {
    caller: null,
    userId: null,
    sessionId: null,
    idempotencyKey: null,
    clientAddress: null,
    ...params,
  };
}

function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join("="));
    } catch {
      // A cookie the browser was not given by us: as if it were absent.
      return null;
    }
  }
  return null;
}

/**
 * Counts the calls against the key's rate limit; the state goes to the request scope, from
 * which the route answers RateLimit headers (and Retry-After on a refusal).
 */
async function limitApiKey(database: Db, keyHash: string, calls: number): Promise<void> {
  const state = await consumeApiCalls(database, keyHash, calls);
  const scope = currentRequestScope();
  if (scope) scope.rateLimit = state;
  if (!state.allowed) {
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: `This API key made more than ${state.limit} calls in a minute. Retry in ${state.resetSeconds} s.`,
    });
  }
}

/**
 * One auth path: an `Authorization: Bearer` API key, else the next-auth session. `calls` is
 * what the request counts against an API key's rate limit (the procedures of a batch).
 */
export async function createContext(req: NextRequest, calls = 1): Promise<Context> {
  const database = db();
  const idempotencyKey = req.headers.get("idempotency-key")?.slice(0, 200) || null;
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const key = authorization.replace(/^Bearer\s+/i, "").trim();
    // The limit is counted beside the key's lookup, not after it: one round trip less on
    // every API call (npm run bench -- api). So it is keyed by the key's hash, and a made-up
    // key of our shape is counted (and refused) like a real one.
    const [apiCaller] = await Promise.all([
      resolveApiKey(database, key),
      looksLikeApiKey(key) ? limitApiKey(database, hashApiKey(key), calls) : null,
    ]);
    const caller: Caller | null = apiCaller
      ? {
          workspaceId: apiCaller.workspaceId,
          memberId: apiCaller.memberId,
          role: apiCaller.role,
          via: "apiKey",
        }
      : null;
    return createContextInner({ db: database, caller, idempotencyKey });
  }
  const address = clientAddress(req.headers, env().TRUST_PROXY_HOPS);
  const session = await sessionFromRequest(database, req);
  if (!session) return createContextInner({ db: database, idempotencyKey, clientAddress: address });
  // A cookie travels with requests that other pages start; a Bearer key never does.
  refuseCrossOrigin(req);
  const preferredWorkspace = cookieValue(req.headers.get("cookie"), WORKSPACE_COOKIE);
  const caller = await resolveSessionCaller(database, session.userId, preferredWorkspace);
  return createContextInner({ db: database, caller, ...session, idempotencyKey, clientAddress: address });
}
