import { TRPCError } from "@trpc/server";
import type { Caller } from "@/server/auth/caller";
import type { ConversationIdInput, ConversationOutput } from "@/server/conversations/schemas";
import { conversationSelect, toConversationOutput } from "@/server/conversations/select";
import type { Db } from "@/server/db/client";

export async function getConversation(
  db: Db,
  caller: Caller,
  { id }: ConversationIdInput,
): Promise<ConversationOutput> {
  const row = await db.conversation.findFirst({
    where: { id, workspaceId: caller.workspaceId },
    select: conversationSelect,
  });
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "id: no such conversation" });
  return toConversationOutput(row);
}
