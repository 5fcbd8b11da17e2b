import type { Db } from "@/server/db/client";
import type { MemberRole } from "@/server/db/generated/enums";

/** Who is calling: a workspace member, signed in or through one of their API keys. */
export type Caller = {
  workspaceId: string;
  memberId: string;
  role: MemberRole;
  via: "session" | "apiKey";
};

// "Last active" in the members list is for people: one write a minute, not one a request.
const LAST_ACTIVE_GRANULARITY_MS = 60_000;

/**
 * The membership a signed-in user acts through: the workspace they chose
 * (cookie), else the one they joined first. Marks the member active, at most once a minute:
 * the membership is read here anyway, so most requests cost no extra statement.
 */
export async function resolveSessionCaller(
  db: Db,
  userId: string,
  preferredWorkspaceId: string | null,
): Promise<Caller | null> {
  const members = await db.member.findMany({
    where: { userId, removedAt: null },
    select: { id: true, workspaceId: true, role: true, lastActiveAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const member = members.find((m) => m.workspaceId === preferredWorkspaceId) ?? members[0];
  if (!member) return null;
  const now = Date.now();
  if (!member.lastActiveAt || now - member.lastActiveAt.getTime() > LAST_ACTIVE_GRANULARITY_MS) {
    const stale = new Date(now - LAST_ACTIVE_GRANULARITY_MS);
    // Conditional, so parallel requests of one tab write once between them.
    await db.member.updateMany({
      where: { id: member.id, OR: [{ lastActiveAt: null }, { lastActiveAt: { lt: stale } }] },
      data: { lastActiveAt: new Date(now) },
    });
  }
  return { workspaceId: member.workspaceId, memberId: member.id, role: member.role, via: "session" };
}
