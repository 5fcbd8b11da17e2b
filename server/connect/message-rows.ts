import type { FlatMessageRow } from "@/server/connect/message-select";
import type { Db } from "@/server/db/client";
import { type Prepared, type Queryable, sql } from "@/server/db/sql";

/** A message's attachments as JSON, in upload order, from `source` (rows named `f`). */
export const attachmentsJson = (source: string) => `(SELECT json_agg(json_build_object('id', f.id,
      'fileName', f."fileName", 'mimeType', f."mimeType", 'size', f.size) ORDER BY f."createdAt", f.id)
    FROM ${source})`;

/**
 * A message as the Connect API returns it, in SQL: sender names joined in, attachments
 * aggregated. `messageSelect` stays the shape every other read uses; the list tests hold the
 * two equal, field for field. `from` names the messages `m` (the table, or rows just
 * inserted); `attachments` is their JSON.
 */
export const messageRows = ({
  extraColumns = "",
  from = `"Message" m`,
  attachments = attachmentsJson(
    `"Attachment" f WHERE f."messageId" = m.id AND f."workspaceId" = m."workspaceId"`,
  ),
} = {}) => `
  SELECT ${extraColumns} m.id, m."conversationId", m.content, m."senderType"::text AS "senderType",
         m."senderMemberId", m."senderCustomerId", m."senderAgentId", m."parentId", m.flags,
         m."channelId", m."templateId", m."createdAt",
         u.name AS "memberName", u.image AS "memberImage", cu.name AS "customerName",
         cu.image AS "customerImage", a.name AS "agentName",
         COALESCE(${attachments}, '[]'::json) AS attachments
  FROM ${from}
  LEFT JOIN "Member" mem ON mem."workspaceId" = m."workspaceId" AND mem.id = m."senderMemberId"
  LEFT JOIN "User" u ON u.id = mem."userId"
  LEFT JOIN "Customer" cu ON cu."workspaceId" = m."workspaceId" AND cu.id = m."senderCustomerId"
  LEFT JOIN "AiAgent" a ON a."workspaceId" = m."workspaceId" AND a.id = m."senderAgentId"`;

const seek = (comparison: "<" | ">") => `AND (m."createdAt", m.id) ${comparison} (
  SELECT c."createdAt", c.id FROM "Message" c
  WHERE c.id = $4 AND c."conversationId" = $1 AND c."workspaceId" = $2)`;

function pageStatement(from: "start" | "end", cursor: boolean): Prepared {
  const [comparison, order] = from === "start" ? ([">", "ASC"] as const) : (["<", "DESC"] as const);
  return {
    name: `message-page-${from}-${cursor ? "seek" : "first"}`,
    text: `${messageRows()}
     WHERE m."conversationId" = $1 AND m."workspaceId" = $2 ${cursor ? seek(comparison) : ""}
     ORDER BY m."createdAt" ${order}, m.id ${order}
     LIMIT $3`,
  };
}

const PAGE_STATEMENTS = {
  start: { first: pageStatement("start", false), seek: pageStatement("start", true) },
  end: { first: pageStatement("end", false), seek: pageStatement("end", true) },
};

/**
 * The hot path of `listMessages` in one statement: the newest `take` messages of a conversation
 * older than the cursor, newest first (or, `from: "start"`, the oldest `take` newer than it,
 * oldest first). The cursor row is looked up in the same conversation and workspace, so
 * a foreign or unknown cursor matches nothing and the page comes back empty (the caller then
 * says why). The ORM needed four round trips for the same page.
 */
export async function readMessagePage(
  db: Db,
  workspaceId: string,
  conversationId: string,
  cursor: string | null,
  take: number,
  from: "start" | "end" = "end",
): Promise<FlatMessageRow[]> {
  return sql<FlatMessageRow>(
    db.$pool,
    PAGE_STATEMENTS[from][cursor ? "seek" : "first"],
    cursor ? [conversationId, workspaceId, take, cursor] : [conversationId, workspaceId, take],
  );
}

/**
 * The history around one message, in one statement: the message and up to `before + 1` older
 * ones (newest first), then up to `after + 1` newer ones (oldest first); the one extra each way
 * says whether more follow. Both halves are keyset seeks from the message's (createdAt, id),
 * looked up in the same conversation and workspace: a foreign or unknown id matches nothing.
 */
export async function readMessageWindow(
  db: Db,
  workspaceId: string,
  conversationId: string,
  around: string,
  before: number,
  after: number,
): Promise<{ older: FlatMessageRow[]; newer: FlatMessageRow[] }> {
  const anchor = `(SELECT c."createdAt", c.id FROM "Message" c
    WHERE c.id = $3 AND c."conversationId" = $1 AND c."workspaceId" = $2)`;
  const rows = await sql<FlatMessageRow & { newer: boolean }>(
    db.$pool,
    `(${messageRows({ extraColumns: "false AS newer," })}
      WHERE m."conversationId" = $1 AND m."workspaceId" = $2 AND (m."createdAt", m.id) <= ${anchor}
      ORDER BY m."createdAt" DESC, m.id DESC LIMIT $4)
     UNION ALL
     (${messageRows({ extraColumns: "true AS newer," })}
      WHERE m."conversationId" = $1 AND m."workspaceId" = $2 AND (m."createdAt", m.id) > ${anchor}
      ORDER BY m."createdAt" ASC, m.id ASC LIMIT $5)`,
    [conversationId, workspaceId, around, before + 2, after + 1],
  );
  return { older: rows.filter((row) => !row.newer), newer: rows.filter((row) => row.newer) };
}

/** The message a send with this Idempotency-Key stored in the workspace, if any. */
export async function readIdempotentMessage(
  on: Queryable,
  workspaceId: string,
  idempotencyKey: string,
): Promise<(FlatMessageRow & { idempotencyHash: string | null }) | null> {
  const [row] = await sql<FlatMessageRow & { idempotencyHash: string | null }>(
    on,
    `${messageRows({ extraColumns: `m."idempotencyHash",` })}
     WHERE m."workspaceId" = $1 AND m."idempotencyKey" = $2`,
    [workspaceId, idempotencyKey],
  );
  return row ?? null;
}
