import { describe, expect, it, vi } from "vitest";
import { seedChannel, seedConversation } from "@/server/conversations/test-conversations";
import { db } from "@/server/db/client";
import { onCommitted } from "@/server/events/publish";
import type { InboxEvent } from "@/server/events/types";
import { trpcError } from "@/server/test/errors";
import { createTestWorkspace } from "@/server/test/fixtures";

const BASE = Date.parse("2026-01-01T12:00:00.000Z");
const minutesAgo = (minutes: number) => new Date(BASE - minutes * 60_000);
const labelCounts = async (conversations: { conversationId: string }[]) =>
  Promise.all(
    conversations.map(
      async (c) =>
        (
          await db().conversation.findUniqueOrThrow({
            where: { id: c.conversationId },
            select: { labelCount: true },
          })
        ).labelCount,
    ),
  );

describe("labels on conversations", () => {
  it("adds and removes a label, shown by name on get and list, announced live and to webhooks once per change", async () => {
    const ws = await createTestWorkspace("Labels");
    const { endpoint } = await ws.owner.api.v1.webhooks.create({
      url: "https://hooks.example.com/labels",
      events: ["conversation.updated"],
    });
    const refund = await ws.owner.api.v1.labels.create({ name: "Refund", color: "red" });
    const billing = await ws.owner.api.v1.labels.create({ name: "Billing", color: "blue" });
    const { conversationId } = await seedConversation(ws.workspaceId);
    const events: InboxEvent[] = [];
    onCommitted((event) => {
      if (event.workspaceId === ws.workspaceId) events.push(event);
    });
    const api = (await ws.addMember("agent")).api.v1.conversations;

    await api.addLabel({ id: conversationId, labelId: refund.id });
    const twice = await api.addLabel({ id: conversationId, labelId: billing.id });
    expect(twice.labels).toEqual([
      { id: billing.id, name: "Billing", color: "blue" },
      { id: refund.id, name: "Refund", color: "red" },
    ]);
    // Already there: nothing changes, nothing is announced.
    await api.addLabel({ id: conversationId, labelId: billing.id });
    expect((await api.get({ id: conversationId })).labels.map((l) => l.name)).toEqual(["Billing", "Refund"]);
    expect((await api.list({})).items[0]?.labels.map((l) => l.name)).toEqual(["Billing", "Refund"]);

    const removed = await api.removeLabel({ id: conversationId, labelId: refund.id });
    expect(removed.labels.map((l) => l.id)).toEqual([billing.id]);
    await api.removeLabel({ id: conversationId, labelId: refund.id });

    await vi.waitFor(() => expect(events).toHaveLength(3));
    expect(new Set(events.map((e) => JSON.stringify(e)))).toEqual(
      new Set([
        JSON.stringify({ type: "conversation.updated", workspaceId: ws.workspaceId, conversationId }),
      ]),
    );
    const deliveries = await db().webhookDelivery.findMany({
      where: { workspaceId: ws.workspaceId, endpointId: endpoint.id },
      orderBy: { createdAt: "asc" },
      select: { eventType: true, data: true },
    });
    const changes = deliveries.map((d) => JSON.parse(String(d.data)).changes);
    expect(changes).toEqual([
      { labelIds: { from: [], to: [refund.id] } },
      { labelIds: { from: [refund.id], to: [billing.id, refund.id].sort() } },
      { labelIds: { from: [billing.id, refund.id].sort(), to: [billing.id] } },
    ]);
    expect(JSON.parse(String(deliveries[2]?.data)).labels).toEqual([
      { id: billing.id, name: "Billing", color: "blue" },
    ]);
  });

  it("filters the list and the counts by one or by two labels (all of them), with status, assignee, channel and search", async () => {
    const ws = await createTestWorkspace("Label filters");
    const labels = ws.owner.api.v1.labels;
    const vip = await labels.create({ name: "VIP", color: "amber" });
    const bug = await labels.create({ name: "Bug", color: "purple" });
    const site = await seedChannel(ws.workspaceId);
    const seed = (minutes: number, extra: Parameters<typeof seedConversation>[1] = {}) =>
      seedConversation(ws.workspaceId, { lastMessageAt: minutesAgo(minutes), ...extra });
    const both = await seed(1, {
      subject: "Crash on checkout",
      channelId: site.id,
      assigneeId: ws.owner.memberId,
    });
    const vipOnly = await seed(2, { subject: "Upgrade question" });
    const bugPending = await seed(3, { status: "pending", subject: "Crash on login" });
    const bothResolved = await seed(4, { status: "resolved" });
    await seed(0, { subject: "Crash, no labels" });
    const api = ws.owner.api.v1.conversations;
    const put = (c: { conversationId: string }, label: { id: string }) =>
      api.addLabel({ id: c.conversationId, labelId: label.id });
    await put(both, vip);
    await put(both, bug);
    await put(vipOnly, vip);
    await put(bugPending, bug);
    await put(bothResolved, vip);
    await put(bothResolved, bug);

    const ids = async (input: Parameters<typeof api.list>[0]) =>
      (await api.list(input)).items.map((i) => i.id);
    expect(await ids({ status: "open", labelIds: [vip.id] })).toEqual([
      both.conversationId,
      vipOnly.conversationId,
    ]);
    expect(await ids({ labelIds: [bug.id] })).toEqual([
      both.conversationId,
      bugPending.conversationId,
      bothResolved.conversationId,
    ]);
    expect(await ids({ labelIds: [vip.id, bug.id] })).toEqual([
      both.conversationId,
      bothResolved.conversationId,
    ]);
    expect(await ids({ labelIds: [bug.id, vip.id], status: "resolved" })).toEqual([
      bothResolved.conversationId,
    ]);
    expect(await ids({ labelIds: [vip.id, bug.id], assignee: "me" })).toEqual([both.conversationId]);
    expect(await ids({ labelIds: [bug.id], channelId: site.id })).toEqual([both.conversationId]);
    expect(await ids({ labelIds: [bug.id], search: "crash" })).toEqual([
      both.conversationId,
      bugPending.conversationId,
    ]);

    // Paging through a label keeps the order, and follows new activity (the trigger moves the label's copy).
    const first = await api.list({ labelIds: [bug.id], limit: 2 });
    const second = await api.list({ labelIds: [bug.id], limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual([
      both.conversationId,
      bugPending.conversationId,
      bothResolved.conversationId,
    ]);
    expect(second.nextCursor).toBeNull();
    await ws.owner.api.v1.connect.send({
      conversationId: bothResolved.conversationId,
      content: { en: "Back" },
    });
    expect((await ids({ labelIds: [bug.id] }))[0]).toBe(bothResolved.conversationId);

    const counts = await api.counts({ labelIds: [vip.id, bug.id] });
    expect([counts.open, counts.pending, counts.resolved]).toEqual([1, 0, 1]);
    const bugCounts = await api.counts({ labelIds: [bug.id], search: "crash" });
    expect([bugCounts.open, bugCounts.pending, bugCounts.resolved]).toEqual([1, 1, 0]);
  });

  it("deleting a label takes it off every conversation", async () => {
    const ws = await createTestWorkspace("Label deletion");
    const label = await ws.owner.api.v1.labels.create({ name: "Temporary", color: "gray" });
    const keep = await ws.owner.api.v1.labels.create({ name: "Kept", color: "green" });
    const a = await seedConversation(ws.workspaceId);
    const b = await seedConversation(ws.workspaceId);
    const api = ws.owner.api.v1.conversations;
    for (const c of [a, b]) await api.addLabel({ id: c.conversationId, labelId: label.id });
    await api.addLabel({ id: a.conversationId, labelId: keep.id });
    await ws.owner.api.v1.labels.delete({ id: label.id });
    expect((await api.get({ id: a.conversationId })).labels.map((l) => l.name)).toEqual(["Kept"]);
    expect((await api.get({ id: b.conversationId })).labels).toEqual([]);
    expect(await db().conversationLabel.count({ where: { labelId: label.id } })).toBe(0);
    expect((await api.list({ labelIds: [label.id] })).items).toEqual([]);
    expect(await labelCounts([a, b])).toEqual([1, 0]);
  });

  it("keeps each conversation's label count (what gates the send's label update) through add, remove and bulk changes", async () => {
    const ws = await createTestWorkspace("Label counts");
    const one = await ws.owner.api.v1.labels.create({ name: "One", color: "gray" });
    const two = await ws.owner.api.v1.labels.create({ name: "Two", color: "green" });
    const a = await seedConversation(ws.workspaceId);
    const b = await seedConversation(ws.workspaceId);
    const api = ws.owner.api.v1.conversations;
    await api.addLabel({ id: a.conversationId, labelId: one.id });
    await api.addLabel({ id: a.conversationId, labelId: one.id });
    expect(await labelCounts([a, b])).toEqual([1, 0]);
    const target = { ids: [a.conversationId, b.conversationId] };
    await api.bulkUpdate({ target, change: { addLabelIds: [one.id, two.id] } });
    expect(await labelCounts([a, b])).toEqual([2, 2]);
    await api.bulkUpdate({ target, change: { removeLabelIds: [one.id] } });
    await api.removeLabel({ id: b.conversationId, labelId: two.id });
    expect(await labelCounts([a, b])).toEqual([1, 0]);
    // The label's copy of the last message time still follows a send once labels come back.
    await api.addLabel({ id: b.conversationId, labelId: one.id });
    await ws.owner.api.v1.connect.send({ conversationId: b.conversationId, content: { en: "Later" } });
    const [conversation, copy] = await Promise.all([
      db().conversation.findUniqueOrThrow({
        where: { id: b.conversationId },
        select: { lastMessageAt: true },
      }),
      db().conversationLabel.findFirstOrThrow({
        where: { conversationId: b.conversationId },
        select: { lastMessageAt: true },
      }),
    ]);
    expect(copy.lastMessageAt).toEqual(conversation.lastMessageAt);
  });

  it("another workspace's label or conversation is not found, word for word like a missing one, and nothing is written", async () => {
    const mine = await createTestWorkspace("Labels mine");
    const theirs = await createTestWorkspace("Labels theirs");
    const myLabel = await mine.owner.api.v1.labels.create({ name: "Mine", color: "teal" });
    const theirLabel = await theirs.owner.api.v1.labels.create({ name: "Theirs", color: "pink" });
    const myConversation = await seedConversation(mine.workspaceId);
    const theirConversation = await seedConversation(theirs.workspaceId);
    await theirs.owner.api.v1.conversations.addLabel({
      id: theirConversation.conversationId,
      labelId: theirLabel.id,
    });
    const api = mine.owner.api.v1.conversations;
    for (const change of [api.addLabel, api.removeLabel]) {
      const foreignLabel = await trpcError(
        change({ id: myConversation.conversationId, labelId: theirLabel.id }),
      );
      const missingLabel = await trpcError(change({ id: myConversation.conversationId, labelId: "missing" }));
      expect([foreignLabel.code, foreignLabel.message]).toEqual(["NOT_FOUND", "labelId: no such label"]);
      expect(missingLabel.message).toBe(foreignLabel.message);
      const foreign = await trpcError(change({ id: theirConversation.conversationId, labelId: myLabel.id }));
      const missing = await trpcError(change({ id: "missing", labelId: myLabel.id }));
      expect([foreign.code, foreign.message]).toEqual(["NOT_FOUND", "id: no such conversation"]);
      expect(missing.message).toBe(foreign.message);
    }
    expect(await db().conversationLabel.count({ where: { workspaceId: mine.workspaceId } })).toBe(0);
    expect(await db().conversationLabel.count({ where: { workspaceId: theirs.workspaceId } })).toBe(1);
    // Their label as a filter finds nothing here, and their conversations never show.
    expect((await api.list({ labelIds: [theirLabel.id] })).items).toEqual([]);
    const counts = await api.counts({ labelIds: [theirLabel.id] });
    expect([counts.open, counts.pending, counts.resolved]).toEqual([0, 0, 0]);
  });
});
