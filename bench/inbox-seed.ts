// The inbox benchmark's data: the demo workspace "Acme Support", plus one conversation of
// BIG_CONVERSATION_MESSAGES messages in it, inserted by one SQL statement.
import pg from "pg";
import { type DemoCredentials, prepareDatabase } from "@/scripts/inbox-server";

export const BIG_CONVERSATION_MESSAGES = Number(process.env.BENCH_INBOX_MESSAGES ?? 100_000);

export const benchCredentials: DemoCredentials = {
  email: "owner@bench.connect-inbox.test",
  password: "bench-password-1",
  apiKey: "ci_bench_key_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
};

export type InboxSeed = {
  workspaceId: string;
  bigConversationId: string;
  bigNewestMessageId: string;
  /** The two newest open demo conversations, at the top of the default list under the big one. */
  demoConversationIds: [string, string];
  seedSeconds: number;
};

export async function seedInbox(databaseUrl: string): Promise<InboxSeed> {
  await prepareDatabase(databaseUrl, benchCredentials);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ workspaceId: string; memberId: string }>(
      `SELECT w.id AS "workspaceId", m.id AS "memberId"
       FROM "Workspace" w JOIN "Member" m ON m."workspaceId" = w.id JOIN "User" u ON u.id = m."userId"
       WHERE w.slug = 'demo' AND u.email = $1`,
      [benchCredentials.email],
    );
    const owner = rows[0];
    if (!owner) throw new Error("The demo workspace has no member with the benchmark's email");
    const ids = { customer: "bench-big-customer", conversation: "bench-big-conv" };
    const preview = `Message number ${BIG_CONVERSATION_MESSAGES} about order ${BIG_CONVERSATION_MESSAGES % 997}`;
    await client.query(
      `INSERT INTO "Customer" (id, "workspaceId", name, email, "updatedAt")
       VALUES ($1, $2, 'Bulk Bench Customer', 'bulk@bench.connect-inbox.test', now())`,
      [ids.customer, owner.workspaceId],
    );
    // The newest message is "now", so the conversation heads the default (open, any) list.
    await client.query(
      `INSERT INTO "Conversation" (id, "workspaceId", "customerId", status, subject, "lastMessageAt", "lastMessagePreview", "updatedAt")
       VALUES ($1, $2, $3, 'open', 'Benchmark: 100k messages', now(), jsonb_build_object('en', $4::text), now())`,
      [ids.conversation, owner.workspaceId, ids.customer, preview],
    );
    const started = Date.now();
    await client.query(
      `INSERT INTO "Message" (id, "workspaceId", "conversationId", content, "senderType", "senderMemberId", "senderCustomerId", flags, "createdAt")
       SELECT 'bx' || lpad(g::text, 8, '0'), $1, $2, jsonb_build_object('en', 'Message number ' || g || ' about order ' || (g % 997)),
              (CASE WHEN g % 2 = 0 THEN 'customer' ELSE 'member' END)::"SenderType",
              CASE WHEN g % 2 = 1 THEN $3 END, CASE WHEN g % 2 = 0 THEN $4 END, '{}',
              now() - ($5::int - g) * interval '1 second'
       FROM generate_series(1, $5::int) g`,
      [owner.workspaceId, ids.conversation, owner.memberId, ids.customer, BIG_CONVERSATION_MESSAGES],
    );
    await client.query(`ANALYZE "Message"`);
    const demo = await client.query<{ id: string }>(
      `SELECT id FROM "Conversation" WHERE "workspaceId" = $1 AND status = 'open' AND id <> $2
       ORDER BY "lastMessageAt" DESC, id DESC LIMIT 2`,
      [owner.workspaceId, ids.conversation],
    );
    const [first, second] = demo.rows;
    if (!first || !second) throw new Error("The demo workspace has fewer than two open conversations");
    return {
      demoConversationIds: [first.id, second.id],
      workspaceId: owner.workspaceId,
      bigConversationId: ids.conversation,
      bigNewestMessageId: `bx${String(BIG_CONVERSATION_MESSAGES).padStart(8, "0")}`,
      seedSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}
