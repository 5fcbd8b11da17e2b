import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { errorCode } from "@/server/test/errors";
import { anonymousCaller, createTestConversation, createTestWorkspace } from "@/server/test/fixtures";

describe("messages.thread", () => {
  it("returns the top-most message and every reply below it, oldest first, from any message of the thread", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const send = (en: string, parentId?: string) =>
      ws.owner.api.v1.connect.send({ conversationId, content: { en }, parentId });

    const root = await send("Where is my order?");
    const unrelated = await send("Something else");
    const first = await send("Checking with the carrier", root.id);
    const nested = await send("Carrier answered", first.id);
    const second = await send("Any news?", root.id);
    await send("Reply to the other message", unrelated.id);

    for (const entry of [root, first, nested, second]) {
      const thread = await ws.owner.api.v1.messages.thread({ messageId: entry.id });
      expect(thread.root.id).toBe(root.id);
      expect(thread.replies.map((r) => r.id)).toEqual([first.id, nested.id, second.id]);
    }
    const thread = await ws.owner.api.v1.messages.thread({ messageId: nested.id });
    expect(thread.replies.map((r) => r.parentId)).toEqual([root.id, first.id, root.id]);
    expect(thread.root).toEqual(root);

    const lone = await ws.owner.api.v1.messages.thread({ messageId: unrelated.id });
    expect(lone.replies.map((r) => r.content)).toEqual([{ en: "Reply to the other message" }]);
  });

  it("answers NOT_FOUND for another workspace's message exactly as for an unknown id", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const { conversationId } = await createTestConversation(other.workspaceId);
    const foreign = await other.owner.api.v1.connect.send({ conversationId, content: { en: "secret" } });

    expect(await errorCode(ws.owner.api.v1.messages.thread({ messageId: foreign.id }))).toBe("NOT_FOUND");
    expect(await errorCode(ws.owner.api.v1.messages.thread({ messageId: "no-such-message" }))).toBe(
      "NOT_FOUND",
    );
    expect(await errorCode(other.owner.api.v1.messages.thread({ messageId: foreign.id }))).toBe("OK");
  });

  it("stops at a parent cycle instead of walking forever", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const a = await ws.owner.api.v1.connect.send({ conversationId, content: { en: "a" } });
    const b = await ws.owner.api.v1.connect.send({ conversationId, content: { en: "b" }, parentId: a.id });
    await db().message.update({ where: { id: a.id }, data: { parentId: b.id } });

    const thread = await ws.owner.api.v1.messages.thread({ messageId: a.id });
    expect([thread.root.id, ...thread.replies.map((r) => r.id)].sort()).toEqual([a.id, b.id].sort());
  });
});

describe("messages.uploadPolicy", () => {
  it("tells the composer the server's per-file limit and allowed types", async () => {
    const ws = await createTestWorkspace();
    const policy = await ws.owner.api.v1.messages.uploadPolicy();
    expect(policy.maxBytes).toBe(env().ATTACHMENT_MAX_BYTES);
    expect(policy.maxFiles).toBe(20);
    expect(policy.allowedTypes).toEqual(expect.arrayContaining(["image/*", "application/pdf"]));
    expect(await errorCode(anonymousCaller().v1.messages.uploadPolicy())).toBe("UNAUTHORIZED");
  });
});
