"use client";
import { useMemo } from "react";
import { trpc } from "@/client/trpc";
import type { MessageOutput } from "@/server/connect/schemas";

export const PAGE_SIZE = 50;

/**
 * The conversation's messages, oldest first. Pages come newest first and each lists its
 * messages oldest first; a message stored by this tab is appended to the newest page, so a
 * refetch or a live update can bring it twice: the first copy wins.
 */
export function useMessageHistory(conversationId: string) {
  const query = trpc.v1.connect.listMessages.useInfiniteQuery(
    { conversationId, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const messages = useMemo(() => {
    const pages = query.data?.pages ?? [];
    const seen = new Set<string>();
    const ordered: MessageOutput[] = [];
    for (let i = pages.length - 1; i >= 0; i -= 1) {
      for (const message of pages[i]?.items ?? []) {
        if (seen.has(message.id)) continue;
        seen.add(message.id);
        ordered.push(message);
      }
    }
    return ordered;
  }, [query.data]);
  return { query, messages };
}

/** Puts a message this tab stored into the cached history, unless a refetch already has it. */
export function useAppendToHistory(conversationId: string) {
  const utils = trpc.useUtils();
  return (message: MessageOutput) => {
    utils.v1.connect.listMessages.setInfiniteData({ conversationId, limit: PAGE_SIZE }, (data) => {
      if (!data) return data;
      if (data.pages.some((page) => page.items.some((m) => m.id === message.id))) return data;
      const [newest, ...older] = data.pages;
      if (!newest) return data;
      return { ...data, pages: [{ ...newest, items: [...newest.items, message] }, ...older] };
    });
  };
}
