import type { InfiniteData } from "@tanstack/react-query";
import type { ListMessagesOutput, MessageOutput } from "@/server/connect/schemas";

export type MessagePages = InfiniteData<ListMessagesOutput, string | null | undefined>;

export function byTime(a: MessageOutput, b: MessageOutput): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Folds a freshly fetched newest page into cached history: new messages join the newest
 * cached page, changed ones replace their copy. Returns null when the fetched page does not
 * reach back to the newest cached message, so messages in between are missing: refetch instead.
 */
export function mergeNewestPage(history: MessagePages, newest: ListMessagesOutput): MessagePages | null {
  const [first, ...older] = history.pages;
  if (!first) return null;
  const fresh = new Map(newest.items.map((message) => [message.id, message]));
  const newestCached = first.items.at(-1);
  const reachesBack =
    newest.nextCursor === null || (newestCached !== undefined && fresh.has(newestCached.id));
  if (!reachesBack) return null;

  const cachedIds = new Set(history.pages.flatMap((page) => page.items.map((message) => message.id)));
  const items = first.items.map((message) => fresh.get(message.id) ?? message);
  for (const message of newest.items) if (!cachedIds.has(message.id)) items.push(message);
  items.sort(byTime);
  return { ...history, pages: [{ ...first, items }, ...older] };
}
