import { describe, expect, it, vi } from "vitest";
import { seedChannel, seedConversation } from "@/server/conversations/test-conversations";
import { db } from "@/server/db/client";
import { onCommitted } from "@/server/events/publish";
import type { InboxEvent } from "@/server/events/types";
import { trpcError } from "@/server/test/errors";
import { createTestWorkspace } from "@/server/test/fixtures";

const BASE = Date.parse("2026-01-01T12:00:00.000Z");
const minutesAgo = (minutes: number) => new Date(BASE - minutes * 60_000);

describe("v1.conversations.list", () => {
  it("pages newest activity first; the keyset cursor neither skips nor repeats while conversations move", async () => {
    const ws = await createTestWorkspace("Paging");
    const seeded = [];
    for (let i = 0; i < 10; i++) {
      // Two conversations share one time, so the id has to break the tie.
      seeded.push(await seedConversation(ws.workspaceId, { lastMessageAt: minutesAgo(i === 5 ? 4 : i) }));
    }
    const order = seeded
      .sort(
        (a, b) =>
          b.lastMessageAt.getTime() - a.lastMessageAt.getTime() ||
          (a.conversationId < b.conversationId ? 1 : -1),
      )
      .map((s) => s.conversationId);
    const list = ws.owner.api.v1.conversations.list;

    const first = await list({ limit: 4 });
    expect(first.items.map((i) => i.id)).toEqual(order.slice(0, 4));
    expect(first.nextCursor).not.toBeNull();

    // New activity between pages: on a conversation not yet shown, and on the page's last row.
    const send = ws.owner.api.v1.connect.send;
    await send({ conversationId: order[6] ?? "", content: { en: "moved up" } });
    await send({ conversationId: order[3] ?? "", content: { en: "cursor row moved up" } });

    const second = await list({ limit: 4, cursor: first.nextCursor });
    expect(second.items.map((i) => i.id)).toEqual([order[4], order[5], order[7], order[8]]);
    const third = await list({ limit: 4, cursor: second.nextCursor });
    expect(third.items.map((i) => i.id)).toEqual([order[9]]);
    expect(third.nextCursor).toBeNull();

    const top = await list({ limit: 2 });
    expect(top.items.map((i) => i.id)).toEqual([order[3], order[6]]);
    expect(top.items[0]?.lastMessagePreview).toEqual({ en: "cursor row moved up" });
  });

  it("refuses a cursor it did not make", async () => {
    const ws = await createTestWorkspace();
    for (const cursor of ["garbage", "2026-01-01T00:00:00.000Z", "not-a-date_abc"]) {
      expect((await trpcError(ws.owner.api.v1.conversations.list({ cursor }))).code).toBe("BAD_REQUEST");
    }
  });

  it("filters by status, assignee and channel, and counts each status under the same filters", async () => {
    const ws = await createTestWorkspace("Filters");
    const agent = await ws.addMember("agent");
    const siteA = await seedChannel(ws.workspaceId);
    const siteB = await seedChannel(ws.workspaceId);
    const c1 = await seedConversation(ws.workspaceId, {
      customerName: "Ada",
      status: "open",
      assigneeId: ws.owner.memberId,
      channelId: siteA.id,
      subject: "Order",
      lastMessageAt: minutesAgo(1),
      messages: [{ en: "Where is my order?", tr: "Siparişim nerede?" }],
    });
    const c2 = await seedConversation(ws.workspaceId, {
      status: "pending",
      assigneeId: agent.memberId,
      channelId: siteB.id,
      lastMessageAt: minutesAgo(2),
    });
    const c3 = await seedConversation(ws.workspaceId, {
      status: "resolved",
      channelId: siteA.id,
      lastMessageAt: minutesAgo(3),
    });
    const c4 = await seedConversation(ws.workspaceId, { status: "open", lastMessageAt: minutesAgo(4) });
    const ids = async (input: Parameters<typeof ws.owner.api.v1.conversations.list>[0], caller = ws.owner) =>
      (await caller.api.v1.conversations.list(input)).items.map((i) => i.id);

    expect(await ids({})).toEqual([c1, c2, c3, c4].map((c) => c.conversationId));
    expect(await ids({ status: "open" })).toEqual([c1.conversationId, c4.conversationId]);
    expect(await ids({ assignee: "me" })).toEqual([c1.conversationId]);
    expect(await ids({ assignee: "me" }, agent)).toEqual([c2.conversationId]);
    expect(await ids({ assignee: "unassigned" })).toEqual([c3.conversationId, c4.conversationId]);
    expect(await ids({ assignee: agent.memberId })).toEqual([c2.conversationId]);
    expect(await ids({ assignee: "any", channelId: siteA.id })).toEqual([
      c1.conversationId,
      c3.conversationId,
    ]);
    expect(await ids({ status: "open", channelId: siteA.id })).toEqual([c1.conversationId]);

    const counts = ws.owner.api.v1.conversations.counts;
    const totals = async (filter?: Parameters<typeof counts>[0]) => {
      const { unread: _, ...byStatus } = await counts(filter);
      return byStatus;
    };
    expect(await totals()).toEqual({ open: 2, pending: 1, resolved: 1, snoozed: 0 });
    expect(await totals({ assignee: "unassigned" })).toEqual({
      open: 1,
      pending: 0,
      resolved: 1,
      snoozed: 0,
    });
    expect(await totals({ assignee: "me" })).toEqual({ open: 1, pending: 0, resolved: 0, snoozed: 0 });
    expect(await totals({ channelId: siteB.id })).toEqual({ open: 0, pending: 1, resolved: 0, snoozed: 0 });

    const [item] = (await ws.owner.api.v1.conversations.list({ assignee: "me" })).items;
    const customer = await db().customer.findUniqueOrThrow({
      where: { id: c1.customerId },
      select: { email: true },
    });
    expect(item).toEqual({
      id: c1.conversationId,
      subject: "Order",
      status: "open",
      customer: { id: c1.customerId, name: "Ada", email: customer.email, image: null },
      channel: {
        id: siteA.id,
        kind: "website",
        name: `Website ${siteA.identifier}`,
        identifier: siteA.identifier,
      },
      assignee: { memberId: ws.owner.memberId, name: expect.any(String) },
      labels: [],
      snoozedUntil: null,
      lastMessageAt: minutesAgo(1).toISOString(),
      lastMessagePreview: { en: "Where is my order?", tr: "Siparişim nerede?" },
      unread: true,
    });
  });

  it("is unread for each member until they mark it read, and unread again after a new message", async () => {
    const ws = await createTestWorkspace("Unread");
    const agent = await ws.addMember("agent");
    const { conversationId } = await seedConversation(ws.workspaceId, { messages: [{ en: "Hello" }] });
    const unread = async (member = ws.owner) =>
      (await member.api.v1.conversations.list()).items.find((i) => i.id === conversationId)?.unread;

    expect(await unread()).toBe(true);
    const marked = await ws.owner.api.v1.conversations.markRead({ id: conversationId });
    expect(marked.conversationId).toBe(conversationId);
    expect(await unread()).toBe(false);
    expect(await unread(agent)).toBe(true);

    const again = await ws.owner.api.v1.conversations.markRead({ id: conversationId });
    expect(Date.parse(again.lastReadAt)).toBeGreaterThanOrEqual(Date.parse(marked.lastReadAt));
    expect(await db().conversationRead.count({ where: { conversationId } })).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, 5));
    await agent.api.v1.connect.send({ conversationId, content: { en: "A reply" }, sender: "customer" });
    expect(await unread()).toBe(true);
    await ws.owner.api.v1.conversations.markRead({ id: conversationId });
    expect(await unread()).toBe(false);
  });
});

describe("unread", () => {
  it("comes from the customer or from 'mark as unread', never from a colleague's reply or note, and is counted per status", async () => {
    const ws = await createTestWorkspace("Honest unread");
    const agent = await ws.addMember("agent");
    const { conversationId } = await seedConversation(ws.workspaceId, { messages: [{ en: "Hello" }] });
    const other = await seedConversation(ws.workspaceId, { status: "pending", messages: [{ en: "Hi" }] });
    const unread = async (member = ws.owner) =>
      (await member.api.v1.conversations.list({ status: "open" })).items.find((i) => i.id === conversationId)
        ?.unread;
    const unreadCounts = async (member = ws.owner) => (await member.api.v1.conversations.counts()).unread;

    expect(await unreadCounts()).toEqual({ open: 1, pending: 1, resolved: 0, snoozed: 0 });
    await ws.owner.api.v1.conversations.markRead({ id: conversationId });
    await agent.api.v1.conversations.markRead({ id: conversationId });
    expect(await unreadCounts()).toEqual({ open: 0, pending: 1, resolved: 0, snoozed: 0 });

    // A colleague's reply and a colleague's note: still read for the owner.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await agent.api.v1.connect.send({ conversationId, content: { en: "On it" } });
    await agent.api.v1.connect.send({
      conversationId,
      content: { en: "Checking stock" },
      flags: ["internal"],
    });
    expect(await unread()).toBe(false);
    expect(await unread(agent)).toBe(false);

    // The customer writes: unread for every member.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await agent.api.v1.connect.send({ conversationId, content: { en: "Thanks!" }, sender: "customer" });
    expect(await unread()).toBe(true);
    expect(await unread(agent)).toBe(true);
    expect(await unreadCounts()).toEqual({ open: 1, pending: 1, resolved: 0, snoozed: 0 });

    // Marked unread: unread for that member only, until they mark it read again.
    await ws.owner.api.v1.conversations.markRead({ id: conversationId });
    await ws.owner.api.v1.conversations.markUnread({ id: conversationId });
    expect(await unread()).toBe(true);
    await agent.api.v1.conversations.markRead({ id: conversationId });
    expect(await unread(agent)).toBe(false);
    await ws.owner.api.v1.conversations.markRead({ id: conversationId });
    expect(await unread()).toBe(false);

    // A conversation never read can be marked unread too; another workspace's cannot.
    await ws.owner.api.v1.conversations.markUnread({ id: other.conversationId });
    expect(await unreadCounts()).toEqual({ open: 0, pending: 1, resolved: 0, snoozed: 0 });
    const stranger = await createTestWorkspace("Stranger");
    const refused = await trpcError(stranger.owner.api.v1.conversations.markUnread({ id: conversationId }));
    expect(refused.code).toBe("NOT_FOUND");
    expect(await db().conversationRead.count({ where: { memberId: stranger.owner.memberId } })).toBe(0);
  });
});

describe("v1.conversations.get / create / update", () => {
  it("creates a conversation with a customer found or made from what the caller knows", async () => {
    const ws = await createTestWorkspace("Create");
    const site = await seedChannel(ws.workspaceId, "shop.example");
    const create = ws.owner.api.v1.conversations.create;

    const made = await create({
      customer: { email: "Deniz@Example.com", name: "Deniz", externalId: "crm-1", phone: "+90 555" },
      channelIdentifier: "shop.example",
      subject: "Return",
    });
    expect(made).toMatchObject({
      subject: "Return",
      status: "open",
      customer: { email: "deniz@example.com", name: "Deniz", externalId: "crm-1", phone: "+90 555" },
      channel: { id: site.id, identifier: "shop.example" },
      assignee: null,
    });
    expect(await ws.owner.api.v1.conversations.get({ id: made.id })).toEqual(made);

    const again = await create({ customer: { externalId: "crm-1", metadata: { plan: "pro" } } });
    expect(again.customer.id).toBe(made.customer.id);
    expect(again.customer.metadata).toEqual({ plan: "pro" });
    expect(again.channel).toBeNull();
    expect(again.subject).toBeNull();

    const byId = await create({ customerId: made.customer.id, channelId: site.id });
    expect(byId.customer.id).toBe(made.customer.id);
    expect((await ws.owner.api.v1.conversations.list({ limit: 1 })).items[0]?.id).toBe(byId.id);

    expect((await trpcError(create({}))).code).toBe("BAD_REQUEST");
    expect((await trpcError(create({ customerId: "nope" }))).code).toBe("NOT_FOUND");
    expect((await trpcError(create({ customerId: made.customer.id, channelIdentifier: "nope" }))).code).toBe(
      "NOT_FOUND",
    );
    // Both names given, of two different channels: the caller's mistake, not a missing channel.
    await seedChannel(ws.workspaceId, "mail.example");
    const mismatch = await trpcError(
      create({ customerId: made.customer.id, channelId: site.id, channelIdentifier: "mail.example" }),
    );
    expect(mismatch.code).toBe("BAD_REQUEST");
    expect(mismatch.message).toBe("channelIdentifier: names a different channel than channelId");
  });

  it("sets status and assignee, and tells live listeners after commit", async () => {
    const ws = await createTestWorkspace("Update");
    const agent = await ws.addMember("agent");
    const { conversationId } = await seedConversation(ws.workspaceId);
    const events: InboxEvent[] = [];
    // The new assignee's notification is a member's own event (server/notifications tests it).
    onCommitted((event) => {
      if (event.workspaceId === ws.workspaceId && event.type !== "notification.created") events.push(event);
    });
    const update = ws.owner.api.v1.conversations.update;
    const pending = await update({ id: conversationId, status: "pending" });
    expect(pending.status).toBe("pending");
    expect(pending.assignee).toBeNull();

    const assigned = await update({ id: conversationId, assigneeId: agent.memberId });
    expect(assigned.status).toBe("pending");
    expect(assigned.assignee?.memberId).toBe(agent.memberId);
    expect((await agent.api.v1.conversations.list({ assignee: "me" })).items.map((i) => i.id)).toEqual([
      conversationId,
    ]);

    const resolved = await update({ id: conversationId, status: "resolved", assigneeId: null });
    expect(resolved).toMatchObject({ status: "resolved", assignee: null });
    expect(await ws.owner.api.v1.conversations.get({ id: conversationId })).toEqual(resolved);

    await vi.waitFor(() => expect(events).toHaveLength(3));
    expect(events[0]).toEqual({
      type: "conversation.updated",
      workspaceId: ws.workspaceId,
      conversationId,
    });

    expect((await trpcError(update({ id: conversationId, assigneeId: "nope" }))).code).toBe("NOT_FOUND");
    expect((await trpcError(update({ id: "nope", status: "open" }))).code).toBe("NOT_FOUND");
    const row = await db().conversation.findUniqueOrThrow({
      where: { id: conversationId },
      select: { status: true, assigneeId: true },
    });
    expect(row).toEqual({ status: "resolved", assigneeId: null });
  });
});

describe("tenant isolation", () => {
  it("another workspace's ids behave as ids that do not exist, and its rows never show", async () => {
    const mine = await createTestWorkspace("Mine");
    const theirs = await createTestWorkspace("Theirs");
    const site = await seedChannel(mine.workspaceId);
    const { conversationId, customerId } = await seedConversation(mine.workspaceId, {
      customerName: "Private Customer",
      channelId: site.id,
      assigneeId: mine.owner.memberId,
      messages: [{ en: "secret order 42" }],
    });
    const theirOwn = await seedConversation(theirs.workspaceId);
    const api = theirs.owner.api.v1.conversations;

    for (const call of [
      (id: string) => api.get({ id }),
      (id: string) => api.update({ id, status: "resolved" }),
      (id: string) => api.markRead({ id }),
    ]) {
      const foreign = await trpcError(call(conversationId));
      const missing = await trpcError(call("does-not-exist"));
      expect(foreign.code).toBe("NOT_FOUND");
      expect(foreign.message).toBe(missing.message);
    }
    expect((await trpcError(api.create({ customerId }))).code).toBe("NOT_FOUND");
    expect(
      (await trpcError(api.create({ customer: { email: "x@example.com" }, channelId: site.id }))).code,
    ).toBe("NOT_FOUND");
    expect(
      (await trpcError(api.update({ id: theirOwn.conversationId, assigneeId: mine.owner.memberId }))).code,
    ).toBe("NOT_FOUND");

    const visible = [
      ...(await api.list()).items,
      ...(await api.list({ channelId: site.id })).items,
      ...(await api.list({ assignee: mine.owner.memberId })).items,
      ...(await api.list({ search: "secret order" })).items,
      ...(await api.list({ search: "Private Customer" })).items,
    ].map((i) => i.id);
    expect(visible).toEqual([theirOwn.conversationId]);
    const none = { open: 0, pending: 0, resolved: 0, snoozed: 0 };
    expect(await api.counts({ channelId: site.id })).toEqual({ ...none, unread: none });
    expect(await api.counts()).toEqual({ open: 1, pending: 0, resolved: 0, snoozed: 0, unread: none });

    const untouched = await db().conversation.findUniqueOrThrow({
      where: { id: conversationId },
      select: { status: true, reads: { select: { memberId: true } } },
    });
    expect(untouched).toEqual({ status: "open", reads: [] });
  });
});
