"use client";
import { useEffect, useRef } from "react";
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
  const latest = useRef(read);
  latest.current = read;
  // lastMessageAt: a message that arrives while the member looks at the conversation is read too.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new message starts the wait again
  useEffect(() => {
    if (!conversationId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      if (document.visibilityState !== "visible") return;
      timer = setTimeout(() => {
        if (keptUnread !== conversationId) latest.current();
      }, READ_AFTER_MS);
    };
    arm();
    document.addEventListener("visibilitychange", arm);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", arm);
    };
  }, [conversationId, lastMessageAt]);
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
    if (keptUnread !== conversationId) keptUnread = null;
  }, [conversationId]);
  useReadAfterDwell(conversationId, lastMessageAt, () => {
    if (conversationId) markRead({ id: conversationId });
  });
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
      if (id === openId) keptUnread = id;
      listCache.patchRow(id, (row) => ({ ...row, unread: true }));
    },
    onSettled: () => void utils.v1.conversations.counts.invalidate(),
  });
  return (id: string) => mutate({ id });
}
