// The cost floor: a bare node:http server doing the same work as the Connect API with `pg`:
// check the API key, check the conversation's workspace, keyset SELECT with sender and
// attachments, or INSERT a message and touch the conversation in a transaction.
import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";

const PAGE_SQL = `
  SELECT m.id, m."conversationId", m.content, m."senderType", m."parentId", m.flags, m."channelId",
         m."templateId", m."createdAt", m."senderMemberId", m."senderCustomerId", m."senderAgentId",
         u.name AS "memberName", u.image AS "memberImage", c.name AS "customerName", c.image AS "customerImage",
         a.name AS "agentName",
         COALESCE((SELECT json_agg(json_build_object('id', f.id, 'fileName', f."fileName", 'mimeType', f."mimeType", 'size', f.size))
                   FROM "Attachment" f WHERE f."messageId" = m.id), '[]') AS attachments
  FROM "Message" m
  LEFT JOIN "Member" mem ON mem.id = m."senderMemberId"
  LEFT JOIN "User" u ON u.id = mem."userId"
  LEFT JOIN "Customer" c ON c.id = m."senderCustomerId"
  LEFT JOIN "AiAgent" a ON a.id = m."senderAgentId"
  WHERE m."conversationId" = $1 AND m."workspaceId" = $2
    AND ($3::timestamp IS NULL OR (m."createdAt", m.id) < ($3::timestamp, $4::text))
  ORDER BY m."createdAt" DESC, m.id DESC
  LIMIT $5`;

export async function startBaselineServer(
  connectionString: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  async function caller(header: string | undefined) {
    const key = header?.replace(/^Bearer\s+/i, "") ?? "";
    const hash = createHash("sha256").update(key).digest("hex");
    const { rows } = await pool.query<{ workspaceId: string; memberId: string }>(
      `SELECT "workspaceId", "memberId" FROM "ApiKey" WHERE hash = $1 AND "revokedAt" IS NULL`,
      [hash],
    );
    return rows[0] ?? null;
  }
  const server = createServer(async (req, res) => {
    try {
      const who = await caller(req.headers.authorization);
      if (!who) {
        res.writeHead(401).end();
        return;
      }
      const url = new URL(req.url ?? "/", "http://x");
      if (req.method === "GET") {
        const conversationId = url.searchParams.get("conversationId") ?? "";
        const cursor = url.searchParams.get("cursor");
        const limit = Number(url.searchParams.get("limit") ?? 50);
        const conv = await pool.query(`SELECT id FROM "Conversation" WHERE id = $1 AND "workspaceId" = $2`, [
          conversationId,
          who.workspaceId,
        ]);
        if (conv.rowCount === 0) {
          res.writeHead(404).end();
          return;
        }
        let seek: [Date | null, string | null] = [null, null];
        if (cursor) {
          const from = await pool.query<{ createdAt: Date; id: string }>(
            `SELECT id, "createdAt" FROM "Message" WHERE id = $1 AND "conversationId" = $2`,
            [cursor, conversationId],
          );
          const row = from.rows[0];
          if (row) seek = [row.createdAt, row.id];
        }
        const { rows } = await pool.query(PAGE_SQL, [
          conversationId,
          who.workspaceId,
          seek[0],
          seek[1],
          limit + 1,
        ]);
        const page = rows.slice(0, limit);
        const nextCursor = rows.length > limit ? (page.at(-1)?.id ?? null) : null;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ items: page.reverse(), nextCursor }));
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const input = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        conversationId: string;
        content: unknown;
      };
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const conv = await client.query(
          `SELECT id FROM "Conversation" WHERE id = $1 AND "workspaceId" = $2`,
          [input.conversationId, who.workspaceId],
        );
        if (conv.rowCount === 0) {
          await client.query("ROLLBACK");
          res.writeHead(404).end();
          return;
        }
        const id = `b${randomBytes(12).toString("hex")}`;
        const inserted = await client.query(
          `INSERT INTO "Message" (id, "workspaceId", "conversationId", content, "senderType", "senderMemberId", flags, "createdAt")
           VALUES ($1, $2, $3, $4, 'member', $5, '{}', now()) RETURNING *`,
          [id, who.workspaceId, input.conversationId, JSON.stringify(input.content), who.memberId],
        );
        await client.query(
          `UPDATE "Conversation" SET "lastMessageAt" = GREATEST("lastMessageAt", now()), "lastMessagePreview" = $2, "updatedAt" = now() WHERE id = $1`,
          [input.conversationId, JSON.stringify(input.content)],
        );
        await client.query("COMMIT");
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(inserted.rows[0]));
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
