"use client";
import { usePathname } from "next/navigation";

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
export function openConversation(conversationId: string) {
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
