import { TRPCError } from "@trpc/server";
import type { Caller } from "@/server/auth/caller";
import { messageSelect, toMessageOutput } from "@/server/connect/message-select";
import { ListMessagesInput, type ListMessagesOutput } from "@/server/connect/schemas";
import type { Db } from "@/server/db/client";

/**
 * One page of a conversation's messages. The first page is the newest `limit`; `nextCursor`
 * (the oldest message of the page) leads back in time. Keyset seek on (createdAt, id), so a
 * page costs the same at any depth and messages arriving meanwhile never shift a page.
 */
export async function listMessages(
  db: Db,
  caller: Caller,
  params: ListMessagesInput,
): Promise<ListMessagesOutput> {
  const { conversationId, limit, cursor } = ListMessagesInput.parse(params);
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, workspaceId: caller.workspaceId },
    select: { id: true },
  });
  if (!conversation)
    throw new TRPCError({ code: "NOT_FOUND", message: "conversationId: no such conversation" });

  let seek = {};
  if (cursor) {
    const from = await db.message.findFirst({
      where: { id: cursor, conversationId: conversation.id, workspaceId: caller.workspaceId },
      select: { id: true, createdAt: true },
    });
    if (!from)
      throw new TRPCError({ code: "BAD_REQUEST", message: "cursor: not a message of this conversation" });
    seek = {
      createdAt: { lte: from.createdAt },
      OR: [{ createdAt: { lt: from.createdAt } }, { id: { lt: from.id } }],
    };
  }
  const rows = await db.message.findMany({
    where: { conversationId: conversation.id, workspaceId: caller.workspaceId, ...seek },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: messageSelect,
  });
  const page = rows.slice(0, limit);
  const oldest = page.at(-1);
  return {
    items: page.reverse().map(toMessageOutput),
    nextCursor: rows.length > limit && oldest ? oldest.id : null,
  };
}
