"use client";
import { keepPreviousData } from "@tanstack/react-query";
import type { VirtualItem } from "@tanstack/react-virtual";
import {
  type KeyboardEvent,
  lazy,
  type ReactNode,
  type RefObject,
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
import { onFirstUse, useFirstUse } from "@/components/lists/on-first-use";
import type { ConversationListItem } from "@/server/conversations/schemas";
import { CONVERSATION_STATUSES } from "@/server/conversations/statuses";

const PAGE_SIZE = 40;

// The windowed rows (components/conversations/virtual-conversation-rows.tsx, with
// @tanstack/react-virtual) load with the member's first key, click, wheel or touch, or the
// list's first scroll; the first paint shows the first rows plainly.
const virtualRows = onFirstUse(() => import("@/components/conversations/virtual-conversation-rows"));
/** More rows than the tallest screen shows, fewer than the windowed list keeps in the page. */
const PLAIN_ROWS = 24;

/** What the windowed rows do for the list around them. */
export type ListWindow = {
  scrollToIndex: (index: number) => void;
  scrollToOffset: (offset: number) => void;
};

/** The plain rows' measured heights, for the windowed ones that take over from them. */
export type RowsHandOver = { measured: VirtualItem[] };

export type RowsProps = {
  items: ConversationListItem[];
  label: string;
  /** `aria-setsize`: -1 while more pages are to come. */
  setSize: number;
  renderRow: (conversation: ConversationListItem) => ReactNode;
  scrollRef: RefObject<HTMLElement | null>;
  /** The conversation whose row had focus when the plain rows went, set as they go. */
  takenFocus: RefObject<string | null>;
};

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
  const windowed = useFirstUse(virtualRows);
  const [windowedFromStart] = useState(windowed !== null);
  const [handOver, setHandOver] = useState<RowsHandOver | null>(null);
  const VirtualRows = windowed && (windowedFromStart || handOver) ? windowed.VirtualConversationRows : null;
  const listWindow = useRef<ListWindow | null>(null);
  const takenFocus = useRef<string | null>(null);
  // The offset the plain rows scrolled the list to: any other is the member scrolling.
  const ownOffset = useRef(0);

  const reveal = useCallback((index: number) => {
    if (listWindow.current) listWindow.current.scrollToIndex(index);
    else rowAt(scrollRef, index)?.scrollIntoView({ block: "nearest" });
  }, []);

  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    if (listWindow.current) listWindow.current.scrollToOffset(0);
    else if (scrollRef.current) {
      scrollRef.current.scrollTop = 0;
      ownOffset.current = 0;
    }
  }, [key]);

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
  const [windowRowsShown, setWindowRowsShown] = useState(false);
  const renderedRows = VirtualRows ? windowRowsShown : items.length > 0;
  useEffect(() => {
    if (!selectedId || !renderedRows || !takeRowFocus(selectedId)) return;
    scrollRef.current
      ?.querySelector<HTMLElement>(`a[data-conversation-id="${selectedId}"]`)
      ?.focus({ preventScroll: true });
  }, [selectedId, renderedRows]);

  const focusRow = useCallback(
    (index: number) => {
      reveal(index);
      // A rendered row takes focus at once, so a key pressed again before the next frame moves
      // on from it; a row the virtualizer has yet to render takes it once rendered.
      const row = () => rowAt(scrollRef, index)?.querySelector("a");
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
  const rows: RowsProps = {
    items,
    label: t.conversationList,
    setSize: list.hasNextPage ? -1 : items.length,
    renderRow: (conversation) => (
      <ConversationRow
        conversation={conversation}
        selected={conversation.id === selectedId}
        checked={selection.all || selection.ids.has(conversation.id)}
        selecting={selecting}
        unread={isUnread(conversation)}
        now={now}
        onMarkUnread={readState.markUnread}
      />
    ),
    scrollRef,
    takenFocus,
  };

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
            if (!VirtualRows && Math.abs(offset - ownOffset.current) > 1) virtualRows.load();
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
          ) : VirtualRows ? (
            <VirtualRows
              {...rows}
              listWindow={listWindow}
              initialOffset={() => savedScrollOffset(key)}
              handOver={handOver}
              onRowsShown={setWindowRowsShown}
              paging={list}
            />
          ) : (
            <PlainRows
              {...rows}
              initialOffset={savedScrollOffset(key)}
              ownOffset={ownOffset}
              ready={windowed !== null}
              onHandOver={setHandOver}
            />
          )}
        </div>
      </div>
    </div>
  );
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

function rowAt(scrollRef: RefObject<HTMLElement | null>, index: number) {
  return scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`) ?? null;
}

/**
 * The first rows, not windowed: what the first paint needs. Once the windowed rows are there
 * (`ready`) they take over with these rows' measured heights and the row that has focus.
 */
function PlainRows({
  items,
  label,
  setSize,
  renderRow,
  scrollRef,
  takenFocus,
  initialOffset,
  ownOffset,
  ready,
  onHandOver,
}: RowsProps & {
  initialOffset: number;
  ownOffset: RefObject<number>;
  ready: boolean;
  onHandOver: (handOver: RowsHandOver) => void;
}) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: where the list was, once, as it mounts.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller || initialOffset === 0) return;
    scroller.scrollTop = initialOffset;
    ownOffset.current = scroller.scrollTop;
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once the windowed rows are there.
  useLayoutEffect(() => {
    if (!ready) return;
    const measured: VirtualItem[] = [];
    let start = 0;
    items.slice(0, PLAIN_ROWS).forEach((conversation, index) => {
      const size = rowAt(scrollRef, index)?.offsetHeight;
      if (size === undefined) return;
      measured.push({ index, key: conversation.id, start, size, end: start + size, lane: 0 });
      start += size;
    });
    onHandOver({ measured });
  }, [ready]);
  // As the rows go (before they leave the page), the row that has focus is noted.
  useLayoutEffect(
    () => () => {
      const focused = document.activeElement?.closest<HTMLElement>("[data-conversation-id]");
      takenFocus.current =
        focused && scrollRef.current?.contains(focused) ? (focused.dataset.conversationId ?? null) : null;
    },
    [scrollRef, takenFocus],
  );
  return (
    <ul aria-label={label} className="relative w-full">
      {items.slice(0, PLAIN_ROWS).map((conversation, index) => (
        <li key={conversation.id} data-index={index} aria-setsize={setSize} aria-posinset={index + 1}>
          {renderRow(conversation)}
        </li>
      ))}
    </ul>
  );
}
