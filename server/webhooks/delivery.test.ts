import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { processRun } from "@/server/ai/process-run";
import { testDeps } from "@/server/ai/test-helpers";
import { db } from "@/server/db/client";
import { allowTestServers, setTestEnv, testSecretsKey } from "@/server/test/env";
import { createTestConversation, createTestWorkspace, type TestMember } from "@/server/test/fixtures";
import { attemptDelivery, type DeliveryDeps } from "@/server/webhooks/deliver";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/server/webhooks/schemas";
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
    const payload = new Webhook(hook.secret).verify(
      request.body,
      request.headers as Record<string, string>,
    ) as {
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
    expect((await hook.deliveries()).items[0]).toMatchObject({
      status: "succeeded",
      attempts: 2,
      responseStatus: 204,
      error: null,
    });
    expect((await ws.owner.api.v1.webhooks.list()).items[0]?.failingSince).toBeNull();
  });

  it("records a timeout, and gives up once the schedule is used up", async () => {
    const { ws, hook, conversationId } = await setup();
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "Slow" } });
    receiver.answerWith(() => ({ status: 200, delayMs: 1_000 }));
    const quick = { timeoutMs: 200, retryDelaysMs: [0] };
    expect(await attemptAll(hook.endpoint.id, quick)).toEqual([{ outcome: "retry", delayMs: 0 }]);
    expect((await hook.deliveries()).items[0]).toMatchObject({
      error: "No answer within 0.2 s",
      responseStatus: null,
    });
    expect(await attemptAll(hook.endpoint.id, quick)).toEqual([{ outcome: "failed" }]);
    expect((await hook.deliveries()).items[0]).toMatchObject({
      status: "failed",
      attempts: 2,
      nextAttemptAt: null,
    });
  });

  it("disables an endpoint that answers 410 Gone at once; its other deliveries stop and new events skip it", async () => {
    const { ws, hook, conversationId } = await setup();
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "One" } });
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "Two" } });
    receiver.answerWith(() => ({ status: 410 }));
    const [first, second] = await deliveriesOf(hook.endpoint.id);
    if (!first || !second) throw new Error("expected two deliveries");
    expect(await attemptDelivery(db(), first.id, deps)).toEqual({ outcome: "failed" });
    const [disabled] = (await ws.owner.api.v1.webhooks.list()).items;
    expect(disabled).toMatchObject({ enabled: false, disabledReason: "gone" });
    expect(disabled?.disabledAt).not.toBeNull();
    expect(await attemptDelivery(db(), second.id, deps)).toEqual({ outcome: "failed" });
    expect(hook.requests()).toHaveLength(1);
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "Three" } });
    expect(await deliveriesOf(hook.endpoint.id)).toHaveLength(2);
    // Enabled again by an admin: a clean slate, and events flow again.
    const enabled = await ws.owner.api.v1.webhooks.update({ id: hook.endpoint.id, enabled: true });
    expect(enabled).toMatchObject({
      enabled: true,
      disabledReason: null,
      disabledAt: null,
      failingSince: null,
    });
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "Four" } });
    expect(await deliveriesOf(hook.endpoint.id)).toHaveLength(3);
  });

  it("disables an endpoint whose attempts have all failed for 5 days", async () => {
    const { ws, hook, conversationId } = await setup();
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "Failing" } });
    receiver.answerWith(() => ({ status: 500 }));
    await attemptAll(hook.endpoint.id);
    expect((await ws.owner.api.v1.webhooks.list()).items[0]?.enabled).toBe(true);
    // Four days and 23 hours later the streak goes on; at five days the endpoint is disabled.
    const since = (await ws.owner.api.v1.webhooks.list()).items[0]?.failingSince ?? "";
    const at = (ms: number) => () => new Date(Date.parse(since) + ms);
    await db().webhookDelivery.updateMany({
      where: { endpointId: hook.endpoint.id },
      data: { nextAttemptAt: new Date(0) },
    });
    await attemptAll(hook.endpoint.id, {
      now: at(deps.disableAfterMs - 3_600_000),
      retryDelaysMs: [0, 0, 0],
    });
    expect((await ws.owner.api.v1.webhooks.list()).items[0]?.enabled).toBe(true);
    await attemptAll(hook.endpoint.id, { now: at(deps.disableAfterMs), retryDelaysMs: [0, 0, 0] });
    expect((await ws.owner.api.v1.webhooks.list()).items[0]).toMatchObject({
      enabled: false,
      disabledReason: "failing",
    });
    expect((await hook.deliveries()).items[0]).toMatchObject({ status: "failed", attempts: 3 });
  });

  it("sends only the types an endpoint subscribes to, and never another workspace's events", async () => {
    const { ws, hook, conversationId } = await setup(["conversation.updated"]);
    const other = await endpoint((await createTestWorkspace()).owner, [...WEBHOOK_EVENT_TYPES]);
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "Not subscribed" } });
    expect(await deliveriesOf(hook.endpoint.id)).toEqual([]);
    await ws.owner.api.v1.conversations.update({ id: conversationId, status: "resolved" });
    expect((await deliveriesOf(hook.endpoint.id)).map((d) => d.eventType)).toEqual(["conversation.updated"]);
    expect(await deliveriesOf(other.endpoint.id)).toEqual([]);
  });

  it("refuses a loopback address the operator does not allow, and says why in the log", async () => {
    const { ws, hook, conversationId } = await setup();
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "Guarded" } });
    setTestEnv({ OUTBOUND_ALLOWED_HOSTS: "" });
    try {
      await attemptAll(hook.endpoint.id);
    } finally {
      allowTestServers(receiver.baseUrl);
    }
    expect(hook.requests()).toEqual([]);
    expect((await hook.deliveries()).items[0]).toMatchObject({
      status: "pending",
      error: "The address is not allowed (private network)",
    });
  });

  it("signs with both secrets for 24 hours after a rotation; either verifies", async () => {
    const { ws, hook, conversationId } = await setup();
    const rotated = await ws.owner.api.v1.webhooks.rotateSecret({ id: hook.endpoint.id });
    expect(rotated.secret).not.toBe(hook.secret);
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "Rotating" } });
    await attemptAll(hook.endpoint.id);
    const [request] = hook.requests();
    if (!request) throw new Error("nothing received");
    const headers = request.headers as Record<string, string>;
    expect(headers["webhook-signature"]?.split(" ")).toHaveLength(2);
    expect(new Webhook(hook.secret).verify(request.body, headers)).toMatchObject({ type: "message.created" });
    expect(new Webhook(rotated.secret).verify(request.body, headers)).toMatchObject({
      type: "message.created",
    });
    // After the 24 hours only the new secret signs.
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "Later" } });
    await attemptAll(hook.endpoint.id, { now: () => new Date(Date.now() + 25 * 3_600_000) });
    const later = hook.requests()[1];
    if (!later) throw new Error("nothing received");
    const laterHeaders = later.headers as Record<string, string>;
    expect(laterHeaders["webhook-signature"]?.split(" ")).toHaveLength(1);
    expect(() => new Webhook(hook.secret).verify(later.body, laterHeaders)).toThrow();
  });

  it("redelivers with the same webhook-id and body", async () => {
    const { ws, hook, conversationId } = await setup();
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "Again" } });
    await attemptAll(hook.endpoint.id);
    const [delivery] = (await hook.deliveries()).items;
    const again = await ws.owner.api.v1.webhooks.redeliver({ deliveryId: delivery?.id ?? "" });
    expect(again).toMatchObject({ id: delivery?.id, messageId: delivery?.messageId, status: "pending" });
    await attemptAll(hook.endpoint.id);
    const [first, second] = hook.requests();
    expect(second?.headers["webhook-id"]).toBe(first?.headers["webhook-id"]);
    expect(second?.body).toBe(first?.body);
    expect((await hook.deliveries()).items[0]).toMatchObject({ status: "succeeded", attempts: 2 });
  });

  it("sends conversation.created, and conversation.updated with what changed (status, assignee, a member's removal)", async () => {
    const ws = await createTestWorkspace();
    const hook = await endpoint(ws.owner, ["conversation.created", "conversation.updated"]);
    const agent = await ws.addMember("agent");
    const conversation = await ws.owner.api.v1.conversations.create({
      customer: { email: `c-${randomBytes(3).toString("hex")}@example.com`, name: "Ada" },
      subject: "Order",
    });
    await ws.owner.api.v1.conversations.update({
      id: conversation.id,
      status: "pending",
      assigneeId: agent.memberId,
    });
    await ws.owner.api.v1.workspace.removeMember({ memberId: agent.memberId });
    await attemptAll(hook.endpoint.id);
    const payloads = hook
      .requests()
      .map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> })
      .sort((a, b) => (a.type === b.type ? 0 : a.type === "conversation.created" ? -1 : 1));
    expect(payloads[0]).toMatchObject({
      type: "conversation.created",
      data: { id: conversation.id, subject: "Order" },
    });
    const updates = payloads.slice(1).map((p) => p.data.changes);
    expect(updates).toEqual(
      expect.arrayContaining([
        { status: { from: "open", to: "pending" }, assigneeId: { from: null, to: agent.memberId } },
        { assigneeId: { from: agent.memberId, to: null } },
      ]),
    );
    expect(payloads).toHaveLength(3);
  });

  it("sends the AI agent's reply as message.created (sender ai) and the run's end as ai_run.succeeded or ai_run.failed", async () => {
    const { ws, hook, conversationId } = await setup([
      "message.created",
      "ai_run.succeeded",
      "ai_run.failed",
    ]);
    const builtin = await ws.owner.api.v1.ai.agents.create({
      name: "Bot",
      provider: "builtin",
      model: "builtin",
    });
    const failing = await ws.owner.api.v1.ai.agents.create({
      name: "Down",
      provider: "openai_compatible",
      model: "m",
      baseUrl: `${receiver.baseUrl}/model-down`,
    });
    receiver.answerWith((request) => ({ status: request.path.startsWith("/model-down") ? 500 : 200 }));
    for (const agent of [builtin, failing]) {
      const asked = await ws.owner.api.v1.connect.send({
        conversationId,
        sender: "customer",
        content: { en: "Where is my order?" },
        ai: { agentId: agent.id },
      });
      const run = await db().aiRun.findFirstOrThrow({
        where: { triggerMessageId: asked.id },
        select: { id: true },
      });
      await processRun(db(), run.id, testDeps({ maxAttempts: 1 }));
    }
    await attemptAll(hook.endpoint.id);
    const payloads = hook
      .requests()
      .map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
    const types = payloads.map((p) => p.type).sort();
    expect(types).toEqual([
      "ai_run.failed",
      "ai_run.succeeded",
      "message.created",
      "message.created",
      "message.created",
    ]);
    const reply = payloads.find(
      (p) => p.type === "message.created" && (p.data.sender as { type: string }).type === "ai",
    );
    expect(reply?.data).toMatchObject({ sender: { type: "ai", id: builtin.id, name: "Bot" } });
    const succeeded = payloads.find((p) => p.type === "ai_run.succeeded");
    expect(succeeded?.data).toMatchObject({
      agentId: builtin.id,
      status: "succeeded",
      replyMessageId: reply?.data.id,
    });
    const failed = payloads.find((p) => p.type === "ai_run.failed");
    expect(failed?.data).toMatchObject({ agentId: failing.id, status: "failed" });
    expect(failed?.data.error).toEqual(expect.any(String));
  });

  it("sends conversation.updated when a customer's message reopens a resolved conversation", async () => {
    const { ws, hook, conversationId } = await setup(["conversation.updated"]);
    await ws.owner.api.v1.conversations.update({ id: conversationId, status: "resolved" });
    await ws.owner.api.v1.connect.send({
      conversationId,
      sender: "customer",
      content: { en: "Still broken" },
    });
    // Already open: a second customer message changes nothing and says nothing.
    await ws.owner.api.v1.connect.send({ conversationId, sender: "customer", content: { en: "Hello?" } });
    await attemptAll(hook.endpoint.id);
    const changes = hook
      .requests()
      .map((r) => JSON.parse(r.body) as { data: { status: string; changes: unknown } })
      .map((p) => p.data.changes);
    expect(changes).toEqual(
      expect.arrayContaining([
        { status: { from: "open", to: "resolved" } },
        { status: { from: "resolved", to: "open" } },
      ]),
    );
    expect(changes).toHaveLength(2);
  });
});
