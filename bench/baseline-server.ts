// The cost floor: a bare node:http server doing the same work as the Connect API with `pg`:
// check the API key, then the same keyset SELECT with senders and attachments, or INSERT a
// message and touch the conversation in a transaction.

import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import pg from "pg";

// The same statement the app's listMessages runs (server/connect/message-rows.ts): senders joined,
// attachments aggregated, the cursor looked up in the same conversation and workspace.
const PAGE_SQL = `
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
  WHERE m."conversationId" = $1 AND m."workspaceId" = $2
    AND ($3::text IS NULL OR (m."createdAt", m.id) < (
      SELECT c."createdAt", c.id FROM "Message" c
      WHERE c.id = $3 AND c."conversationId" = $1 AND c."workspaceId" = $2))
  ORDER BY m."createdAt" DESC, m.id DESC
  LIMIT $4`;

async function startBaselineServer(
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
        const { rows } = await pool.query(PAGE_SQL, [conversationId, who.workspaceId, cursor, limit + 1]);
        // As the app: only an empty page needs to say whether the conversation exists.
        if (rows.length === 0) {
          const conv = await pool.query(
            `SELECT id FROM "Conversation" WHERE id = $1 AND "workspaceId" = $2`,
            [conversationId, who.workspaceId],
          );
          if (conv.rowCount === 0) {
            res.writeHead(404).end();
            return;
          }
        }
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

/**
 * The baseline in a process of its own, as the app has: in the benchmark's own process it would
 * share one event loop with the load generator and be measured slower than it is.
 */
export async function spawnBaselineServer(
  connectionString: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), connectionString],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const line = out.match(/^listening (\S+)$/m);
      if (line?.[1]) resolve(line[1]);
    });
    child.once("exit", (code) => reject(new Error(`the baseline server exited (${code}) before listening`)));
  });
  return {
    url,
    close: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const connectionString = process.argv[2];
  if (!connectionString) throw new Error("usage: baseline-server.ts <postgres url>");
  const baseline = await startBaselineServer(connectionString);
  process.once("SIGTERM", () => void baseline.close().then(() => process.exit(0)));
  console.log(`listening ${baseline.url}`);
}
