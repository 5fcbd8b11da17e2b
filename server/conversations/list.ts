import type { Caller } from "@/server/auth/caller";
import { type ConversationFilter, conversationWhereSql } from "@/server/conversations/filters";
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
function seekSql(cursor: string, on: { at: Prisma.Sql; id: Prisma.Sql }): Prisma.Sql {
  const seek = decodeSeekCursor(cursor);
  // A timestamp literal ignores the "Z", which is what the UTC-stored column needs.
  return Prisma.sql`AND (${on.at}, ${on.id}) < (${seek.at}::timestamp(3), ${seek.id}::text)`;
}

const byConversation = { at: Prisma.sql`c."lastMessageAt"`, id: Prisma.sql`c."id"` };
const byLabel = { at: Prisma.sql`l."lastMessageAt"`, id: Prisma.sql`l."conversationId"` };

/**
 * The ids of one page. Filtered by labels, the walk starts from the first label's index, which
 * holds each conversation's lastMessageAt (kept by a trigger), so the newest conversations with
 * that label come first however many others the workspace has; the other filters are checked
 * on each row found.
 */
function pageSql(
  caller: Caller,
  filter: ConversationFilter,
  cursor: string | null | undefined,
  limit: number,
) {
  const [firstLabel, ...otherLabels] = [...new Set(filter.labelIds ?? [])];
  const order = firstLabel ? byLabel : byConversation;
  const from = firstLabel
    ? Prisma.sql`"ConversationLabel" l JOIN "Conversation" c ON c."id" = l."conversationId"
      WHERE l."workspaceId" = ${caller.workspaceId} AND l."labelId" = ${firstLabel}
        AND ${conversationWhereSql(caller, { ...filter, labelIds: otherLabels })}`
    : Prisma.sql`"Conversation" c WHERE ${conversationWhereSql(caller, filter)}`;
  return Prisma.sql`
    SELECT c."id", to_char(${order.at}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "seekAt"
    FROM ${from} ${cursor ? seekSql(cursor, order) : Prisma.empty}
    ORDER BY ${order.at} DESC, ${order.id} DESC
    LIMIT ${limit + 1}`;
}

/** Enough to tell a rare label from a common one, without counting a common one to the end. */
const LABEL_PROBE = 5_000;

/**
 * The labels with the rarest first (the page walks the first one's index): conversations
 * carrying two labels are found among the few with the rare one, not searched for among the
 * many with the common one.
 */
async function rarestFirst(db: Db, workspaceId: string, labelIds: string[] | undefined) {
  const ids = [...new Set(labelIds ?? [])];
  if (ids.length < 2) return ids;
  const counts = await db.$queryRaw<{ labelId: string; n: number }[]>`
    SELECT t."labelId", (SELECT count(*)::int FROM (
      SELECT 1 FROM "ConversationLabel" l
      WHERE l."workspaceId" = ${workspaceId} AND l."labelId" = t."labelId" LIMIT ${LABEL_PROBE}) s) AS n
    FROM unnest(${ids}::text[]) AS t("labelId")`;
  const size = new Map(counts.map((row) => [row.labelId, row.n]));
  return ids.sort((a, b) => (size.get(a) ?? 0) - (size.get(b) ?? 0));
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
  const { limit, cursor, ...parsed } = ListConversationsInput.parse(params);
  const filter = { ...parsed, labelIds: await rarestFirst(db, caller.workspaceId, parsed.labelIds) };
  const page = await db.$queryRaw<{ id: string; seekAt: string }[]>(pageSql(caller, filter, cursor, limit));
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
