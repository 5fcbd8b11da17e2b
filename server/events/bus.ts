import { randomUUID } from "node:crypto";
import pg from "pg";
import { z } from "zod";
import { env } from "@/server/env";
import { InboxEvent, type InboxEventListener, isEphemeral } from "@/server/events/types";

const CHANNEL = "inbox_events";
const MAX_RECONNECT_DELAY_MS = 30_000;

/**
 * One entry of the replay buffer, in the order this process received it. `event: null` marks a
 * gap: events published before it may never have reached this process (the LISTEN connection
 * was just opened or reopened), so a receiver resuming from before it must refetch.
 */
export type BusEntry = { id: string; at: number; event: InboxEvent | null };
export type BusListener = (entry: BusEntry) => void;

export type EventBusOptions = {
  /**
   * "postgres": every event goes through NOTIFY and comes back to each process on one
   * dedicated LISTEN connection, so several app instances share it. "memory": in-process only
   * (the embedded database, whose connections share one session and so cannot fan out NOTIFY).
   */
  mode: "postgres" | "memory";
  /** Required for "postgres". */
  connectionString?: string;
  /** How long a client can be away and still have what it missed replayed on reconnect. */
  replayWindowMs?: number;
  /** The most entries kept, whatever their age. */
  replayLimit?: number;
};

// The id becomes a server-sent event's `id:` line (server/live/frames.ts): no line breaks, no NUL.
const Notification = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^\r\n\0]+$/),
  event: InboxEvent,
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export class EventBus {
  readonly #mode: EventBusOptions["mode"];
  readonly #connectionString: string;
  readonly #replayWindowMs: number;
  readonly #replayLimit: number;
  readonly #listeners = new Set<BusListener>();
  #entries: BusEntry[] = [];
  #listening: Promise<void> | null = null;
  #listenClient: pg.Client | null = null;
  #notifier: pg.Pool | null = null;
  #closed = false;

  constructor(options: EventBusOptions) {
    this.#mode = options.mode;
    this.#replayWindowMs = options.replayWindowMs ?? 60_000;
    this.#replayLimit = options.replayLimit ?? 1_000;
    if (options.mode === "postgres" && !options.connectionString) {
      throw new Error("A postgres event bus needs a connectionString.");
    }
    this.#connectionString = options.connectionString ?? "";
    // In memory nothing can be missed, but `latest()` needs a position to resume from.
    if (options.mode === "memory") this.#record({ id: randomUUID(), at: Date.now(), event: null });
  }

  async publish(event: InboxEvent): Promise<void> {
    const id = randomUUID();
    if (this.#mode === "memory") {
      // Checked once here, as a notification is on receipt: streams deliver events unchecked.
      this.#deliver({ id, at: Date.now(), event: InboxEvent.parse(event) });
      return;
    }
    if (!this.#notifier) {
      this.#notifier = new pg.Pool({
        connectionString: this.#connectionString,
        max: 2,
        allowExitOnIdle: true,
      });
      // As the app's pool (server/db/client.ts): a lost idle connection is replaced, not fatal.
      this.#notifier.on("error", (error) => console.error("event bus: idle connection lost:", error.message));
    }
    await this.#notifier.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify({ id, event })]);
  }

  /** Resolves once events published by any process reach this one (LISTEN is up). */
  ready(): Promise<void> {
    if (this.#mode === "memory") return Promise.resolve();
    this.#listening ??= this.#listen();
    return this.#listening;
  }

  /** Calls `listener` with every event received from now on, until the returned function is called. */
  subscribe(listener: InboxEventListener): () => void {
    return this.subscribeEntries((entry) => {
      if (entry.event) listener(entry.event);
    });
  }

  /** Like `subscribe`, with each event's id and the gaps: what a resumable stream needs. */
  subscribeEntries(listener: BusListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** How many listeners are attached: a stream that ended must leave none behind. */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  /** The entries received after `id`, oldest first; null when `id` is not (or no longer) in the buffer. */
  since(id: string): BusEntry[] | null {
    const index = this.#entries.findLastIndex((entry) => entry.id === id);
    return index === -1 ? null : this.#entries.slice(index + 1);
  }

  /** The newest entry: where a receiver that has just refetched everything resumes from. */
  latest(): BusEntry {
    const newest = this.#entries.at(-1);
    if (newest) return newest;
    const gap = { id: randomUUID(), at: Date.now(), event: null };
    this.#record(gap);
    return gap;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listeners.clear();
    const client = this.#listenClient;
    this.#listenClient = null;
    await Promise.all([client?.end(), this.#notifier?.end()]);
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.#connectionString,
      connectionTimeoutMillis: 5_000,
    });
    client.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const parsed = Notification.safeParse(parseJson(message.payload));
      if (!parsed.success) {
        console.error("event bus: ignored a notification of unknown shape", message.payload);
        return;
      }
      this.#deliver({ ...parsed.data, at: Date.now() });
    });
    client.on("error", (error) => this.#lost(client, error));
    client.on("end", () => this.#lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      this.#listening = null;
      client.end().catch(() => {});
      throw error;
    }
    this.#listenClient = client;
    this.#deliver({ id: randomUUID(), at: Date.now(), event: null });
  }

  #lost(client: pg.Client, error: Error | null) {
    if (client !== this.#listenClient) return;
    this.#listenClient = null;
    this.#listening = null;
    client.end().catch(() => {});
    if (this.#closed) return;
    console.error("event bus: LISTEN connection lost; reconnecting", error ?? "");
    this.#reconnect(1_000);
  }

  #reconnect(delayMs: number) {
    setTimeout(() => {
      if (this.#closed || this.#listening) return;
      this.ready().catch((error: unknown) => {
        console.error("event bus: LISTEN reconnect failed", error);
        this.#reconnect(Math.min(delayMs * 2, MAX_RECONNECT_DELAY_MS));
      });
    }, delayMs).unref();
  }

  #deliver(received: BusEntry) {
    let entry = received;
    // A presence event is not kept (a few typists would flush the replay window) and carries the
    // newest kept entry's id: a stream that resumes from it misses nothing it could replay.
    if (entry.event && isEphemeral(entry.event)) entry = { ...entry, id: this.latest().id };
    else this.#record(entry);
    for (const listener of this.#listeners) {
      try {
        listener(entry);
      } catch (error) {
        console.error("event bus: a listener failed", error);
      }
    }
  }

  #record(entry: BusEntry) {
    this.#entries.push(entry);
    const oldestKept = entry.at - this.#replayWindowMs;
    // The newest entry always stays, so there is a position to resume from.
    let drop = Math.max(0, this.#entries.length - this.#replayLimit);
    while (drop < this.#entries.length - 1 && (this.#entries[drop]?.at ?? 0) < oldestKept) drop++;
    if (drop > 0) this.#entries = this.#entries.slice(drop);
  }
}

declare global {
  var connectInboxEvents: EventBus | undefined;
}

/** The app's bus, as EVENT_BUS configures it; one per process. */
export function eventBus(): EventBus {
  globalThis.connectInboxEvents ??= new EventBus({
    mode: env().EVENT_BUS,
    connectionString: env().EVENT_BUS_DATABASE_URL ?? env().DATABASE_URL,
  });
  return globalThis.connectInboxEvents;
}
