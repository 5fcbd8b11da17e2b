"use client";
import {
  defaultRangeExtractor,
  type Range,
  useVirtualizer,
  type VirtualItem,
  type Virtualizer,
} from "@tanstack/react-virtual";
import {
  type KeyboardEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useStrings } from "@/components/i18n/locale";
import { useDayLabel } from "@/components/messages/day-label";
import { ArrowDownIcon } from "@/components/messages/icons";
import { type ListedMessage, MessageRow, type RowActions } from "@/components/messages/message-row";
import type { MessageOutput } from "@/server/connect/schemas";

/**
 * `highlight: false` only moves focus there (the Home and End keys); `focus: false` only scrolls
 * there and makes it the row Tab reaches (a search hit, while focus stays in the list).
 */
export type FocusRequest = { messageId: string; nonce: number; highlight?: boolean; focus?: boolean };

type Props = {
  messages: ListedMessage[];
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  /** The history was opened at its start (Home) and newer pages are still to load. */
  hasNewer: boolean;
  loadingNewer: boolean;
  onLoadNewer: () => void;
  /** Home when older pages are not loaded: the first page is loaded directly. */
  onToStart: () => void;
  /** End (or the jump button) while newer pages are not loaded. */
  onToNewest: () => void;
  /** Scroll to this message, focus it and highlight it briefly. */
  focusRequest: FocusRequest | null;
  /** Changes when this tab sends: the list follows to the newest message. */
  sentNonce: number;
  /** The search hit the history was opened at, marked. */
  matchedId?: string | null;
  actions: RowActions;
};

const ESTIMATED_ROW = 84;
// Start fetching the previous page while this many rows are still above the viewport.
const LOAD_AHEAD_ROWS = 15;
const HIGHLIGHT_MS = 2_000;
/** Scrolled further than this from the top, the day in view is pinned above the history. */
const STICKY_DAY_AFTER_PX = 64;

/**
 * Whether a row's change of height moves the scroll offset with it, so that what the agent is
 * reading stays put: a row measured for the first time with its top above the viewport, or a
 * row wholly above it. The library skips the second while scrolling back, but that is exactly
 * when an older page lands and the row that used to be first is measured again (it loses its day
 * separator or joins the group above it): without this, the history jumps by that difference.
 */
const keepsReadingRowInPlace = (
  item: VirtualItem,
  _delta: number,
  list: Virtualizer<HTMLDivElement, Element>,
) => {
  const offset = list.scrollOffset ?? 0;
  return list.itemSizeCache.has(item.key) ? item.end <= offset : item.start < offset;
};

/**
 * The virtualized history. `anchorTo: "end"` keeps the row the agent is reading where it is when
 * older pages are prepended (the virtualizer shifts the offset by the measured height added above),
 * and `followOnAppend` keeps the list at the newest message while it is there.
 */
export function MessageList({
  messages,
  hasOlder,
  loadingOlder,
  onLoadOlder,
  hasNewer,
  loadingNewer,
  onLoadNewer,
  onToStart,
  onToNewest,
  focusRequest,
  sentNonce,
  matchedId = null,
  actions,
}: Props) {
  const t = useStrings("messages");
  const scrollRef = useRef<HTMLDivElement>(null);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  // Following the newest message until the agent scrolls back by themselves (or jumps to a message).
  const following = useRef(true);
  // The focused row stays rendered whatever the scroll offset does (an older page landing while
  // ArrowUp is held, a jump): an unmounted row would drop focus to the page's body.
  // Held by id: a prepended page shifts every index.
  const focusedId = useRef<string | null>(null);
  const latestMessages = useRef(messages);
  latestMessages.current = messages;
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const id = focusedId.current;
    const focused = id ? latestMessages.current.findIndex((m) => m.id === id) : -1;
    if (focused < 0 || focused >= range.count || indexes.includes(focused)) return indexes;
    return [...indexes, focused].sort((a, b) => a - b);
  }, []);
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW,
    getItemKey: (index) => messages[index]?.id ?? index,
    overscan: 6,
    paddingStart: 48,
    paddingEnd: 16,
    anchorTo: "end",
    // Pages read forward from the start are appended below the reader, who stays where they are.
    followOnAppend: !hasNewer,
    rangeExtractor,
    scrollEndThreshold: 32,
    initialOffset: () => messages.length * ESTIMATED_ROW,
  });
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = keepsReadingRowInPlace;

  const { byId, replyCounts } = useMemo(() => {
    const byId = new Map<string, MessageOutput>();
    const replyCounts = new Map<string, number>();
    for (const message of messages) {
      byId.set(message.id, message);
      if (message.parentId) replyCounts.set(message.parentId, (replyCounts.get(message.parentId) ?? 0) + 1);
    }
    return { byId, replyCounts };
  }, [messages]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: opens at the newest message once, then on every send.
  useLayoutEffect(() => {
    virtualizer.scrollToEnd();
  }, [sentNonce]);

  const virtualItems = virtualizer.getVirtualItems();
  const firstRendered = virtualItems[0]?.index ?? 0;
  const viewport = virtualizer.scrollRect?.height ?? 0;
  // Only while the agent scrolls back (or when the history does not fill the pane): the first
  // render starts at the top until the list has been scrolled to the newest message.
  const wantsOlder =
    hasOlder &&
    !loadingOlder &&
    ((firstRendered < LOAD_AHEAD_ROWS && virtualizer.scrollDirection === "backward") ||
      (viewport > 0 && virtualizer.getTotalSize() < viewport));
  useEffect(() => {
    if (wantsOlder) onLoadOlder();
  }, [wantsOlder, onLoadOlder]);
  const lastRendered = virtualItems.at(-1)?.index ?? 0;
  // As for older pages, only while the agent reads on (not the moment the start is shown).
  const wantsNewer =
    hasNewer &&
    !loadingNewer &&
    lastRendered >= messages.length - LOAD_AHEAD_ROWS &&
    virtualizer.scrollDirection === "forward";
  useEffect(() => {
    if (wantsNewer) onLoadNewer();
  }, [wantsNewer, onLoadNewer]);

  const handledFocus = useRef<number | null>(null);
  useEffect(() => {
    if (!focusRequest || handledFocus.current === focusRequest.nonce) return;
    const index = messages.findIndex((m) => m.id === focusRequest.messageId);
    if (index < 0) return;
    handledFocus.current = focusRequest.nonce;
    following.current = false;
    if (focusRequest.focus === false) {
      virtualizer.scrollToIndex(index, { align: "center" });
      setActiveId(focusRequest.messageId);
    } else focusRow(index, "center");
    if (focusRequest.highlight !== false) setHighlighted(focusRequest.messageId);
  });
  useEffect(() => {
    if (!highlighted) return;
    const timer = window.setTimeout(() => setHighlighted(null), HIGHLIGHT_MS);
    return () => window.clearTimeout(timer);
  }, [highlighted]);

  const rowFor = (id: string) =>
    scrollRef.current?.querySelector<HTMLElement>(`article[data-message-id="${CSS.escape(id)}"]`);

  function focusRow(index: number, align: "center" | "auto" | "start" | "end") {
    const id = messages[index]?.id;
    if (!id) return;
    focusedId.current = id;
    // A rendered row (a neighbour always is) is focused at once: scrolling by index first could
    // land on another row if a page is prepended before the scroll settles.
    const rendered = rowFor(id);
    if (rendered && align === "auto") {
      rendered.focus({ preventScroll: true });
      rendered.scrollIntoView({ block: "nearest" });
      return;
    }
    virtualizer.scrollToIndex(index, { align });
    let frames = 0;
    const attempt = () => {
      const row = rowFor(id);
      if (row) row.focus({ preventScroll: true });
      else if (frames++ < 30) requestAnimationFrame(attempt);
    };
    requestAnimationFrame(attempt);
  }

  /** The row a viewport's height above (or below) the focused one, at least its neighbour. */
  function pageFrom(index: number, by: 1 | -1): number {
    const rows = virtualizer.measurementsCache;
    const here = rows[index];
    const height = scrollRef.current?.clientHeight ?? 0;
    let target = index;
    if (here && by < 0) while (target > 0 && (rows[target - 1]?.start ?? 0) >= here.end - height) target -= 1;
    if (here && by > 0)
      while (target < messages.length - 1 && (rows[target + 1]?.end ?? Infinity) <= here.start + height)
        target += 1;
    return target === index ? Math.min(Math.max(index + by, 0), messages.length - 1) : target;
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const row = event.target instanceof HTMLElement ? event.target : null;
    if (row?.tagName !== "ARTICLE" || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey)
      return;
    const index = messages.findIndex((m) => m.id === row.dataset.messageId);
    if (index < 0) return;
    const last = messages.length - 1;
    if (event.key === "Home" && hasOlder) onToStart();
    else if (event.key === "End" && hasNewer) onToNewest();
    else if (event.key === "Home" || event.key === "End") focusRow(event.key === "Home" ? 0 : last, "center");
    else if (event.key === "PageUp" || event.key === "PageDown") {
      const up = event.key === "PageUp";
      focusRow(pageFrom(index, up ? -1 : 1), up ? "start" : "end");
    } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      const next = index + (event.key === "ArrowUp" ? -1 : 1);
      if (next < 0 || next > last) return;
      focusRow(next, "auto");
    } else return;
    event.preventDefault();
  }

  const atEnd = !hasNewer && virtualizer.getDistanceFromEnd() <= 48;
  // Rows measured taller than estimated (or images, slow pages) grow the history after the first
  // jump to the end; an agent following the conversation is carried along.
  const totalSize = virtualizer.getTotalSize();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs whenever the history's height changes.
  useLayoutEffect(() => {
    if (following.current && virtualizer.getDistanceFromEnd() > 1) virtualizer.scrollToEnd();
  }, [totalSize, virtualizer]);
  // The pane shrinks when the composer appears or grows (a longer draft, an attachment, the
  // reply quote): an agent following the conversation keeps seeing the newest message.
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    let height = scroller.clientHeight;
    const observer = new ResizeObserver(() => {
      if (scroller.clientHeight !== height && following.current) virtualizer.scrollToEnd();
      height = scroller.clientHeight;
    });
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [virtualizer]);
  const tabbableId = activeId && byId.has(activeId) ? activeId : messages.at(-1)?.id;
  // The day of the topmost message in view, pinned above the history while it is scrolled (its
  // own separator has scrolled away); the separators in the history are what screen readers hear.
  const dayLabel = useDayLabel();
  const offset = virtualizer.scrollOffset ?? 0;
  const topItem = virtualItems.find((item) => item.end > offset + 8);
  const topDay = offset > STICKY_DAY_AFTER_PX && topItem ? messages[topItem.index]?.createdAt : undefined;
  return (
    <div className="relative min-h-0 flex-1">
      <section
        ref={scrollRef}
        aria-label={t.history}
        onKeyDown={onKeyDown}
        onScroll={(event) => {
          // Only scrolling decides whether the reader follows the newest message; growing
          // content or a shrinking pane fires no scroll event and leaves the choice as it was.
          const el = event.currentTarget;
          following.current = el.scrollHeight - el.scrollTop - el.clientHeight <= 48;
        }}
        onFocus={(event) => {
          const id = event.target instanceof HTMLElement ? event.target.dataset.messageId : undefined;
          if (!id || event.target.tagName !== "ARTICLE") return;
          setActiveId(id);
          focusedId.current = id;
        }}
        className="h-full overflow-y-auto [overflow-anchor:none] [contain:strict]"
      >
        <div className="relative w-full" style={{ height: totalSize }}>
          <p className="absolute inset-x-0 top-3 text-center text-xs text-slate-600" aria-live="polite">
            {loadingOlder ? t.loadingOlder : hasOlder ? "" : t.startOfConversation}
          </p>
          <p role="status" className="sr-only">
            {matchedId ? t.openedAtMatch : ""}
          </p>
          {virtualItems.map((item) => {
            const message = messages[item.index];
            if (!message) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="absolute inset-x-0 top-0 has-[[data-ai-menu]]:z-20"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <MessageRow
                  message={message}
                  previous={messages[item.index - 1]}
                  parent={message.parentId ? byId.get(message.parentId) : undefined}
                  replyCount={replyCounts.get(message.id) ?? 0}
                  highlighted={highlighted === message.id}
                  matched={matchedId === message.id}
                  tabbable={message.id === tabbableId}
                  actions={actions}
                />
              </div>
            );
          })}
        </div>
      </section>
      {topDay ? (
        <div
          aria-hidden="true"
          data-sticky-day=""
          className="pointer-events-none absolute inset-x-0 top-2 z-10 flex justify-center"
        >
          <span className="rounded-full bg-white/95 px-2.5 py-0.5 text-xs font-medium text-slate-600 shadow-sm ring-1 ring-slate-200">
            {dayLabel(topDay)}
          </span>
        </div>
      ) : null}
      {atEnd ? null : (
        <button
          type="button"
          onClick={() => (hasNewer ? onToNewest() : virtualizer.scrollToEnd())}
          className="absolute bottom-3 end-4 flex items-center gap-1.5 rounded-full border border-slate-200 bg-white px-3 py-1.5 text-xs font-medium text-slate-700 shadow-md hover:bg-slate-50"
        >
          <ArrowDownIcon className="size-3.5" />
          {t.jumpToNewest}
        </button>
      )}
    </div>
  );
}
