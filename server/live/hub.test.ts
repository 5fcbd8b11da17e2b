import { afterEach, describe, expect, it, vi } from "vitest";
import { EventBus } from "@/server/events/bus";
import type { InboxEvent, PresenceEvent } from "@/server/events/types";
import { LiveHub, LiveHubClosed, type LiveHubOptions, TooManyLiveStreams } from "@/server/live/hub";
import { readEvents } from "@/server/test/sse";

const hubs: LiveHub[] = [];
const controllers: AbortController[] = [];
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
  for (const hub of hubs.splice(0)) hub.close();
  vi.useRealTimers();
});

function setUp(options: LiveHubOptions & { replayLimit?: number } = {}) {
  const bus = new EventBus({ mode: "memory", replayLimit: options.replayLimit });
  const hub = new LiveHub(bus, options);
  hubs.push(hub);
  return { bus, hub };
}

function request() {
  const controller = new AbortController();
  controllers.push(controller);
  return controller;
}

/** A tab's stream, read as EventSource reads it. */
async function open(
  hub: LiveHub,
  tab: {
    workspaceId?: string;
    memberId?: string;
    connectionId?: string | null;
    lastEventId?: string | null;
  } = {},
  signal = request().signal,
) {
  const stream = await hub.open(
    {
      workspaceId: tab.workspaceId ?? "ws-1",
      memberId: tab.memberId ?? "member-1",
      connectionId: tab.connectionId ?? null,
      lastEventId: tab.lastEventId ?? null,
    },
    signal,
  );
  return readEvents(stream);
}

function message(workspaceId: string, messageId: string): InboxEvent {
  return { type: "message.created", workspaceId, conversationId: "c-1", messageId, aiRunId: null };
}

function presence(
  memberId: string,
  connectionId: string,
  conversationId: string,
  activity: PresenceEvent["activity"],
): PresenceEvent {
  return { type: "presence", workspaceId: "ws-1", conversationId, memberId, connectionId, activity };
}

describe("the live hub", () => {
  it("starts a fresh stream with its position and delivers its workspace's events from then on, one encoding for all", async () => {
    const { bus, hub } = setUp();
    const a = await open(hub);
    const b = await open(hub, { memberId: "member-2" });
    const ready = await a.next();
    expect(ready).toEqual({ id: bus.latest().id, event: { type: "ready" } });
    await b.next();

    await bus.publish(message("ws-2", "m-other-workspace"));
    await bus.publish(message("ws-1", "m-1"));
    const [onA, onB] = await Promise.all([a.next(), b.next()]);
    expect(onA.event).toEqual(message("ws-1", "m-1"));
    expect(onB).toEqual(onA);
    expect(onA.id).toBe(bus.latest().id);
  });

  it("writes the same bytes to every stream an event is for", async () => {
    const { bus, hub } = setUp();
    const streams = await Promise.all(
      [1, 2].map(() =>
        hub.open(
          { workspaceId: "ws-1", memberId: "m", connectionId: null, lastEventId: null },
          request().signal,
        ),
      ),
    );
    const readers = streams.map((stream) => stream.getReader());
    // retry and ready: each stream's own
    for (const reader of readers) {
      await reader.read();
      await reader.read();
    }
    await bus.publish(message("ws-1", "m-1"));
    const [first, second] = await Promise.all(readers.map((reader) => reader.read()));
    expect(first?.value).toBeInstanceOf(Uint8Array);
    expect(first?.value).toBe(second?.value);
  });

  it("stops holding a stream when its request goes away, even one never read", async () => {
    const { bus, hub } = setUp();
    const tab = request();
    const stream = await open(hub, {}, tab.signal);
    expect(hub.size).toBe(1);
    tab.abort();
    expect(hub.size).toBe(0);
    await bus.publish(message("ws-1", "m-1"));
    const gone = request();
    gone.abort();
    await open(hub, {}, gone.signal);
    expect(hub.size).toBe(0);
    await stream.cancel();
  });

  it("delivers a member's notification to that member's streams only, live and on replay", async () => {
    const { bus, hub } = setUp();
    const alice = await open(hub, { memberId: "alice" });
    const bob = await open(hub, { memberId: "bob" });
    await alice.next();
    const start = (await bob.next()).id;
    const forBob: InboxEvent = {
      type: "notification.created",
      workspaceId: "ws-1",
      recipientMemberId: "bob",
      notificationId: "n-1",
    };
    await bus.publish(forBob);
    await bus.publish(message("ws-1", "m-1"));
    expect((await alice.next()).event).toEqual(message("ws-1", "m-1"));
    expect((await bob.next()).event).toEqual(forBob);
    expect((await bob.next()).event).toEqual(message("ws-1", "m-1"));

    const replayedToAlice = await open(hub, { memberId: "alice", lastEventId: start });
    expect((await replayedToAlice.next()).event).toEqual(message("ws-1", "m-1"));
    const replayedToBob = await open(hub, { memberId: "bob", lastEventId: start });
    expect((await replayedToBob.next()).event).toEqual(forBob);
    expect((await replayedToBob.next()).event).toEqual(message("ws-1", "m-1"));
  });

  it("replays what a reconnecting client missed, and resyncs one whose last event is unknown or too old", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { bus, hub } = setUp({ replayLimit: 3 });
    const tab = request();
    const first = await open(hub, {}, tab.signal);
    const position = (await first.next()).id;
    tab.abort();
    await bus.publish(message("ws-1", "m-1"));
    await bus.publish(message("ws-2", "m-other"));
    const resumed = await open(hub, { lastEventId: position });
    expect((await resumed.next()).event).toEqual(message("ws-1", "m-1"));

    const unknown = await open(hub, { lastEventId: "no-such-event" });
    const resync = await unknown.next();
    // Carrying the newest position, so the next reconnect replays from there.
    expect(resync).toEqual({ id: bus.latest().id, event: { type: "resync" } });

    vi.setSystemTime(Date.now() + 61_000);
    await bus.publish(message("ws-1", "m-2"));
    const tooOld = await open(hub, { lastEventId: position });
    expect((await tooOld.next()).event).toEqual({ type: "resync" });
  });

  it("resyncs a client that missed more than it could replay in half its buffer", async () => {
    const { bus, hub } = setUp({ maxBufferedBytes: 2_000 });
    const position = bus.latest().id;
    for (let i = 0; i < 20; i++) await bus.publish(message("ws-1", `m-${i}`));
    const resumed = await open(hub, { lastEventId: position });
    expect((await resumed.next()).event).toEqual({ type: "resync" });
  });

  it("shows presence only to colleagues viewing that conversation, learnt from each tab's own presence", async () => {
    const { bus, hub } = setUp();
    const ayse = await open(hub, { memberId: "ayse", connectionId: "ayse-1" });
    const ayseOther = await open(hub, { memberId: "ayse", connectionId: "ayse-2" });
    const cem = await open(hub, { memberId: "cem", connectionId: "cem-1" });
    const silent = await open(hub, { memberId: "dan", connectionId: null });
    for (const stream of [ayse, ayseOther, cem, silent]) await stream.next();
    await bus.publish(presence("ayse", "ayse-1", "x", "viewing"));
    await bus.publish(presence("ayse", "ayse-2", "x", "viewing"));
    await bus.publish(presence("cem", "cem-1", "y", "viewing"));
    await bus.publish(presence("bora", "bora-1", "x", "replying"));
    // Both of Ayşe's tabs see Bora; Cem (on y) and a tab without an id do not.
    expect((await ayse.next()).event).toEqual(presence("bora", "bora-1", "x", "replying"));
    expect((await ayseOther.next()).event).toEqual(presence("bora", "bora-1", "x", "replying"));
    // Ayşe's tabs never see each other; Cem moves to x and then sees it.
    await bus.publish(presence("cem", "cem-1", "y", "left"));
    await bus.publish(presence("cem", "cem-1", "x", "viewing"));
    await bus.publish(presence("bora", "bora-1", "x", "left"));
    expect((await ayse.next()).event).toEqual(presence("cem", "cem-1", "x", "viewing"));
    expect((await ayse.next()).event).toEqual(presence("bora", "bora-1", "x", "left"));
    expect((await cem.next()).event).toEqual(presence("bora", "bora-1", "x", "left"));
    await bus.publish(message("ws-1", "marker"));
    expect((await silent.next()).event).toEqual(message("ws-1", "marker"));
    expect((await cem.next()).event).toEqual(message("ws-1", "marker"));
  });

  it("says a tab left when its stream ends, unless another stream of the same tab here still has it open", async () => {
    const { bus, hub } = setUp();
    const heard: PresenceEvent[] = [];
    bus.subscribe((event) => {
      if (event.type === "presence") heard.push(event);
    });
    const old = request();
    await open(hub, { memberId: "bora", connectionId: "bora-1" }, old.signal);
    await bus.publish(presence("bora", "bora-1", "x", "viewing"));
    // The tab reconnected before its old request ended, and said again where it is.
    const again = request();
    await open(hub, { memberId: "bora", connectionId: "bora-1" }, again.signal);
    await bus.publish(presence("bora", "bora-1", "x", "viewing"));
    old.abort();
    await bus.publish(presence("cem", "cem-1", "x", "viewing"));
    expect(heard.at(-1)?.memberId).toBe("cem");
    expect(heard.filter((event) => event.activity === "left")).toEqual([]);
    again.abort();
    await vi.waitFor(() => expect(heard.at(-1)).toEqual(presence("bora", "bora-1", "x", "left")));
  });

  it("drops a stream whose client stops reading once its buffer is full, and keeps serving the others", async () => {
    const { bus, hub } = setUp({ maxBufferedBytes: 4_096 });
    const heard: PresenceEvent[] = [];
    bus.subscribe((event) => {
      if (event.type === "presence") heard.push(event);
    });
    const stalled = await hub.open(
      { workspaceId: "ws-1", memberId: "stalled", connectionId: "s-1", lastEventId: null },
      request().signal,
    );
    const reading = await open(hub);
    await reading.next();
    await bus.publish(presence("stalled", "s-1", "x", "viewing"));
    let published = 0;
    while (hub.size === 2 && published < 1_000) {
      await bus.publish(message("ws-1", `m-${published}`));
      published += 1;
      expect((await reading.next()).event).toMatchObject({ messageId: `m-${published - 1}` });
    }
    expect(hub.size).toBe(1);
    // About 4 kB of ~150-byte events, not a thousand.
    expect(published).toBeLessThan(40);
    // Its queue is let go, and the stream errors, so the response ends and the browser reconnects.
    await expect(stalled.getReader().read()).rejects.toMatchObject({ name: "AbortError" });
    await vi.waitFor(() => expect(heard.at(-1)).toEqual(presence("stalled", "s-1", "x", "left")));
    await bus.publish(message("ws-1", "after"));
    expect((await reading.next()).event).toMatchObject({ messageId: "after" });
  });

  it("refuses a member's streams beyond the cap, and ends every stream on shutdown, then refuses", async () => {
    const { hub } = setUp({ maxStreamsPerMember: 2 });
    const first = await open(hub);
    await open(hub);
    await expect(open(hub)).rejects.toBeInstanceOf(TooManyLiveStreams);
    const colleague = await open(hub, { memberId: "member-2" });
    await first.next();
    await colleague.next();
    hub.shutdown();
    expect(hub.size).toBe(0);
    expect(await first.drain()).toBe(0);
    expect(await colleague.drain()).toBe(0);
    await expect(open(hub, { memberId: "member-3" })).rejects.toBeInstanceOf(LiveHubClosed);
  });

  it("keeps idle streams open with one timer's comments for all of them, stopped when none is left", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const { hub } = setUp({ keepAliveMs: 20_000 });
    const tabs = [request(), request()];
    const streams = await Promise.all(
      tabs.map((tab) =>
        hub.open({ workspaceId: "ws-1", memberId: "m", connectionId: null, lastEventId: null }, tab.signal),
      ),
    );
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(20_000);
    const decoder = new TextDecoder();
    for (const stream of streams) {
      const reader = stream.getReader();
      let text = "";
      for (let i = 0; i < 3; i++) text += decoder.decode((await reader.read()).value);
      expect(text).toMatch(/^retry: \d+\n\nid: [^\n]+\ndata: \{"type":"ready"\}\n\n: keep-alive\n\n$/);
    }
    for (const tab of tabs) tab.abort();
    expect(vi.getTimerCount()).toBe(0);
  });
});
