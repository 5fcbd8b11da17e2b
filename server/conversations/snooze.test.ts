import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGBOSS_SCHEMA } from "@/server/ai/sweep";
import { SNOOZE_QUEUE, type SnoozeQueue, startSnoozeQueue } from "@/server/conversations/snooze-queue";
import { seedConversation } from "@/server/conversations/test-conversations";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { onCommitted } from "@/server/events/publish";
import type { InboxEvent } from "@/server/events/types";
import { badFields, trpcError } from "@/server/test/errors";
import { createTestWorkspace } from "@/server/test/fixtures";
import { until } from "@/server/test/wait";

let queue: SnoozeQueue;
beforeAll(async () => {
  queue = await startSnoozeQueue({
    connectionString: env().DATABASE_URL,
    db: db(),
    work: true,
    pollingIntervalSeconds: 0.5,
    // Only the jobs wake conversations here, unless a test sweeps itself.
    sweepIntervalMs: 3_600_000,
    stopTimeoutMs: 3_000,
  });
});
afterAll(() => queue.stop());

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

const stateOf = (id: string) =>
  db().conversation.findUniqueOrThrow({ where: { id }, select: { status: true, snoozedUntil: true } });

describe("snooze", () => {
  it("snoozes until a time: the Snoozed tab lists and counts it with the time; another status ends the snooze", async () => {
    const ws = await createTestWorkspace("Snooze");
    const { conversationId } = await seedConversation(ws.workspaceId);
    const api = ws.owner.api.v1.conversations;
    const at = inSeconds(3600);
    const snoozed = await api.snooze({ id: conversationId, until: at });
    expect(snoozed).toMatchObject({ status: "snoozed", snoozedUntil: at });
    const listed = await api.list({ status: "snoozed" });
    expect(listed.items.map((i) => [i.id, i.snoozedUntil])).toEqual([[conversationId, at]]);
    expect((await api.list({ status: "open" })).items).toEqual([]);
    expect(await api.counts()).toMatchObject({ open: 0, snoozed: 1 });

    // Snoozing again moves the time; setting any other status clears it.
    const later = inSeconds(7200);
    expect((await api.snooze({ id: conversationId, until: later })).snoozedUntil).toBe(later);
    const pending = await api.update({ id: conversationId, status: "pending" });
    expect(pending).toMatchObject({ status: "pending", snoozedUntil: null });
    expect(await stateOf(conversationId)).toEqual({ status: "pending", snoozedUntil: null });
  });

  it("refuses a time in the past, more than a year ahead or not an instant, naming until; and 'snoozed' without a time", async () => {
    const ws = await createTestWorkspace("Snooze validation");
    const { conversationId } = await seedConversation(ws.workspaceId);
    const api = ws.owner.api.v1.conversations;
    for (const at of [inSeconds(-60), inSeconds(367 * 24 * 3600), "tomorrow", "2026-12-24T09:00"]) {
      expect(await badFields(api.snooze({ id: conversationId, until: at }))).toEqual({
        code: "BAD_REQUEST",
        fields: ["until"],
      });
    }
    // @ts-expect-error: snoozing needs a time, so update does not take it
    expect(await badFields(api.update({ id: conversationId, status: "snoozed" }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["status"],
    });
    expect(await stateOf(conversationId)).toEqual({ status: "open", snoozedUntil: null });
  });

  it("comes back to Open on time through its job, announced live and to webhooks", async () => {
    const ws = await createTestWorkspace("Snooze wakes");
    const { endpoint } = await ws.owner.api.v1.webhooks.create({
      url: "https://hooks.example.com/snooze",
      events: ["conversation.updated"],
    });
    const { conversationId } = await seedConversation(ws.workspaceId);
    const events: InboxEvent[] = [];
    onCommitted((event) => {
      if (event.workspaceId === ws.workspaceId) events.push(event);
    });
    const at = inSeconds(2);
    await ws.owner.api.v1.conversations.snooze({ id: conversationId, until: at });
    expect((await stateOf(conversationId)).status).toBe("snoozed");
    const woken = await until(
      () => stateOf(conversationId),
      (state) => state.status === "open",
    );
    const lateMs = Date.now() - Date.parse(at);
    expect(woken).toEqual({ status: "open", snoozedUntil: null });
    // Polled every 0.5 s here (1 s in the app): it is back within a few seconds of its time.
    expect(lateMs).toBeLessThan(3_000);
    expect(events.filter((e) => e.type === "conversation.updated")).toHaveLength(2);
    const deliveries = await db().webhookDelivery.findMany({
      where: { workspaceId: ws.workspaceId, endpointId: endpoint.id },
      orderBy: { createdAt: "asc" },
      select: { data: true },
    });
    expect(deliveries.map((d) => JSON.parse(String(d.data)).changes)).toEqual([
      { status: { from: "open", to: "snoozed" }, snoozedUntil: { from: null, to: at } },
      { status: { from: "snoozed", to: "open" }, snoozedUntil: { from: at, to: null } },
    ]);
  });

  it("a snooze moved later makes the earlier job do nothing; it wakes once, at the later time", async () => {
    const ws = await createTestWorkspace("Snooze again");
    const { conversationId } = await seedConversation(ws.workspaceId);
    const api = ws.owner.api.v1.conversations;
    await api.snooze({ id: conversationId, until: inSeconds(1) });
    const later = inSeconds(4);
    await api.snooze({ id: conversationId, until: later });
    // The first job has run (completed) and left it snoozed.
    const firstDone = await until(
      () =>
        db().$queryRawUnsafe<{ state: string }[]>(
          `SELECT state::text AS state FROM ${PGBOSS_SCHEMA}.job WHERE name = $1 AND data->>'conversationId' = $2
         ORDER BY start_after`,
          SNOOZE_QUEUE,
          conversationId,
        ),
      (jobs) => jobs[0]?.state === "completed",
    );
    expect(firstDone.map((j) => j.state)).toEqual(["completed", "created"]);
    expect(await stateOf(conversationId)).toEqual({ status: "snoozed", snoozedUntil: new Date(later) });
    const woken = await until(
      () => stateOf(conversationId),
      (state) => state.status === "open",
    );
    expect(woken.status).toBe("open");
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(later));
  });

  it("a customer's message opens it at once; its job then does nothing", async () => {
    const ws = await createTestWorkspace("Snooze customer");
    const { conversationId } = await seedConversation(ws.workspaceId);
    const api = ws.owner.api.v1;
    await api.conversations.snooze({ id: conversationId, until: inSeconds(3600) });
    // A member's reply does not wake it.
    await api.connect.send({ conversationId, content: { en: "We will get back to you" } });
    expect((await stateOf(conversationId)).status).toBe("snoozed");
    await api.connect.send({ conversationId, content: { en: "Any news?" }, sender: "customer" });
    expect(await stateOf(conversationId)).toEqual({ status: "open", snoozedUntil: null });
  });

  it("the sweep opens a due conversation whose job was lost", async () => {
    const ws = await createTestWorkspace("Snooze sweep");
    const { conversationId } = await seedConversation(ws.workspaceId);
    const notYet = await seedConversation(ws.workspaceId);
    await db().conversation.updateMany({
      where: { id: conversationId },
      data: { status: "snoozed", snoozedUntil: new Date(Date.now() - 1000) },
    });
    await db().conversation.updateMany({
      where: { id: notYet.conversationId },
      data: { status: "snoozed", snoozedUntil: new Date(Date.now() + 3_600_000) },
    });
    expect(await queue.sweep()).toBeGreaterThanOrEqual(1);
    expect(await stateOf(conversationId)).toEqual({ status: "open", snoozedUntil: null });
    expect((await stateOf(notYet.conversationId)).status).toBe("snoozed");
  });

  it("a bulk status change ends a snooze, and its undo snoozes again until the same time", async () => {
    const ws = await createTestWorkspace("Snooze bulk");
    const { conversationId } = await seedConversation(ws.workspaceId);
    const api = ws.owner.api.v1.conversations;
    const at = inSeconds(3600);
    await api.snooze({ id: conversationId, until: at });
    const result = await api.bulkUpdate({
      target: { ids: [conversationId] },
      change: { status: "resolved" },
    });
    expect(await stateOf(conversationId)).toEqual({ status: "resolved", snoozedUntil: null });
    expect(result.previous).toEqual([
      { id: conversationId, status: "snoozed", assigneeId: null, snoozedUntil: at, labelIds: [] },
    ]);
    await api.bulkRestore({ items: result.previous });
    expect(await stateOf(conversationId)).toEqual({ status: "snoozed", snoozedUntil: new Date(at) });
  });

  it("a bulk snooze puts many away until one time, each woken by its own job; the undo opens them again", async () => {
    const ws = await createTestWorkspace("Snooze bulk many");
    const a = await seedConversation(ws.workspaceId);
    const b = await seedConversation(ws.workspaceId, { status: "pending" });
    const api = ws.owner.api.v1.conversations;
    const refused = await badFields(
      api.bulkUpdate({ target: { ids: [a.conversationId] }, change: { snoozeUntil: inSeconds(-60) } }),
    );
    expect(refused).toEqual({ code: "BAD_REQUEST", fields: ["change.snoozeUntil"] });
    expect(await stateOf(a.conversationId)).toEqual({ status: "open", snoozedUntil: null });

    const later = inSeconds(3600);
    const undone = await api.bulkUpdate({
      target: { ids: [a.conversationId, b.conversationId] },
      change: { snoozeUntil: later },
    });
    expect(undone.changed).toBe(2);
    expect(await stateOf(b.conversationId)).toEqual({ status: "snoozed", snoozedUntil: new Date(later) });
    expect((await api.counts()).snoozed).toBe(2);
    await api.bulkRestore({ items: undone.previous });
    expect(await stateOf(a.conversationId)).toEqual({ status: "open", snoozedUntil: null });
    expect(await stateOf(b.conversationId)).toEqual({ status: "pending", snoozedUntil: null });

    const soon = inSeconds(2);
    await api.bulkUpdate({ target: { filter: { status: "open" } }, change: { snoozeUntil: soon } });
    expect(await stateOf(a.conversationId)).toEqual({ status: "snoozed", snoozedUntil: new Date(soon) });
    const woken = await until(
      () => stateOf(a.conversationId),
      (state) => state.status === "open",
    );
    expect(woken).toEqual({ status: "open", snoozedUntil: null });
    expect(await stateOf(b.conversationId)).toEqual({ status: "pending", snoozedUntil: null });
  });

  it("another workspace's conversation is not found, like a missing one, and stays as it was", async () => {
    const mine = await createTestWorkspace("Snooze mine");
    const theirs = await createTestWorkspace("Snooze theirs");
    const foreign = await seedConversation(theirs.workspaceId);
    const api = mine.owner.api.v1.conversations;
    const a = await trpcError(api.snooze({ id: foreign.conversationId, until: inSeconds(3600) }));
    const b = await trpcError(api.snooze({ id: "missing", until: inSeconds(3600) }));
    expect([a.code, a.message]).toEqual(["NOT_FOUND", "id: no such conversation"]);
    expect(b.message).toBe(a.message);
    expect(await stateOf(foreign.conversationId)).toEqual({ status: "open", snoozedUntil: null });
    expect((await api.list({ status: "snoozed" })).items).toEqual([]);
  });
});
