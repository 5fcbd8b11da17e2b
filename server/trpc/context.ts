import type { NextRequest } from "next/server";
import { resolveApiKey } from "@/server/auth/api-key";
import { type Caller, resolveSessionCaller } from "@/server/auth/caller";
import { sessionFromRequest } from "@/server/auth/request-session";
import { type Db, db } from "@/server/db/client";
import { refuseCrossOrigin } from "@/server/http/same-origin";

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
};

/** The context without HTTP, for tests and scripts. */
export function createContextInner(params: Partial<Omit<Context, "db">> & { db: Db }): Context {
  return { caller: null, userId: null, sessionId: null, idempotencyKey: null, ...params };
}

function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

/** One auth path: an `Authorization: Bearer` API key, else the next-auth session. */
export async function createContext(req: NextRequest): Promise<Context> {
  const database = db();
  const idempotencyKey = req.headers.get("idempotency-key")?.slice(0, 200) || null;
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const key = authorization.replace(/^Bearer\s+/i, "").trim();
    const apiCaller = await resolveApiKey(database, key);
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
  // A cookie travels with requests that other pages start; a Bearer key never does.
  refuseCrossOrigin(req);
  const session = await sessionFromRequest(database, req);
  if (!session) return createContextInner({ db: database, idempotencyKey });
  const preferredWorkspace = cookieValue(req.headers.get("cookie"), WORKSPACE_COOKIE);
  const caller = await resolveSessionCaller(database, session.userId, preferredWorkspace);
  return createContextInner({ db: database, caller, ...session, idempotencyKey });
}
