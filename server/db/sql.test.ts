import { afterEach, describe, expect, it } from "vitest";
import { createDb, type Db, db } from "@/server/db/client";
import { namedStatementsAllowed, ONE_SESSION_APPLICATION_NAME, sql, transaction } from "@/server/db/sql";
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

  it("prepares a hot statement by name once per connection, and never when told off or on a shared session", async () => {
    const statement = { name: "sql-test-probe", text: "SELECT $1::int + 1 AS n" };
    const named = async (pool: Db) => {
      const client = await pool.$pool.connect();
      try {
        const [row] = await sql<{ n: number }>(client, statement, [41]);
        expect(row?.n).toBe(42);
        const prepared = await client.query("SELECT name FROM pg_prepared_statements WHERE name = $1", [
          statement.name,
        ]);
        return prepared.rowCount;
      } finally {
        client.release();
      }
    };
    const url = process.env.DATABASE_URL ?? "";
    const byDefault = createDb(url, { max: 1 });
    const off = createDb(url, { max: 1, namedStatements: false });
    try {
      expect(await named(byDefault)).toBe(1);
      expect(await named(off)).toBe(0);
    } finally {
      await Promise.all([byDefault.$disconnect(), off.$disconnect()]);
    }
    expect(namedStatementsAllowed(url, undefined)).toBe(true);
    expect(namedStatementsAllowed(url, "off")).toBe(false);
    const shared = new URL(url);
    shared.searchParams.set("application_name", ONE_SESSION_APPLICATION_NAME);
    expect(namedStatementsAllowed(shared.href, undefined)).toBe(false);
  });
});
