"use client";
import { type InfiniteData, type QueryClient, useQueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { useMemo } from "react";
import { trpc } from "@/client/trpc";
import type { ConversationListItem, ListConversationsOutput } from "@/server/conversations/schemas";

type ListPages = InfiniteData<ListConversationsOutput>;

/**
 * Applies `patch` to the conversation's row in every cached list (every filter combination
 * the member has looked at), so switching tabs never shows a stale row.
 */
function patchListRows(
  queryClient: QueryClient,
  conversationId: string,
  patch: (row: ConversationListItem) => ConversationListItem,
) {
  queryClient.setQueriesData<ListPages>(
    { queryKey: getQueryKey(trpc.v1.conversations.list, undefined, "infinite") },
    (lists) => {
      if (!lists) return lists;
      let changed = false;
      const pages = lists.pages.map((page) => {
        if (!page.items.some((row) => row.id === conversationId)) return page;
        changed = true;
        return { ...page, items: page.items.map((row) => (row.id === conversationId ? patch(row) : row)) };
      });
      return changed ? { ...lists, pages } : lists;
    },
  );
}

export function useConversationListCache() {
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      patchRow: (conversationId: string, patch: (row: ConversationListItem) => ConversationListItem) =>
        patchListRows(queryClient, conversationId, patch),
      cancel: () =>
        queryClient.cancelQueries({
          queryKey: getQueryKey(trpc.v1.conversations.list, undefined, "infinite"),
        }),
    }),
    [queryClient],
  );
}
