import { TRPCError } from "@trpc/server";
import { recordAudit } from "@/server/audit/record";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import type { InvitationIdInput, InvitationOutput } from "@/server/invitations/schemas";
import { invitationSelect, toInvitationOutput } from "@/server/invitations/select";
import { notFound } from "@/server/trpc/errors";

/** Ends a pending invitation: its link stops working. An owner's invitation only an owner revokes. */
export async function revokeInvitation(
  db: Db,
  caller: Caller,
  input: InvitationIdInput,
): Promise<InvitationOutput> {
  return db.$transaction(async (tx) => {
    const row = await tx.invitation.findFirst({
      where: { id: input.id, workspaceId: caller.workspaceId, acceptedAt: null, revokedAt: null },
      select: { id: true, role: true },
    });
    if (!row) throw notFound("id", "invitation");
    if (row.role === "owner" && caller.role !== "owner") {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: "id: only an owner may revoke an owner's invitation",
      });
    }
    // Conditional, so a revocation racing the invitee's acceptance cannot undo it.
    const { count } = await tx.invitation.updateMany({
      where: { id: row.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound("id", "invitation");
    const revoked = await tx.invitation.findUniqueOrThrow({
      where: { id: row.id },
      select: invitationSelect,
    });
    await recordAudit(tx, caller, {
      action: "invitation.revoked",
      target: { type: "invitation", id: revoked.id, label: revoked.email },
      data: { role: revoked.role },
    });
    return toInvitationOutput(revoked);
  });
}
