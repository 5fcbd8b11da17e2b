import { EventEmitter } from "node:events";
import pg from "pg";
import { env } from "@/server/env";
import type { InboxEvent, InboxEventListener } from "@/server/events/types";

const CHANNEL = "inbox_events";

/**
 * Live events across app instances. With EVENT_BUS=postgres every event goes through
 * NOTIFY and comes back to each process on one dedicated LISTEN connection; with
 * "memory" (the embedded database, one process) it stays in-process.
 */
class EventBus {
  private readonly local = new EventEmitter().setMaxListeners(0);
  private listener: Promise<pg.Client> | null = null;
  private notifier: pg.Pool | null = null;

  async publish(event: InboxEvent): Promise<void> {
    if (env().EVENT_BUS === "memory") {
      this.local.emit("event", event);
      return;
    }
    this.notifier ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: 2 });
    await this.notifier.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify(event)]);
  }

  subscribe(listener: InboxEventListener): () => void {
    if (env().EVENT_BUS === "postgres") this.listen();
    this.local.on("event", listener);
    return () => this.local.off("event", listener);
  }

  private listen() {
    this.listener ??= (async () => {
      const client = new pg.Client({ connectionString: env().DATABASE_URL });
      client.on("notification", (message) => {
        if (message.channel !== CHANNEL || !message.payload) return;
        this.local.emit("event", JSON.parse(message.payload) as InboxEvent);
      });
      client.on("error", (error) => {
        console.error("event bus connection lost; reconnecting", error);
        this.listener = null;
        setTimeout(() => this.listen(), 1_000);
      });
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      return client;
    })();
  }
}

declare global {
  var connectInboxEvents: EventBus | undefined;
}

export function eventBus(): EventBus {
  globalThis.connectInboxEvents ??= new EventBus();
  return globalThis.connectInboxEvents;
}
