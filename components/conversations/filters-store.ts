"use client";
import { useSyncExternalStore } from "react";
import type { ConversationStatus, ListConversationsInput } from "@/server/conversations/schemas";
import { CONVERSATION_STATUSES } from "@/server/conversations/statuses";

export type ConversationFilters = {
  status: ConversationStatus;
  /** "me", "unassigned", "any" or a memberId, as `v1.conversations.list` takes it. */
  assignee: string;
  channelId: string | null;
  search: string;
  /** Conversations carrying all of these labels. */
  labelIds: readonly string[];
};

const DEFAULT_FILTERS: ConversationFilters = {
  status: "open",
  assignee: "any",
  channelId: null,
  search: "",
  labelIds: [],
};

/*
 * Opening a conversation keeps the list mounted (components/inbox/conversation-route.ts), but a
 * route change or the back button can still mount a new one. The filters, the scroll position and
 * the focused row live here, outside React, so that the member's view survives all of that; the
 * filters are in the address too (?status=pending&assignee=me&channel=…&q=…), so a reload, a
 * shared link and Back keep them.
 */
const STATUSES: readonly string[] = CONVERSATION_STATUSES;

export function filtersFromQuery(query: string): ConversationFilters {
  const params = new URLSearchParams(query);
  const status = params.get("status") ?? "";
  return {
    status: (STATUSES.includes(status) ? status : DEFAULT_FILTERS.status) as ConversationStatus,
    assignee: params.get("assignee") || DEFAULT_FILTERS.assignee,
    channelId: params.get("channel") || null,
    search: params.get("q") ?? "",
    labelIds: [...new Set(params.getAll("label").filter(Boolean))].slice(0, 10),
  };
}

/** The filters as a query string ("" for the defaults), to keep in the address. */
export function queryOfFilters(current: ConversationFilters): string {
  const params = new URLSearchParams();
  if (current.status !== DEFAULT_FILTERS.status) params.set("status", current.status);
  if (current.assignee !== DEFAULT_FILTERS.assignee) params.set("assignee", current.assignee);
  if (current.channelId) params.set("channel", current.channelId);
  for (const labelId of current.labelIds) params.append("label", labelId);
  if (current.search) params.set("q", current.search);
  const query = params.toString();
  return query ? `?${query}` : "";
}

let filters = typeof window === "undefined" ? DEFAULT_FILTERS : filtersFromQuery(window.location.search);
const listeners = new Set<() => void>();
const scrollOffsets = new Map<string, number>();

function notify() {
  for (const listener of listeners) listener();
}

/** Back and Forward bring the filters of that entry back. */
function onPopState() {
  const fromUrl = filtersFromQuery(window.location.search);
  if (filtersKey(fromUrl) === filtersKey(filters)) return;
  filters = fromUrl;
  notify();
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener("popstate", onPopState);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener("popstate", onPopState);
  };
}

export function setConversationFilters(patch: Partial<ConversationFilters>) {
  filters = { ...filters, ...patch };
  // Replaced, not pushed: Back leaves the view rather than stepping through each keystroke.
  window.history.replaceState(
    window.history.state,
    "",
    `${window.location.pathname}${queryOfFilters(filters)}`,
  );
  notify();
}

export function useConversationFilters(): ConversationFilters {
  return useSyncExternalStore(
    subscribe,
    () => filters,
    () => DEFAULT_FILTERS,
  );
}

export function listInputOf(current: ConversationFilters): ListConversationsInput {
  return {
    status: current.status,
    assignee: current.assignee,
    channelId: current.channelId ?? undefined,
    search: current.search || undefined,
    labelIds: current.labelIds.length > 0 ? [...current.labelIds] : undefined,
  };
}

/** One string per distinct list, for remembering where it was scrolled to. */
export function filtersKey(current: ConversationFilters): string {
  return JSON.stringify([
    current.status,
    current.assignee,
    current.channelId,
    current.search,
    current.labelIds,
  ]);
}

export function savedScrollOffset(key: string): number {
  return scrollOffsets.get(key) ?? 0;
}

export function saveScrollOffset(key: string, offset: number) {
  scrollOffsets.clear();
  scrollOffsets.set(key, offset);
}

let rowFocusFor: string | null = null;

/** The row that had focus when its conversation was opened, to focus again in the new list. */
export function keepRowFocus(conversationId: string) {
  rowFocusFor = conversationId;
}

export function takeRowFocus(conversationId: string): boolean {
  if (rowFocusFor !== conversationId) return false;
  rowFocusFor = null;
  return true;
}
