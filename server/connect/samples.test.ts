// The published API page's samples, run verbatim through the typed client over real HTTP.
// The page names its ids literally ("conversation_id", "message_id", ...), so this test
// gives its rows exactly those ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlatoClient, type PlatoClient } from "@/client/plato";
import { db } from "@/server/db/client";
import { createTestConversation, createTestWorkspace, type TestWorkspace } from "@/server/test/fixtures";
import { startTestServer } from "@/server/test/http-server";
import { handleTrpcRequest } from "@/server/trpc/http";

let plato: PlatoClient;
let ws: TestWorkspace;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  ws = await createTestWorkspace("Samples");
  const { customerId } = await createTestConversation(ws.workspaceId, {
    id: "conversation_id",
    channelIdentifier: "example.com",
  });
  await db().message.create({
    data: {
      id: "message_id",
      workspaceId: ws.workspaceId,
      conversationId: "conversation_id",
      content: { en: "Where is my order?" },
      senderType: "customer",
      senderCustomerId: customerId,
    },
  });
  await db().attachment.create({
    data: {
      id: "file_id_1",
      workspaceId: ws.workspaceId,
      fileName: "invoice.pdf",
      mimeType: "application/pdf",
      size: 1234,
      checksum: "0".repeat(64),
      storageKey: `samples/${ws.workspaceId}/file_id_1`,
      uploaderMemberId: ws.owner.memberId,
    },
  });
  await db().aiAgent.create({
    data: {
      id: "ai_agent_id",
      workspaceId: ws.workspaceId,
      name: "Assistant",
      provider: "builtin",
      model: "builtin-retrieval",
    },
  });
  server = await startTestServer({ "/api/trpc": handleTrpcRequest });
  plato = createPlatoClient({ baseUrl: server.baseUrl, apiKey: ws.owner.apiKey });
});

afterAll(() => server.close());

describe("the API page's samples", () => {
  it("sends as the workspace member the API key belongs to", async () => {
    const message = await plato.v1.connect.send.mutate({
      conversationId: "conversation_id",
      content: {
        en: "Hello from the support team.",
      },
    });
    expect(message).toMatchObject({
      conversationId: "conversation_id",
      content: { en: "Hello from the support team." },
      sender: { type: "member", id: ws.owner.memberId },
      attachments: [],
      parentId: null,
    });
    const row = await db().message.findUniqueOrThrow({ where: { id: message.id } });
    expect(row.senderMemberId).toBe(ws.owner.memberId);
    expect(row.content).toEqual({ en: "Hello from the support team." });
  });

  it("sends as a customer, creating the customer by externalId on the named channel", async () => {
    const message = await plato.v1.connect.send.mutate({
      conversationId: "conversation_id",
      sender: "customer",
      customer: {
        externalId: "website_user_123",
        name: "Jane Customer",
        email: "jane@example.com",
      },
      content: {
        en: "I need help with my order.",
      },
      channelIdentifier: "example.com",
    });
    const customer = await db().customer.findFirstOrThrow({
      where: { workspaceId: ws.workspaceId, externalId: "website_user_123" },
    });
    expect(customer).toMatchObject({ name: "Jane Customer", email: "jane@example.com" });
    const channel = await db().channel.findFirstOrThrow({
      where: { workspaceId: ws.workspaceId, identifier: "example.com" },
    });
    expect(message).toMatchObject({
      sender: { type: "customer", id: customer.id, name: "Jane Customer" },
      channelId: channel.id,
      content: { en: "I need help with my order." },
    });
  });

  it("replies to a specific message", async () => {
    const message = await plato.v1.connect.send.mutate({
      conversationId: "conversation_id",
      parentId: "message_id",
      content: {
        en: "Following up on this message.",
      },
    });
    expect(message.parentId).toBe("message_id");
    const row = await db().message.findUniqueOrThrow({
      where: { id: message.id },
      select: { parentId: true },
    });
    expect(row.parentId).toBe("message_id");
  });

  it("attaches an uploaded file", async () => {
    const message = await plato.v1.connect.send.mutate({
      conversationId: "conversation_id",
      content: {
        en: "Attached is the document.",
      },
      attachmentIds: ["file_id_1"],
    });
    expect(message.attachments).toEqual([
      {
        id: "file_id_1",
        fileName: "invoice.pdf",
        mimeType: "application/pdf",
        size: 1234,
        url: "/api/attachments/file_id_1",
      },
    ]);
    const file = await db().attachment.findUniqueOrThrow({
      where: { id: "file_id_1" },
      select: { messageId: true },
    });
    expect(file.messageId).toBe(message.id);
  });

  it("triggers an AI reply, recorded with the message", async () => {
    const message = await plato.v1.connect.send.mutate({
      conversationId: "conversation_id",
      content: {
        en: "Can you help this customer?",
      },
      ai: {
        agentId: "ai_agent_id",
      },
    });
    const run = await db().aiRun.findFirstOrThrow({ where: { triggerMessageId: message.id } });
    expect(run).toMatchObject({
      agentId: "ai_agent_id",
      conversationId: "conversation_id",
      status: "queued",
    });
  });

  it("lists messages oldest to newest within a page, and pages back with nextCursor", async () => {
    const page = await plato.v1.connect.listMessages.query({
      conversationId: "conversation_id",
      limit: 50,
    });
    expect(page.items.map((m) => m.content.en)).toEqual([
      "Where is my order?",
      "Hello from the support team.",
      "I need help with my order.",
      "Following up on this message.",
      "Attached is the document.",
      "Can you help this customer?",
    ]);
    expect(page.items[0]).toMatchObject({
      id: "message_id",
      conversationId: "conversation_id",
      attachments: [],
    });
    expect(page.nextCursor).toBeNull();

    const first = await plato.v1.connect.listMessages.query({ conversationId: "conversation_id", limit: 4 });
    const nextPage = await plato.v1.connect.listMessages.query({
      conversationId: "conversation_id",
      cursor: first.nextCursor,
      limit: 50,
    });
    expect([...nextPage.items, ...first.items].map((m) => m.id)).toEqual(page.items.map((m) => m.id));
  });

  it("answers a plain JSON POST, as curl would send it", async () => {
    const response = await fetch(`${server.baseUrl}/api/trpc/v1.connect.send`, {
      method: "POST",
      headers: { authorization: `Bearer ${ws.owner.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({
        conversationId: "conversation_id",
        content: { tr: "Merhaba, nasıl yardımcı olabilirim?" },
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { content: { tr: string } } } };
    expect(body.result.data.content.tr).toBe("Merhaba, nasıl yardımcı olabilirim?");
  });
});
