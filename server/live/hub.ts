import { type BusEntry, type EventBus, eventBus } from "@/server/events/bus";
import { liveShutdownSignal } from "@/server/events/shutdown";
import { type InboxEvent, isEphemeral, isFor, type PresenceEvent } from "@/server/events/types";
import { eventFrame, KEEP_ALIVE_FRAME, retryFrame } from "@/server/live/frames";
import {
  isOwnPresence,
  leftEvent,
  openAfter,
  type PresenceTab,
  seesPresence,
} from "@/server/presence/connection";

export type LiveHubOptions = {
  /**
   * What one connection may hold queued and unsent before it is dropped: its client stopped
   * reading. Its browser reconnects and resumes from its last event id.
   */
  maxBufferedBytes?: number;
  /** How often every open stream gets a comment, one timer for all of them. */
  keepAliveMs?: number;
  /** Open streams of one member on this instance (a tab holds one). */
  maxStreamsPerMember?: number;
  /** The browser's reconnect delay, spread over this range so a restart's reconnects do not come at once. */
  retryMs?: readonly [number, number];
};

export type LiveStreamParams = {
  workspaceId: string;
  memberId: string;
  connectionId: string | null;
  /** The last event id the client saw (Last-Event-ID); null for a fresh stream. */
  lastEventId: string | null;
};

export class TooManyLiveStreams extends Error {}
export class LiveHubClosed extends Error {}

/** One open live response: the tab it belongs to, and its stream's controller. */
class Connection implements PresenceTab {
  open: string | null = null;
  ended = false;
  readonly workspaceId: string;
  readonly memberId: string;
  readonly connectionId: string | null;
  readonly controller: ReadableStreamDefaultController<Uint8Array>;

  constructor(params: LiveStreamParams, controller: ReadableStreamDefaultController<Uint8Array>) {
    this.workspaceId = params.workspaceId;
    this.memberId = params.memberId;
    this.connectionId = params.connectionId;
    this.controller = controller;
  }
}

function add(index: Map<string, Set<Connection>>, key: string, connection: Connection) {
  const set = index.get(key);
  if (set) set.add(connection);
  else index.set(key, new Set([connection]));
}

function remove(index: Map<string, Set<Connection>>, key: string, connection: Connection) {
  const set = index.get(key);
  set?.delete(connection);
  if (set?.size === 0) index.delete(key);
}

const memberKey = (workspaceId: string, memberId: string) => `${workspaceId}/${memberId}`;
const tabKey = (workspaceId: string, memberId: string, connectionId: string) =>
  `${workspaceId}/${memberId}/${connectionId}`;
const conversationKey = (workspaceId: string, conversationId: string) => `${workspaceId}/${conversationId}`;

/**
 * This instance's live streams, fed by one listener on the event bus. Each event is encoded
 * once into a server-sent event and the same bytes are enqueued to every stream it is for,
 * found through indexes rather than by asking each stream: the workspace's streams, a member's
 * (notifications), or the viewers of a conversation (presence). Which streams an event is for
 * is `isFor` (server/events/types.ts) and, for presence, server/presence/connection.ts.
 */
export class LiveHub {
  readonly #bus: EventBus;
  readonly #maxBufferedBytes: number;
  readonly #keepAliveMs: number;
  readonly #maxStreamsPerMember: number;
  readonly #retryMs: readonly [number, number];
  readonly #byWorkspace = new Map<string, Set<Connection>>();
  readonly #byMember = new Map<string, Set<Connection>>();
  readonly #byTab = new Map<string, Set<Connection>>();
  readonly #viewers = new Map<string, Set<Connection>>();
  readonly #unsubscribe: () => void;
  #keepAlive: NodeJS.Timeout | null = null;
  #size = 0;
  #closed = false;

  constructor(bus: EventBus, options: LiveHubOptions = {}) {
    this.#bus = bus;
    this.#maxBufferedBytes = options.maxBufferedBytes ?? 64 * 1024;
    this.#keepAliveMs = options.keepAliveMs ?? 20_000;
    this.#maxStreamsPerMember = options.maxStreamsPerMember ?? 20;
    this.#retryMs = options.retryMs ?? [1_000, 3_000];
    this.#unsubscribe = bus.subscribeEntries((entry) => this.#deliver(entry));
  }

  /** How many streams are open here. */
  get size(): number {
    return this.#size;
  }

  /**
   * A stream of server-sent events for one tab, listening once this resolves. A fresh stream
   * starts with `ready`, carrying its position. Given the last event id the client saw, it
   * instead replays what this process received since, or a `resync` when that id is unknown
   * here (too old, or from before this process listened). It ends when `signal` aborts (the
   * request went away), when its client stops reading, or when the hub shuts down.
   */
  async open(params: LiveStreamParams, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    await this.#bus.ready();
    if (this.#closed) throw new LiveHubClosed();
    const ofMember = this.#byMember.get(memberKey(params.workspaceId, params.memberId));
    if ((ofMember?.size ?? 0) >= this.#maxStreamsPerMember) throw new TooManyLiveStreams();
    let connection: Connection | undefined;
    const stream = new ReadableStream<Uint8Array>(
      {
        // Runs at once, inside the constructor: reading the replay buffer and joining the
        // indexes happen in one synchronous step, so an event is either replayed or delivered
        // live, never both or neither.
        start: (controller) => {
          connection = new Connection(params, controller);
          const [least, most] = this.#retryMs;
          controller.enqueue(retryFrame(least + Math.random() * (most - least)));
          for (const frame of this.#opening(params)) controller.enqueue(frame);
          this.#join(connection);
        },
        cancel: () => {
          if (connection) this.#end(connection, "gone");
        },
      },
      { highWaterMark: this.#maxBufferedBytes, size: (chunk) => chunk.byteLength },
    );
    if (signal?.aborted) this.#end(connection, "gone");
    else signal?.addEventListener("abort", () => this.#end(connection, "gone"), { once: true });
    return stream;
  }

  /** Ends every stream normally (browsers reconnect, elsewhere while this instance stops) and takes no more. */
  shutdown(): void {
    this.#closed = true;
    for (const connections of [...this.#byWorkspace.values()]) {
      for (const connection of connections) this.#end(connection, "shutdown");
    }
  }

  /** Shuts down and stops listening to the bus (tests). */
  close(): void {
    this.shutdown();
    this.#unsubscribe();
  }

  #opening({ workspaceId, memberId, lastEventId }: LiveStreamParams): Uint8Array[] {
    if (!lastEventId) return [eventFrame(this.#bus.latest().id, { type: "ready" })];
    const missed = this.#bus.since(lastEventId);
    const resync = () => [eventFrame(this.#bus.latest().id, { type: "resync" })];
    if (!missed) return resync();
    const frames = missed
      .filter((entry) => !entry.event || isFor(entry.event, workspaceId, memberId))
      .map((entry) => eventFrame(entry.id, entry.event ?? { type: "resync" }));
    // So much missed that the replay alone would fill much of the stream's buffer (the next
    // event could find it over the limit): refetching what the tab shows costs less.
    const bytes = frames.reduce((sum, frame) => sum + frame.byteLength, 0);
    return bytes > this.#maxBufferedBytes / 2 ? resync() : frames;
  }

  #join(connection: Connection) {
    const { workspaceId, memberId, connectionId } = connection;
    add(this.#byWorkspace, workspaceId, connection);
    add(this.#byMember, memberKey(workspaceId, memberId), connection);
    if (connectionId) add(this.#byTab, tabKey(workspaceId, memberId, connectionId), connection);
    this.#size += 1;
    this.#keepAlive ??= setInterval(() => this.#sendKeepAlive(), this.#keepAliveMs).unref();
  }

  #end(connection: Connection | undefined, reason: "gone" | "slow" | "shutdown") {
    if (!connection || connection.ended) return;
    connection.ended = true;
    const { workspaceId, memberId, connectionId } = connection;
    remove(this.#byWorkspace, workspaceId, connection);
    remove(this.#byMember, memberKey(workspaceId, memberId), connection);
    if (connectionId) remove(this.#byTab, tabKey(workspaceId, memberId, connectionId), connection);
    const open = connection.open;
    this.#move(connection, null);
    this.#size -= 1;
    if (this.#size === 0 && this.#keepAlive) {
      clearInterval(this.#keepAlive);
      this.#keepAlive = null;
    }
    try {
      // An AbortError: Next's response pipe takes it as the client's doing and logs nothing.
      if (reason === "slow") connection.controller.error(new DOMException("stopped reading", "AbortError"));
      if (reason === "shutdown") connection.controller.close();
    } catch {
      // The stream was already cancelled.
    }
    // Another stream of the same tab here (a reconnect that came before the old request ended)
    // still has the conversation open: the tab did not leave it.
    const sameTab = connectionId ? this.#byTab.get(tabKey(workspaceId, memberId, connectionId)) : undefined;
    if ([...(sameTab ?? [])].some((other) => other.open === open)) return;
    const left = leftEvent({ workspaceId, memberId, connectionId, open });
    if (left) {
      this.#bus.publish(left).catch((error: unknown) => console.error("presence: left not published", error));
    }
  }

  #deliver(entry: BusEntry) {
    const event = entry.event;
    if (!event) {
      // A gap (the LISTEN connection was reopened): every stream here may have missed something.
      const frame = eventFrame(entry.id, { type: "resync" });
      for (const connections of [...this.#byWorkspace.values()]) this.#send(connections, frame);
      return;
    }
    if (isEphemeral(event)) {
      this.#deliverPresence(entry.id, event);
      return;
    }
    const recipients = this.#recipients(event);
    if (recipients && recipients.size > 0) this.#send(recipients, eventFrame(entry.id, event));
  }

  /** The streams `isFor` admits, from the index that holds exactly them. */
  #recipients(event: InboxEvent): Set<Connection> | undefined {
    if ("recipientMemberId" in event) {
      return this.#byMember.get(memberKey(event.workspaceId, event.recipientMemberId));
    }
    return this.#byWorkspace.get(event.workspaceId);
  }

  #deliverPresence(id: string, event: PresenceEvent) {
    const own = this.#byTab.get(tabKey(event.workspaceId, event.memberId, event.connectionId));
    for (const connection of own ?? []) {
      if (isOwnPresence(connection, event)) this.#move(connection, openAfter(connection.open, event));
    }
    const viewers = this.#viewers.get(conversationKey(event.workspaceId, event.conversationId));
    if (!viewers) return;
    let frame: Uint8Array | undefined;
    for (const connection of viewers) {
      if (!seesPresence(connection, event)) continue;
      frame ??= eventFrame(id, event);
      this.#write(connection, frame);
    }
  }

  /** Moves a stream to the viewers of the conversation its tab now has open. */
  #move(connection: Connection, open: string | null) {
    if (connection.open === open) return;
    const { workspaceId } = connection;
    if (connection.open) remove(this.#viewers, conversationKey(workspaceId, connection.open), connection);
    connection.open = open;
    if (open && !connection.ended) add(this.#viewers, conversationKey(workspaceId, open), connection);
  }

  #send(connections: Set<Connection>, frame: Uint8Array) {
    // #write may end a connection, which deletes it from the set: a Set's iterator allows that.
    for (const connection of connections) this.#write(connection, frame);
  }

  #write(connection: Connection, frame: Uint8Array) {
    try {
      connection.controller.enqueue(frame);
    } catch {
      this.#end(connection, "gone");
      return;
    }
    // The stream's queue is what the response has not taken yet: it grows only while the
    // socket is full, that is, while the client does not read.
    if ((connection.controller.desiredSize ?? 0) < 0) this.#end(connection, "slow");
  }

  #sendKeepAlive() {
    for (const connections of [...this.#byWorkspace.values()]) this.#send(connections, KEEP_ALIVE_FRAME);
  }
}

declare global {
  var connectInboxLiveHub: LiveHub | undefined;
}

/** The process's hub, on the app's bus; it ends its streams when the process is asked to stop. */
export function liveHub(): LiveHub {
  if (!globalThis.connectInboxLiveHub) {
    const hub = new LiveHub(eventBus());
    const shutdown = liveShutdownSignal();
    if (shutdown.aborted) hub.shutdown();
    else shutdown.addEventListener("abort", () => hub.shutdown(), { once: true });
    globalThis.connectInboxLiveHub = hub;
  }
  return globalThis.connectInboxLiveHub;
}
