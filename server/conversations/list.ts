import type { Caller } from "@/server/auth/caller";
import { conversationWhereSql } from "@/server/conversations/filters";
import { ListConversationsInput, type ListConversationsOutput } from "@/server/conversations/schemas";
import { newestMatches } from "@/server/conversations/search";
import { listItemSelect, toListItem } from "@/server/conversations/select";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { decodeSeekCursor, encodeSeekCursor } from "@/server/db/keyset";

/**
 * The cursor is the (lastMessageAt, id) the page ended at, not just the id: a conversation
 * that gets a new message moves to the top, and seeking from its new time would repeat
 * every row in between.
 */
function seekSql(cursor: string): Prisma.Sql {
  const seek = decodeSeekCursor(cursor);
  // A timestamp literal ignores the "Z", which is what the UTC-stored column needs.
  return Prisma.sql`AND (c."lastMessageAt", c."id") < (${seek.at}::timestamp(3), ${seek.id}::text)`;
}

/**
 * One page of the inbox, newest activity first: a keyset seek on (lastMessageAt, id), so
 * paging stays correct and equally fast while conversations move.
 */
export async function listConversations(
  db: Db,
  caller: Caller,
  params: ListConversationsInput,
): Promise<ListConversationsOutput> {
  const { limit, cursor, ...filter } = ListConversationsInput.parse(params);
  const page = await db.$queryRaw<{ id: string; seekAt: string }[]>`
    SELECT c."id", to_char(c."lastMessageAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "seekAt"
    FROM "Conversation" c
    WHERE ${conversationWhereSql(caller, filter)} ${cursor ? seekSql(cursor) : Prisma.empty}
    ORDER BY c."lastMessageAt" DESC, c."id" DESC
    LIMIT ${limit + 1}`;
  const shown = page.slice(0, limit);
  const ids = shown.map((r) => r.id);
  const [rows, matches] = await Promise.all([
    db.conversation.findMany({
      where: { workspaceId: caller.workspaceId, id: { in: ids } },
      select: listItemSelect(caller.memberId),
    }),
    filter.search ? newestMatches(db, caller.workspaceId, ids, filter.search) : null,
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const last = shown.at(-1);
  return {
    items: shown.flatMap((r) => {
      const row = byId.get(r.id);
      if (!row) return [];
      const item = toListItem(row);
      return [matches ? { ...item, matchMessageId: matches.get(r.id) ?? null } : item];
    }),
    nextCursor: page.length > limit && last ? encodeSeekCursor(last.seekAt, last.id) : null,
  };
}
