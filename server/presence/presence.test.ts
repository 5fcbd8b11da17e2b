import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { EventBus, eventBus } from "@/server/events/bus";
import type { InboxEvent, LiveEvent } from "@/server/events/types";
import { liveHub } from "@/server/live/hub";
import { PresenceRegistry } from "@/server/presence/registry";
import { trpcError } from "@/server/test/errors";
import { createTestConversation, createTestWorkspace, type TestMember } from "@/server/test/fixtures";
import { readEvents } from "@/server/test/sse";
import { createContextInner } from "@/server/trpc/context";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/router";

const createCaller = createCallerFactory(appRouter);

const controllers: AbortController[] = [];
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
});

/** The router as one browser tab of the member calls it (a session). */
function tab(member: TestMember) {
  return createCaller(
    createContextInner({
      db: db(),
      caller: { ...member.caller, via: "session" },
      userId: member.userId,
      sessionId: `test-session-${member.userId}`,
    }),
  );
}

type Stream = { events: ReturnType<typeof readEvents>; controller: AbortController };

async function next(stream: Stream, ms = 3_000): Promise<{ id: string; event: LiveEvent }> {
  const { id, event } = await stream.events.next(ms);
  return { id: id ?? "", event };
}

/** A tab's live stream (GET /api/live's hub), opened with its connection id; resolves once it is listening. */
async function openTab(member: TestMember, connectionId: string): Promise<Stream> {
  const controller = new AbortController();
  controllers.push(controller);
  const body = await liveHub().open(
    { workspaceId: member.caller.workspaceId, memberId: member.memberId, connectionId, lastEventId: null },
    controller.signal,
  );
  const stream = { events: readEvents(body), controller };
  expect((await next(stream)).event).toEqual({ type: "ready" });
  return stream;
}

/**
 * The stream's next event, after a durable change made now: presence it should have had comes
 * first; presence it should not have had never comes at all, so the change is next.
 */
async function nextBefore(stream: Stream, member: TestMember, conversationId: string) {
  const marker = tab(member).v1.conversations.update({ id: conversationId, status: "pending" });
  const event = (await next(stream)).event;
  await marker;
  return event;
}

function presence(
  workspaceId: string,
  conversationId: string,
  member: TestMember,
  connectionId: string,
  activity: "viewing" | "replying" | "noting" | "left",
): InboxEvent {
  return { type: "presence", workspaceId, conversationId, memberId: member.memberId, connectionId, activity };
}

describe("presence in a conversation", () => {
  it("tells colleagues viewing the conversation who is there and typing, never the member themself, never another workspace", async () => {
    const ws = await createTestWorkspace("Presence");
    const ayse = ws.owner;
    const bora = await ws.addMember("agent");
    const cem = await ws.addMember("agent");
    const other = await createTestWorkspace("Elsewhere");
    const x = (await createTestConversation(ws.workspaceId)).conversationId;
    const y = (await createTestConversation(ws.workspaceId)).conversationId;
    const theirs = (await createTestConversation(other.workspaceId)).conversationId;

    const ayseTab = await openTab(ayse, "ayse-1");
    const cemTab = await openTab(cem, "cem-1");
    const outsider = await openTab(other.owner, "outsider-1");
    expect(
      await tab(ayse).v1.presence.update({ conversationId: x, connectionId: "ayse-1", activity: "viewing" }),
    ).toEqual({ tabs: [] });
    await tab(cem).v1.presence.update({ conversationId: y, connectionId: "cem-1", activity: "viewing" });
    await tab(other.owner).v1.presence.update({
      conversationId: theirs,
      connectionId: "outsider-1",
      activity: "viewing",
    });

    const boraTab = await openTab(bora, "bora-1");
    // The answer says who was there already; Ayşe's stream hears Bora arrive.
    expect(
      await tab(bora).v1.presence.update({ conversationId: x, connectionId: "bora-1", activity: "viewing" }),
    ).toEqual({ tabs: [{ memberId: ayse.memberId, connectionId: "ayse-1", activity: "viewing" }] });
    const arrived = await next(ayseTab);
    expect(arrived.event).toEqual(presence(ws.workspaceId, x, bora, "bora-1", "viewing"));
    // Presence is not kept for resuming streams: it carries the newest kept entry's id.
    expect(eventBus().since(arrived.id)).toEqual([]);

    await tab(bora).v1.presence.update({ conversationId: x, connectionId: "bora-1", activity: "replying" });
    expect((await next(ayseTab)).event).toEqual(presence(ws.workspaceId, x, bora, "bora-1", "replying"));

    // Ayşe's second tab is not a colleague of her first one; Bora hears of both (and the inbox
    // shows one Ayşe, writing a note), so that one of them closing leaves her there.
    await tab(ayse).v1.presence.update({ conversationId: x, connectionId: "ayse-2", activity: "noting" });
    expect(
      await tab(bora).v1.presence.update({ conversationId: x, connectionId: "bora-1", activity: "replying" }),
    ).toEqual({
      tabs: [
        { memberId: ayse.memberId, connectionId: "ayse-1", activity: "viewing" },
        { memberId: ayse.memberId, connectionId: "ayse-2", activity: "noting" },
      ],
    });
    expect((await next(ayseTab)).event).toEqual(presence(ws.workspaceId, x, bora, "bora-1", "replying"));

    // Cem has another conversation open; the other workspace hears nothing of this one.
    expect(await nextBefore(cemTab, cem, y)).toMatchObject({
      type: "conversation.updated",
      conversationId: y,
    });
    expect(await nextBefore(outsider, other.owner, theirs)).toMatchObject({ type: "conversation.updated" });
    // Bora's own stream never gets Bora.
    expect((await next(boraTab)).event).toEqual(presence(ws.workspaceId, x, ayse, "ayse-2", "noting"));
  });

  it("ends a tab's presence when its stream ends (the tab closed or lost its connection), and when it leaves", async () => {
    const ws = await createTestWorkspace("Presence ends");
    const ayse = ws.owner;
    const bora = await ws.addMember("agent");
    const x = (await createTestConversation(ws.workspaceId)).conversationId;
    const y = (await createTestConversation(ws.workspaceId)).conversationId;
    const ayseTab = await openTab(ayse, "ayse-1");
    await tab(ayse).v1.presence.update({ conversationId: x, connectionId: "ayse-1", activity: "viewing" });
    const boraTab = await openTab(bora, "bora-1");
    await tab(bora).v1.presence.update({ conversationId: x, connectionId: "bora-1", activity: "viewing" });
    expect((await next(ayseTab)).event).toMatchObject({ memberId: bora.memberId, activity: "viewing" });

    boraTab.controller.abort();
    expect((await next(ayseTab)).event).toEqual(presence(ws.workspaceId, x, bora, "bora-1", "left"));
    expect(
      await tab(ayse).v1.presence.update({ conversationId: x, connectionId: "ayse-1", activity: "viewing" }),
    ).toEqual({ tabs: [] });

    // Moving to another conversation: the old one's viewers hear the leave, not the new one.
    const again = await openTab(bora, "bora-2");
    await tab(bora).v1.presence.update({ conversationId: x, connectionId: "bora-2", activity: "viewing" });
    expect((await next(ayseTab)).event).toMatchObject({ connectionId: "bora-2", activity: "viewing" });
    await tab(bora).v1.presence.update({ conversationId: x, connectionId: "bora-2", activity: "left" });
    await tab(bora).v1.presence.update({ conversationId: y, connectionId: "bora-2", activity: "viewing" });
    expect((await next(ayseTab)).event).toEqual(presence(ws.workspaceId, x, bora, "bora-2", "left"));
    expect(await nextBefore(ayseTab, ayse, x)).toMatchObject({ type: "conversation.updated" });
    // Its stream ending now says it left y, which Ayşe (on x) does not hear.
    again.controller.abort();
    expect(await nextBefore(ayseTab, ayse, x)).toMatchObject({ type: "conversation.updated" });
  });

  it("refuses another workspace's conversation like a missing one, and API keys; publishes nothing then", async () => {
    const ws = await createTestWorkspace("Presence tenancy");
    const other = await createTestWorkspace("Other");
    const theirs = (await createTestConversation(other.workspaceId)).conversationId;
    const heard: InboxEvent[] = [];
    const stop = eventBus().subscribe((event) => heard.push(event));
    try {
      for (const conversationId of [theirs, "no-such-conversation"]) {
        const error = await trpcError(
          tab(ws.owner).v1.presence.update({ conversationId, connectionId: "t-1", activity: "viewing" }),
        );
        expect(error).toMatchObject({ code: "NOT_FOUND", message: "conversationId: no such conversation" });
      }
      const byKey = await trpcError(
        ws.owner.api.v1.presence.update({ conversationId: theirs, connectionId: "t-1", activity: "viewing" }),
      );
      expect(byKey.code).toBe("FORBIDDEN");
      expect(heard.filter((event) => event.type === "presence")).toEqual([]);
    } finally {
      stop();
    }
  });

  it("limits how often one member may signal", async () => {
    const ws = await createTestWorkspace("Presence flood");
    const x = (await createTestConversation(ws.workspaceId)).conversationId;
    const update = () =>
      tab(ws.owner).v1.presence.update({ conversationId: x, connectionId: "t-1", activity: "replying" });
    for (let i = 0; i < 120; i++) await update();
    expect((await trpcError(update())).code).toBe("TOO_MANY_REQUESTS");
  });
});

describe("presence on the event bus", () => {
  it("is delivered but never kept for replay, so typing cannot flush the buffer that resuming streams need", async () => {
    const bus = new EventBus({ mode: "memory", replayLimit: 1_000 });
    const start = bus.latest().id;
    const received: string[] = [];
    bus.subscribeEntries((entry) => received.push(entry.event?.type ?? "gap"));
    await bus.publish({ type: "conversation.updated", workspaceId: "w", conversationId: "x" });
    for (let i = 0; i < 1_500; i++) {
      await bus.publish({
        type: "presence",
        workspaceId: "w",
        conversationId: "x",
        memberId: "m",
        connectionId: `t-${i}`,
        activity: "replying",
      });
    }
    expect(received).toHaveLength(1_501);
    expect(bus.since(start)?.map((entry) => entry.event?.type)).toEqual(["conversation.updated"]);
    await bus.close();
  });
});

describe("the presence registry", () => {
  it("shows typing for a few seconds, viewing until nobody refreshes it, one entry per tab", () => {
    const registry = new PresenceRegistry();
    const at = Date.parse("2026-01-01T12:00:00Z");
    const event = (memberId: string, connectionId: string, activity: "viewing" | "replying" | "left") => ({
      type: "presence" as const,
      workspaceId: "w",
      conversationId: "x",
      memberId,
      connectionId,
      activity,
    });
    registry.apply(event("bora", "b-1", "replying"), at);
    registry.apply(event("bora", "b-2", "viewing"), at);
    registry.apply(event("cem", "c-1", "viewing"), at);
    expect(registry.colleagueTabs("w", "x", "ayse", at + 1_000)).toEqual([
      { memberId: "bora", connectionId: "b-1", activity: "replying" },
      { memberId: "bora", connectionId: "b-2", activity: "viewing" },
      { memberId: "cem", connectionId: "c-1", activity: "viewing" },
    ]);
    expect(registry.colleagueTabs("w", "x", "cem", at + 7_000)).toEqual([
      { memberId: "bora", connectionId: "b-1", activity: "viewing" },
      { memberId: "bora", connectionId: "b-2", activity: "viewing" },
    ]);
    expect(registry.colleagueTabs("other-workspace", "x", "ayse", at)).toEqual([]);
    registry.apply(event("cem", "c-1", "viewing"), at + 30_000);
    expect(registry.colleagueTabs("w", "x", "ayse", at + 46_000)).toEqual([
      { memberId: "cem", connectionId: "c-1", activity: "viewing" },
    ]);
    registry.apply(event("cem", "c-1", "left"), at + 47_000);
    expect(registry.colleagueTabs("w", "x", "ayse", at + 47_000)).toEqual([]);
    // The expired tabs are swept, so presence does not pile up in memory.
    registry.apply(event("dan", "d-1", "viewing"), at + 200_000);
    expect(registry.size).toBe(1);
  });
});
