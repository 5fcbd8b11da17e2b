import type { FlatMessageRow } from "@/server/connect/message-select";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";

/**
 * The hot path of `listMessages` in one statement: the newest `take` messages of a conversation
 * older than the cursor, with sender names and attachments joined in. The cursor row is looked
 * up in the same conversation and workspace, so a foreign or unknown cursor matches nothing and
 * the page comes back empty (the caller then says why). Written as SQL because the ORM needs
 * four round trips for the same page; `messageSelect` stays the shape every other read uses,
 * and the list tests compare both.
 */
export async function readMessagePage(
  db: Db,
  workspaceId: string,
  conversationId: string,
  cursor: string | null,
  take: number,
): Promise<FlatMessageRow[]> {
  const seek = cursor
    ? Prisma.sql`AND (m."createdAt", m.id) < (
        SELECT c."createdAt", c.id FROM "Message" c
        WHERE c.id = ${cursor} AND c."conversationId" = ${conversationId} AND c."workspaceId" = ${workspaceId})`
    : Prisma.empty;
  return db.$queryRaw<FlatMessageRow[]>`
    SELECT m.id, m."conversationId", m.content, m."senderType", m."senderMemberId", m."senderCustomerId",
           m."senderAgentId", m."parentId", m.flags, m."channelId", m."templateId", m."createdAt",
           u.name AS "memberName", u.image AS "memberImage", cu.name AS "customerName",
           cu.image AS "customerImage", a.name AS "agentName",
           COALESCE((SELECT json_agg(json_build_object('id', f.id, 'fileName', f."fileName",
                       'mimeType', f."mimeType", 'size', f.size) ORDER BY f."createdAt", f.id)
                     FROM "Attachment" f WHERE f."messageId" = m.id AND f."workspaceId" = m."workspaceId"),
                    '[]'::json) AS attachments
    FROM "Message" m
    LEFT JOIN "Member" mem ON mem."workspaceId" = m."workspaceId" AND mem.id = m."senderMemberId"
    LEFT JOIN "User" u ON u.id = mem."userId"
    LEFT JOIN "Customer" cu ON cu."workspaceId" = m."workspaceId" AND cu.id = m."senderCustomerId"
    LEFT JOIN "AiAgent" a ON a."workspaceId" = m."workspaceId" AND a.id = m."senderAgentId"
    WHERE m."conversationId" = ${conversationId} AND m."workspaceId" = ${workspaceId} ${seek}
    ORDER BY m."createdAt" DESC, m.id DESC
    LIMIT ${take}`;
}
