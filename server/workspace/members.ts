import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { MemberOutput } from "@/server/workspace/schemas";

const memberSelect = {
  id: true,
  role: true,
  user: { select: { name: true, email: true, image: true } },
} satisfies Prisma.MemberSelect;

/** The caller's workspace's members, for assignee pickers and mentions. */
export async function listMembers(db: Db, caller: Caller): Promise<MemberOutput[]> {
  const rows = await db.member.findMany({
    where: { workspaceId: caller.workspaceId, removedAt: null },
    select: memberSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ memberId: row.id, role: row.role, ...row.user }));
}
