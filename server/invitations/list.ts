import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import type { InvitationOutput } from "@/server/invitations/schemas";
import { invitationSelect, toInvitationOutput } from "@/server/invitations/select";

// Pending invitations are few (one per address); a workspace with more has other problems.
const MAX_LISTED = 500;

/** The workspace's invitations not yet accepted or revoked, newest first; expired ones marked. */
export async function listPendingInvitations(db: Db, caller: Caller): Promise<InvitationOutput[]> {
  const rows = await db.invitation.findMany({
    where: { workspaceId: caller.workspaceId, acceptedAt: null, revokedAt: null },
    select: invitationSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_LISTED,
  });
  const now = new Date();
  return rows.map((row) => toInvitationOutput(row, now));
}
