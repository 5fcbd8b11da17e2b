import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { sql, transaction } from "@/server/db/sql";
import { createTestConversation, createTestWorkspace } from "@/server/test/fixtures";

const processTimeZone = process.env.TZ;

describe("SQL beside the ORM", () => {
  afterEach(() => {
    if (processTimeZone === undefined) delete process.env.TZ;
    else process.env.TZ = processTimeZone;
  });

  it("writes and reads times as UTC, as Prisma does, whatever the server's time zone", async () => {
    // Node applies a TZ change at once; pg would otherwise read `timestamp` columns as local time.
    process.env.TZ = "America/New_York";
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const before = Date.now();
    const sent = await ws.owner.api.v1.connect.send({ conversationId, content: { en: "what time is it" } });
    const after = Date.now();

    const viaOrm = await db().message.findUniqueOrThrow({
      where: { id: sent.id },
      select: { createdAt: true },
    });
    expect(viaOrm.createdAt.toISOString()).toBe(sent.createdAt);
    expect(viaOrm.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(viaOrm.createdAt.getTime()).toBeLessThanOrEqual(after);
    const conversation = await db().conversation.findUniqueOrThrow({
      where: { id: conversationId },
      select: { lastMessageAt: true },
    });
    expect(conversation.lastMessageAt.toISOString()).toBe(sent.createdAt);

    const [row] = await sql<{ createdAt: Date }>(
      db().$pool,
      `SELECT "createdAt" FROM "Message" WHERE id = $1`,
      [sent.id],
    );
    expect(row?.createdAt.toISOString()).toBe(sent.createdAt);
  });

  it("rolls a transaction back when its work throws, and hands out a clean connection afterwards", async () => {
    const ws = await createTestWorkspace();
    const failure = transaction(db(), async (tx) => {
      await sql(tx, `UPDATE "Workspace" SET name = 'renamed' WHERE id = $1`, [ws.workspaceId]);
      throw new Error("stop here");
    });
    await expect(failure).rejects.toThrow("stop here");
    const workspace = await db().workspace.findUniqueOrThrow({ where: { id: ws.workspaceId } });
    expect(workspace.name).not.toBe("renamed");
    const [state] = await sql<{ open: boolean }>(db().$pool, "SELECT now() <> statement_timestamp() AS open");
    expect(state?.open).toBe(false);
  });
});
