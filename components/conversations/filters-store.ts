"use client";
import { useSyncExternalStore } from "react";
import type { ConversationStatus, ListConversationsInput } from "@/server/conversations/schemas";

export type ConversationFilters = {
  status: ConversationStatus;
  /** "me", "unassigned", "any" or a memberId, as `v1.conversations.list` takes it. */
  assignee: string;
  channelId: string | null;
  search: string;
};

const DEFAULT_FILTERS: ConversationFilters = { status: "open", assignee: "any", channelId: null, search: "" };

/*
 * Opening a conversation keeps the list mounted (components/inbox/conversation-route.ts), but a
 * route change or the back button can still mount a new one. The filters, the scroll position and
 * the focused row live here, outside React, so that the member's view survives all of that.
 */
let filters = DEFAULT_FILTERS;
const listeners = new Set<() => void>();
const scrollOffsets = new Map<string, number>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function setConversationFilters(patch: Partial<ConversationFilters>) {
  filters = { ...filters, ...patch };
  for (const listener of listeners) listener();
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
  };
}

/** One string per distinct list, for remembering where it was scrolled to. */
export function filtersKey(current: ConversationFilters): string {
  return JSON.stringify([current.status, current.assignee, current.channelId, current.search]);
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
