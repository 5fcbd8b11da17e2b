import type { Db } from "@/server/db/client";

/** How long a browser stays signed in without signing in again (next-auth's session maxAge). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
// lastSeenAt is for people ("active 3 minutes ago"): one write a minute, not one a request.
const LAST_SEEN_GRANULARITY_MS = 60_000;

/** Raised inside next-auth's jwt callback: next-auth then clears the cookie and reports no session. */
export class SessionEndedError extends Error {
  override readonly name = "SessionEndedError";
}

export async function createSession(db: Db, userId: string): Promise<string> {
  const session = await db.session.create({
    data: { userId, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) },
    select: { id: true },
  });
  return session.id;
}

/**
 * The user a session cookie's session id signs in, or null when that session was signed out,
 * ended by a password change or a removal, or expired. A cookie copied before any of those
 * stops working with it.
 */
export async function activeSessionUserId(db: Db, sessionId: unknown): Promise<string | null> {
  if (typeof sessionId !== "string" || sessionId.length === 0) return null;
  const now = new Date();
  const session = await db.session.findFirst({
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: now } },
    select: { userId: true, lastSeenAt: true },
  });
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_GRANULARITY_MS) {
    await db.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return session.userId;
}

export async function revokeSession(db: Db, sessionId: unknown): Promise<void> {
  if (typeof sessionId !== "string") return;
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session of the user, but the one named in `except` (the browser that asked). */
export async function revokeUserSessions(db: Db, userId: string, except?: string | null): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { userId, revokedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}
