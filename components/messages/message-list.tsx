"use client";
import type { VirtualItem } from "@tanstack/react-virtual";
import {
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
  type UIEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useStrings } from "@/components/i18n/locale";
import { onFirstUse, useFirstUse } from "@/components/lists/on-first-use";
import { useDayLabel } from "@/components/messages/day-label";
import { ArrowDownIcon } from "@/components/messages/icons";
import { type ListedMessage, MessageRow, type RowActions } from "@/components/messages/message-row";

/**
 * `highlight: false` only moves focus there (the Home and End keys); `focus: false` only scrolls
 * there and makes it the row Tab reaches (a search hit, while focus stays in the list).
 */
export type FocusRequest = { messageId: string; nonce: number; highlight?: boolean; focus?: boolean };

export type MessageListProps = {
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

export const ESTIMATED_ROW = 84;
export const HISTORY_PADDING_START = 48;
export const HISTORY_PADDING_END = 16;
/** Scrolled further than this from the top, the day in view is pinned above the history. */
export const STICKY_DAY_AFTER_PX = 64;
/** The keys that move between messages (components/messages/virtual-message-list.tsx). */
export const HISTORY_KEYS = ["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End"];

/** What the rows inside the history's scroll box do with its events and its jump button. */
export type HistoryEvents = {
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  onScroll?: (event: UIEvent<HTMLElement>) => void;
  onFocus?: (event: FocusEvent<HTMLElement>) => void;
  onJump?: () => void;
};

/** What the rows show above the history: the day pinned at the top, the jump to the newest. */
export type HistoryOverlay = { topDay: string | undefined; jump: boolean };

/** Where the plain history was when the virtualized one takes over from it. */
export type HistoryHandOver = {
  /** The rows shown plainly, as measured. */
  measured: VirtualItem[];
  following: boolean;
  /** Which way the member last scrolled the plain history. */
  direction: "forward" | "backward" | null;
  /** Keys pressed on a message while the virtualized history loaded, to act on in order. */
  keys: string[];
};

export type HistoryRowsProps = MessageListProps & {
  scrollRef: RefObject<HTMLElement | null>;
  events: RefObject<HistoryEvents>;
  onOverlay: (topDay: string | undefined, jump: boolean) => void;
  /** The message that had focus when the plain rows went, set as they go. */
  takenFocus: RefObject<string | null>;
};

// The virtualized rows (components/messages/virtual-message-list.tsx, with
// @tanstack/react-virtual) load with the member's first key, click, wheel or touch, or the
// history's first scroll. The first paint shows the newest rows plainly, laid out as those are.
const virtualHistory = onFirstUse(() => import("@/components/messages/virtual-message-list"));
/** More rows than the tallest screen shows, fewer than the virtualized history keeps in the page. */
const PLAIN_ROWS = 30;

/**
 * The history's scroll box, the same element from the first paint on, whichever rows are in it;
 * the day pinned above it and the jump to the newest message.
 */
export function MessageList(props: MessageListProps) {
  const t = useStrings("messages");
  const dayLabel = useDayLabel();
  const virtual = useFirstUse(virtualHistory);
  const [virtualFromStart] = useState(virtual !== null);
  const [handOver, setHandOver] = useState<HistoryHandOver | null>(null);
  const VirtualRows = virtual && (virtualFromStart || handOver) ? virtual.VirtualHistoryRows : null;
  const scrollRef = useRef<HTMLElement>(null);
  const events = useRef<HistoryEvents>({});
  const takenFocus = useRef<string | null>(null);
  const [overlay, setOverlay] = useState<HistoryOverlay>({ topDay: undefined, jump: false });
  const onOverlay = useCallback(
    (topDay: string | undefined, jump: boolean) =>
      setOverlay((shown) => (shown.topDay === topDay && shown.jump === jump ? shown : { topDay, jump })),
    [],
  );
  const rows = { ...props, scrollRef, events, onOverlay, takenFocus };
  return (
    <div className="relative min-h-0 flex-1">
      <section
        ref={scrollRef}
        aria-label={t.history}
        onKeyDown={(event) => events.current.onKeyDown?.(event)}
        onScroll={(event) => events.current.onScroll?.(event)}
        onFocus={(event) => events.current.onFocus?.(event)}
        className="h-full overflow-y-auto [overflow-anchor:none] [contain:strict]"
      >
        {VirtualRows ? (
          <VirtualRows {...rows} handOver={handOver} />
        ) : (
          <PlainHistoryRows {...rows} ready={virtual !== null} onHandOver={setHandOver} />
        )}
      </section>
      {overlay.topDay ? (
        <div
          aria-hidden="true"
          data-sticky-day=""
          className="pointer-events-none absolute inset-x-0 top-2 z-10 flex justify-center"
        >
          <span className="rounded-full bg-white/95 px-2.5 py-0.5 text-xs font-medium text-slate-600 shadow-sm ring-1 ring-slate-200">
            {dayLabel(overlay.topDay)}
          </span>
        </div>
      ) : null}
      {overlay.jump ? (
        <button
          type="button"
          onClick={() => events.current.onJump?.()}
          className="absolute bottom-3 end-4 flex items-center gap-1.5 rounded-full border border-slate-200 bg-white px-3 py-1.5 text-xs font-medium text-slate-700 shadow-md hover:bg-slate-50"
        >
          <ArrowDownIcon className="size-3.5" />
          {t.jumpToNewest}
        </button>
      ) : null}
    </div>
  );
}

/**
 * The newest rows, not windowed: what the first paint needs, laid out where the virtualized
 * rows lay them (the rows not shown count at their estimated height). It follows the newest
 * message as those do. A scroll, or any other first use, brings the virtualized rows, which take
 * over at the same place (`onHandOver`); the keys that move between messages wait for them.
 */
function PlainHistoryRows({
  messages,
  hasOlder,
  loadingOlder,
  focusRequest,
  sentNonce,
  matchedId = null,
  actions,
  scrollRef,
  events,
  onOverlay,
  takenFocus,
  ready,
  onHandOver,
}: HistoryRowsProps & { ready: boolean; onHandOver: (handOver: HistoryHandOver) => void }) {
  const t = useStrings("messages");
  const contentRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  // Where this list last put the scroll box, or the member did: any other offset is a scroll.
  const ownOffset = useRef(0);
  const direction = useRef<HistoryHandOver["direction"]>(null);
  const keys = useRef<string[]>([]);
  const hidden = Math.max(messages.length - PLAIN_ROWS, 0);
  const shown = messages.slice(hidden);
  const paddingTop = HISTORY_PADDING_START + hidden * ESTIMATED_ROW;
  const { byId, replyCounts } = useRowContext(messages);

  // biome-ignore lint/correctness/useExhaustiveDependencies: follows every change of the rows and every send.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (following.current) toEnd(scroller, ownOffset);
    const top = scroller?.getBoundingClientRect().top ?? 0;
    const firstInView = [...(contentRef.current?.querySelectorAll<HTMLElement>("[data-index]") ?? [])].find(
      (row) => row.getBoundingClientRect().bottom > top + 8,
    );
    const message = messages[Number(firstInView?.dataset.index)];
    onOverlay(
      (scroller?.scrollTop ?? 0) > STICKY_DAY_AFTER_PX && message ? message.createdAt : undefined,
      false,
    );
  }, [messages, sentNonce]);

  useEffect(() => {
    const scroller = scrollRef.current;
    const content = contentRef.current;
    if (!scroller || !content) return;
    const observer = new ResizeObserver(() => {
      if (following.current) toEnd(scroller, ownOffset);
    });
    observer.observe(scroller);
    observer.observe(content);
    return () => observer.disconnect();
  }, [scrollRef]);

  // A message to go to is the virtualized rows' to find.
  useEffect(() => {
    if (focusRequest) virtualHistory.load();
  }, [focusRequest]);

  useLayoutEffect(() => {
    events.current = {
      onKeyDown: (event) => {
        const row = event.target instanceof HTMLElement ? event.target : null;
        if (row?.tagName !== "ARTICLE" || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey)
          return;
        if (!HISTORY_KEYS.includes(event.key)) return;
        event.preventDefault();
        keys.current.push(event.key);
        virtualHistory.load();
      },
      onScroll: (event) => {
        // Its own scrolls to the newest message leave it following; the member's decide.
        const scroller = event.currentTarget;
        if (Math.abs(scroller.scrollTop - ownOffset.current) <= 1) return;
        following.current = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= 48;
        direction.current = scroller.scrollTop < ownOffset.current ? "backward" : "forward";
        ownOffset.current = scroller.scrollTop;
        virtualHistory.load();
      },
    };
    // As the rows go (before they leave the page), the message that has focus is noted.
    return () => {
      const focused = document.activeElement?.closest<HTMLElement>("article[data-message-id]");
      takenFocus.current =
        focused && scrollRef.current?.contains(focused) ? (focused.dataset.messageId ?? null) : null;
    };
  }, [events, scrollRef, takenFocus]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once the virtualized rows are there.
  useLayoutEffect(() => {
    if (!ready) return;
    const measured: VirtualItem[] = [];
    let start = paddingTop;
    for (const row of contentRef.current?.querySelectorAll<HTMLElement>("[data-index]") ?? []) {
      const index = Number(row.dataset.index);
      const key = messages[index]?.id;
      if (key === undefined) continue;
      const size = row.offsetHeight;
      measured.push({ index, key, start, size, end: start + size, lane: 0 });
      start += size;
    }
    onHandOver({ measured, following: following.current, direction: direction.current, keys: keys.current });
  }, [ready]);

  const tabbableId = messages.at(-1)?.id;
  return (
    <div
      ref={contentRef}
      className="relative w-full"
      style={{ paddingTop, paddingBottom: HISTORY_PADDING_END }}
    >
      <p className="absolute inset-x-0 top-3 text-center text-xs text-slate-600" aria-live="polite">
        {loadingOlder ? t.loadingOlder : hasOlder ? "" : t.startOfConversation}
      </p>
      <p role="status" className="sr-only">
        {matchedId ? t.openedAtMatch : ""}
      </p>
      {shown.map((message, at) => {
        const index = hidden + at;
        return (
          <div key={message.id} data-index={index} className="relative has-[[data-ai-menu]]:z-20">
            <MessageRow
              message={message}
              previous={messages[index - 1]}
              parent={message.parentId ? byId.get(message.parentId) : undefined}
              replyCount={replyCounts.get(message.id) ?? 0}
              highlighted={false}
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

function toEnd(scroller: HTMLElement | null, ownOffset: { current: number }) {
  if (!scroller) return;
  scroller.scrollTop = scroller.scrollHeight;
  ownOffset.current = scroller.scrollTop;
}

/** Each row's parent and how many replies it has, by message id. */
export function useRowContext(messages: ListedMessage[]) {
  return useMemo(() => {
    const byId = new Map<string, ListedMessage>();
    const replyCounts = new Map<string, number>();
    for (const message of messages) {
      byId.set(message.id, message);
      if (message.parentId) replyCounts.set(message.parentId, (replyCounts.get(message.parentId) ?? 0) + 1);
    }
    return { byId, replyCounts };
  }, [messages]);
}
