"use client";
import { keepPreviousData } from "@tanstack/react-query";
import {
  type KeyboardEvent,
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { trpc } from "@/client/trpc";
import {
  ConversationFilters,
  LIST_PANEL_ID,
  useStatusCounts,
} from "@/components/conversations/conversation-filters";
import { ConversationRow } from "@/components/conversations/conversation-row";
import {
  type ConversationFilters as Filters,
  filtersKey,
  listInputOf,
  savedScrollOffset,
  saveScrollOffset,
  setConversationFilters,
  takeRowFocus,
  useConversationFilters,
} from "@/components/conversations/filters-store";
import { setListOrder } from "@/components/conversations/list-order";
import { isUnread, useReadState } from "@/components/conversations/mark-read";
import { keepSelectionFor, useSelection } from "@/components/conversations/selection-store";
import { SEARCH_INPUT_ID, useListShortcuts } from "@/components/conversations/use-list-shortcuts";
import { useSelectionShortcuts } from "@/components/conversations/use-selection-shortcuts";
import { useFormatters } from "@/components/i18n/format";
import { format, useStrings } from "@/components/i18n/locale";
import { takeOverPlainRows, useWindowing, windowing } from "@/components/lists/use-windowing";
import { CONVERSATION_STATUSES } from "@/server/conversations/statuses";

/** A row as laid out with the system font; rows are still measured, this only avoids a jump. */
const ROW_HEIGHT = 87;
/** Start loading the next page this many rows before the end. */
const LOAD_AHEAD = 10;
const PAGE_SIZE = 40;
/**
 * Until the windowing has loaded (components/lists/use-windowing.ts), the first rows are shown
 * plainly: more than the tallest screen shows, fewer than the windowed list keeps in the page.
 */
const PLAIN_ROWS = 24;

// Shown only while rows are selected.
const BulkBar = lazy(() =>
  import("@/components/conversations/bulk-bar").then((module) => ({ default: module.BulkBar })),
);

export function ConversationList({ selectedId }: { selectedId: string | null }) {
  const t = useStrings("conversations");
  const filters = useConversationFilters();
  const key = filtersKey(filters);
  const list = trpc.v1.conversations.list.useInfiniteQuery(
    { ...listInputOf(filters), limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
  );
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const order = useMemo(() => items.map((item) => item.id), [items]);
  useEffect(() => setListOrder(order), [order]);
  useEffect(() => keepSelectionFor(key), [key]);
  const selection = useSelection();
  const selecting = selection.all || selection.ids.size > 0;
  const readState = useReadState(selectedId, items.find((item) => item.id === selectedId)?.lastMessageAt);
  const now = useNow();

  const scrollRef = useRef<HTMLDivElement>(null);
  // Before the windowing: where the list last put itself; any other offset is the member scrolling.
  const ownOffset = useRef(0);
  const showLoaderRow = list.hasNextPage || list.isFetchNextPageError;
  const virtualizer = useWindowing<HTMLDivElement, Element>(
    () => ({
      count: items.length + (showLoaderRow ? 1 : 0),
      getScrollElement: () => scrollRef.current,
      estimateSize: () => ROW_HEIGHT,
      overscan: 6,
      getItemKey: (index) => items[index]?.id ?? "more",
      initialOffset: () => savedScrollOffset(key),
    }),
    () =>
      takeOverPlainRows(
        scrollRef.current,
        items
          .slice(0, PLAIN_ROWS)
          .map((item, index) => ({ index, key: item.id, element: rowAt(scrollRef.current, index) })),
      ),
  );
  const virtualRows =
    virtualizer?.getVirtualItems() ??
    items.slice(0, PLAIN_ROWS).map((item, index) => ({ index, key: item.id, start: 0 }));
  const reveal = useCallback(
    (index: number) => {
      if (virtualizer) virtualizer.scrollToIndex(index, { align: "auto" });
      else rowAt(scrollRef.current, index)?.scrollIntoView({ block: "nearest" });
    },
    [virtualizer],
  );
  // Plain rows start where the list was (a list mounted again: see filters-store).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, as the list mounts.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (virtualizer || !scroller) return;
    scroller.scrollTop = savedScrollOffset(key);
    ownOffset.current = scroller.scrollTop;
  }, []);

  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    if (virtualizer) virtualizer.scrollToOffset(0);
    else if (scrollRef.current) {
      scrollRef.current.scrollTop = 0;
      ownOffset.current = 0;
    }
  }, [key, virtualizer]);

  const lastIndex = virtualizer ? (virtualRows.at(-1)?.index ?? -1) : -1;
  const { hasNextPage, isFetchingNextPage, isPlaceholderData, isFetchNextPageError, fetchNextPage } = list;
  useEffect(() => {
    if (isPlaceholderData || !hasNextPage || isFetchingNextPage || isFetchNextPageError) return;
    if (lastIndex >= items.length - LOAD_AHEAD) void fetchNextPage();
  }, [
    lastIndex,
    items.length,
    hasNextPage,
    isFetchingNextPage,
    isPlaceholderData,
    isFetchNextPageError,
    fetchNextPage,
  ]);

  // A reply moves the open conversation to the top (newest activity first): the list follows it,
  // so the active row never leaves the member's sight.
  const selectedIndex = items.findIndex((item) => item.id === selectedId);
  const shownIndex = useRef(selectedIndex);
  useEffect(() => {
    const before = shownIndex.current;
    shownIndex.current = selectedIndex;
    if (selectedIndex < 0 || before < 0 || before === selectedIndex) return;
    reveal(selectedIndex);
  }, [selectedIndex, reveal]);

  useListShortcuts({ items, selectedId, reveal });

  // Opening a conversation mounts a new list (see filters-store): put focus back on the row.
  const renderedRows = virtualRows.length;
  useEffect(() => {
    if (!selectedId || renderedRows === 0 || !takeRowFocus(selectedId)) return;
    scrollRef.current
      ?.querySelector<HTMLElement>(`a[data-conversation-id="${selectedId}"]`)
      ?.focus({ preventScroll: true });
  }, [selectedId, renderedRows]);

  const focusRow = useCallback(
    (index: number) => {
      reveal(index);
      // A rendered row takes focus at once, so a key pressed again before the next frame moves
      // on from it; a row the virtualizer has yet to render takes it once rendered.
      const row = () => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] a`);
      const rendered = row();
      if (rendered) rendered.focus();
      else requestAnimationFrame(() => row()?.focus());
    },
    [reveal],
  );

  useSelectionShortcuts({ order, selectedId, focusRow });

  // ArrowDown in the search box (or a status picked in the empty state) asks for the first
  // result of the filters it sets; while the list still shows the previous rows, focus waits.
  const firstResultFor = useRef<string | null>(null);
  const settled = !list.isPlaceholderData && !list.isPending;
  const hasRows = items.length > 0;
  function focusFirstResult(patch: Partial<Filters>) {
    const wanted = filtersKey({ ...filters, ...patch });
    if (wanted === key && settled) {
      if (hasRows) focusRow(0);
      return;
    }
    firstResultFor.current = wanted;
    setConversationFilters(patch);
  }
  useEffect(() => {
    if (firstResultFor.current !== key || !settled) return;
    firstResultFor.current = null;
    if (hasRows) focusRow(0);
  }, [key, settled, hasRows, focusRow]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // With Shift, the arrows extend the selection (use-selection-shortcuts).
    if ((event.key !== "ArrowDown" && event.key !== "ArrowUp") || event.shiftKey) return;
    const row = (event.target as HTMLElement).closest<HTMLElement>("[data-index]");
    if (!row) return;
    const next = Number(row.dataset.index) + (event.key === "ArrowDown" ? 1 : -1);
    if (next === -1) {
      event.preventDefault();
      document.getElementById(SEARCH_INPUT_ID)?.focus();
      return;
    }
    if (next >= items.length) return;
    event.preventDefault();
    focusRow(next);
  }

  const busy = list.isPlaceholderData || (list.isFetching && !list.isFetchingNextPage && items.length === 0);
  const selectedTab = `conversation-tab-${filters.status}`;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <ConversationFilters filters={filters} onMoveToResults={focusFirstResult} />
      {selecting ? (
        <Suspense fallback={null}>
          <BulkBar filters={filters} />
        </Suspense>
      ) : null}
      <div className="relative min-h-0 flex-1">
        {list.isPlaceholderData ? (
          <div aria-hidden="true" className="absolute inset-x-0 top-0 z-10 h-0.5 overflow-hidden bg-blue-100">
            <div className="h-full w-1/3 animate-pulse bg-blue-600" />
          </div>
        ) : null}
        <div
          ref={scrollRef}
          id={LIST_PANEL_ID}
          role="tabpanel"
          aria-labelledby={selectedTab}
          aria-busy={busy}
          onScroll={(event) => {
            const offset = event.currentTarget.scrollTop;
            saveScrollOffset(key, offset);
            if (!virtualizer && Math.abs(offset - ownOffset.current) > 1) windowing.load();
          }}
          onKeyDown={onKeyDown}
          className={`h-full overflow-y-auto overscroll-contain transition-opacity ${list.isPlaceholderData ? "opacity-60" : ""}`}
        >
          {list.isPending ? (
            <ListSkeleton label={t.loading} />
          ) : list.isError && items.length === 0 ? (
            <ListMessage title={t.listError} role="alert">
              <button
                type="button"
                onClick={() => void list.refetch()}
                className="mt-3 rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-50"
              >
                {t.retry}
              </button>
            </ListMessage>
          ) : items.length === 0 ? (
            filters.search ? (
              <EmptySearch filters={filters} onPick={focusFirstResult} />
            ) : (
              <ListMessage title={t.emptyTitle}>
                <p className="mt-1">{t.emptyHint}</p>
              </ListMessage>
            )
          ) : (
            <ul
              aria-label={t.conversationList}
              className="relative w-full"
              style={virtualizer ? { height: virtualizer.getTotalSize() } : undefined}
            >
              {virtualRows.map((virtualRow) => {
                const conversation = items[virtualRow.index];
                return (
                  <li
                    key={virtualRow.key}
                    ref={virtualizer?.measureElement}
                    data-index={virtualRow.index}
                    aria-setsize={list.hasNextPage ? -1 : items.length}
                    aria-posinset={virtualRow.index + 1}
                    className={virtualizer ? "absolute inset-x-0 top-0" : undefined}
                    style={virtualizer ? { transform: `translateY(${virtualRow.start}px)` } : undefined}
                  >
                    {conversation ? (
                      <ConversationRow
                        conversation={conversation}
                        selected={conversation.id === selectedId}
                        checked={selection.all || selection.ids.has(conversation.id)}
                        selecting={selecting}
                        unread={isUnread(conversation)}
                        now={now}
                        onMarkUnread={readState.markUnread}
                      />
                    ) : (
                      <LoadMoreRow
                        failed={list.isFetchNextPageError}
                        onRetry={() => void list.fetchNextPage()}
                        loadingLabel={t.loadingMore}
                        errorLabel={t.listError}
                        retryLabel={t.retry}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}

function rowAt(scroller: HTMLElement | null, index: number) {
  return scroller?.querySelector<HTMLElement>(`[data-index="${index}"]`) ?? null;
}

/** The clock relative times are shown against, ticking once a minute. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function ListSkeleton({ label }: { label: string }) {
  return (
    <div role="status" className="animate-pulse">
      <span className="sr-only">{label}</span>
      {Array.from({ length: 8 }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing else to key on
        <div key={index} aria-hidden="true" className="flex gap-3 border-b border-slate-100 px-3 py-3">
          <div className="size-9 shrink-0 rounded-full bg-slate-200" />
          <div className="flex flex-1 flex-col gap-2">
            <div className="h-3 w-2/5 rounded bg-slate-200" />
            <div className="h-3 w-4/5 rounded bg-slate-100" />
            <div className="h-3 w-1/4 rounded bg-slate-100" />
          </div>
        </div>
      ))}
    </div>
  );
}

function ListMessage({
  title,
  role,
  children,
}: {
  title: string;
  role?: "alert";
  children?: React.ReactNode;
}) {
  return (
    <div role={role} className="px-6 py-10 text-center text-sm text-slate-500">
      <p className="font-medium text-slate-800">{title}</p>
      {children}
    </div>
  );
}

/** No hits under this status: says which other statuses have some, one press away. */
function EmptySearch({ filters, onPick }: { filters: Filters; onPick: (patch: Partial<Filters>) => void }) {
  const t = useStrings("conversations");
  const formatters = useFormatters();
  const counts = useStatusCounts(filters);
  const elsewhere = counts.isPlaceholderData
    ? []
    : CONVERSATION_STATUSES.filter((status) => status !== filters.status && (counts.data?.[status] ?? 0) > 0);
  if (elsewhere.length === 0) {
    return (
      <ListMessage title={format(t.emptySearchTitle, { search: filters.search })}>
        <p className="mt-1">{t.emptySearchHint}</p>
      </ListMessage>
    );
  }
  return (
    <ListMessage
      title={format(t.emptySearchElsewhereTitle, { search: filters.search, status: t[filters.status] })}
    >
      <p className="mt-1">{t.emptySearchElsewhereHint}</p>
      <ul className="mt-3 flex flex-wrap justify-center gap-2">
        {elsewhere.map((status) => (
          <li key={status}>
            <button
              type="button"
              onClick={() => onPick({ status })}
              className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              {format(t.statusWithCount, {
                status: t[status],
                count: formatters.number(counts.data?.[status] ?? 0),
              })}
            </button>
          </li>
        ))}
      </ul>
    </ListMessage>
  );
}

function LoadMoreRow(props: {
  failed: boolean;
  onRetry: () => void;
  loadingLabel: string;
  errorLabel: string;
  retryLabel: string;
}) {
  if (props.failed) {
    return (
      <div role="alert" className="flex items-center justify-center gap-3 px-3 py-4 text-sm text-slate-600">
        <span>{props.errorLabel}</span>
        <button
          type="button"
          onClick={props.onRetry}
          className="rounded-md border border-slate-300 bg-white px-2 py-0.5 font-medium hover:bg-slate-50"
        >
          {props.retryLabel}
        </button>
      </div>
    );
  }
  return (
    <div role="status" className="px-3 py-4 text-center text-sm text-slate-500">
      {props.loadingLabel}
    </div>
  );
}
