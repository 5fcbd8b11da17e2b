import type { Prisma } from "@/server/db/generated/client";
import type { WorkspaceMemberOutput } from "@/server/members/schemas";

export const workspaceMemberSelect = {
  id: true,
  role: true,
  createdAt: true,
  lastActiveAt: true,
  user: { select: { name: true, email: true } },
} satisfies Prisma.MemberSelect;

type Row = Prisma.MemberGetPayload<{ select: typeof workspaceMemberSelect }>;

export function toWorkspaceMember(row: Row): WorkspaceMemberOutput {
  return {
    memberId: row.id,
    name: row.user.name,
    email: row.user.email,
    role: row.role,
    lastActiveAt: row.lastActiveAt?.toISOString() ?? null,
    joinedAt: row.createdAt.toISOString(),
  };
}
