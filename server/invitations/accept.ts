import { TRPCError } from "@trpc/server";
import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { invitationNotValid, takeInvitation } from "@/server/invitations/lookup";
import type {
  AcceptAsNewAccountInput,
  InvitationTokenInput,
  JoinedWorkspaceOutput,
} from "@/server/invitations/schemas";
import { hashInvitationToken } from "@/server/invitations/token";
import { createUser, emailTakenOr } from "@/server/signup/accounts";

type Tx = Prisma.TransactionClient;

/**
 * The person joins with the invitation's role: a new member row, or their old one back if they
 * were removed (their past messages are already under it), or, already a member, as they are.
 */
async function join(
  tx: Tx,
  userId: string,
  invitation: {
    id: string;
    email: string;
    role: "owner" | "admin" | "agent";
    workspaceId: string;
    invitedByMemberId: string;
  },
): Promise<JoinedWorkspaceOutput> {
  const { workspaceId } = invitation;
  const existing = await tx.member.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { id: true, removedAt: true },
  });
  let memberId: string;
  if (!existing) {
    memberId = (
      await tx.member.create({ data: { workspaceId, userId, role: invitation.role }, select: { id: true } })
    ).id;
  } else {
    memberId = existing.id;
    if (existing.removedAt) {
      await tx.member.update({
        where: { id: existing.id },
        data: { removedAt: null, role: invitation.role },
        select: { id: true },
      });
    }
  }
  if (!existing || existing.removedAt) {
    await recordAudit(
      tx,
      { workspaceId, memberId },
      {
        action: "member.joined",
        target: { type: "member", id: memberId, label: invitation.email },
        data: {
          role: invitation.role,
          invitationId: invitation.id,
          invitedByMemberId: invitation.invitedByMemberId,
          ...(existing ? { rejoined: true } : {}),
        },
      },
    );
  }
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { id: true, name: true, slug: true },
  });
  return { workspace, email: invitation.email };
}

/**
 * A signed-in person joins through an invitation to their own address (the account's email
 * must be the invited one). The browser then makes the workspace its current one.
 */
export async function acceptInvitation(
  db: Db,
  userId: string,
  input: InvitationTokenInput,
): Promise<JoinedWorkspaceOutput> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw invitationNotValid();
  return db.$transaction(async (tx) => {
    const invitation = await takeInvitation(tx, input.token, user.email, userId);
    return join(tx, userId, invitation);
  });
}

/**
 * Someone without an account joins: the account is made with the invited address (so it needs
 * no confirmation: the link reached that mailbox, or the inviter handed it to its owner), and
 * the membership with it, in one transaction. Open sign-up does not matter here.
 */
export async function acceptAsNewAccount(
  db: Db,
  input: AcceptAsNewAccountInput,
): Promise<JoinedWorkspaceOutput> {
  try {
    return await db.$transaction(async (tx) => {
      const pending = await tx.invitation.findFirst({
        where: {
          tokenHash: hashInvitationToken(input.token),
          acceptedAt: null,
          revokedAt: null,
          expiresAt: { gt: new Date() },
        },
        select: { email: true },
      });
      if (!pending) throw invitationNotValid();
      const user = await createUser(tx, { name: input.name, email: pending.email, password: input.password });
      const invitation = await takeInvitation(tx, input.token, pending.email, user.id);
      return join(tx, user.id, invitation);
    });
  } catch (error) {
    if (error instanceof TRPCError) throw error;
    throw emailTakenOr(error);
  }
}
