"use client";
import { useEffect } from "react";
import { trpc } from "@/client/trpc";
import { useConversationListCache } from "@/components/conversations/list-cache";
import type { ConversationListItem } from "@/server/conversations/schemas";

/*
 * What this tab has marked read, by conversation. A list response that was already on its way
 * when the marker moved (a direct load of /inbox/<id> asks for both at once) would otherwise
 * bring the unread marker back.
 */
const readUpTo = new Map<string, string>();

/** Whether the row shows as unread: the open conversation never does. */
export function isUnread(row: ConversationListItem, selectedId: string | null): boolean {
  if (!row.unread || row.id === selectedId) return false;
  const readAt = readUpTo.get(row.id);
  return !(readAt && readAt >= row.lastMessageAt);
}

/**
 * Marks the open conversation read, and clears its unread marker in every cached list at once.
 * `lastMessageAt` is the open conversation's, as the list knows it: a message that arrives
 * while the member is looking at the conversation is read too.
 */
export function useMarkReadOnOpen(conversationId: string | null, lastMessageAt: string | undefined) {
  const listCache = useConversationListCache();
  const { mutate } = trpc.v1.conversations.markRead.useMutation({
    onMutate: ({ id }) => {
      listCache.patchRow(id, (row) => ({ ...row, unread: false }));
    },
    onSuccess: ({ conversationId: id, lastReadAt }) => {
      if ((readUpTo.get(id) ?? "") < lastReadAt) readUpTo.set(id, lastReadAt);
      listCache.patchRow(id, (row) => ({ ...row, unread: row.lastMessageAt > lastReadAt }));
    },
  });
  useEffect(() => {
    if (!conversationId) return;
    mutate({ id: conversationId });
  }, [conversationId, mutate]);
  useEffect(() => {
    if (!conversationId || !lastMessageAt) return;
    const readAt = readUpTo.get(conversationId);
    if (readAt && readAt < lastMessageAt) mutate({ id: conversationId });
  }, [conversationId, lastMessageAt, mutate]);
}
