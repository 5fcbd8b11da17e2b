import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageSelect, toMessageOutput } from "@/server/connect/message-select";
import { db } from "@/server/db/client";
import { trpcError } from "@/server/test/errors";
import { createTestConversation, createTestWorkspace } from "@/server/test/fixtures";
import { startTestServer } from "@/server/test/http-server";
import { handleTrpcRequest } from "@/server/trpc/http";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ "/api/trpc": handleTrpcRequest });
});
afterAll(() => server.close());

describe("listMessages paging", () => {
  it("pages back through history with no skip or repeat while new messages arrive", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const send = (text: string) => ws.owner.api.v1.connect.send({ conversationId, content: { en: text } });
    const history: string[] = [];
    for (let i = 0; i < 25; i++) history.push((await send(`old ${i}`)).id);

    const page1 = await ws.owner.api.v1.connect.listMessages({ conversationId, limit: 10 });
    for (let i = 0; i < 3; i++) await send(`new ${i}`);
    const page2 = await ws.owner.api.v1.connect.listMessages({
      conversationId,
      limit: 10,
      cursor: page1.nextCursor,
    });
    await send("newer still");
    const page3 = await ws.owner.api.v1.connect.listMessages({
      conversationId,
      limit: 10,
      cursor: page2.nextCursor,
    });

    expect(page1.items.map((m) => m.id)).toEqual(history.slice(15));
    expect(page2.items.map((m) => m.id)).toEqual(history.slice(5, 15));
    expect(page3.items.map((m) => m.id)).toEqual(history.slice(0, 5));
    expect(page3.nextCursor).toBeNull();
    expect(page1.nextCursor).toBe(history[15]);
  });

  it("from the start, the first page is the oldest and the cursor leads forward, with no skip or repeat", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const send = (text: string) => ws.owner.api.v1.connect.send({ conversationId, content: { en: text } });
    const history: string[] = [];
    for (let i = 0; i < 23; i++) history.push((await send(`m ${i}`)).id);
    const list = ws.owner.api.v1.connect.listMessages;

    const page1 = await list({ conversationId, limit: 10, from: "start" });
    expect(page1.items.map((m) => m.id)).toEqual(history.slice(0, 10));
    expect(page1.nextCursor).toBe(history[9]);
    const page2 = await list({ conversationId, limit: 10, from: "start", cursor: page1.nextCursor });
    history.push((await send("arrived meanwhile")).id);
    const page3 = await list({ conversationId, limit: 10, from: "start", cursor: page2.nextCursor });
    expect(page2.items.map((m) => m.id)).toEqual(history.slice(10, 20));
    expect(page3.items.map((m) => m.id)).toEqual(history.slice(20));
    expect(page3.nextCursor).toBeNull();
    // Without `from`, or with "end", the published paging is unchanged.
    expect((await list({ conversationId, limit: 3, from: "end" })).items.map((m) => m.id)).toEqual(
      history.slice(-3),
    );
    await expect(list({ conversationId, from: "start", cursor: "nope" })).rejects.toThrow(/cursor/);
  });

  it("orders messages with the same timestamp by id, identically on every read", async () => {
    const ws = await createTestWorkspace();
    const { conversationId, customerId } = await createTestConversation(ws.workspaceId);
    const createdAt = new Date("2026-01-01T10:00:00.000Z");
    await db().message.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        id: `same-ms-${ws.workspaceId}-${i}`,
        workspaceId: ws.workspaceId,
        conversationId,
        content: { en: `m${i}` },
        senderType: "customer" as const,
        senderCustomerId: customerId,
        createdAt,
      })),
    });
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof ws.owner.api.v1.connect.listMessages>> =
        await ws.owner.api.v1.connect.listMessages({ conversationId, limit: 3, cursor });
      ids.unshift(...page.items.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual(Array.from({ length: 7 }, (_, i) => `same-ms-${ws.workspaceId}-${i}`));
    const forward: string[] = [];
    do {
      const page: Awaited<ReturnType<typeof ws.owner.api.v1.connect.listMessages>> =
        await ws.owner.api.v1.connect.listMessages({ conversationId, limit: 3, cursor, from: "start" });
      forward.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(forward).toEqual(ids);
  });

  it("items carry sender, parent, flags, channel, attachments and an ISO time", async () => {
    const ws = await createTestWorkspace();
    const { conversationId, channelId } = await createTestConversation(ws.workspaceId);
    const parent = await ws.owner.api.v1.connect.send({
      conversationId,
      sender: "customer",
      content: { ar: "مرحبا" },
    });
    await ws.owner.api.v1.connect.send({
      conversationId,
      parentId: parent.id,
      flags: ["internal"],
      content: { en: "note" },
    });
    const page = await ws.owner.api.v1.connect.listMessages({ conversationId });
    expect(page.items[1]).toMatchObject({
      parentId: parent.id,
      flags: ["internal"],
      channelId,
      attachments: [],
      sender: { type: "member", id: ws.owner.memberId },
    });
    expect(page.items[0]?.sender.type).toBe("customer");
    expect(new Date(page.items[1]?.createdAt ?? "").toISOString()).toBe(page.items[1]?.createdAt);
  });

  it("a page reads every kind of message exactly as the ORM's select does", async () => {
    const ws = await createTestWorkspace();
    const { conversationId, channelId } = await createTestConversation(ws.workspaceId);
    const customer = await ws.owner.api.v1.connect.send({
      conversationId,
      sender: "customer",
      customer: { email: "zeynep@example.com", name: "Zeynep", image: "https://example.com/z.png" },
      content: { tr: "Merhaba", en: "Hello" },
    });
    const uploads: { id: string }[] = [];
    for (const [i, fileName] of ["b.pdf", "a.png"].entries()) {
      uploads.push(
        await db().attachment.create({
          data: {
            workspaceId: ws.workspaceId,
            fileName,
            mimeType: i ? "image/png" : "application/pdf",
            size: 10 + i,
            checksum: "x",
            storageKey: `list-test/${ws.workspaceId}/${fileName}`,
            uploaderMemberId: ws.owner.memberId,
            // Uploaded in this order: a page lists them by upload, not by name.
            createdAt: new Date(Date.now() + i),
          },
          select: { id: true },
        }),
      );
    }
    await ws.owner.api.v1.connect.send({
      conversationId,
      parentId: customer.id,
      flags: ["internal", "vip"],
      attachmentIds: uploads.map((u) => u.id),
      content: { ar: "ملاحظة" },
    });
    const agent = await db().aiAgent.create({
      data: { workspaceId: ws.workspaceId, name: "Helper", provider: "builtin", model: "builtin" },
      select: { id: true },
    });
    await db().message.create({
      data: {
        workspaceId: ws.workspaceId,
        conversationId,
        senderType: "ai",
        senderAgentId: agent.id,
        parentId: customer.id,
        channelId,
        content: { en: { kind: "card", title: "Order" } },
      },
    });
    await db().message.create({
      data: { workspaceId: ws.workspaceId, conversationId, senderType: "system", content: {} },
    });

    const page = await ws.owner.api.v1.connect.listMessages({ conversationId });
    const viaOrm = await db().message.findMany({
      where: { conversationId, workspaceId: ws.workspaceId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: messageSelect,
    });
    expect(page.items).toHaveLength(4);
    expect(page.items).toEqual(viaOrm.map(toMessageOutput));
    expect(page.items[1]?.attachments.map((a) => a.fileName)).toEqual(["b.pdf", "a.png"]);
    expect(page.items[2]?.sender).toEqual({ type: "ai", id: agent.id, name: "Helper", image: null });
  });

  it("around a message: the page holds it with older and newer ones, and pages on both ways from there", async () => {
    const ws = await createTestWorkspace();
    const { conversationId, customerId } = await createTestConversation(ws.workspaceId);
    const start = Date.parse("2026-01-01T00:00:00.000Z");
    await db().message.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        workspaceId: ws.workspaceId,
        conversationId,
        content: { en: `m ${i}` },
        senderType: "customer" as const,
        senderCustomerId: customerId,
        createdAt: new Date(start + i * 1000),
      })),
    });
    const history = (
      await db().message.findMany({
        where: { conversationId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true },
      })
    ).map((m) => m.id);
    const list = ws.owner.api.v1.connect.listMessages;
    const ids = (page: { items: { id: string }[] }) => page.items.map((m) => m.id);

    const window = await list({ conversationId, limit: 11, around: history[30] });
    expect(ids(window)).toEqual(history.slice(25, 36));
    expect(window.nextCursor).toBe(history[25]);
    expect(window.newerCursor).toBe(history[35]);
    const older = await list({ conversationId, limit: 10, cursor: window.nextCursor });
    expect(ids(older)).toEqual(history.slice(15, 25));
    const newer = await list({ conversationId, limit: 10, cursor: window.newerCursor, from: "start" });
    expect(ids(newer)).toEqual(history.slice(36, 46));

    // At either end of the history, that way has no cursor.
    const newest = await list({ conversationId, limit: 50, around: history[118] });
    expect(ids(newest)).toEqual(history.slice(94));
    expect(newest.newerCursor).toBeNull();
    const oldest = await list({ conversationId, limit: 50, around: history[1] });
    expect(ids(oldest)).toEqual(history.slice(0, 27));
    expect(oldest.nextCursor).toBeNull();
    expect(oldest.newerCursor).toBe(history[26]);
    // Without `around`, no newerCursor: the published page is unchanged.
    expect(Object.keys(await list({ conversationId, limit: 2 })).sort()).toEqual(["items", "nextCursor"]);

    // A message of another conversation, or of another workspace, is no anchor here.
    const other = await createTestConversation(ws.workspaceId);
    const elsewhere = await ws.owner.api.v1.connect.send({
      conversationId: other.conversationId,
      content: { en: "x" },
    });
    const error = await trpcError(list({ conversationId, around: elsewhere.id }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/^around:/);
    const stranger = await createTestWorkspace();
    expect(
      (await trpcError(stranger.owner.api.v1.connect.listMessages({ conversationId, around: history[30] })))
        .code,
    ).toBe("NOT_FOUND");
  });

  it("refuses a cursor from another conversation and a limit over 100", async () => {
    const ws = await createTestWorkspace();
    const a = await createTestConversation(ws.workspaceId);
    const b = await createTestConversation(ws.workspaceId);
    const inA = await ws.owner.api.v1.connect.send({
      conversationId: a.conversationId,
      content: { en: "a" },
    });
    const error = await trpcError(
      ws.owner.api.v1.connect.listMessages({ conversationId: b.conversationId, cursor: inA.id }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/^cursor:/);
    expect(
      (
        await trpcError(
          ws.owner.api.v1.connect.listMessages({ conversationId: a.conversationId, limit: 101 }),
        )
      ).code,
    ).toBe("BAD_REQUEST");
  });
});

describe("errors over HTTP", () => {
  it("bad input is a 400 BAD_REQUEST whose message and issues name the field", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const response = await fetch(`${server.baseUrl}/api/trpc/v1.connect.send`, {
      method: "POST",
      headers: { authorization: `Bearer ${ws.owner.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ conversationId, content: { fr: "Bonjour" }, sender: "robot" }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { message: string; data: { code: string; issues: { path: string }[] } };
    };
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.data.issues.map((i) => i.path).sort()).toEqual(["content", "sender"]);
    expect(body.error.message).toContain("content:");
    expect(await db().message.count({ where: { conversationId } })).toBe(0);
  });

  it("no key and a revoked key are 401; another workspace's key sees 404", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const list = (key: string | null) =>
      fetch(
        `${server.baseUrl}/api/trpc/v1.connect.listMessages?input=${encodeURIComponent(JSON.stringify({ conversationId }))}`,
        { headers: key ? { authorization: `Bearer ${key}` } : {} },
      );
    expect((await list(ws.owner.apiKey)).status).toBe(200);
    expect((await list(null)).status).toBe(401);
    expect((await list(other.owner.apiKey)).status).toBe(404);
    await db().apiKey.updateMany({ where: { memberId: ws.owner.memberId }, data: { revokedAt: new Date() } });
    expect((await list(ws.owner.apiKey)).status).toBe(401);
  });
});
