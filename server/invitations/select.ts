import type { Prisma } from "@/server/db/generated/client";
import type { InvitationOutput } from "@/server/invitations/schemas";

export const invitationSelect = {
  id: true,
  email: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  invitedBy: { select: { user: { select: { name: true } } } },
} satisfies Prisma.InvitationSelect;

type InvitationRow = Prisma.InvitationGetPayload<{ select: typeof invitationSelect }>;

export function toInvitationOutput(row: InvitationRow, now = new Date()): InvitationOutput {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invitedBy.user.name,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    expired: row.expiresAt <= now,
  };
}
