import { TRPCError } from "@trpc/server";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";

/** The signed-in member, their workspace, and every workspace they can switch to. */
export async function getMe(db: Db, caller: Caller) {
  const member = await db.member.findUnique({
    where: { id: caller.memberId },
    select: {
      id: true,
      role: true,
      workspace: { select: { id: true, name: true, slug: true } },
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          image: true,
          locale: true,
          shortcutsEnabled: true,
          enterSends: true,
          memberships: {
            where: { removedAt: null },
            select: { workspace: { select: { id: true, name: true, slug: true } } },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          },
        },
      },
    },
  });
  if (!member) throw new TRPCError({ code: "NOT_FOUND", message: "Member not found." });
  const { memberships, ...user } = member.user;
  return {
    memberId: member.id,
    role: member.role,
    workspace: member.workspace,
    user,
    workspaces: memberships.map((m) => m.workspace),
  };
}
