import type { Caller } from "@/server/auth/caller";
import type { ConversationIdInput, ConversationOutput } from "@/server/conversations/schemas";
import { conversationSelect, toConversationOutput } from "@/server/conversations/select";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/trpc/errors";

export async function getConversation(
  db: Db,
  caller: Caller,
  { id }: ConversationIdInput,
): Promise<ConversationOutput> {
  const row = await db.conversation.findFirst({
    where: { id, workspaceId: caller.workspaceId },
    select: conversationSelect,
  });
  if (!row) throw notFound("id", "conversation");
  return toConversationOutput(row);
}
