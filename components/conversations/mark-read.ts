"use client";
import { useEffect, useState } from "react";
import { trpc } from "@/client/trpc";
import { useConversationListCache } from "@/components/conversations/list-cache";
import { useShortcut } from "@/components/keyboard/keyboard-provider";
import type { ConversationListItem } from "@/server/conversations/schemas";

/**
 * How long a conversation stays open, in a visible tab, before it counts as read: moving through
 * the list with j/k passes conversations without reading them (Front and Superhuman do the same).
 */
export const READ_AFTER_MS = 1500;

/*
 * What this tab has marked read, by conversation. A list response that was already on its way
 * when the marker moved (a direct load of /inbox/<id> asks for both at once) would otherwise
 * bring the unread marker back.
 */
const readUpTo = new Map<string, string>();
/** Marked unread while open: not read again until the member opens it anew. */
let keptUnread: string | null = null;
const keptUnreadListeners = new Set<() => void>();

function keepUnread(id: string | null) {
  keptUnread = id;
  for (const listener of keptUnreadListeners) listener();
}

/** Whether the row shows as unread; a row this tab read since the list was fetched does not. */
export function isUnread(row: ConversationListItem): boolean {
  if (!row.unread) return false;
  if (keptUnread === row.id) return true;
  const readAt = readUpTo.get(row.id);
  return !(readAt && readAt >= row.lastMessageAt);
}

/** Once visible for READ_AFTER_MS: calls `read`, again whenever `lastMessageAt` moves on while open. */
function useReadAfterDwell(
  conversationId: string | null,
  lastMessageAt: string | undefined,
  read: () => void,
) {
  const [kept, setKept] = useState(keptUnread);
  useEffect(() => {
    const listener = () => setKept(keptUnread);
    keptUnreadListeners.add(listener);
    return () => {
      keptUnreadListeners.delete(listener);
    };
  }, []);
  // lastMessageAt: a message that arrives while the member looks at the conversation is read too.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new message starts the wait again
  useEffect(() => {
    if (!conversationId || kept === conversationId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      if (document.visibilityState === "visible") timer = setTimeout(read, READ_AFTER_MS);
    };
    arm();
    document.addEventListener("visibilitychange", arm);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", arm);
    };
  }, [conversationId, lastMessageAt, kept, read]);
}

/**
 * Marks the open conversation read once the member has had it open for a moment, clearing its
 * unread marker in every cached list; "mark as unread" (U, the palette, the row's button) undoes
 * that and keeps it unread while it stays open.
 */
export function useReadState(conversationId: string | null, lastMessageAt: string | undefined) {
  const listCache = useConversationListCache();
  const utils = trpc.useUtils();
  const { mutate: markRead } = trpc.v1.conversations.markRead.useMutation({
    onMutate: ({ id }) => {
      listCache.patchRow(id, (row) => ({ ...row, unread: false }));
    },
    onSuccess: ({ conversationId: id, lastReadAt }) => {
      if ((readUpTo.get(id) ?? "") < lastReadAt) readUpTo.set(id, lastReadAt);
      void utils.v1.conversations.counts.invalidate();
    },
  });
  const markUnread = useMarkUnread(conversationId);
  // Opening another conversation (or this one again) ends "keep unread".
  useEffect(() => {
    if (keptUnread !== null && keptUnread !== conversationId) keepUnread(null);
    return () => {
      if (keptUnread === conversationId) keepUnread(null);
    };
  }, [conversationId]);
  const [read] = useState(() => (id: string) => markRead({ id }));
  const readOpen = useStableCallback(() => {
    if (conversationId) read(conversationId);
  });
  useReadAfterDwell(conversationId, lastMessageAt, readOpen);
  useShortcut("conversation.markUnread", () => {
    if (!conversationId) return false;
    markUnread(conversationId);
    return true;
  });
  return { markUnread };
}

/** "Mark as unread" for any conversation; the open one (`openId`) then stays unread while open. */
export function useMarkUnread(openId: string | null): (id: string) => void {
  const listCache = useConversationListCache();
  const utils = trpc.useUtils();
  const { mutate } = trpc.v1.conversations.markUnread.useMutation({
    onMutate: ({ id }) => {
      readUpTo.delete(id);
      if (id === openId) keepUnread(id);
      listCache.patchRow(id, (row) => ({ ...row, unread: true }));
    },
    onSettled: () => void utils.v1.conversations.counts.invalidate(),
  });
  return (id: string) => mutate({ id });
}

/** A function that keeps its identity and always calls the latest `fn`. */
function useStableCallback(fn: () => void): () => void {
  const [ref] = useState(() => ({ current: fn }));
  ref.current = fn;
  const [stable] = useState(() => () => ref.current());
  return stable;
}
