import { isTrackedEnvelope } from "@trpc/server";
import pg from "pg";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { EventBus, eventBus } from "@/server/events/bus";
import { type LiveDelivery, openWorkspaceEvents } from "@/server/events/live-stream";
import { endLiveStreams } from "@/server/events/shutdown";
import type { InboxEvent } from "@/server/events/types";
import { createTestConversation, createTestWorkspace, type TestMember } from "@/server/test/fixtures";
import { createContextInner } from "@/server/trpc/context";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/router";

const databaseUrl = inject("databaseUrl");
const createCaller = createCallerFactory(appRouter);

/** Whether a NOTIFY on one connection reaches another's LISTEN: not on embedded PGlite. */
async function notifyFansOut(url: string): Promise<boolean> {
  const sender = new pg.Client({ connectionString: url });
  const receiver = new pg.Client({ connectionString: url });
  try {
    await Promise.all([sender.connect(), receiver.connect()]);
    await receiver.query("LISTEN fan_out_probe");
    const received = new Promise<boolean>((resolve) => {
      receiver.on("notification", () => resolve(true));
      setTimeout(() => resolve(false), 1_000);
    });
    await sender.query("NOTIFY fan_out_probe");
    return await received;
  } finally {
    await Promise.all([sender.end(), receiver.end()]);
  }
}

const fansOut = await notifyFansOut(databaseUrl);

async function next<T>(iterator: AsyncIterator<T>, ms = 3_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no event within ${ms} ms`)), ms);
  });
  try {
    const result = await Promise.race([iterator.next(), timeout]);
    if (result.done) throw new Error("the stream ended");
    return result.value;
  } finally {
    clearTimeout(timer);
  }
}

/** The caller is typed with the client's `{ id, data }`; on the server a tracked event is `[id, data]`. */
function unwrap(value: unknown): { id: string; event: unknown } {
  if (!isTrackedEnvelope(value)) throw new Error("not a tracked event");
  const [id, event] = value;
  return { id, event };
}

function message(workspaceId: string, messageId: string): InboxEvent {
  return { type: "message.created", workspaceId, conversationId: "c-1", messageId, aiRunId: null };
}

/** Opens a fresh stream (listening once this resolves), takes its `ready`, and waits for the next event. */
async function startStream(bus: EventBus, workspaceId: string, signal: AbortSignal) {
  const stream = await openWorkspaceEvents(bus, { workspaceId, memberId: "member-1" }, { signal });
  const ready = await next(stream);
  expect(ready).toEqual({ id: bus.latest().id, event: { type: "ready" } });
  return { stream, ready, first: next(stream) };
}

const buses: EventBus[] = [];
const controllers: AbortController[] = [];
afterEach(async () => {
  for (const controller of controllers.splice(0)) controller.abort();
  await Promise.all(buses.splice(0).map((bus) => bus.close()));
});

function postgresBus() {
  const bus = new EventBus({ mode: "postgres", connectionString: databaseUrl });
  buses.push(bus);
  return bus;
}

function abortable() {
  const controller = new AbortController();
  controllers.push(controller);
  return controller;
}

describe.skipIf(!fansOut)("two app instances on one PostgreSQL", () => {
  it("delivers an event published on instance A to a stream on instance B, for its workspace only", async () => {
    const a = postgresBus();
    const b = postgresBus();
    const onA = await startStream(a, "ws-1", abortable().signal);
    const onB = await startStream(b, "ws-1", abortable().signal);

    await a.publish(message("ws-2", "m-other-workspace"));
    await a.publish(message("ws-1", "m-1"));

    const [receivedOnB, receivedOnA] = await Promise.all([onB.first, onA.first]);
    expect(receivedOnB.event).toEqual(message("ws-1", "m-1"));
    // One id everywhere, so a client can resume on any instance.
    expect(receivedOnA).toEqual(receivedOnB);
  });

  it("replays on either instance what a client missed since its last event id", async () => {
    const a = postgresBus();
    const b = postgresBus();
    await a.ready();
    const first = abortable();
    const live = await startStream(b, "ws-1", first.signal);
    await a.publish(message("ws-1", "m-1"));
    const lastSeen = await live.first;
    first.abort();
    expect(await live.stream.next()).toEqual({ done: true, value: undefined });
    expect(b.listenerCount).toBe(0);

    await a.publish(message("ws-1", "m-2"));
    await a.publish(message("ws-2", "m-other-workspace"));
    await a.publish(message("ws-1", "m-3"));
    await vi.waitFor(() => expect(b.since(lastSeen.id)).toHaveLength(3));

    for (const instance of [a, b]) {
      const resumed = await openWorkspaceEvents(
        instance,
        { workspaceId: "ws-1", memberId: "member-1" },
        {
          lastEventId: lastSeen.id,
          signal: abortable().signal,
        },
      );
      expect((await next(resumed)).event).toEqual(message("ws-1", "m-2"));
      expect((await next(resumed)).event).toEqual(message("ws-1", "m-3"));
    }
  });
});

describe("a live stream on one instance", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("listens once opened, and stops listening when the request goes away, even unread", async () => {
    const bus = new EventBus({ mode: "memory" });
    const request = new AbortController();
    const stream = await openWorkspaceEvents(
      bus,
      { workspaceId: "ws-1", memberId: "member-1" },
      { signal: request.signal },
    );
    expect(bus.listenerCount).toBe(1);
    await bus.publish(message("ws-1", "m-1"));
    request.abort();
    expect(bus.listenerCount).toBe(0);
    expect(await stream.next()).toEqual({ done: true, value: undefined });

    await openWorkspaceEvents(bus, { workspaceId: "ws-1", memberId: "member-1" }, { signal: request.signal });
    expect(bus.listenerCount).toBe(0);
  });

  it("delivers a member's notification to that member's streams only, live and on replay", async () => {
    const bus = new EventBus({ mode: "memory" });
    const open = (memberId: string, lastEventId?: string) =>
      openWorkspaceEvents(
        bus,
        { workspaceId: "ws-1", memberId },
        { signal: abortable().signal, lastEventId },
      );
    const alice = await open("alice");
    const bob = await open("bob");
    const start = bus.latest().id;
    const forBob: InboxEvent = {
      type: "notification.created",
      workspaceId: "ws-1",
      recipientMemberId: "bob",
      notificationId: "n-1",
    };
    await bus.publish(forBob);
    await bus.publish(message("ws-1", "m-1"));
    await next(alice);
    await next(bob);
    expect((await next(alice)).event).toEqual(message("ws-1", "m-1"));
    expect((await next(bob)).event).toEqual(forBob);
    expect((await next(bob)).event).toEqual(message("ws-1", "m-1"));
    const replayedToAlice = await open("alice", start);
    expect((await next(replayedToAlice)).event).toEqual(message("ws-1", "m-1"));
    const replayedToBob = await open("bob", start);
    expect((await next(replayedToBob)).event).toEqual(forBob);
  });

  it("starts a fresh stream with its position, from which a reconnect replays everything since", async () => {
    const bus = new EventBus({ mode: "memory" });
    const tab = abortable();
    const live = await startStream(bus, "ws-1", tab.signal);
    tab.abort();
    await expect(live.first).rejects.toThrow("the stream ended");

    await bus.publish(message("ws-1", "m-1"));
    const resumed = await openWorkspaceEvents(
      bus,
      { workspaceId: "ws-1", memberId: "member-1" },
      {
        lastEventId: live.ready.id,
        signal: abortable().signal,
      },
    );
    expect((await next(resumed)).event).toEqual(message("ws-1", "m-1"));
  });

  it("resyncs a client whose last event has left the buffer, by age or by count", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const bus = new EventBus({ mode: "memory", replayWindowMs: 60_000, replayLimit: 3 });
    const seen: LiveDelivery[] = [];
    bus.subscribeEntries((entry) => {
      if (entry.event) seen.push({ id: entry.id, event: entry.event });
    });
    await bus.publish(message("ws-1", "m-1"));
    vi.setSystemTime(Date.now() + 61_000);
    await bus.publish(message("ws-1", "m-2"));
    const [tooOld, kept] = seen;
    expect(tooOld && bus.since(tooOld.id)).toBeNull();
    expect(kept && bus.since(kept.id)).toEqual([]);

    await bus.publish(message("ws-1", "m-3"));
    await bus.publish(message("ws-1", "m-4"));
    await bus.publish(message("ws-1", "m-5"));
    expect(kept && bus.since(kept.id)).toBeNull();

    const resumed = await openWorkspaceEvents(
      bus,
      { workspaceId: "ws-1", memberId: "member-1" },
      {
        lastEventId: kept?.id,
        signal: abortable().signal,
      },
    );
    const resync = await next(resumed);
    expect(resync.event).toEqual({ type: "resync" });
    // The resync carries the newest position, so the next reconnect replays from there.
    expect(resync.id).toBe(seen.at(-1)?.id);
  });
});

describe("v1.live.events", () => {
  function liveEvents(member: TestMember, signal: AbortSignal, lastEventId: string | null = null) {
    return createCaller(createContextInner({ db: db(), caller: member.caller }), { signal }).v1.live.events({
      lastEventId,
    });
  }

  /** Subscribes (listening once this resolves), takes `ready`, and starts waiting for the next event. */
  async function subscribe(member: TestMember, signal: AbortSignal) {
    const iterator = (await liveEvents(member, signal))[Symbol.asyncIterator]();
    expect(unwrap(await next(iterator))).toEqual({ id: eventBus().latest().id, event: { type: "ready" } });
    return { iterator, first: next(iterator) };
  }

  it("streams the caller's workspace's events only, each tracked by its id", async () => {
    const mine = await createTestWorkspace();
    const other = await createTestWorkspace();
    const { conversationId } = await createTestConversation(mine.workspaceId);
    const theirs = await createTestConversation(other.workspaceId);
    const stream = await subscribe(mine.owner, abortable().signal);

    await other.owner.api.v1.connect.send({ conversationId: theirs.conversationId, content: { en: "no" } });
    const sent = await mine.owner.api.v1.connect.send({ conversationId, content: { en: "hi" } });

    const { id, event } = unwrap(await stream.first);
    expect(id).toEqual(expect.any(String));
    expect(event).toEqual({
      type: "message.created",
      workspaceId: mine.workspaceId,
      conversationId,
      messageId: sent.id,
      aiRunId: null,
    });
  });

  it("removes its listener when the client goes away, and replays what it missed on reconnect", async () => {
    const mine = await createTestWorkspace();
    const other = await createTestWorkspace();
    const { conversationId } = await createTestConversation(mine.workspaceId);
    const theirs = await createTestConversation(other.workspaceId);
    const before = eventBus().listenerCount;
    const tab = abortable();
    const stream = await subscribe(mine.owner, tab.signal);
    await mine.owner.api.v1.conversations.update({ id: conversationId, status: "pending" });
    const lastSeen = unwrap(await stream.first);

    tab.abort();
    expect(await stream.iterator.next()).toEqual({ done: true, value: undefined });
    expect(eventBus().listenerCount).toBe(before);

    await mine.owner.api.v1.conversations.update({ id: conversationId, status: "resolved" });
    await other.owner.api.v1.connect.send({ conversationId: theirs.conversationId, content: { en: "no" } });
    const sent = await mine.owner.api.v1.connect.send({ conversationId, content: { en: "back" } });

    const resumed = (await liveEvents(mine.owner, abortable().signal, lastSeen.id))[Symbol.asyncIterator]();
    const updated = unwrap(await next(resumed)).event;
    const created = unwrap(await next(resumed)).event;
    expect(updated).toEqual({ type: "conversation.updated", workspaceId: mine.workspaceId, conversationId });
    expect(created).toMatchObject({ type: "message.created", messageId: sent.id });

    const unknown = (await liveEvents(mine.owner, abortable().signal, "no-such-event"))[
      Symbol.asyncIterator
    ]();
    expect(unwrap(await next(unknown)).event).toEqual({ type: "resync" });
  });

  it("refuses a caller without a session or API key", async () => {
    const anonymous = createCaller(createContextInner({ db: db() }));
    await expect(anonymous.v1.live.events({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  // Last: the shutdown signal is process-wide and stays aborted.
  it("ends open streams with a retryable error when the server shuts down", async () => {
    const mine = await createTestWorkspace();
    const stream = await subscribe(mine.owner, abortable().signal);
    endLiveStreams();
    await expect(stream.first).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
  });
});
