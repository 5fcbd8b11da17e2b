import type { Caller } from "@/server/auth/caller";
import type { ConversationIdInput, MarkReadOutput, MarkUnreadOutput } from "@/server/conversations/schemas";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/trpc/errors";

/**
 * Marks the conversation read for the caller, up to now, and ends a "mark as unread". The marker
 * never moves back, and
 * is at least the conversation's lastMessageAt so that clock skew between the app and the
 * database cannot leave a just-read conversation unread.
 */
export async function markConversationRead(
  db: Db,
  caller: Caller,
  { id }: ConversationIdInput,
): Promise<MarkReadOutput> {
  const rows = await db.$queryRaw<{ conversationId: string; lastReadAt: string }[]>`
    INSERT INTO "ConversationRead" ("workspaceId", "memberId", "conversationId", "lastReadAt")
    SELECT c."workspaceId", ${caller.memberId}, c."id", GREATEST(now() AT TIME ZONE 'UTC', c."lastMessageAt")
    FROM "Conversation" c
    WHERE c."id" = ${id} AND c."workspaceId" = ${caller.workspaceId}
    ON CONFLICT ("memberId", "conversationId") DO UPDATE
      SET "lastReadAt" = GREATEST("ConversationRead"."lastReadAt", EXCLUDED."lastReadAt"),
        "markedUnread" = false
    RETURNING "conversationId",
      to_char("lastReadAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "lastReadAt"`;
  const row = rows[0];
  if (!row) throw notFound("id", "conversation");
  return row;
}

/** "Mark as unread": unread for the caller, whatever was written, until they mark it read again. */
export async function markConversationUnread(
  db: Db,
  caller: Caller,
  { id }: ConversationIdInput,
): Promise<MarkUnreadOutput> {
  const rows = await db.$queryRaw<MarkUnreadOutput[]>`
    INSERT INTO "ConversationRead" ("workspaceId", "memberId", "conversationId", "lastReadAt", "markedUnread")
    SELECT c."workspaceId", ${caller.memberId}, c."id", c."createdAt", true
    FROM "Conversation" c
    WHERE c."id" = ${id} AND c."workspaceId" = ${caller.workspaceId}
    ON CONFLICT ("memberId", "conversationId") DO UPDATE SET "markedUnread" = true
    RETURNING "conversationId"`;
  const row = rows[0];
  if (!row) throw notFound("id", "conversation");
  return row;
}
