"use client";
import { useCallback, useMemo, useState } from "react";
import { trpc } from "@/client/trpc";
import { byTime } from "@/components/live/message-pages";
import { PAGE_SIZE } from "@/components/messages/use-message-history";
import type { MessageOutput } from "@/server/connect/schemas";

/**
 * The history read from its first message (the Home key), without the pages in between: the
 * oldest page is loaded directly and the following ones as the agent reads on. Once those pages
 * reach what the newest pages hold (`newest`), the two join into one history and live messages
 * show again at its end. `close` (the End key, a send) goes back to the newest pages alone.
 */
export function useHistoryFromStart(conversationId: string, newest: MessageOutput[]) {
  const utils = trpc.useUtils();
  const [openFor, setOpenFor] = useState<string | null>(null);
  const active = openFor === conversationId;
  const input = { conversationId, limit: PAGE_SIZE, from: "start" as const };
  const query = trpc.v1.connect.listMessages.useInfiniteQuery(input, {
    getNextPageParam: (page) => page.nextCursor,
    enabled: active,
  });

  const span = useMemo(() => {
    if (!active || !query.data) return null;
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
    // A live update may fold new messages into the first page of a short conversation (see
    // mergeNewestPage): order by time rather than by page.
    messages.sort(byTime);
    return { messages, hasNewer: !joined && query.hasNextPage };
  }, [active, query.data, query.hasNextPage, newest]);

  const { fetchNextPage } = query;
  /** Loads the first page and shows it; answers the first message's id. */
  const open = useCallback(async () => {
    const data = await utils.v1.connect.listMessages.fetchInfinite({
      conversationId,
      limit: PAGE_SIZE,
      from: "start",
    });
    setOpenFor(conversationId);
    return data.pages[0]?.items[0]?.id;
  }, [utils, conversationId]);
  const close = useCallback(() => setOpenFor(null), []);
  const loadNewer = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  return {
    span,
    loadingNewer: query.isFetchingNextPage,
    loadNewer,
    open,
    close,
  };
}
