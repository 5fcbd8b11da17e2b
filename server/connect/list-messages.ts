import { TRPCError } from "@trpc/server";
import type { Caller } from "@/server/auth/caller";
import { readMessagePage, readMessageWindow } from "@/server/connect/message-rows";
import { flatMessageOutput } from "@/server/connect/message-select";
import { ListMessagesInput, type ListMessagesOutput } from "@/server/connect/schemas";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/trpc/errors";

/**
 * One page of a conversation's messages. The first page is the newest `limit`; `nextCursor`
 * (the oldest message of the page) leads back in time. With `from: "start"` (the inbox's Home
 * key), the first page is the oldest `limit` and `nextCursor` (the page's newest) leads forward. Keyset seek on (createdAt, id), so a
 * page costs the same at any depth and messages arriving meanwhile never shift a page. One
 * statement when the page has rows; an empty page costs one or two more to say why.
 */
export async function listMessages(
  db: Db,
  caller: Caller,
  params: ListMessagesInput,
): Promise<ListMessagesOutput> {
  const { conversationId, limit, cursor, from = "end", around } = ListMessagesInput.parse(params);
  if (around) return listAround(db, caller, conversationId, around, limit);
  const rows = await readMessagePage(db, caller.workspaceId, conversationId, cursor ?? null, limit + 1, from);
  // Only an empty page needs telling apart: no such conversation, a bad cursor, or no messages.
  if (rows.length === 0) await assertPageable(db, caller, conversationId, cursor ?? null);
  const page = rows.slice(0, limit);
  // The page's last row in reading order (its oldest, or from the start its newest) continues it.
  const last = page.at(-1);
  return {
    items: (from === "start" ? page : page.reverse()).map(flatMessageOutput),
    nextCursor: rows.length > limit && last ? last.id : null,
  };
}

/** The page `around` asks for: the message, older ones before it and newer after, oldest first. */
async function listAround(
  db: Db,
  caller: Caller,
  conversationId: string,
  around: string,
  limit: number,
): Promise<ListMessagesOutput> {
  const before = Math.floor((limit - 1) / 2);
  const after = limit - 1 - before;
  const { older, newer } = await readMessageWindow(
    db,
    caller.workspaceId,
    conversationId,
    around,
    before,
    after,
  );
  if (older.length === 0) {
    await assertPageable(db, caller, conversationId, null);
    throw new TRPCError({ code: "BAD_REQUEST", message: "around: not a message of this conversation" });
  }
  const olderShown = older.slice(0, before + 1).reverse();
  const newerShown = newer.slice(0, after);
  return {
    items: [...olderShown, ...newerShown].map(flatMessageOutput),
    nextCursor: older.length > before + 1 ? (olderShown[0]?.id ?? null) : null,
    newerCursor: newer.length > after ? (newerShown.at(-1)?.id ?? null) : null,
  };
}

async function assertPageable(db: Db, caller: Caller, conversationId: string, cursor: string | null) {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, workspaceId: caller.workspaceId },
    select: { id: true },
  });
  if (!conversation) throw notFound("conversationId", "conversation");
  if (!cursor) return;
  const from = await db.message.findFirst({
    where: { id: cursor, conversationId, workspaceId: caller.workspaceId },
    select: { id: true },
  });
  if (!from)
    throw new TRPCError({ code: "BAD_REQUEST", message: "cursor: not a message of this conversation" });
}
