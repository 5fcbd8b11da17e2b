"use client";
import { usePathname } from "next/navigation";
import { useSyncExternalStore } from "react";

const PREFIX = "/inbox/";

/** The conversation open in the inbox, read from the address bar: `/inbox/<id>` or none. */
export function useOpenConversationId(): string | null {
  const pathname = usePathname();
  if (!pathname.startsWith(PREFIX)) return null;
  const id = pathname.slice(PREFIX.length).split("/")[0];
  return id ? decodeURIComponent(id) : null;
}

/**
 * Opens a conversation without a server round trip: Next's router picks up `pushState`, so
 * `usePathname` (and with it the shell) follows, and the list, the live connection and the
 * keyboard layer stay mounted. Only the conversation pane and details change.
 */
export function openConversation(conversationId: string, messageId?: string | null) {
  openedAt = messageId ? { conversationId, messageId, nonce: (openedAt?.nonce ?? 0) + 1 } : null;
  for (const listener of listeners) listener();
  // The list's filters stay in the address (components/conversations/filters-store.ts).
  window.history.pushState(
    null,
    "",
    `${PREFIX}${encodeURIComponent(conversationId)}${window.location.search}`,
  );
}

/** Back to the inbox with no conversation open (the last one was resolved away). */
export function closeConversation() {
  window.history.pushState(null, "", `/inbox${window.location.search}`);
}

/*
 * The message a conversation was last opened at (a search hit), kept here rather than in the
 * address: the address stays the conversation's, and a link, Back or a reload opens it as usual.
 */
type OpenedAt = { conversationId: string; messageId: string; nonce: number };
let openedAt: OpenedAt | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The message this conversation was just opened at, if it was (a new `nonce` each time). */
export function useOpenedAt(conversationId: string): OpenedAt | null {
  const current = useSyncExternalStore(
    subscribe,
    () => openedAt,
    () => null,
  );
  return current?.conversationId === conversationId ? current : null;
}
