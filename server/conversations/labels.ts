import type { Caller } from "@/server/auth/caller";
import type { ConversationLabelInput, ConversationOutput } from "@/server/conversations/schemas";
import { conversationSelect, toConversationOutput } from "@/server/conversations/select";
import type { Db } from "@/server/db/client";
import { publishAfterCommit } from "@/server/events/publish";
import { notFound } from "@/server/trpc/errors";
import { dispatchDeliveries } from "@/server/webhooks/dispatch";
import { recordConversationUpdated } from "@/server/webhooks/events";

async function changeLabel(
  db: Db,
  caller: Caller,
  { id, labelId }: ConversationLabelInput,
  change: "add" | "remove",
): Promise<ConversationOutput> {
  const { workspaceId } = caller;
  const { row, changed, deliveryIds } = await db.$transaction(async (tx) => {
    // Locked: two members labelling at once each see the other's change in `from`.
    const [conversation] = await tx.$queryRaw<{ id: string; lastMessageAt: Date }[]>`
      SELECT id, "lastMessageAt" FROM "Conversation"
      WHERE id = ${id} AND "workspaceId" = ${workspaceId} FOR UPDATE`;
    if (!conversation) throw notFound("id", "conversation");
    const label = await tx.label.findFirst({ where: { id: labelId, workspaceId }, select: { id: true } });
    if (!label) throw notFound("labelId", "label");
    const before = await tx.conversationLabel.findMany({
      where: { workspaceId, conversationId: conversation.id },
      select: { labelId: true },
    });
    const where = { workspaceId, conversationId: conversation.id, labelId: label.id };
    const { count } =
      change === "add"
        ? await tx.conversationLabel.createMany({
            // lastMessageAt is the conversation's: the insert trigger copies it in any case.
            data: [{ ...where, lastMessageAt: conversation.lastMessageAt }],
            skipDuplicates: true,
          })
        : await tx.conversationLabel.deleteMany({ where });
    const row = await tx.conversation.findFirstOrThrow({
      where: { id: conversation.id, workspaceId },
      select: conversationSelect,
    });
    if (count === 0) return { row, changed: false, deliveryIds: [] };
    const from = before.map((l) => l.labelId).sort();
    const to = row.labels.map((l) => l.label.id).sort();
    const deliveryIds = await recordConversationUpdated(tx, workspaceId, row, { labelIds: { from, to } });
    return { row, changed: true, deliveryIds };
  });
  if (changed) {
    publishAfterCommit({ type: "conversation.updated", workspaceId, conversationId: row.id });
    dispatchDeliveries(deliveryIds);
  }
  return toConversationOutput(row);
}

/** Puts a label of the workspace on a conversation; already there, nothing changes. */
export function addConversationLabel(db: Db, caller: Caller, input: ConversationLabelInput) {
  return changeLabel(db, caller, input, "add");
}

/** Takes a label off a conversation; not there, nothing changes. */
export function removeConversationLabel(db: Db, caller: Caller, input: ConversationLabelInput) {
  return changeLabel(db, caller, input, "remove");
}
