import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createTestConversation, createTestWorkspace } from "@/server/test/fixtures";

describe("a message's time", () => {
  it("is the database's clock when the row is written, not Node's before the send waited for a connection", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const pool = db().$pool;
    // Every connection of the app's pool is busy: the send has to wait for one.
    const busy = await Promise.all(Array.from({ length: pool.options.max ?? 10 }, () => pool.connect()));
    const sent = ws.owner.api.v1.connect.send({ conversationId, content: { en: "written late" } });
    await new Promise((resolve) => setTimeout(resolve, 700));
    const freedAt = Date.now();
    for (const client of busy) client.release();
    const message = await sent;
    // Stamped before it waited, it would be some 700 ms older than the moment a connection freed up.
    expect(new Date(message.createdAt).getTime()).toBeGreaterThanOrEqual(freedAt - 50);
  });
});
