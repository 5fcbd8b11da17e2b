"use client";
import type { PresenceEvent } from "@/server/events/types";
import type { ColleaguePresence, ColleagueTab } from "@/server/presence/schemas";
import { PRESENCE_EXPIRY_MS, TYPING_EXPIRY_MS } from "@/server/presence/timing";

/**
 * This tab's view of who else has its open conversation open: fed by the live stream's presence
 * events and the answer to each presence update. Module state, as the stream is one per tab.
 */

type Tab = { memberId: string; activity: ColleaguePresence["activity"]; at: number };
/** A colleague's reply to the customer that arrived while this tab had the conversation open. */
export type ColleagueReply = { conversationId: string; memberId: string; messageId: string };

let connectionId: string | null = null;
let openConversationId: string | null = null;
/** memberId/connectionId → what that colleague's tab does here */
let tabs = new Map<string, Tab>();
let replies: ColleagueReply[] = [];
let restarts = 0;
let version = 0;
const listeners = new Set<() => void>();

function changed() {
  version += 1;
  for (const listener of listeners) listener();
}

/** The tab's id: its live stream and its presence updates carry it. */
export function tabConnectionId(): string {
  connectionId ??= crypto.randomUUID();
  return connectionId;
}

export function subscribePresence(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function presenceVersion(): number {
  return version;
}

/** The conversation on screen changed: what was known of the last one no longer applies. */
export function openPresence(conversationId: string | null) {
  if (conversationId === openConversationId) return;
  openConversationId = conversationId;
  tabs = new Map();
  replies = [];
  changed();
}

/**
 * The answer to this tab's presence update: the colleagues' tabs already there. By tab, so that
 * one of a colleague's tabs leaving does not hide the colleague while another still has it open.
 * What the live stream said of a tab is newer than the answer and is kept.
 */
export function seedPresence(conversationId: string, colleagueTabs: ColleagueTab[], now = Date.now()) {
  if (conversationId !== openConversationId) return;
  for (const { memberId, connectionId, activity } of colleagueTabs) {
    const key = `${memberId}/${connectionId}`;
    if (!tabs.has(key)) tabs.set(key, { memberId, activity, at: now });
  }
  changed();
}

export function receivePresence(event: PresenceEvent, now = Date.now()) {
  if (event.conversationId !== openConversationId) return;
  const key = `${event.memberId}/${event.connectionId}`;
  if (event.activity === "left") tabs.delete(key);
  else tabs.set(key, { memberId: event.memberId, activity: event.activity, at: now });
  changed();
}

/** The live stream (re)started: this tab says again where it is, as its old stream said it left. */
export function streamStarted() {
  restarts += 1;
  changed();
}

export function streamRestarts(): number {
  return restarts;
}

export function colleagueReplied(reply: ColleagueReply) {
  if (reply.conversationId !== openConversationId) return;
  if (replies.some((r) => r.messageId === reply.messageId)) return;
  replies = [...replies, reply];
  changed();
}

export function colleagueReplies(): readonly ColleagueReply[] {
  return replies;
}

// Replying beats writing a note beats only looking: what a colleague most needs to know.
const RANK = { replying: 2, noting: 1, viewing: 0 } as const;

/** One entry per colleague, typing only while their last signal is fresh; silent tabs expire. */
export function colleaguesHere(now = Date.now()): ColleaguePresence[] {
  const byMember = new Map<string, ColleaguePresence>();
  for (const [key, tab] of tabs) {
    if (now - tab.at > PRESENCE_EXPIRY_MS) {
      tabs.delete(key);
      continue;
    }
    const activity = now - tab.at > TYPING_EXPIRY_MS ? "viewing" : tab.activity;
    const known = byMember.get(tab.memberId);
    if (!known || RANK[activity] > RANK[known.activity])
      byMember.set(tab.memberId, { memberId: tab.memberId, activity });
  }
  return [...byMember.values()];
}
