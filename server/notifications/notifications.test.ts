import { describe, expect, it } from "vitest";
import { seedConversation } from "@/server/conversations/test-conversations";
import { db } from "@/server/db/client";
import { onCommitted } from "@/server/events/publish";
import type { InboxEvent } from "@/server/events/types";
import { mentionToken, splitMentions } from "@/server/notifications/mention-tokens";
import { deleteOldNotifications } from "@/server/notifications/sweep";
import { badFields, errorCode } from "@/server/test/errors";
import { createTestWorkspace } from "@/server/test/fixtures";

const note = (conversationId: string, text: string) => ({
  conversationId,
  content: { en: text },
  flags: ["internal"],
});

const rowsOf = (recipientId: string) =>
  db().notification.findMany({
    where: { recipientId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { kind: true, conversationId: true, messageId: true, actorId: true, readAt: true },
  });

describe("notifications", () => {
  it("a note's mentions notify each member once, never the writer; the text keeps the reference; the API returns it as stored", async () => {
    const ws = await createTestWorkspace("Mentions");
    const bob = await ws.addMember("agent");
    const carol = await ws.addMember("agent");
    const { conversationId } = await seedConversation(ws.workspaceId);
    const text = `Ask ${mentionToken(bob.memberId)} and ${mentionToken(carol.memberId)}, ${mentionToken(bob.memberId)} again; ${mentionToken(ws.owner.memberId)}`;
    const events: InboxEvent[] = [];
    onCommitted((event) => {
      if (event.workspaceId === ws.workspaceId) events.push(event);
    });
    const sent = await ws.owner.api.v1.connect.send(note(conversationId, text));
    expect(sent.content).toEqual({ en: text });
    const listed = await ws.owner.api.v1.connect.listMessages({ conversationId });
    expect(listed.items.map((m) => m.content)).toEqual([{ en: text }]);

    for (const member of [bob, carol]) {
      expect(await rowsOf(member.memberId)).toEqual([
        { kind: "mention", conversationId, messageId: sent.id, actorId: ws.owner.memberId, readAt: null },
      ]);
    }
    expect(await rowsOf(ws.owner.memberId)).toEqual([]);
    const created = events.filter((e) => e.type === "notification.created");
    expect(created.map((e) => "recipientMemberId" in e && e.recipientMemberId).sort()).toEqual(
      [bob.memberId, carol.memberId].sort(),
    );

    const page = await bob.api.v1.notifications.list({});
    expect(page.notifications).toMatchObject([
      {
        kind: "mention",
        conversationId,
        messageId: sent.id,
        actor: { memberId: ws.owner.memberId },
        readAt: null,
      },
    ]);
    expect(await bob.api.v1.notifications.unreadCount()).toEqual({ count: 1, capped: false });

    // A rename: the note still holds the reference, and everything shows the current name.
    await db().user.update({ where: { id: ws.owner.userId }, data: { name: "Renamed Owner" } });
    await db().user.update({ where: { id: bob.userId }, data: { name: "Bob Renamed" } });
    expect((await ws.owner.api.v1.connect.listMessages({ conversationId })).items[0]?.content).toEqual({
      en: text,
    });
    expect((await bob.api.v1.notifications.list({})).notifications[0]?.actor?.name).toBe("Renamed Owner");
    const names = new Map((await ws.owner.api.v1.workspace.members()).map((m) => [m.memberId, m.name]));
    expect(
      splitMentions(text).flatMap((part) => (part.kind === "mention" ? [names.get(part.memberId)] : [])),
    ).toEqual(["Bob Renamed", expect.any(String), "Bob Renamed", "Renamed Owner"]);
  });

  it("refuses a note mentioning anyone who is not a member of the workspace, and stores nothing", async () => {
    const ws = await createTestWorkspace("Mention check");
    const other = await createTestWorkspace("Elsewhere");
    const removed = await ws.addMember("agent");
    await db().member.update({ where: { id: removed.memberId }, data: { removedAt: new Date() } });
    const { conversationId } = await seedConversation(ws.workspaceId);
    for (const id of [other.owner.memberId, removed.memberId, "no-such-member"]) {
      expect(
        await badFields(ws.owner.api.v1.connect.send(note(conversationId, `hi ${mentionToken(id)}`))),
      ).toEqual({
        code: "BAD_REQUEST",
        fields: ["content"],
      });
    }
    expect(await db().message.count({ where: { conversationId } })).toBe(0);
    expect(
      await db().notification.count({ where: { workspaceId: { in: [ws.workspaceId, other.workspaceId] } } }),
    ).toBe(0);

    // A reply to the customer is not a note: `@[…]` in it is plain text, and mentions nobody.
    const member = await ws.addMember("agent");
    await ws.owner.api.v1.connect.send({
      conversationId,
      content: { en: `${mentionToken(member.memberId)}` },
    });
    expect(await rowsOf(member.memberId)).toEqual([]);
  });

  it("notifies the assignee chosen by someone else (single and bulk), not one who takes it; preferences turn each kind off", async () => {
    const ws = await createTestWorkspace("Assigned");
    const bob = await ws.addMember("agent");
    const a = await seedConversation(ws.workspaceId);
    const b = await seedConversation(ws.workspaceId);
    const c = await seedConversation(ws.workspaceId);
    await ws.owner.api.v1.conversations.update({ id: a.conversationId, assigneeId: bob.memberId });
    // Assigning it again to the same member changes nothing, so notifies nobody.
    await ws.owner.api.v1.conversations.update({ id: a.conversationId, assigneeId: bob.memberId });
    await bob.api.v1.conversations.update({ id: b.conversationId, assigneeId: bob.memberId });
    await ws.owner.api.v1.conversations.bulkUpdate({
      target: { ids: [b.conversationId, c.conversationId] },
      change: { assigneeId: ws.owner.memberId },
    });
    const bulk = await ws.owner.api.v1.conversations.bulkUpdate({
      target: { ids: [b.conversationId, c.conversationId] },
      change: { assigneeId: bob.memberId },
    });
    expect((await rowsOf(bob.memberId)).map((r) => [r.kind, r.conversationId, r.actorId])).toEqual([
      ["assigned", a.conversationId, ws.owner.memberId],
      ...[b.conversationId, c.conversationId].sort().map((id) => ["assigned", id, ws.owner.memberId]),
    ]);
    expect(await rowsOf(ws.owner.memberId)).toEqual([]);
    // The undo puts the owner back as assignee: nobody is notified of an undo.
    await ws.owner.api.v1.conversations.bulkRestore({ items: bulk.previous });
    expect(await rowsOf(ws.owner.memberId)).toEqual([]);

    expect(await bob.api.v1.notifications.preferences()).toEqual({
      mention: true,
      assigned: true,
      customer_message: true,
    });
    expect(await bob.api.v1.notifications.updatePreferences({ assigned: false, mention: false })).toEqual({
      mention: false,
      assigned: false,
      customer_message: true,
    });
    // Another member's preferences are their own.
    expect((await ws.owner.api.v1.notifications.preferences()).assigned).toBe(true);
    await ws.owner.api.v1.conversations.update({ id: a.conversationId, assigneeId: null });
    await ws.owner.api.v1.conversations.update({ id: a.conversationId, assigneeId: bob.memberId });
    await ws.owner.api.v1.connect.send(note(a.conversationId, `see ${mentionToken(bob.memberId)}`));
    expect(await db().notification.count({ where: { recipientId: bob.memberId } })).toBe(3);
  });

  it("a customer's message notifies the conversation's assignee, unless turned off; an unassigned one notifies nobody", async () => {
    const ws = await createTestWorkspace("Customer writes");
    const bob = await ws.addMember("agent");
    const mine = await seedConversation(ws.workspaceId, { assigneeId: bob.memberId });
    const nobodys = await seedConversation(ws.workspaceId);
    const events: InboxEvent[] = [];
    onCommitted((event) => {
      if (event.workspaceId === ws.workspaceId && event.type === "notification.created") events.push(event);
    });
    const sent = await ws.owner.api.v1.connect.send({
      conversationId: mine.conversationId,
      content: { en: "Still broken" },
      sender: "customer",
    });
    await ws.owner.api.v1.connect.send({
      conversationId: nobodys.conversationId,
      content: { en: "Hello?" },
      sender: "customer",
    });
    // A colleague's reply is not the customer writing.
    await ws.owner.api.v1.connect.send({ conversationId: mine.conversationId, content: { en: "On it" } });
    expect(await rowsOf(bob.memberId)).toEqual([
      {
        kind: "customer_message",
        conversationId: mine.conversationId,
        messageId: sent.id,
        actorId: null,
        readAt: null,
      },
    ]);
    expect(events).toHaveLength(1);
    expect(await db().notification.count({ where: { workspaceId: ws.workspaceId } })).toBe(1);

    await bob.api.v1.notifications.updatePreferences({ customer_message: false });
    await ws.owner.api.v1.connect.send({
      conversationId: mine.conversationId,
      content: { en: "Hello?" },
      sender: "customer",
    });
    expect(await db().notification.count({ where: { recipientId: bob.memberId } })).toBe(1);
  });

  it("belongs to its recipient: another member or workspace sees none, and cannot mark it read", async () => {
    const ws = await createTestWorkspace("Own");
    const bob = await ws.addMember("agent");
    const other = await createTestWorkspace("Other");
    const { conversationId } = await seedConversation(ws.workspaceId);
    await ws.owner.api.v1.connect.send(note(conversationId, `${mentionToken(bob.memberId)}`));
    const [mine] = (await bob.api.v1.notifications.list({})).notifications;
    if (!mine) throw new Error("expected a notification");

    for (const stranger of [ws.owner, other.owner]) {
      expect((await stranger.api.v1.notifications.list({})).notifications).toEqual([]);
      expect(await stranger.api.v1.notifications.unreadCount()).toEqual({ count: 0, capped: false });
      expect(await errorCode(stranger.api.v1.notifications.markRead({ id: mine.id }))).toBe("NOT_FOUND");
      expect(await stranger.api.v1.notifications.markAllRead()).toEqual({ count: 0 });
    }
    expect((await rowsOf(bob.memberId))[0]?.readAt).toBeNull();
    expect(await errorCode(bob.api.v1.notifications.markRead({ id: "missing" }))).toBe("NOT_FOUND");

    await bob.api.v1.notifications.markRead({ id: mine.id });
    // Again: already read, nothing to do, no error.
    await bob.api.v1.notifications.markRead({ id: mine.id });
    expect((await bob.api.v1.notifications.list({})).notifications[0]?.readAt).not.toBeNull();
    expect(await bob.api.v1.notifications.unreadCount()).toEqual({ count: 0, capped: false });
  });

  it("lists newest first by keyset pages; mark all read; the count caps at 100", async () => {
    const ws = await createTestWorkspace("Pages");
    const bob = await ws.addMember("agent");
    const { conversationId } = await seedConversation(ws.workspaceId);
    const at = Date.now();
    await db().notification.createMany({
      data: Array.from({ length: 105 }, (_, i) => ({
        workspaceId: ws.workspaceId,
        recipientId: bob.memberId,
        kind: "assigned" as const,
        conversationId,
        actorId: ws.owner.memberId,
        // Pairs share a time: the id breaks the tie.
        createdAt: new Date(at - Math.floor(i / 2) * 1000),
      })),
    });
    expect(await bob.api.v1.notifications.unreadCount()).toEqual({ count: 100, capped: true });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof bob.api.v1.notifications.list>> =
        await bob.api.v1.notifications.list({
          cursor,
          limit: 20,
        });
      seen.push(...page.notifications.map((n) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = await db().notification.findMany({
      where: { recipientId: bob.memberId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(seen).toEqual(all.map((n) => n.id));
    expect(await bob.api.v1.notifications.markAllRead()).toEqual({ count: 105 });
    expect(await bob.api.v1.notifications.unreadCount()).toEqual({ count: 0, capped: false });
  });

  it("the sweep deletes notifications past the retention period only", async () => {
    const ws = await createTestWorkspace("Sweep");
    const { conversationId } = await seedConversation(ws.workspaceId);
    const day = 24 * 60 * 60 * 1000;
    const now = new Date();
    await db().notification.createMany({
      data: [91, 89].map((days) => ({
        workspaceId: ws.workspaceId,
        recipientId: ws.owner.memberId,
        kind: "assigned" as const,
        conversationId,
        createdAt: new Date(now.getTime() - days * day),
      })),
    });
    expect(await deleteOldNotifications(db(), { now })).toBeGreaterThanOrEqual(1);
    const kept = await db().notification.findMany({
      where: { workspaceId: ws.workspaceId },
      select: { createdAt: true },
    });
    expect(kept.map((n) => Math.round((now.getTime() - n.createdAt.getTime()) / day))).toEqual([89]);
  });
});
