import type { Caller } from "@/server/auth/caller";
import type { ConversationOutput, UpdateConversationInput } from "@/server/conversations/schemas";
import { conversationSelect, toConversationOutput } from "@/server/conversations/select";
import type { Db } from "@/server/db/client";
import { publishAfterCommit } from "@/server/events/publish";
import { notFound } from "@/server/trpc/errors";

/** Sets the status and/or the assignee; the assignee must be a member of the same workspace. */
export async function updateConversation(
  db: Db,
  caller: Caller,
  input: UpdateConversationInput,
): Promise<ConversationOutput> {
  const { workspaceId } = caller;
  const row = await db.$transaction(async (tx) => {
    const conversation = await tx.conversation.findFirst({
      where: { id: input.id, workspaceId },
      select: { id: true },
    });
    if (!conversation) throw notFound("id", "conversation");
    if (input.assigneeId) {
      const member = await tx.member.findFirst({
        where: { id: input.assigneeId, workspaceId, removedAt: null },
        select: { id: true },
      });
      if (!member) throw notFound("assigneeId", "member");
    }
    return tx.conversation.update({
      where: { workspaceId_id: { workspaceId, id: conversation.id } },
      data: {
        ...(input.status ? { status: input.status } : {}),
        ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
      },
      select: conversationSelect,
    });
  });
  publishAfterCommit({ type: "conversation.updated", workspaceId, conversationId: row.id });
  return toConversationOutput(row);
}
