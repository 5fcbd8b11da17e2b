import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { InvitationPreview } from "@/server/invitations/schemas";
import { hashInvitationToken } from "@/server/invitations/token";

type Tx = Prisma.TransactionClient;

/**
 * One answer for a token that is unknown, expired, revoked or used: the link is "no longer
 * valid", and nothing says which, so a guessed or leaked token tells nobody anything.
 */
export function invitationNotValid(): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: "token: this invitation is no longer valid" });
}

/** What the invite page shows, or null when the link is no longer valid. */
export async function previewInvitation(db: Db, token: string): Promise<InvitationPreview | null> {
  const row = await db.invitation.findFirst({
    where: {
      tokenHash: hashInvitationToken(token),
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      workspace: { select: { name: true } },
      invitedBy: { select: { user: { select: { name: true } } } },
    },
  });
  if (!row) return null;
  const account = await db.user.findUnique({ where: { email: row.email }, select: { id: true } });
  return {
    email: row.email,
    role: row.role,
    workspaceName: row.workspace.name,
    inviterName: row.invitedBy.user.name,
    expiresAt: row.expiresAt.toISOString(),
    accountExists: account !== null,
  };
}

/**
 * Uses the invitation up, in the caller's transaction: one conditional UPDATE, so two
 * acceptances of one link cannot both get in. Throws "no longer valid" otherwise.
 */
export async function takeInvitation(tx: Tx, token: string, userEmail: string, userId: string) {
  const tokenHash = hashInvitationToken(token);
  const now = new Date();
  const valid = { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } };
  const row = await tx.invitation.findFirst({
    where: valid,
    select: { id: true, email: true, role: true, workspaceId: true, invitedByMemberId: true },
  });
  if (!row) throw invitationNotValid();
  if (row.email !== userEmail) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "email: this invitation is for another email address; sign in with that address",
    });
  }
  const { count } = await tx.invitation.updateMany({
    where: { id: row.id, ...valid },
    data: { acceptedAt: now, acceptedByUserId: userId },
  });
  if (count === 0) throw invitationNotValid();
  return row;
}
