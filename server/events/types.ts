import { z } from "zod";

const Id = z.string().min(1).max(200);

/** What changed, by id only: receivers read the rows themselves, through the same tenancy checks. */
export const InboxEvent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("message.created"),
    workspaceId: Id,
    conversationId: Id,
    messageId: Id,
    aiRunId: Id.nullable(),
  }),
  z.object({ type: z.literal("conversation.updated"), workspaceId: Id, conversationId: Id }),
  /** A bulk change: one event for all of them, so open inboxes refetch once rather than per row. */
  z.object({ type: z.literal("conversations.updated"), workspaceId: Id, count: z.number().int() }),
  z.object({ type: z.literal("ai-run.updated"), workspaceId: Id, conversationId: Id, aiRunId: Id }),
  /** For one member only: the live stream delivers it to that member's connections alone. */
  z.object({
    type: z.literal("notification.created"),
    workspaceId: Id,
    recipientMemberId: Id,
    notificationId: Id,
  }),
  /** The member read one or all of their notifications (their other tabs update the bell). */
  z.object({ type: z.literal("notifications.read"), workspaceId: Id, recipientMemberId: Id }),
  /**
   * Ephemeral (server/presence): a member's tab has a conversation open, is typing in it, or left
   * it. Never stored, never replayed, delivered only to the streams of colleagues viewing it.
   */
  z.object({
    type: z.literal("presence"),
    workspaceId: Id,
    conversationId: Id,
    memberId: Id,
    connectionId: Id,
    activity: z.enum(["viewing", "replying", "noting", "left"]),
  }),
]);
export type InboxEvent = z.infer<typeof InboxEvent>;

/** Whether a member's connection receives an event: its workspace's, unless meant for another member. */
export function isFor(event: InboxEvent, workspaceId: string, memberId: string): boolean {
  if (event.workspaceId !== workspaceId) return false;
  return !("recipientMemberId" in event) || event.recipientMemberId === memberId;
}

export type PresenceEvent = Extract<InboxEvent, { type: "presence" }>;

/** Events that only matter to whoever is connected now: not kept for resuming streams. */
export function isEphemeral(event: InboxEvent): event is PresenceEvent {
  return event.type === "presence";
}

export type InboxEventListener = (event: InboxEvent) => void;

/**
 * What a live stream delivers: an inbox event; `ready` first on a fresh stream, whose id is
 * where a reconnect resumes from even when nothing has happened yet; or `resync` when events
 * may have been missed (a reconnect beyond the replay window, a lost LISTEN connection) and
 * the receiver must refetch what it shows.
 */
export const LiveEvent = z.union([
  InboxEvent,
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("resync") }),
]);
export type LiveEvent = z.infer<typeof LiveEvent>;

export const LiveEventsInput = z.object({
  /** The id of the last event received (the browser's EventSource sends it as Last-Event-ID). */
  lastEventId: Id.nullish(),
  /** The tab's own id (one per tab, kept across reconnects): its presence ends with its stream. */
  connectionId: Id.nullish(),
});
export type LiveEventsInput = z.infer<typeof LiveEventsInput>;
