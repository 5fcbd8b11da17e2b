import { type EventBus, eventBus } from "@/server/events/bus";
import { isEphemeral, type PresenceEvent } from "@/server/events/types";
import type { ColleagueTab } from "@/server/presence/schemas";
import { PRESENCE_EXPIRY_MS, TYPING_EXPIRY_MS } from "@/server/presence/timing";

type Entry = ColleagueTab & { at: number };

/**
 * Who has which conversation open, as this process has heard it from the event bus (every
 * instance hears every presence event). Memory only: presence is gone when the tabs are, and
 * an instance that dies takes nothing to the database. Entries nobody refreshes expire.
 */
export class PresenceRegistry {
  /** workspaceId/conversationId → memberId/connectionId → what that tab does there */
  readonly #conversations = new Map<string, Map<string, Entry>>();
  /** memberId/connectionId → the conversation key it is in (a tab has one conversation open). */
  readonly #connections = new Map<string, string>();
  #sweptAt = 0;

  apply(event: PresenceEvent, now = Date.now()): void {
    const conversationKey = `${event.workspaceId}/${event.conversationId}`;
    const connectionKey = `${event.memberId}/${event.connectionId}`;
    const previous = this.#connections.get(connectionKey);
    if (event.activity === "left") {
      if (previous === conversationKey) this.#remove(connectionKey, conversationKey);
    } else {
      if (previous && previous !== conversationKey) this.#remove(connectionKey, previous);
      const tabs = this.#conversations.get(conversationKey) ?? new Map<string, Entry>();
      tabs.set(connectionKey, {
        memberId: event.memberId,
        connectionId: event.connectionId,
        activity: event.activity,
        at: now,
      });
      this.#conversations.set(conversationKey, tabs);
      this.#connections.set(connectionKey, conversationKey);
    }
    if (now - this.#sweptAt > PRESENCE_EXPIRY_MS) this.#sweep(now);
  }

  /** The tabs of members other than `memberId` with the conversation open; typing only while fresh. */
  colleagueTabs(
    workspaceId: string,
    conversationId: string,
    memberId: string,
    now = Date.now(),
  ): ColleagueTab[] {
    const tabs = this.#conversations.get(`${workspaceId}/${conversationId}`);
    const found: ColleagueTab[] = [];
    for (const entry of tabs?.values() ?? []) {
      if (entry.memberId === memberId || now - entry.at > PRESENCE_EXPIRY_MS) continue;
      const activity = now - entry.at > TYPING_EXPIRY_MS ? "viewing" : entry.activity;
      found.push({ memberId: entry.memberId, connectionId: entry.connectionId, activity });
    }
    return found;
  }

  /** How many tabs it holds (tests and the bench check that presence does not pile up). */
  get size(): number {
    return this.#connections.size;
  }

  #remove(connectionKey: string, conversationKey: string) {
    this.#connections.delete(connectionKey);
    const tabs = this.#conversations.get(conversationKey);
    tabs?.delete(connectionKey);
    if (tabs?.size === 0) this.#conversations.delete(conversationKey);
  }

  #sweep(now: number) {
    this.#sweptAt = now;
    for (const [conversationKey, tabs] of this.#conversations) {
      for (const [connectionKey, entry] of tabs) {
        if (now - entry.at > PRESENCE_EXPIRY_MS) this.#remove(connectionKey, conversationKey);
      }
    }
  }
}

/** A registry that hears every presence event `bus` delivers to this process. */
export function listeningRegistry(bus: EventBus): PresenceRegistry {
  const registry = new PresenceRegistry();
  bus.subscribe((event) => {
    if (isEphemeral(event)) registry.apply(event);
  });
  bus.ready().catch((error: unknown) => console.error("presence: the event bus is not listening", error));
  return registry;
}

declare global {
  var connectInboxPresence: PresenceRegistry | undefined;
}

/** The process's registry, on the app's bus. */
export function presenceRegistry(): PresenceRegistry {
  globalThis.connectInboxPresence ??= listeningRegistry(eventBus());
  return globalThis.connectInboxPresence;
}
