import pg from "pg";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { type BusEntry, EventBus } from "@/server/events/bus";
import type { InboxEvent } from "@/server/events/types";
import { LiveHub } from "@/server/live/hub";
import { readEvents } from "@/server/test/sse";

const databaseUrl = inject("databaseUrl");

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

function message(workspaceId: string, messageId: string): InboxEvent {
  return { type: "message.created", workspaceId, conversationId: "c-1", messageId, aiRunId: null };
}

const buses: EventBus[] = [];
const hubs: LiveHub[] = [];
const controllers: AbortController[] = [];
afterEach(async () => {
  for (const controller of controllers.splice(0)) controller.abort();
  for (const hub of hubs.splice(0)) hub.close();
  await Promise.all(buses.splice(0).map((bus) => bus.close()));
});

/** An app instance's bus and live hub. */
function instance(mode: "postgres" | "memory" = "postgres", options: { replayLimit?: number } = {}) {
  const bus = new EventBus({ mode, connectionString: databaseUrl, ...options });
  const hub = new LiveHub(bus);
  buses.push(bus);
  hubs.push(hub);
  return { bus, hub };
}

function abortable() {
  const controller = new AbortController();
  controllers.push(controller);
  return controller;
}

/** A stream of workspace ws-1 on `hub`, listening once this resolves, its `ready` taken. */
async function openStream(hub: LiveHub, lastEventId: string | null = null, signal = abortable().signal) {
  const body = await hub.open(
    { workspaceId: "ws-1", memberId: "member-1", connectionId: null, lastEventId },
    signal,
  );
  const events = readEvents(body);
  const ready = lastEventId ? null : await events.next();
  return { events, ready };
}

describe.skipIf(!fansOut)("two app instances on one PostgreSQL", () => {
  it("delivers an event published on instance A to a stream on instance B, for its workspace only", async () => {
    const a = instance();
    const b = instance();
    const onA = await openStream(a.hub);
    const onB = await openStream(b.hub);

    await a.bus.publish(message("ws-2", "m-other-workspace"));
    await a.bus.publish(message("ws-1", "m-1"));

    const [receivedOnB, receivedOnA] = await Promise.all([onB.events.next(), onA.events.next()]);
    expect(receivedOnB.event).toEqual(message("ws-1", "m-1"));
    // One id everywhere, so a client can resume on any instance.
    expect(receivedOnA).toEqual(receivedOnB);
  });

  it("replays on either instance what a client missed since its last event id", async () => {
    const a = instance();
    const b = instance();
    await a.bus.ready();
    const first = abortable();
    const live = await openStream(b.hub, null, first.signal);
    await a.bus.publish(message("ws-1", "m-1"));
    const lastSeen = await live.events.next();
    first.abort();
    expect(b.hub.size).toBe(0);

    await a.bus.publish(message("ws-1", "m-2"));
    await a.bus.publish(message("ws-2", "m-other-workspace"));
    await a.bus.publish(message("ws-1", "m-3"));
    await vi.waitFor(() => expect(b.bus.since(lastSeen.id ?? "")).toHaveLength(3));

    for (const { hub } of [a, b]) {
      const resumed = await openStream(hub, lastSeen.id);
      expect((await resumed.events.next()).event).toEqual(message("ws-1", "m-2"));
      expect((await resumed.events.next()).event).toEqual(message("ws-1", "m-3"));
    }
  });

  it("tells every open stream to resync once its LISTEN connection was lost and is back", async () => {
    const a = instance();
    const streams = await Promise.all([openStream(a.hub), openStream(a.hub)]);
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    // The bus logs the loss, as it should.
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { rowCount } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND query = 'LISTEN inbox_events' AND pid <> pg_backend_pid()`,
      );
      expect(rowCount).toBe(1);
      for (const stream of streams) {
        // The bus reconnects after a second; what was published meanwhile never reached it.
        expect((await stream.events.next(5_000)).event).toEqual({ type: "resync" });
      }
    } finally {
      errors.mockRestore();
      await admin.end();
    }
  });

  it("rejects a notification whose id could not be a server-sent event's id", async () => {
    const a = instance();
    await a.bus.ready();
    const heard: BusEntry[] = [];
    a.bus.subscribeEntries((entry) => heard.push(entry));
    const sender = new pg.Client({ connectionString: databaseUrl });
    await sender.connect();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const event = message("ws-1", "m-1");
      await sender.query("SELECT pg_notify('inbox_events', $1)", [
        JSON.stringify({ id: "a\ndata: {}", event }),
      ]);
      await sender.query("SELECT pg_notify('inbox_events', $1)", [JSON.stringify({ id: "fine", event })]);
      await vi.waitFor(() => expect(heard.map((entry) => entry.id)).toEqual(["fine"]));
    } finally {
      errors.mockRestore();
      await sender.end();
    }
  });
});

describe("the replay buffer", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("forgets entries by age or by count, and a stream resuming from a forgotten one resyncs", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { bus, hub } = instance("memory", { replayLimit: 3 });
    const seen: BusEntry[] = [];
    bus.subscribeEntries((entry) => {
      if (entry.event) seen.push(entry);
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

    const resumed = await openStream(hub, kept?.id ?? null);
    const resync = await resumed.events.next();
    expect(resync.event).toEqual({ type: "resync" });
    // The resync carries the newest position, so the next reconnect replays from there.
    expect(resync.id).toBe(seen.at(-1)?.id);
  });
});
