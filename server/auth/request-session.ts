import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { activeSessionUserId } from "@/server/auth/sessions";
import type { Db } from "@/server/db/client";
import { env } from "@/server/env";

export type RequestSession = { userId: string; sessionId: string };

/**
 * The signed-in user behind a request's session cookie, checked against the server's Session
 * row: the one way every route handler and the API's context read a browser session.
 */
export async function sessionFromRequest(db: Db, req: NextRequest): Promise<RequestSession | null> {
  // getToken reads the cookie from the request itself, so the same code serves route handlers,
  // tests and any runtime without Next's request scope.
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  if (!token?.sub || !token.sid) return null;
  const userId = await activeSessionUserId(db, token.sid);
  return userId === token.sub ? { userId, sessionId: token.sid } : null;
}
