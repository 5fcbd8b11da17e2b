"use client";
import { type QueryClient, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { trpc } from "@/client/trpc";
import { byTime } from "@/components/live/message-pages";
import { PAGE_SIZE } from "@/components/messages/use-message-history";
import type { ListMessagesInput, ListMessagesOutput, MessageOutput } from "@/server/connect/schemas";

/** Where a window on the history opens: the conversation's first message, or around one message. */
export type WindowAnchor = "start" | { around: string };

type PageParam = { around: string } | { from: "start"; cursor?: string } | { from: "end"; cursor: string };
type WindowPage = { items: MessageOutput[]; older: string | null; newer: string | null };
type Client = ReturnType<typeof trpc.useUtils>["client"];

const paramOf = (anchor: WindowAnchor): PageParam =>
  anchor === "start" ? { from: "start" } : { around: anchor.around };
const keyOf = (conversationId: string, anchor: WindowAnchor) =>
  ["messageWindow", conversationId, anchor === "start" ? "start" : anchor.around] as const;

/** A page read either way, with the cursors that continue the window back and forward. */
function windowPage(param: PageParam, page: ListMessagesOutput): WindowPage {
  if ("around" in param)
    return { items: page.items, older: page.nextCursor, newer: page.newerCursor ?? null };
  if (param.from === "start") return { items: page.items, older: null, newer: page.nextCursor };
  return { items: page.items, older: page.nextCursor, newer: null };
}

function windowQuery(client: Client, conversationId: string, anchor: WindowAnchor) {
  return {
    queryKey: keyOf(conversationId, anchor),
    queryFn: async ({ pageParam }: { pageParam: PageParam }) => {
      const input: ListMessagesInput = { conversationId, limit: PAGE_SIZE, ...pageParam };
      return windowPage(pageParam, await client.v1.connect.listMessages.query(input));
    },
    initialPageParam: paramOf(anchor),
    getPreviousPageParam: (first: WindowPage): PageParam | undefined =>
      first.older ? { from: "end", cursor: first.older } : undefined,
    getNextPageParam: (last: WindowPage): PageParam | undefined =>
      last.newer ? { from: "start", cursor: last.newer } : undefined,
  };
}

function fetchWindow(queryClient: QueryClient, client: Client, conversationId: string, anchor: WindowAnchor) {
  return queryClient.fetchInfiniteQuery(windowQuery(client, conversationId, anchor));
}

/**
 * The history read from somewhere other than its end, without the pages in between: from its
 * first message (the Home key) or around one message (a search hit, a quoted message far back).
 * The window's first page is loaded directly; older pages load as the agent scrolls up and newer
 * ones as they read on. Once the window reaches what the newest pages hold (`newest`), the two
 * join into one history and live messages show again at its end; until then they wait behind
 * the list's "Jump to newest". `close` (the End key, a send) goes back to the newest pages alone.
 */
export function useHistoryWindow(conversationId: string, newest: MessageOutput[]) {
  const { client } = trpc.useUtils();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState<{ conversationId: string; anchor: WindowAnchor } | null>(null);
  const anchor = opened?.conversationId === conversationId ? opened.anchor : null;
  const query = useInfiniteQuery({
    ...windowQuery(client, conversationId, anchor ?? "start"),
    enabled: anchor !== null,
  });

  const span = useMemo(() => {
    if (!anchor || !query.data) return null;
    const seen = new Set<string>();
    const messages: MessageOutput[] = [];
    for (const page of query.data.pages) {
      for (const message of page.items) {
        if (seen.has(message.id)) continue;
        seen.add(message.id);
        messages.push(message);
      }
    }
    const joined = newest.some((message) => seen.has(message.id));
    if (joined) messages.push(...newest.filter((message) => !seen.has(message.id)));
    // A live update may fold new messages into a page of a short conversation (see
    // mergeNewestPage): order by time rather than by page.
    messages.sort(byTime);
    return { messages, hasOlder: query.hasPreviousPage, hasNewer: !joined && query.hasNextPage };
  }, [anchor, query.data, query.hasPreviousPage, query.hasNextPage, newest]);

  /** Loads the window's first page and shows it; answers the message to focus (the first, or the anchor). */
  const open = useCallback(
    async (to: WindowAnchor): Promise<string | undefined> => {
      const data = await fetchWindow(queryClient, client, conversationId, to);
      setOpened({ conversationId, anchor: to });
      const first = data.pages[0]?.items;
      if (to === "start") return first?.[0]?.id;
      return first?.some((message) => message.id === to.around) ? to.around : undefined;
    },
    [queryClient, client, conversationId],
  );
  const close = useCallback(() => setOpened(null), []);
  const { fetchNextPage, fetchPreviousPage } = query;
  const loadNewer = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const loadOlder = useCallback(() => void fetchPreviousPage(), [fetchPreviousPage]);

  return {
    span,
    loadingNewer: query.isFetchingNextPage,
    loadNewer,
    loadingOlder: query.isFetchingPreviousPage,
    loadOlder,
    open,
    close,
  };
}
