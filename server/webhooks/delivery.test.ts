import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { allowTestServers, setTestEnv, testSecretsKey } from "@/server/test/env";
import { createTestConversation, createTestWorkspace, type TestMember } from "@/server/test/fixtures";
import { attemptDelivery, type DeliveryDeps } from "@/server/webhooks/deliver";
import type { WebhookEventType } from "@/server/webhooks/schemas";
import { startWebhookReceiver } from "@/server/webhooks/test-receiver";

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  allowTestServers(receiver.baseUrl);
  setTestEnv({ SECRETS_KEY: testSecretsKey() });
});
afterAll(() => receiver.close());
beforeEach(() => receiver.answerWith(() => ({ status: 200, body: "ok" })));

const deps: DeliveryDeps = { timeoutMs: 2_000, retryDelaysMs: [0, 0], disableAfterMs: 5 * 24 * 3600_000 };

async function endpoint(owner: TestMember, events: WebhookEventType[] = ["message.created"]) {
  const path = `/hook-${randomBytes(4).toString("hex")}`;
  const created = await owner.api.v1.webhooks.create({ url: `${receiver.baseUrl}${path}`, events });
  const deliveries = () => owner.api.v1.webhooks.deliveries({ webhookId: created.endpoint.id });
  return { ...created, path, requests: () => receiver.at(path), deliveries };
}

async function deliveriesOf(webhookId: string) {
  return db().webhookDelivery.findMany({
    where: { endpointId: webhookId },
    select: { id: true, eventType: true, status: true, attempts: true, messageId: true, error: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Attempts every pending delivery of the endpoint once, as the worker would. */
async function attemptAll(webhookId: string, options: Partial<DeliveryDeps> = {}) {
  const pending = await db().webhookDelivery.findMany({
    where: { endpointId: webhookId, status: "pending" },
    select: { id: true },
  });
  return Promise.all(pending.map((d) => attemptDelivery(db(), d.id, { ...deps, ...options })));
}

async function setup(events?: WebhookEventType[]) {
  const ws = await createTestWorkspace();
  const hook = await endpoint(ws.owner, events);
  const { conversationId } = await createTestConversation(ws.workspaceId);
  return { ws, hook, conversationId };
}

describe("webhook delivery", () => {
  it("signs as Standard Webhooks says; the payload's data is the message as listMessages returns it", async () => {
    const { ws, hook, conversationId } = await setup();
    const sent = await ws.owner.api.v1.connect.send({ conversationId, content: { en: "Hello there" } });
    await attemptAll(hook.endpoint.id);
    const [request] = hook.requests();
    if (!request) throw new Error("nothing received");
    const payload = new Webhook(hook.secret).verify(request.body, request.headers as Record<string, string>) as {
      type: string;
      data: unknown;
      timestamp: string;
    };
    const { items } = await ws.owner.api.v1.connect.listMessages({ conversationId });
    expect(payload.type).toBe("message.created");
    expect(payload.data).toEqual(items.find((m) => m.id === sent.id));
    expect(payload.data).toMatchObject({ sender: { type: "member", id: ws.owner.memberId } });
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["user-agent"]).toMatch(/ConnectInbox/);
    expect(request.headers["webhook-id"]).toMatch(/^msg_/);
    const [row] = await deliveriesOf(hook.endpoint.id);
    expect(row).toMatchObject({ status: "succeeded", attempts: 1, messageId: request.headers["webhook-id"] });
    // Sealed under SECRETS_KEY, never stored as given.
    const stored = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: hook.endpoint.id } });
    expect(stored.secret.startsWith("v1.")).toBe(true);
    expect(stored.secret).not.toContain(hook.secret.slice(6));
  });

  it("retries a 5xx with the same webhook-id until a 2xx, and records each attempt", async () => {
    const { ws, hook, conversationId } = await setup();
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "Retry me" } });
    receiver.answerWith(() => ({ status: 503, body: "down for maintenance" }));
    expect(await attemptAll(hook.endpoint.id)).toEqual([{ outcome: "retry", delayMs: 0 }]);
    const failed = await hook.deliveries();
    expect(failed.items[0]).toMatchObject({
      status: "pending",
      attempts: 1,
      responseStatus: 503,
      responseBody: "down for maintenance",
      error: "The endpoint answered 503; only a 2xx counts as received",
    });
    expect(failed.items[0]?.durationMs).toBeGreaterThanOrEqual(0);
    const streak = await ws.owner.api.v1.webhooks.list();
    expect(streak.items[0]?.failingSince).not.toBeNull();

    receiver.answerWith(() => ({ status: 204 }));
    await attemptAll(hook.endpoint.id);
    const ids = hook.requests().map((r) => r.headers["webhook-id"]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect((await hook.deliveries()).items[0]).toMatchObject({ status: "succeeded", attempts: 2, responseStatus: 204, error: null });
    expect((await ws.owner.api.v1.webhooks.list()).items[0]?.failingSince).toBeNull();
  });
});
