import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { badFields, errorCode } from "@/server/test/errors";
import { createTestConversation, createTestWorkspace, sessionCaller } from "@/server/test/fixtures";
import { MAX_WEBHOOK_ENDPOINTS } from "@/server/webhooks/schemas";

// No OUTBOUND_ALLOWED_HOSTS and no SECRETS_KEY in this file.
const URL_A = "https://hooks.example.com/inbox";

describe("v1.webhooks", () => {
  it("creates an endpoint with a whsec_ secret shown once, lists newest first, and audits without the secret", async () => {
    const ws = await createTestWorkspace();
    const first = await ws.owner.api.v1.webhooks.create({
      url: URL_A,
      events: ["conversation.updated", "message.created"],
      description: "CRM sync",
    });
    expect(first.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const bytes = Buffer.from(first.secret.slice("whsec_".length), "base64").length;
    expect(bytes).toBeGreaterThanOrEqual(24);
    expect(bytes).toBeLessThanOrEqual(32);
    expect(first.endpoint).toMatchObject({
      url: URL_A,
      description: "CRM sync",
      events: ["message.created", "conversation.updated"],
      enabled: true,
      disabledAt: null,
      disabledReason: null,
      failingSince: null,
    });
    const second = await sessionCaller(ws.owner).v1.webhooks.create({
      url: `${URL_A}/2`,
      events: ["ai_run.failed"],
    });
    const list = await ws.owner.api.v1.webhooks.list();
    expect(list.items.map((e) => e.id)).toEqual([second.endpoint.id, first.endpoint.id]);
    expect(JSON.stringify(list)).not.toContain("whsec_");

    const rotated = await ws.owner.api.v1.webhooks.rotateSecret({ id: first.endpoint.id });
    expect(rotated.secret).not.toBe(first.secret);
    await ws.owner.api.v1.webhooks.update({
      id: first.endpoint.id,
      events: ["ai_run.succeeded"],
      enabled: false,
    });
    await ws.owner.api.v1.webhooks.delete({ id: second.endpoint.id });
    const audit = await db().auditEntry.findMany({
      where: { workspaceId: ws.workspaceId, targetType: "webhook" },
      select: { action: true, data: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(audit.map((a) => a.action)).toEqual([
      "webhook.created",
      "webhook.created",
      "webhook.secret_rotated",
      "webhook.updated",
      "webhook.deleted",
    ]);
    expect(audit[3]?.data).toEqual({
      enabled: { from: true, to: false },
      events: { from: ["message.created", "conversation.updated"], to: ["ai_run.succeeded"] },
    });
    expect(JSON.stringify(audit)).not.toContain("whsec_");
    // Without SECRETS_KEY the secret is stored as it is (README says so).
    const stored = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: first.endpoint.id } });
    expect(stored.secret).toBe(rotated.secret);
    expect(stored.previousSecret).toBe(first.secret);
  });

  it("is for owners and admins only: agents are FORBIDDEN", async () => {
    const ws = await createTestWorkspace();
    const admin = await ws.addMember("admin");
    const agent = await ws.addMember("agent");
    const { endpoint } = await admin.api.v1.webhooks.create({ url: URL_A, events: ["message.created"] });
    const calls = [
      () => agent.api.v1.webhooks.list(),
      () => agent.api.v1.webhooks.create({ url: URL_A, events: ["message.created"] }),
      () => agent.api.v1.webhooks.update({ id: endpoint.id, enabled: false }),
      () => agent.api.v1.webhooks.delete({ id: endpoint.id }),
      () => agent.api.v1.webhooks.rotateSecret({ id: endpoint.id }),
      () => agent.api.v1.webhooks.deliveries({ webhookId: endpoint.id }),
      () => agent.api.v1.webhooks.redeliver({ deliveryId: "whatever" }),
    ];
    for (const call of calls) expect(await errorCode(call())).toBe("FORBIDDEN");
  });

  it("names the field of every input error", async () => {
    const { owner } = await createTestWorkspace();
    const create = (input: { url: string; events: string[] }) =>
      badFields(owner.api.v1.webhooks.create(input as Parameters<typeof owner.api.v1.webhooks.create>[0]));
    const badUrl = { code: "BAD_REQUEST", fields: ["url"] };
    expect(await create({ url: "ftp://example.com/x", events: ["message.created"] })).toEqual(badUrl);
    expect(await create({ url: "https://user:pw@example.com/x", events: ["message.created"] })).toEqual(
      badUrl,
    );
    expect(
      await create({ url: `https://example.com/${"a".repeat(2_000)}`, events: ["message.created"] }),
    ).toEqual(badUrl);
    expect(await create({ url: "not a url", events: ["message.created"] })).toEqual(badUrl);
    // Refused on its face: loopback and private addresses, unless the operator allows them.
    expect(await create({ url: "http://127.0.0.1:8080/hook", events: ["message.created"] })).toEqual(badUrl);
    expect(await create({ url: "http://10.1.2.3/hook", events: ["message.created"] })).toEqual(badUrl);
    expect(await create({ url: "http://localhost/hook", events: ["message.created"] })).toEqual(badUrl);
    const badEvents = { code: "BAD_REQUEST", fields: ["events"] };
    expect(await create({ url: URL_A, events: [] })).toEqual(badEvents);
    expect(await create({ url: URL_A, events: ["message.deleted"] })).toEqual({
      code: "BAD_REQUEST",
      fields: ["events.0"],
    });
    const { endpoint } = await owner.api.v1.webhooks.create({ url: URL_A, events: ["message.created"] });
    expect(
      await badFields(owner.api.v1.webhooks.update({ id: endpoint.id, url: "http://192.168.1.1/" })),
    ).toEqual(badUrl);
    expect(await badFields(owner.api.v1.webhooks.update({ id: "nope", enabled: true }))).toEqual({
      code: "NOT_FOUND",
      fields: ["id"],
    });
    expect(
      await badFields(owner.api.v1.webhooks.deliveries({ webhookId: endpoint.id, cursor: "x" })),
    ).toEqual({
      code: "BAD_REQUEST",
      fields: ["cursor"],
    });
  });

  it(`refuses the ${MAX_WEBHOOK_ENDPOINTS + 1}st endpoint`, async () => {
    const { owner } = await createTestWorkspace();
    for (let i = 0; i < MAX_WEBHOOK_ENDPOINTS; i++) {
      await owner.api.v1.webhooks.create({ url: `${URL_A}/${i}`, events: ["message.created"] });
    }
    const refused = await badFields(
      owner.api.v1.webhooks.create({ url: URL_A, events: ["message.created"] }),
    );
    expect(refused).toEqual({ code: "BAD_REQUEST", fields: ["url"] });
    expect((await owner.api.v1.webhooks.list()).items).toHaveLength(MAX_WEBHOOK_ENDPOINTS);
  });

  it("treats another workspace's endpoints and deliveries as not found", async () => {
    const a = await createTestWorkspace();
    const b = await createTestWorkspace();
    const { endpoint } = await a.owner.api.v1.webhooks.create({ url: URL_A, events: ["message.created"] });
    const { conversationId } = await createTestConversation(a.workspaceId);
    await a.owner.api.v1.connect.send({ conversationId, content: { en: "Hi" } });
    const [delivery] = (await a.owner.api.v1.webhooks.deliveries({ webhookId: endpoint.id })).items;
    expect(delivery).toMatchObject({
      webhookId: endpoint.id,
      eventType: "message.created",
      status: "pending",
    });
    const calls = [
      () => b.owner.api.v1.webhooks.update({ id: endpoint.id, enabled: false }),
      () => b.owner.api.v1.webhooks.delete({ id: endpoint.id }),
      () => b.owner.api.v1.webhooks.rotateSecret({ id: endpoint.id }),
      () => b.owner.api.v1.webhooks.deliveries({ webhookId: endpoint.id }),
      () => b.owner.api.v1.webhooks.redeliver({ deliveryId: delivery?.id ?? "" }),
    ];
    for (const call of calls) expect(await errorCode(call())).toBe("NOT_FOUND");
    expect((await b.owner.api.v1.webhooks.list()).items).toEqual([]);
    expect((await a.owner.api.v1.webhooks.list()).items).toHaveLength(1);
  });

  it("pages deliveries newest first with a keyset cursor", async () => {
    const ws = await createTestWorkspace();
    const { endpoint } = await ws.owner.api.v1.webhooks.create({ url: URL_A, events: ["message.created"] });
    const { conversationId } = await createTestConversation(ws.workspaceId);
    for (let i = 0; i < 5; i++)
      await ws.owner.api.v1.connect.send({ conversationId, content: { en: `m${i}` } });
    const first = await ws.owner.api.v1.webhooks.deliveries({ webhookId: endpoint.id, limit: 3 });
    const second = await ws.owner.api.v1.webhooks.deliveries({
      webhookId: endpoint.id,
      limit: 3,
      cursor: first.nextCursor,
    });
    expect(first.items).toHaveLength(3);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((d) => d.id)).size).toBe(5);
    const times = all.map((d) => d.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("refuses to redeliver to a disabled endpoint, and deletes endpoints and deliveries with the workspace", async () => {
    const ws = await createTestWorkspace("Doomed");
    const { endpoint } = await ws.owner.api.v1.webhooks.create({ url: URL_A, events: ["message.created"] });
    const { conversationId } = await createTestConversation(ws.workspaceId);
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "Hi" } });
    const [delivery] = (await ws.owner.api.v1.webhooks.deliveries({ webhookId: endpoint.id })).items;
    await ws.owner.api.v1.webhooks.update({ id: endpoint.id, enabled: false });
    expect(await badFields(ws.owner.api.v1.webhooks.redeliver({ deliveryId: delivery?.id ?? "" }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["deliveryId"],
    });
    await sessionCaller(ws.owner).v1.workspace.delete({ confirmName: "Doomed" });
    expect(await db().webhookEndpoint.count({ where: { workspaceId: ws.workspaceId } })).toBe(0);
    expect(await db().webhookDelivery.count({ where: { workspaceId: ws.workspaceId } })).toBe(0);
  });
});
