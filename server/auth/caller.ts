import type { Db } from "@/server/db/client";
import type { MemberRole } from "@/server/db/generated/enums";

/** Who is calling: a workspace member, signed in or through one of their API keys. */
export type Caller = {
  workspaceId: string;
  memberId: string;
  role: MemberRole;
  via: "session" | "apiKey";
};

/**
 * The membership a signed-in user acts through: the workspace they chose
 * (cookie), else the one they joined first.
 */
export async function resolveSessionCaller(
  db: Db,
  userId: string,
  preferredWorkspaceId: string | null,
): Promise<Caller | null> {
  const members = await db.member.findMany({
    where: { userId, removedAt: null },
    select: { id: true, workspaceId: true, role: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const member = members.find((m) => m.workspaceId === preferredWorkspaceId) ?? members[0];
  if (!member) return null;
  return { workspaceId: member.workspaceId, memberId: member.id, role: member.role, via: "session" };
}
