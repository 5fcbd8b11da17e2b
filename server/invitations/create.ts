import { TRPCError } from "@trpc/server";
import { recordAudit } from "@/server/audit/record";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { logUnexpected } from "@/server/http/unexpected-error";
import type {
  CreatedInvitationOutput,
  CreateInvitationInput,
  InvitationMailStatus,
} from "@/server/invitations/schemas";
import { invitationSelect, toInvitationOutput } from "@/server/invitations/select";
import { INVITATION_LIFETIME_MS, invitationLink, newInvitationToken } from "@/server/invitations/token";
import { invitationMail, type MailLocale } from "@/server/mail/invitation-mail";
import { mailConfigured, sendMail } from "@/server/mail/transport";

/**
 * Invites an address to the caller's workspace with a role (owners and admins; only an owner
 * invites an owner). A pending invitation to the same address is replaced: its link stops
 * working. The link is returned once; when the operator set up SMTP it is mailed too, in the
 * workspace's language, and a mail that fails leaves the invitation as it is.
 */
export async function createInvitation(
  db: Db,
  caller: Caller,
  input: CreateInvitationInput,
): Promise<CreatedInvitationOutput> {
  const { workspaceId } = caller;
  if (caller.role === "agent") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only workspace owners and admins may do this." });
  }
  if (input.role === "owner" && caller.role !== "owner") {
    throw new TRPCError({ code: "FORBIDDEN", message: "role: only an owner may invite an owner" });
  }
  const { token, hash } = newInvitationToken();
  const created = await db.$transaction(async (tx) => {
    const member = await tx.member.findFirst({
      where: { workspaceId, removedAt: null, user: { email: input.email } },
      select: { id: true },
    });
    if (member) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "email: this person is already a member" });
    }
    const now = new Date();
    const replaced = await tx.invitation.updateMany({
      where: { workspaceId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const row = await tx.invitation.create({
      data: {
        workspaceId,
        email: input.email,
        role: input.role,
        tokenHash: hash,
        invitedByMemberId: caller.memberId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
      },
      select: {
        ...invitationSelect,
        workspace: { select: { name: true, defaultLocale: true } },
      },
    });
    await recordAudit(tx, caller, {
      action: "invitation.created",
      target: { type: "invitation", id: row.id, label: row.email },
      data: { role: row.role, ...(replaced.count > 0 ? { replacedPending: true } : {}) },
    });
    return row;
  });
  const link = invitationLink(token);
  let mail: InvitationMailStatus = "off";
  if (mailConfigured()) {
    try {
      await sendMail(
        invitationMail({
          to: created.email,
          locale: (["en", "ar", "tr"].includes(created.workspace.defaultLocale)
            ? created.workspace.defaultLocale
            : "en") as MailLocale,
          workspaceName: created.workspace.name,
          inviterName: created.invitedBy.user.name,
          role: created.role,
          link,
          expiresAt: created.expiresAt,
        }),
      );
      mail = "sent";
    } catch (error) {
      // The inviter still has the link to pass on; the operator has the cause in the log.
      logUnexpected("invitation mail", error);
      mail = "failed";
    }
  }
  return { invitation: toInvitationOutput(created), link, mail };
}
