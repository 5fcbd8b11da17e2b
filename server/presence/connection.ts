import type { PresenceEvent } from "@/server/events/types";

/**
 * One tab's live connection, as presence sees it: which conversation the tab has open, learnt
 * from its own presence events (whichever instance took them). The live hub (server/live/hub.ts)
 * keeps one per connection and indexes it by that conversation.
 */
export type PresenceTab = {
  workspaceId: string;
  memberId: string;
  /** The tab's id (one per tab, kept across reconnects); a connection without one sees no presence. */
  connectionId: string | null;
  open: string | null;
};

/** Whether the tab itself said `event`: it moves the tab, and is never shown to it. */
export function isOwnPresence(tab: PresenceTab, event: PresenceEvent): boolean {
  return (
    tab.connectionId !== null && event.memberId === tab.memberId && event.connectionId === tab.connectionId
  );
}

/** The conversation the tab has open after its own `event`. */
export function openAfter(open: string | null, event: PresenceEvent): string | null {
  if (event.activity !== "left") return event.conversationId;
  return open === event.conversationId ? null : open;
}

/** Whether the tab is shown `event`: a colleague's (never its member's own), on what the tab has open. */
export function seesPresence(tab: PresenceTab, event: PresenceEvent): boolean {
  return tab.open !== null && tab.open === event.conversationId && event.memberId !== tab.memberId;
}

/** What to publish when the tab's connection ends (tab closed, connection lost): that it left. */
export function leftEvent(tab: PresenceTab): PresenceEvent | null {
  if (!tab.open || !tab.connectionId) return null;
  return {
    type: "presence",
    workspaceId: tab.workspaceId,
    conversationId: tab.open,
    memberId: tab.memberId,
    connectionId: tab.connectionId,
    activity: "left",
  };
}
