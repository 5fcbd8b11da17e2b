import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { seedChannel } from "@/server/conversations/test-conversations";
import { db } from "@/server/db/client";
import { errorCode, trpcError } from "@/server/test/errors";
import {
  anonymousCaller,
  createTestConversation,
  createTestWorkspace,
  sessionCaller,
} from "@/server/test/fixtures";

async function messageCount(conversationId: string) {
  return db().message.count({ where: { conversationId } });
}

describe("send: customers", () => {
  it("upserts the customer by id, then externalId, then email, updating only the fields given", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const send = (customer: Record<string, string | null>) =>
      ws.owner.api.v1.connect.send({ conversationId, sender: "customer", customer, content: { en: "hi" } });

    const created = await send({ externalId: "u-1", name: "Ayşe", email: "AYSE@example.com" });
    const byExternal = await send({ externalId: "u-1", phone: "+90 555" });
    const byEmail = await send({ email: "ayse@example.com", name: "Ayşe Kaya" });
    const byId = await send({ id: created.sender.id ?? "", image: "https://example.com/a.png" });
    expect(new Set([created, byExternal, byEmail, byId].map((m) => m.sender.id)).size).toBe(1);

    const customer = await db().customer.findUniqueOrThrow({ where: { id: created.sender.id ?? "" } });
    expect(customer).toMatchObject({
      externalId: "u-1",
      email: "ayse@example.com",
      name: "Ayşe Kaya",
      phone: "+90 555",
      image: "https://example.com/a.png",
    });
  });

  it("sends as an existing customer by customerId, and as the conversation's customer by default", async () => {
    const ws = await createTestWorkspace();
    const { conversationId, customerId } = await createTestConversation(ws.workspaceId);
    const explicit = await ws.owner.api.v1.connect.send({
      conversationId,
      sender: "customer",
      customerId,
      content: { en: "a" },
    });
    const implicit = await ws.owner.api.v1.connect.send({
      conversationId,
      sender: "customer",
      content: { en: "b" },
    });
    expect(explicit.sender).toMatchObject({ type: "customer", id: customerId });
    expect(implicit.sender).toMatchObject({ type: "customer", id: customerId });
  });

  it("a customer writing into a resolved conversation reopens it", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    await db().conversation.update({ where: { id: conversationId }, data: { status: "resolved" } });
    await ws.owner.api.v1.connect.send({
      conversationId,
      sender: "customer",
      content: { en: "Still broken" },
    });
    const conversation = await db().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.status).toBe("open");
  });
});

describe("send: content, templates, flags", () => {
  it("keeps each locale as sent, non-string values included, and updates the conversation preview", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const content = {
      en: "Your order shipped",
      ar: "تم شحن طلبك",
      tr: { order: 42, note: "Kargoya verildi" },
    };
    const message = await ws.owner.api.v1.connect.send({ conversationId, content });
    expect(message.content).toEqual(content);
    const conversation = await db().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.lastMessagePreview).toEqual(content);
    expect(conversation.lastMessageAt.toISOString()).toBe(message.createdAt);
  });

  it("an internal note moves the last activity but never becomes the customer-facing preview", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "Public reply" } });
    const note = await ws.owner.api.v1.connect.send({
      conversationId,
      content: { en: "Customer is a VIP" },
      flags: ["internal", "vip", "internal"],
    });
    expect(note.flags).toEqual(["internal", "vip"]);
    const conversation = await db().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.lastMessagePreview).toEqual({ en: "Public reply" });
    expect(conversation.lastMessageAt.toISOString()).toBe(note.createdAt);
  });

  it("fills a template per locale; explicit content wins for its locale; a missing variable is named", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const template = await db().template.create({
      data: {
        workspaceId: ws.workspaceId,
        name: "Shipped",
        content: {
          en: "Hi {{customer.name}}, order {{order.id}} shipped.",
          ar: "مرحباً {{customer.name}}، تم شحن الطلب {{order.id}}.",
          tr: "Merhaba {{customer.name}}, {{order.id}} numaralı sipariş kargoda.",
        },
      },
    });
    const message = await ws.owner.api.v1.connect.send({
      conversationId,
      templateId: template.id,
      templateContext: { customer: { name: "Layla" }, order: { id: 1042 } },
      content: { tr: "Siparişiniz yolda, Layla Hanım." },
    });
    expect(message.content).toEqual({
      en: "Hi Layla, order 1042 shipped.",
      ar: "مرحباً Layla، تم شحن الطلب 1042.",
      tr: "Siparişiniz yolda, Layla Hanım.",
    });
    expect(message.templateId).toBe(template.id);

    const error = await trpcError(
      ws.owner.api.v1.connect.send({
        conversationId,
        templateId: template.id,
        templateContext: { customer: { name: "X" } },
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("templateContext.order.id");
    expect(await messageCount(conversationId)).toBe(1);
  });

  it("a template placeholder never runs code or reaches the prototype", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const template = await db().template.create({
      data: {
        workspaceId: ws.workspaceId,
        name: "Evil",
        content: { en: "{{constructor.name}} {{__proto__.x}}" },
      },
    });
    expect(
      await errorCode(
        ws.owner.api.v1.connect.send({ conversationId, templateId: template.id, templateContext: {} }),
      ),
    ).toBe("BAD_REQUEST");
  });
});

describe("send: errors name the field and store nothing", () => {
  it("refuses empty content, unknown locales and bad flags as BAD_REQUEST", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const empty = await trpcError(ws.owner.api.v1.connect.send({ conversationId, content: { en: "   " } }));
    expect(empty.code).toBe("BAD_REQUEST");
    expect(empty.message).toMatch(/^content:/);
    expect(await errorCode(ws.owner.api.v1.connect.send({ conversationId }))).toBe("BAD_REQUEST");
    expect(
      await errorCode(
        ws.owner.api.v1.connect.send({ conversationId, content: { en: "x" }, flags: ["no spaces"] }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await messageCount(conversationId)).toBe(0);
  });

  it("an id from another workspace is NOT_FOUND, exactly like one that does not exist", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const mine = await createTestConversation(ws.workspaceId);
    const theirs = await createTestConversation(other.workspaceId);
    const theirMessage = await other.owner.api.v1.connect.send({
      conversationId: theirs.conversationId,
      content: { en: "x" },
    });
    const theirAgent = await db().aiAgent.create({
      data: { workspaceId: other.workspaceId, name: "Theirs", provider: "builtin", model: "m" },
    });

    const foreign = await trpcError(
      ws.owner.api.v1.connect.send({ conversationId: theirs.conversationId, content: { en: "x" } }),
    );
    const missing = await trpcError(
      ws.owner.api.v1.connect.send({ conversationId: "no-such-id", content: { en: "x" } }),
    );
    expect(foreign.code).toBe("NOT_FOUND");
    expect(foreign.message).toBe(missing.message);

    const cases = [
      { parentId: theirMessage.id },
      { channelId: theirs.channelId },
      { sender: "customer" as const, customerId: theirs.customerId },
      { sender: "customer" as const, customer: { id: theirs.customerId } },
      { ai: { agentId: theirAgent.id } },
      { attachmentIds: ["no-such-upload"] },
      { channelIdentifier: "nowhere.example" },
    ];
    for (const extra of cases) {
      const call = ws.owner.api.v1.connect.send({
        conversationId: mine.conversationId,
        content: { en: "x" },
        ...extra,
      });
      expect(await errorCode(call), JSON.stringify(extra)).toBe("NOT_FOUND");
    }
    await expect(
      ws.owner.api.v1.connect.listMessages({ conversationId: theirs.conversationId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await messageCount(mine.conversationId)).toBe(0);
  });

  it("a parent from another conversation is refused", async () => {
    const ws = await createTestWorkspace();
    const a = await createTestConversation(ws.workspaceId);
    const b = await createTestConversation(ws.workspaceId);
    const parent = await ws.owner.api.v1.connect.send({
      conversationId: a.conversationId,
      content: { en: "in a" },
    });
    const error = await trpcError(
      ws.owner.api.v1.connect.send({
        conversationId: b.conversationId,
        parentId: parent.id,
        content: { en: "x" },
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/^parentId:/);
  });

  it("a channel named by id and by identifier must be the same one; an AI run's unknown channel is named", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const web = await seedChannel(ws.workspaceId, "web.example");
    const mail = await seedChannel(ws.workspaceId, "mail.example");
    const send = (extra: object) =>
      ws.owner.api.v1.connect.send({ conversationId, content: { en: "x" }, ...extra });

    expect((await send({ channelIdentifier: "mail.example" })).channelId).toBe(mail.id);
    expect((await send({ channelId: web.id, channelIdentifier: "web.example" })).channelId).toBe(web.id);
    const mismatch = await trpcError(send({ channelId: web.id, channelIdentifier: "mail.example" }));
    expect(mismatch.code).toBe("BAD_REQUEST");
    expect(mismatch.message).toBe("channelIdentifier: names a different channel than channelId");
    const agent = await db().aiAgent.create({
      data: { workspaceId: ws.workspaceId, name: "Helper", provider: "builtin", model: "m" },
    });
    const aiChannel = await trpcError(send({ ai: { agentId: agent.id, channelId: "no-such-channel" } }));
    expect(aiChannel.code).toBe("NOT_FOUND");
    expect(aiChannel.message).toBe("ai.channelId: no such channel");
    expect(await messageCount(conversationId)).toBe(2);
  });

  it("a failure late in the send leaves no customer, no message and no preview change behind", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const before = await db().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    const call = ws.owner.api.v1.connect.send({
      conversationId,
      sender: "customer",
      customer: { externalId: "half-stored", name: "Nobody" },
      content: { en: "x" },
      attachmentIds: ["missing-upload"],
    });
    expect(await errorCode(call)).toBe("NOT_FOUND");
    expect(
      await db().customer.count({ where: { workspaceId: ws.workspaceId, externalId: "half-stored" } }),
    ).toBe(0);
    expect(await messageCount(conversationId)).toBe(0);
    expect(await db().conversation.findUniqueOrThrow({ where: { id: conversationId } })).toEqual(before);
  });

  it("without a key or session every call is UNAUTHORIZED", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    expect(await errorCode(anonymousCaller().v1.connect.send({ conversationId, content: { en: "x" } }))).toBe(
      "UNAUTHORIZED",
    );
    expect(await errorCode(anonymousCaller().v1.connect.listMessages({ conversationId }))).toBe(
      "UNAUTHORIZED",
    );
  });
});

describe("send: retries and concurrency", () => {
  it("a retried send with the same Idempotency-Key stores one message and returns it again", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const key = randomUUID();
    const api = sessionCaller(ws.owner, key);
    const first = await api.v1.connect.send({ conversationId, content: { en: "once" } });
    const again = await api.v1.connect.send({ conversationId, content: { en: "once" } });
    expect(again).toEqual(first);
    const racing = sessionCaller(ws.owner, randomUUID());
    const results = await Promise.all(
      Array.from({ length: 10 }, () => racing.v1.connect.send({ conversationId, content: { en: "race" } })),
    );
    expect(new Set(results.map((m) => m.id)).size).toBe(1);
    expect(await messageCount(conversationId)).toBe(2);
  });

  it("an Idempotency-Key replayed with a different request is refused, and nothing is stored", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const api = sessionCaller(ws.owner, randomUUID());
    const first = await api.v1.connect.send({
      conversationId,
      content: { en: "Your refund is on its way." },
    });
    // The same request, keys in another order and an explicit null: still a replay.
    expect(
      await api.v1.connect.send({
        content: { en: "Your refund is on its way." },
        parentId: null,
        conversationId,
      }),
    ).toEqual(first);
    const error = await trpcError(api.v1.connect.send({ conversationId, content: { en: "Something else" } }));
    expect(error.code).toBe("UNPROCESSABLE_CONTENT");
    expect(error.message).toMatch(/^Idempotency-Key: /);
    expect(await messageCount(conversationId)).toBe(1);
  });

  it("100 concurrent sends into one conversation are all stored once, in a stable order", async () => {
    const ws = await createTestWorkspace();
    const { conversationId } = await createTestConversation(ws.workspaceId);
    const sent = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        ws.owner.api.v1.connect.send({ conversationId, content: { en: `message ${i}` } }),
      ),
    );
    expect(new Set(sent.map((m) => m.id)).size).toBe(100);
    const read = async () => {
      const first = await ws.owner.api.v1.connect.listMessages({ conversationId, limit: 60 });
      const second = await ws.owner.api.v1.connect.listMessages({
        conversationId,
        limit: 60,
        cursor: first.nextCursor,
      });
      expect(second.nextCursor).toBeNull();
      return [...second.items, ...first.items].map((m) => m.id);
    };
    const order = await read();
    expect(order).toHaveLength(100);
    expect(new Set(order)).toEqual(new Set(sent.map((m) => m.id)));
    expect(await read()).toEqual(order);
    const newest = sent
      .map((m) => m.createdAt)
      .sort()
      .at(-1);
    const conversation = await db().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.lastMessageAt.toISOString()).toBe(newest);
  });
});
