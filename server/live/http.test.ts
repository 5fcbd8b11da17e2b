import { connect, type Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as liveRoute } from "@/app/api/live/route";
import { db } from "@/server/db/client";
import { eventBus } from "@/server/events/bus";
import { endLiveStreams } from "@/server/events/shutdown";
import type { InboxEvent, LiveEvent } from "@/server/events/types";
import { liveHub } from "@/server/live/hub";
import {
  createTestConversation,
  createTestWorkspace,
  sessionCaller,
  signInCookie,
  type TestMember,
} from "@/server/test/fixtures";
import { startTestServer } from "@/server/test/http-server";
import { readEvents } from "@/server/test/sse";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ "/api/live": liveRoute });
});
afterAll(() => server.close());

const requests: AbortController[] = [];
afterEach(() => {
  for (const request of requests.splice(0)) request.abort();
});

async function get(headers: Record<string, string>, query: Record<string, string> = {}): Promise<Response> {
  const request = new AbortController();
  requests.push(request);
  const url = `${server.baseUrl}/api/live?${new URLSearchParams(query)}`;
  return fetch(url, { headers, signal: request.signal });
}

/** A browser tab of the member, signed in, with its stream open and listening. */
async function openTab(
  member: TestMember,
  options: { connectionId?: string; lastEventId?: string; expectReady?: boolean } = {},
) {
  const { cookie } = await signInCookie(member.userId);
  const headers: Record<string, string> = { cookie, accept: "text/event-stream" };
  if (options.lastEventId) headers["last-event-id"] = options.lastEventId;
  const response = await get(headers, options.connectionId ? { connectionId: options.connectionId } : {});
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
  expect(response.headers.get("cache-control")).toContain("no-transform");
  if (!response.body) throw new Error("no body");
  const events = readEvents(response.body);
  if (options.expectReady !== false) expect((await events.next()).event).toEqual({ type: "ready" });
  return events;
}

/** The events that come before `marker` (a change made after the ones under test), marker excluded. */
async function eventsBefore(
  stream: ReturnType<typeof readEvents>,
  isMarker: (event: LiveEvent) => boolean,
): Promise<LiveEvent[]> {
  const seen: LiveEvent[] = [];
  for (;;) {
    const { event } = await stream.next();
    if (isMarker(event)) return seen;
    seen.push(event);
  }
}

describe("GET /api/live", () => {
  it("needs a signed-in member: 401 JSON without a session, with an ended session, and once removed", async () => {
    const ws = await createTestWorkspace("Live auth");
    const agent = await ws.addMember("agent");
    const anonymous = await get({});
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });

    const ended = await signInCookie(agent.userId);
    await db().session.update({ where: { id: ended.sessionId }, data: { revokedAt: new Date() } });
    expect((await get({ cookie: ended.cookie })).status).toBe(401);

    const { cookie } = await signInCookie(agent.userId);
    expect((await get({ cookie })).status).toBe(200);
    await ws.owner.api.v1.workspace.removeMember({ memberId: agent.memberId });
    const removed = await get({ cookie });
    expect(removed.status).toBe(401);
    expect(removed.headers.get("content-type")).toContain("application/json");
  });

  it("takes an API key as every API call does, and refuses a malformed tab id by name", async () => {
    const ws = await createTestWorkspace("Live key");
    const byKey = await get({ authorization: `Bearer ${ws.owner.apiKey}` });
    expect(byKey.status).toBe(200);
    const { cookie } = await signInCookie(ws.owner.userId);
    const bad = await get({ cookie }, { connectionId: "x".repeat(201) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "BAD_REQUEST", message: /^connectionId: / } });
  });

  it("streams the caller's workspace's events and the caller's own notifications, nothing else", async () => {
    const mine = await createTestWorkspace("Live mine");
    const other = await createTestWorkspace("Live other");
    const bora = await mine.addMember("agent");
    const { conversationId } = await createTestConversation(mine.workspaceId);
    const theirs = await createTestConversation(other.workspaceId);
    const ayseTab = await openTab(mine.owner);
    const boraTab = await openTab(bora);
    const outsiderTab = await openTab(other.owner);

    await other.owner.api.v1.connect.send({ conversationId: theirs.conversationId, content: { en: "no" } });
    const sent = await mine.owner.api.v1.connect.send({ conversationId, content: { en: "hi" } });
    const created: InboxEvent = {
      type: "message.created",
      workspaceId: mine.workspaceId,
      conversationId,
      messageId: sent.id,
      aiRunId: null,
    };
    expect((await ayseTab.next()).event).toEqual(created);
    expect((await boraTab.next()).event).toEqual(created);
    expect((await outsiderTab.next()).event).toMatchObject({
      type: "message.created",
      workspaceId: other.workspaceId,
    });

    // Ayşe assigns the conversation to Bora: his notification, no one else's.
    await sessionCaller(mine.owner).v1.conversations.update({
      id: conversationId,
      assigneeId: bora.memberId,
    });
    const marker = await mine.owner.api.v1.connect.send({ conversationId, content: { en: "marker" } });
    const isMarker = (event: LiveEvent) => event.type === "message.created" && event.messageId === marker.id;
    const toBora = await eventsBefore(boraTab, isMarker);
    expect(toBora).toContainEqual(
      expect.objectContaining({ type: "notification.created", recipientMemberId: bora.memberId }),
    );
    const toAyse = await eventsBefore(ayseTab, isMarker);
    expect(toAyse).toContainEqual(expect.objectContaining({ type: "conversation.updated", conversationId }));
    expect(toAyse.map((event) => event.type)).not.toContain("notification.created");
  });

  it("sends typing only to colleagues viewing that conversation, and says a tab left when its stream ends", async () => {
    const ws = await createTestWorkspace("Live typing");
    const [bora, cem, dan] = await Promise.all(
      ["agent", "agent", "agent"].map((role) => ws.addMember(role as "agent")),
    );
    if (!bora || !cem || !dan) throw new Error("three members");
    const x = (await createTestConversation(ws.workspaceId)).conversationId;
    const y = (await createTestConversation(ws.workspaceId)).conversationId;
    const ayseTab = await openTab(ws.owner, { connectionId: "ayse-1" });
    const boraTab = await openTab(bora, { connectionId: "bora-1" });
    const cemTab = await openTab(cem, { connectionId: "cem-1" });
    const view = (
      member: TestMember,
      connectionId: string,
      conversationId: string,
      activity: "viewing" | "replying",
    ) => sessionCaller(member).v1.presence.update({ conversationId, connectionId, activity });
    await view(ws.owner, "ayse-1", x, "viewing");
    await view(bora, "bora-1", y, "viewing");
    await view(cem, "cem-1", x, "viewing");
    await view(dan, "dan-1", x, "replying");
    const marker = await ws.owner.api.v1.connect.send({ conversationId: x, content: { en: "marker" } });
    const isMarker = (event: LiveEvent) => event.type === "message.created" && event.messageId === marker.id;
    const typing = { type: "presence", conversationId: x, memberId: dan.memberId, activity: "replying" };
    expect(await eventsBefore(ayseTab, isMarker)).toEqual([
      expect.objectContaining({ type: "presence", memberId: cem.memberId, activity: "viewing" }),
      expect.objectContaining(typing),
    ]);
    expect(await eventsBefore(cemTab, isMarker)).toEqual([expect.objectContaining(typing)]);
    expect(await eventsBefore(boraTab, isMarker)).toEqual([]);

    const cemRequest = requests.at(-1);
    cemRequest?.abort();
    expect((await ayseTab.next()).event).toMatchObject({
      type: "presence",
      memberId: cem.memberId,
      connectionId: "cem-1",
      activity: "left",
    });
  });

  it("resumes from Last-Event-ID with what was missed, and resyncs an id it does not know", async () => {
    const mine = await createTestWorkspace("Live resume");
    const other = await createTestWorkspace("Live resume other");
    const { conversationId } = await createTestConversation(mine.workspaceId);
    const theirs = await createTestConversation(other.workspaceId);
    const first = await openTab(mine.owner);
    await mine.owner.api.v1.conversations.update({ id: conversationId, status: "pending" });
    const lastSeen = await first.next();
    requests.at(-1)?.abort();

    await mine.owner.api.v1.conversations.update({ id: conversationId, status: "resolved" });
    await other.owner.api.v1.connect.send({ conversationId: theirs.conversationId, content: { en: "no" } });
    const sent = await mine.owner.api.v1.connect.send({ conversationId, content: { en: "back" } });

    const resumed = await openTab(mine.owner, { lastEventId: lastSeen.id ?? "", expectReady: false });
    expect((await resumed.next()).event).toEqual({
      type: "conversation.updated",
      workspaceId: mine.workspaceId,
      conversationId,
    });
    expect((await resumed.next()).event).toMatchObject({ type: "message.created", messageId: sent.id });

    const unknown = await openTab(mine.owner, { lastEventId: "no-such-event", expectReady: false });
    expect(await unknown.next()).toEqual({ id: eventBus().latest().id, event: { type: "resync" } });
  });

  it("refuses a member's streams beyond the cap with 429", async () => {
    const ws = await createTestWorkspace("Live cap");
    const { cookie } = await signInCookie(ws.owner.userId);
    const open = await Promise.all(Array.from({ length: 20 }, () => get({ cookie })));
    expect(open.map((response) => response.status)).toEqual(Array(20).fill(200));
    const refused = await get({ cookie });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: "TOO_MANY_REQUESTS" } });
  });

  it("drops a client that stops reading once its buffer fills, instead of holding events for it", async () => {
    for (const request of requests.splice(0)) request.abort();
    await vi.waitFor(() => expect(liveHub().size).toBe(0));
    const ws = await createTestWorkspace("Live stalled");
    const { cookie } = await signInCookie(ws.owner.userId);
    const { port } = new URL(server.baseUrl);
    const socket: Socket = connect(Number(port), "127.0.0.1");
    const received: Buffer[] = [];
    const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    const started = new Promise<void>((resolve) =>
      socket.on("data", (chunk: Buffer) => {
        received.push(chunk);
        if (Buffer.concat(received).includes('"type":"ready"')) resolve();
      }),
    );
    socket.write(`GET /api/live HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\n\r\n`);
    await started;
    // The browser's tab stops reading (a frozen machine, a dead network): the kernel's buffers
    // fill, then the server's.
    socket.pause();
    expect(liveHub().size).toBe(1);
    const long = "x".repeat(180);
    let published = 0;
    while (liveHub().size === 1 && published < 200_000) {
      for (let i = 0; i < 100; i++, published++) {
        await eventBus().publish({
          type: "message.created",
          workspaceId: ws.workspaceId,
          conversationId: long,
          messageId: `${long}-${published}`,
          aiRunId: null,
        });
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(liveHub().size).toBe(0);
    // Reading again, the client gets what had reached its socket, then the end: its EventSource
    // would reconnect from the last id it saw.
    socket.resume();
    await closed;
    const frames = Buffer.concat(received)
      .toString()
      .split("\n\n")
      .filter((frame) => frame.includes("message.created"));
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.length).toBeLessThan(published);
  });

  // Last: the shutdown signal is process-wide and stays aborted.
  it("ends open streams when the server shuts down, and sends new ones elsewhere with 503", async () => {
    const ws = await createTestWorkspace("Live shutdown");
    const stream = await openTab(ws.owner);
    endLiveStreams();
    expect(await stream.drain()).toBe(0);
    const { cookie } = await signInCookie(ws.owner.userId);
    const refused = await get({ cookie });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("connection")).toBe("close");
  });
});
