"use client";
import {
  defaultRangeExtractor,
  type Range,
  useVirtualizer,
  type VirtualItem,
  type Virtualizer,
} from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useStrings } from "@/components/i18n/locale";
import {
  ESTIMATED_ROW,
  HISTORY_PADDING_END,
  HISTORY_PADDING_START,
  type HistoryHandOver,
  type HistoryRowsProps,
  STICKY_DAY_AFTER_PX,
  useRowContext,
} from "@/components/messages/message-list";
import { MessageRow } from "@/components/messages/message-row";

// Start fetching the previous page while this many rows are still above the viewport.
const LOAD_AHEAD_ROWS = 15;
const HIGHLIGHT_MS = 2_000;

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
  list: Virtualizer<HTMLElement, Element>,
) => {
  const offset = list.scrollOffset ?? 0;
  return list.itemSizeCache.has(item.key) ? item.end <= offset : item.start < offset;
};

/**
 * The history's rows, virtualized. `anchorTo: "end"` keeps the row the agent is reading where it
 * is when older pages are prepended (the virtualizer shifts the offset by the measured height
 * added above), and `followOnAppend` keeps the list at the newest message while it is there.
 * `handOver` takes over from the plain rows of the first paint (components/messages/message-list.tsx)
 * in the same scroll box, where they were.
 */
export function VirtualHistoryRows({
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
  scrollRef,
  events,
  onOverlay,
  takenFocus,
  handOver,
}: HistoryRowsProps & { handOver: HistoryHandOver | null }) {
  const t = useStrings("messages");
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  // Following the newest message until the agent scrolls back by themselves (or jumps to a message).
  const following = useRef(handOver?.following ?? true);
  // The focused row stays rendered whatever the scroll offset does (an older page landing while
  // ArrowUp is held, a jump): an unmounted row would drop focus to the page's body.
  // Held by id: a prepended page shifts every index.
  const focusedId = useRef<string | null>(null);
  // Taking over, the scroll box is there: the first render has the rows in view, not none.
  const [initialRect] = useState(() => {
    const scroller = handOver ? scrollRef.current : null;
    return scroller ? { width: scroller.clientWidth, height: scroller.clientHeight } : undefined;
  });
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
    paddingStart: HISTORY_PADDING_START,
    paddingEnd: HISTORY_PADDING_END,
    anchorTo: "end",
    // Pages read forward from the start are appended below the reader, who stays where they are.
    followOnAppend: !hasNewer,
    rangeExtractor,
    scrollEndThreshold: 32,
    initialOffset: () => (handOver ? (scrollRef.current?.scrollTop ?? 0) : messages.length * ESTIMATED_ROW),
    initialMeasurementsCache: handOver?.measured,
    initialRect,
  });
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = keepsReadingRowInPlace;

  const { byId, replyCounts } = useRowContext(messages);

  // Opens at the newest message once (unless it takes over from a history scrolled back), then on every send.
  const resumedAt = useRef(handOver && !handOver.following ? sentNonce : null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the send counter is what it follows.
  useLayoutEffect(() => {
    if (resumedAt.current === sentNonce) return;
    resumedAt.current = null;
    virtualizer.scrollToEnd();
  }, [sentNonce]);
  // The row that had focus among the plain rows has it here too, as soon as it is rendered.
  useLayoutEffect(() => {
    const row = takenFocus.current ? rowFor(takenFocus.current) : null;
    if (!row) return;
    takenFocus.current = null;
    focusedId.current = row.dataset.messageId ?? null;
    row.focus({ preventScroll: true });
  });

  const virtualItems = virtualizer.getVirtualItems();
  // Until it scrolls itself, the way the plain history it took over from was scrolled.
  const scrollDirection = virtualizer.scrollDirection ?? handOver?.direction ?? null;
  const firstRendered = virtualItems[0]?.index ?? 0;
  const viewport = virtualizer.scrollRect?.height ?? 0;
  // Only while the agent scrolls back (or when the history does not fill the pane): the first
  // render starts at the top until the list has been scrolled to the newest message.
  const wantsOlder =
    hasOlder &&
    !loadingOlder &&
    ((firstRendered < LOAD_AHEAD_ROWS && scrollDirection === "backward") ||
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
    scrollDirection === "forward";
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

  /** Moves focus from the message `row` for `key`; false when the key is not one of these. */
  function moveFrom(row: HTMLElement, key: string): boolean {
    const index = messages.findIndex((m) => m.id === row.dataset.messageId);
    if (index < 0) return false;
    const last = messages.length - 1;
    if (key === "Home" && hasOlder) onToStart();
    else if (key === "End" && hasNewer) onToNewest();
    else if (key === "Home" || key === "End") focusRow(key === "Home" ? 0 : last, "center");
    else if (key === "PageUp" || key === "PageDown") {
      const up = key === "PageUp";
      focusRow(pageFrom(index, up ? -1 : 1), up ? "start" : "end");
    } else if (key === "ArrowUp" || key === "ArrowDown") {
      const next = index + (key === "ArrowUp" ? -1 : 1);
      if (next >= 0 && next <= last) focusRow(next, "auto");
    } else return false;
    return true;
  }
  const latestMoveFrom = useRef(moveFrom);
  latestMoveFrom.current = moveFrom;

  // The keys pressed on a message while this loaded, one a frame, as if just pressed.
  useEffect(() => {
    const keys = [...(handOver?.keys ?? [])];
    let frame = 0;
    const next = () => {
      const key = keys.shift();
      if (key === undefined) return;
      const row = document.activeElement?.closest<HTMLElement>("article[data-message-id]");
      if (row && scrollRef.current?.contains(row)) latestMoveFrom.current(row, key);
      frame = requestAnimationFrame(next);
    };
    if (keys.length > 0) frame = requestAnimationFrame(next);
    return () => cancelAnimationFrame(frame);
  }, [handOver, scrollRef]);

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
  }, [virtualizer, scrollRef]);
  const tabbableId = activeId && byId.has(activeId) ? activeId : messages.at(-1)?.id;
  // The day of the topmost message in view, pinned above the history while it is scrolled (its
  // own separator has scrolled away); the separators in the history are what screen readers hear.
  const offset = virtualizer.scrollOffset ?? 0;
  const topItem = virtualItems.find((item) => item.end > offset + 8);
  const topDay = offset > STICKY_DAY_AFTER_PX && topItem ? messages[topItem.index]?.createdAt : undefined;
  useLayoutEffect(() => onOverlay(topDay, !atEnd), [onOverlay, topDay, atEnd]);

  // The scroll box's events are the rows' to handle.
  const hasNewerRef = useRef(hasNewer);
  hasNewerRef.current = hasNewer;
  const onToNewestRef = useRef(onToNewest);
  onToNewestRef.current = onToNewest;
  useLayoutEffect(() => {
    events.current = {
      onKeyDown: (event) => {
        const row = event.target instanceof HTMLElement ? event.target : null;
        if (row?.tagName !== "ARTICLE" || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey)
          return;
        if (latestMoveFrom.current(row, event.key)) event.preventDefault();
      },
      onScroll: (event) => {
        // Only scrolling decides whether the reader follows the newest message; growing
        // content or a shrinking pane fires no scroll event and leaves the choice as it was.
        const el = event.currentTarget;
        following.current = el.scrollHeight - el.scrollTop - el.clientHeight <= 48;
      },
      onFocus: (event) => {
        const id = event.target instanceof HTMLElement ? event.target.dataset.messageId : undefined;
        if (!id || event.target.tagName !== "ARTICLE") return;
        setActiveId(id);
        focusedId.current = id;
      },
      onJump: () => (hasNewerRef.current ? onToNewestRef.current() : virtualizer.scrollToEnd()),
    };
  }, [events, virtualizer]);
  return (
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
  );
}
