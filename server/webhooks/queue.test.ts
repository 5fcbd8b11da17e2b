import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { allowTestServers } from "@/server/test/env";
import { createTestConversation, createTestWorkspace } from "@/server/test/fixtures";
import { until } from "@/server/test/wait";
import { startWebhookQueue, type WebhookQueue } from "@/server/webhooks/queue";
import { deleteOldDeliveries, deliveriesToRecover } from "@/server/webhooks/sweep";
import { startWebhookReceiver } from "@/server/webhooks/test-receiver";

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  allowTestServers(receiver.baseUrl);
});
afterAll(() => receiver.close());

const start = () =>
  startWebhookQueue({
    connectionString: env().DATABASE_URL,
    db: db(),
    work: true,
    concurrency: 8,
    deps: { timeoutMs: 2_000, retryDelaysMs: [200], disableAfterMs: 5 * 24 * 3_600_000 },
    pollingIntervalSeconds: 0.5,
    pendingGraceMs: 0,
    sweepIntervalMs: 60_000,
    stopTimeoutMs: 3_000,
  });

async function setup() {
  const ws = await createTestWorkspace();
  const path = `/q-${randomBytes(4).toString("hex")}`;
  const { endpoint } = await ws.owner.api.v1.webhooks.create({
    url: `${receiver.baseUrl}${path}`,
    events: ["message.created"],
  });
  const { conversationId } = await createTestConversation(ws.workspaceId);
  const statuses = () =>
    db()
      .webhookDelivery.findMany({ where: { endpointId: endpoint.id }, select: { status: true } })
      .then((rows) => rows.map((r) => r.status));
  return { ws, path, conversationId, statuses };
}

describe("webhook queue (pg-boss)", () => {
  let queue: WebhookQueue | null = null;
  afterAll(() => queue?.stop());

  it("sweeps up a delivery written while no worker ran, then delivers after commit and retries on schedule", async () => {
    const lost = await setup();
    // No queue in this process: the send writes its delivery and no job goes out.
    await lost.ws.owner.api.v1.connect.send({
      conversationId: lost.conversationId,
      content: { en: "Lost job" },
    });
    expect(await lost.statuses()).toEqual(["pending"]);
    queue = await start();
    expect(await until(lost.statuses, (s) => s[0] === "succeeded")).toEqual(["succeeded"]);
    expect(receiver.at(lost.path)).toHaveLength(1);

    const live = await setup();
    let calls = 0;
    receiver.answerWith(() => ({ status: calls++ === 0 ? 500 : 200 }));
    await live.ws.owner.api.v1.connect.send({ conversationId: live.conversationId, content: { en: "Live" } });
    expect(await until(live.statuses, (s) => s[0] === "succeeded")).toEqual(["succeeded"]);
    const ids = receiver.at(live.path).map((r) => r.headers["webhook-id"]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it("deleting an endpoint deletes its delivery log with it", async () => {
    const { ws, conversationId } = await setup();
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "Logged" } });
    const { items } = await ws.owner.api.v1.webhooks.list();
    const endpointId = items[0]?.id ?? "";
    expect(await db().webhookDelivery.count({ where: { endpointId } })).toBe(1);
    await ws.owner.api.v1.webhooks.delete({ id: endpointId });
    expect(await db().webhookDelivery.count({ where: { endpointId } })).toBe(0);
  });

  it("removes a delivery whose endpoint is gone (a send that raced its deletion), and never queues it", async () => {
    const { ws, conversationId } = await setup();
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "Raced" } });
    const [row] = await db().webhookDelivery.findMany({
      where: { workspaceId: ws.workspaceId },
      select: { id: true, endpointId: true },
    });
    // What the race leaves: the endpoint deleted with the deliveries it could see, this one not yet committed.
    await db().webhookEndpoint.delete({ where: { id: row?.endpointId }, select: { id: true } });
    expect(await deliveriesToRecover(db(), { graceMs: -60_000, limit: 1_000 })).not.toContain(row?.id);
    await deleteOldDeliveries(db(), new Date(0));
    expect(await db().webhookDelivery.count({ where: { id: row?.id } })).toBe(0);
  });

  it("deletes delivery rows past the retention period, and only those", async () => {
    const { ws, conversationId } = await setup();
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "Old" } });
    await ws.owner.api.v1.connect.send({ conversationId, content: { en: "New" } });
    const rows = await db().webhookDelivery.findMany({
      where: { workspaceId: ws.workspaceId },
      select: { id: true },
      orderBy: { createdAt: "asc" },
    });
    const old = rows[0]?.id ?? "";
    await db().webhookDelivery.update({
      where: { id: old },
      data: { createdAt: new Date(Date.now() - 31 * 24 * 3_600_000) },
    });
    expect(
      await deleteOldDeliveries(db(), new Date(Date.now() - 30 * 24 * 3_600_000)),
    ).toBeGreaterThanOrEqual(1);
    const left = await db().webhookDelivery.findMany({
      where: { workspaceId: ws.workspaceId },
      select: { id: true },
    });
    expect(left.map((r) => r.id)).toEqual([rows[1]?.id]);
  });
});
