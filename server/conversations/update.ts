import type { Caller } from "@/server/auth/caller";
import type { ConversationOutput, UpdateConversationInput } from "@/server/conversations/schemas";
import { conversationSelect, toConversationOutput } from "@/server/conversations/select";
import type { Db } from "@/server/db/client";
import { publishAfterCommit } from "@/server/events/publish";
import { createNotifications, publishNotifications } from "@/server/notifications/create";
import { notFound } from "@/server/trpc/errors";
import { dispatchDeliveries } from "@/server/webhooks/dispatch";
import { type ConversationChanges, recordConversationUpdated } from "@/server/webhooks/events";

/**
 * Sets the status and/or the assignee; the assignee must be a member of the same workspace. A
 * status set here ends a snooze (its wake-up job then finds nothing to do).
 */
export async function updateConversation(
  db: Db,
  caller: Caller,
  input: UpdateConversationInput,
): Promise<ConversationOutput> {
  const { workspaceId } = caller;
  const { row, deliveryIds, notified } = await db.$transaction(async (tx) => {
    const conversation = await tx.conversation.findFirst({
      where: { id: input.id, workspaceId },
      select: { id: true, status: true, assigneeId: true },
    });
    if (!conversation) throw notFound("id", "conversation");
    if (input.assigneeId) {
      const member = await tx.member.findFirst({
        where: { id: input.assigneeId, workspaceId, removedAt: null },
        select: { id: true },
      });
      if (!member) throw notFound("assigneeId", "member");
    }
    const row = await tx.conversation.update({
      where: { workspaceId_id: { workspaceId, id: conversation.id } },
      data: {
        ...(input.status ? { status: input.status, snoozedUntil: null } : {}),
        ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
      },
      select: conversationSelect,
    });
    const changes: ConversationChanges = {};
    if (row.status !== conversation.status) changes.status = { from: conversation.status, to: row.status };
    const assigneeId = row.assignee?.id ?? null;
    if (assigneeId !== conversation.assigneeId)
      changes.assigneeId = { from: conversation.assigneeId, to: assigneeId };
    // Assigned to someone else: they hear of it (not when they took it themselves).
    const notified = await createNotifications(tx, {
      workspaceId,
      kind: "assigned",
      actorId: caller.memberId,
      items: changes.assigneeId?.to
        ? [{ recipientId: changes.assigneeId.to, conversationId: row.id, messageId: null }]
        : [],
    });
    return { row, deliveryIds: await recordConversationUpdated(tx, workspaceId, row, changes), notified };
  });
  publishAfterCommit({ type: "conversation.updated", workspaceId, conversationId: row.id });
  publishNotifications(workspaceId, notified);
  dispatchDeliveries(deliveryIds);
  return toConversationOutput(row);
}
