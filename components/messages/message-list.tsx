"use client";
import type { Range, VirtualItem, Virtualizer } from "@tanstack/react-virtual";
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
import { takeOverPlainRows, useWindowing, windowing } from "@/components/lists/use-windowing";
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
const PADDING_START = 48;
const PADDING_END = 16;
// Start fetching the previous page while this many rows are still above the viewport.
const LOAD_AHEAD_ROWS = 15;
const HIGHLIGHT_MS = 2_000;
/** Scrolled further than this from the top, the day in view is pinned above the history. */
const STICKY_DAY_AFTER_PX = 64;
/**
 * Until the windowing has loaded (components/lists/use-windowing.ts), the newest rows are shown
 * plainly, where the windowed history lays them: more than the tallest screen shows, fewer than
 * the windowed history keeps in the page.
 */
const PLAIN_ROWS = 30;
/** The keys that move between messages; pressed before the windowing is there, they wait for it. */
const MOVE_KEYS = ["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End"];

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
 * The virtualized history. `anchorTo: "end"` keeps the row the agent is reading where it is when
 * older pages are prepended (the virtualizer shifts the offset by the measured height added above),
 * and `followOnAppend` keeps the list at the newest message while it is there. Before the
 * windowing has loaded, the newest rows are in the page as they are, following the newest message
 * the same way; the windowing then takes over from where they are.
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
  const scrollRef = useRef<HTMLElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
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
  // Before the windowing: where the history last put itself (any other offset is the member
  // scrolling), which way the member scrolled, and the keys that wait for it.
  const ownOffset = useRef(0);
  const plainDirection = useRef<"forward" | "backward" | null>(null);
  const waitingKeys = useRef<string[]>([]);
  const hidden = Math.max(messages.length - PLAIN_ROWS, 0);
  const rangeExtractor = useCallback((range: Range, fromLibrary: (range: Range) => number[]) => {
    const indexes = fromLibrary(range);
    const id = focusedId.current;
    const focused = id ? latestMessages.current.findIndex((m) => m.id === id) : -1;
    if (focused < 0 || focused >= range.count || indexes.includes(focused)) return indexes;
    return [...indexes, focused].sort((a, b) => a - b);
  }, []);
  const virtualizer = useWindowing<HTMLElement, Element>(
    (library) => ({
      count: messages.length,
      getScrollElement: () => scrollRef.current,
      estimateSize: () => ESTIMATED_ROW,
      getItemKey: (index) => messages[index]?.id ?? index,
      overscan: 6,
      paddingStart: PADDING_START,
      paddingEnd: PADDING_END,
      anchorTo: "end",
      // Pages read forward from the start are appended below the reader, who stays where they are.
      followOnAppend: !hasNewer,
      rangeExtractor: (range) => rangeExtractor(range, library.defaultRangeExtractor),
      scrollEndThreshold: 32,
      initialOffset: () => messages.length * ESTIMATED_ROW,
    }),
    () =>
      takeOverPlainRows(
        scrollRef.current,
        [...(contentRef.current?.querySelectorAll<HTMLElement>(":scope > [data-index]") ?? [])].flatMap(
          (element) => {
            const index = Number(element.dataset.index);
            const key = messages[index]?.id;
            return key === undefined ? [] : [{ index, key, element }];
          },
        ),
        PADDING_START + hidden * ESTIMATED_ROW,
      ),
  );
  if (virtualizer) virtualizer.shouldAdjustScrollPositionOnItemSizeChange = keepsReadingRowInPlace;

  const { byId, replyCounts } = useMemo(() => {
    const byId = new Map<string, MessageOutput>();
    const replyCounts = new Map<string, number>();
    for (const message of messages) {
      byId.set(message.id, message);
      if (message.parentId) replyCounts.set(message.parentId, (replyCounts.get(message.parentId) ?? 0) + 1);
    }
    return { byId, replyCounts };
  }, [messages]);

  function plainToEnd() {
    const scroller = scrollRef.current;
    if (!scroller) return;
    scroller.scrollTop = scroller.scrollHeight;
    ownOffset.current = scroller.scrollTop;
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: opens at the newest message once, then on every send.
  useLayoutEffect(() => {
    if (virtualizer) virtualizer.scrollToEnd();
    else plainToEnd();
  }, [sentNonce]);

  const virtualItems = virtualizer?.getVirtualItems() ?? null;
  // Until the windowing has scrolled by itself, the way the plain rows were scrolled.
  const scrollDirection = virtualizer?.scrollDirection ?? plainDirection.current;
  const firstRendered = virtualItems?.[0]?.index ?? 0;
  const viewport = virtualizer?.scrollRect?.height ?? 0;
  // Only while the agent scrolls back (or when the history does not fill the pane): the first
  // render starts at the top until the list has been scrolled to the newest message.
  const wantsOlder =
    virtualizer !== null &&
    hasOlder &&
    !loadingOlder &&
    ((firstRendered < LOAD_AHEAD_ROWS && scrollDirection === "backward") ||
      (viewport > 0 && virtualizer.getTotalSize() < viewport));
  useEffect(() => {
    if (wantsOlder) onLoadOlder();
  }, [wantsOlder, onLoadOlder]);
  const lastRendered = virtualItems?.at(-1)?.index ?? 0;
  // As for older pages, only while the agent reads on (not the moment the start is shown).
  const wantsNewer =
    virtualizer !== null &&
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
    // Finding a message anywhere in the history is the windowing's.
    if (!virtualizer) return windowing.load();
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
    if (rendered && (align === "auto" || !virtualizer)) {
      rendered.focus({ preventScroll: true });
      rendered.scrollIntoView({ block: "nearest" });
      return;
    }
    if (!virtualizer) return;
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
  function pageFrom(list: Virtualizer<HTMLElement, Element>, index: number, by: 1 | -1): number {
    const rows = list.measurementsCache;
    const here = rows[index];
    const height = scrollRef.current?.clientHeight ?? 0;
    let target = index;
    if (here && by < 0) while (target > 0 && (rows[target - 1]?.start ?? 0) >= here.end - height) target -= 1;
    if (here && by > 0)
      while (target < messages.length - 1 && (rows[target + 1]?.end ?? Infinity) <= here.start + height)
        target += 1;
    return target === index ? Math.min(Math.max(index + by, 0), messages.length - 1) : target;
  }

  /** Moves focus from the message `row` for `key`; false when it is not one of the keys that do. */
  function moveFrom(row: HTMLElement, key: string): boolean {
    if (!MOVE_KEYS.includes(key)) return false;
    if (!virtualizer) {
      waitingKeys.current.push(key);
      windowing.load();
      return true;
    }
    const index = messages.findIndex((m) => m.id === row.dataset.messageId);
    if (index < 0) return false;
    const last = messages.length - 1;
    if (key === "Home" && hasOlder) onToStart();
    else if (key === "End" && hasNewer) onToNewest();
    else if (key === "Home" || key === "End") focusRow(key === "Home" ? 0 : last, "center");
    else if (key === "PageUp" || key === "PageDown") {
      const up = key === "PageUp";
      focusRow(pageFrom(virtualizer, index, up ? -1 : 1), up ? "start" : "end");
    } else {
      const next = index + (key === "ArrowUp" ? -1 : 1);
      if (next >= 0 && next <= last) focusRow(next, "auto");
    }
    return true;
  }
  const latestMoveFrom = useRef(moveFrom);
  latestMoveFrom.current = moveFrom;

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const row = event.target instanceof HTMLElement ? event.target : null;
    if (row?.tagName !== "ARTICLE" || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey)
      return;
    if (moveFrom(row, event.key)) event.preventDefault();
  }

  // The keys pressed on a message while the windowing loaded, one a frame, as if pressed now.
  useEffect(() => {
    if (!virtualizer || waitingKeys.current.length === 0) return;
    let frame = 0;
    const next = () => {
      const key = waitingKeys.current.shift();
      if (key === undefined) return;
      const row = document.activeElement?.closest<HTMLElement>("article[data-message-id]");
      if (row && scrollRef.current?.contains(row)) latestMoveFrom.current(row, key);
      frame = requestAnimationFrame(next);
    };
    frame = requestAnimationFrame(next);
    return () => cancelAnimationFrame(frame);
  }, [virtualizer]);

  const atEnd = !virtualizer || (!hasNewer && virtualizer.getDistanceFromEnd() <= 48);
  // Rows measured taller than estimated (or images, slow pages) grow the history after the first
  // jump to the end; an agent following the conversation is carried along.
  const totalSize = virtualizer?.getTotalSize() ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs whenever the history's height changes.
  useLayoutEffect(() => {
    if (virtualizer && following.current && virtualizer.getDistanceFromEnd() > 1) virtualizer.scrollToEnd();
  }, [totalSize, virtualizer]);
  // The pane shrinks when the composer appears or grows (a longer draft, an attachment, the
  // reply quote): an agent following the conversation keeps seeing the newest message. Before
  // the windowing, the plain rows growing (fonts, images) carry it along too.
  // biome-ignore lint/correctness/useExhaustiveDependencies: plainToEnd reads only refs.
  useEffect(() => {
    const scroller = scrollRef.current;
    const content = contentRef.current;
    if (!scroller || !content) return;
    let height = scroller.clientHeight;
    const observer = new ResizeObserver(() => {
      const resized = scroller.clientHeight !== height;
      height = scroller.clientHeight;
      if (!following.current) return;
      if (!virtualizer) plainToEnd();
      else if (resized) virtualizer.scrollToEnd();
    });
    observer.observe(scroller);
    if (!virtualizer) observer.observe(content);
    return () => observer.disconnect();
  }, [virtualizer]);
  const tabbableId = activeId && byId.has(activeId) ? activeId : messages.at(-1)?.id;
  // The day of the topmost message in view, pinned above the history while it is scrolled (its
  // own separator has scrolled away); the separators in the history are what screen readers hear.
  const dayLabel = useDayLabel();
  const offset = virtualizer?.scrollOffset ?? 0;
  const topItem = virtualItems?.find((item) => item.end > offset + 8);
  const [plainTopDay, setPlainTopDay] = useState<string | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again whenever the rows change.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (virtualizer || !scroller) return;
    const top = scroller.getBoundingClientRect().top + 8;
    const row = [...(contentRef.current?.querySelectorAll<HTMLElement>(":scope > [data-index]") ?? [])].find(
      (element) => element.getBoundingClientRect().bottom > top,
    );
    const message = messages[Number(row?.dataset.index)];
    setPlainTopDay(scroller.scrollTop > STICKY_DAY_AFTER_PX ? message?.createdAt : undefined);
  }, [messages, sentNonce, virtualizer]);
  const topDay = virtualizer
    ? offset > STICKY_DAY_AFTER_PX && topItem
      ? messages[topItem.index]?.createdAt
      : undefined
    : plainTopDay;
  const rows =
    virtualItems?.map(({ index, key, start }) => ({ index, key, start })) ??
    messages.slice(hidden).map((message, at) => ({ index: hidden + at, key: message.id, start: 0 }));
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
          if (virtualizer) {
            following.current = el.scrollHeight - el.scrollTop - el.clientHeight <= 48;
            return;
          }
          if (Math.abs(el.scrollTop - ownOffset.current) <= 1) return;
          following.current = el.scrollHeight - el.scrollTop - el.clientHeight <= 48;
          plainDirection.current = el.scrollTop < ownOffset.current ? "backward" : "forward";
          ownOffset.current = el.scrollTop;
          windowing.load();
        }}
        onFocus={(event) => {
          const id = event.target instanceof HTMLElement ? event.target.dataset.messageId : undefined;
          if (!id || event.target.tagName !== "ARTICLE") return;
          setActiveId(id);
          focusedId.current = id;
        }}
        className="h-full overflow-y-auto [overflow-anchor:none] [contain:strict]"
      >
        <div
          ref={contentRef}
          className="relative w-full"
          style={
            virtualizer
              ? { height: totalSize }
              : { paddingTop: PADDING_START + hidden * ESTIMATED_ROW, paddingBottom: PADDING_END }
          }
        >
          <p className="absolute inset-x-0 top-3 text-center text-xs text-slate-600" aria-live="polite">
            {loadingOlder ? t.loadingOlder : hasOlder ? "" : t.startOfConversation}
          </p>
          <p role="status" className="sr-only">
            {matchedId ? t.openedAtMatch : ""}
          </p>
          {rows.map(({ index, key, start }) => {
            const message = messages[index];
            if (!message) return null;
            return (
              <div
                key={key}
                data-index={index}
                ref={virtualizer?.measureElement}
                className={`${virtualizer ? "absolute inset-x-0 top-0" : "relative"} has-[[data-ai-menu]]:z-20`}
                style={virtualizer ? { transform: `translateY(${start}px)` } : undefined}
              >
                <MessageRow
                  message={message}
                  previous={messages[index - 1]}
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
          onClick={() => (hasNewer ? onToNewest() : virtualizer?.scrollToEnd())}
          className="absolute bottom-3 end-4 flex items-center gap-1.5 rounded-full border border-slate-200 bg-white px-3 py-1.5 text-xs font-medium text-slate-700 shadow-md hover:bg-slate-50"
        >
          <ArrowDownIcon className="size-3.5" />
          {t.jumpToNewest}
        </button>
      )}
    </div>
  );
}
