import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { recordAudit } from "@/server/audit/record";
import type { Caller } from "@/server/auth/caller";
import { revokeUserSessions } from "@/server/auth/sessions";
import { conversationSelect } from "@/server/conversations/select";
import type { Db } from "@/server/db/client";
import { publishAfterCommit } from "@/server/events/publish";
import { notFound } from "@/server/trpc/errors";
import { dispatchDeliveries } from "@/server/webhooks/dispatch";
import { recordConversationUpdated } from "@/server/webhooks/events";

export const RemoveMemberInput = z.object({ memberId: z.string().min(1).max(100) });
export type RemoveMemberInput = z.infer<typeof RemoveMemberInput>;

/**
 * Takes a member out of the caller's workspace (owners and admins; anyone may remove
 * themselves). The row stays, so their messages keep their name; their API keys are revoked,
 * their open and pending conversations become unassigned, and every session of theirs ends.
 * The last owner cannot be removed, and only an owner removes an owner.
 */
export async function removeMember(db: Db, caller: Caller, input: RemoveMemberInput): Promise<void> {
  const { workspaceId } = caller;
  const self = input.memberId === caller.memberId;
  if (!self && caller.role === "agent") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only workspace owners and admins may do this." });
  }
  const removed = await db.$transaction(async (tx) => {
    const member = await tx.member.findFirst({
      where: { id: input.memberId, workspaceId, removedAt: null },
      select: { id: true, userId: true, role: true, user: { select: { name: true, email: true } } },
    });
    if (!member) throw notFound("memberId", "member");
    if (member.role === "owner") {
      if (!self && caller.role !== "owner") {
        throw new TRPCError({ code: "FORBIDDEN", message: "memberId: only an owner may remove an owner" });
      }
      // Locks the workspace's owner rows, so two owners removing each other cannot both succeed.
      const owners = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Member"
        WHERE "workspaceId" = ${workspaceId} AND role = 'owner' AND "removedAt" IS NULL
        FOR UPDATE`;
      if (owners.length <= 1) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "memberId: the last owner cannot leave the workspace",
        });
      }
    }
    const now = new Date();
    await tx.member.update({ where: { id: member.id }, data: { removedAt: now }, select: { id: true } });
    await tx.apiKey.updateMany({
      where: { workspaceId, memberId: member.id, revokedAt: null },
      data: { revokedAt: now },
    });
    const unassigned = await tx.conversation.findMany({
      where: { workspaceId, assigneeId: member.id, status: { not: "resolved" } },
      select: { id: true },
    });
    await tx.conversation.updateMany({
      where: { workspaceId, id: { in: unassigned.map((c) => c.id) } },
      data: { assigneeId: null },
    });
    const deliveryIds: string[] = [];
    const changed = await tx.conversation.findMany({
      where: { workspaceId, id: { in: unassigned.map((c) => c.id) } },
      select: conversationSelect,
    });
    for (const conversation of changed) {
      deliveryIds.push(
        ...(await recordConversationUpdated(tx, workspaceId, conversation, {
          assigneeId: { from: member.id, to: null },
        })),
      );
    }
    await recordAudit(tx, caller, {
      action: self ? "member.left" : "member.removed",
      target: { type: "member", id: member.id, label: `${member.user.name} <${member.user.email}>` },
      data: { role: member.role, unassignedConversations: unassigned.length },
    });
    return { userId: member.userId, unassigned, deliveryIds };
  });
  // Sessions belong to the person, not to one membership: all of theirs end, so a browser
  // that was signed in here cannot keep acting through an open tab or a copied cookie.
  await revokeUserSessions(db, removed.userId);
  for (const conversation of removed.unassigned) {
    publishAfterCommit({ type: "conversation.updated", workspaceId, conversationId: conversation.id });
  }
  dispatchDeliveries(removed.deliveryIds);
}
