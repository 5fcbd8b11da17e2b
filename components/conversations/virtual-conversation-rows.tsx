"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { ListWindow, RowsHandOver, RowsProps } from "@/components/conversations/conversation-list";
import { useStrings } from "@/components/i18n/locale";

/** A row as laid out with the system font; rows are still measured, this only avoids a jump. */
const ROW_HEIGHT = 87;
/** Start loading the next page this many rows before the end. */
const LOAD_AHEAD = 10;

type Props = RowsProps & {
  /** Set to what the list around may ask of the rows. */
  listWindow: RefObject<ListWindow | null>;
  initialOffset: () => number;
  /** From the plain rows of the first paint, when these take over from them. */
  handOver: RowsHandOver | null;
  /** Whether any row is rendered yet (the scroll box is measured first). */
  onRowsShown: (shown: boolean) => void;
  paging: {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    isPlaceholderData: boolean;
    isFetchNextPageError: boolean;
    fetchNextPage: () => Promise<unknown>;
  };
};

/** The conversation list's rows, windowed: only those in view (and a few more) are in the page. */
export function VirtualConversationRows({
  items,
  label,
  setSize,
  renderRow,
  scrollRef,
  takenFocus,
  listWindow,
  initialOffset,
  handOver,
  onRowsShown,
  paging,
}: Props) {
  const t = useStrings("conversations");
  const { hasNextPage, isFetchingNextPage, isPlaceholderData, isFetchNextPageError, fetchNextPage } = paging;
  const showLoaderRow = hasNextPage || isFetchNextPageError;
  // Taking over from the plain rows, the scroll box is there: the first render has the rows in view.
  const [initialRect] = useState(() => {
    const scroller = scrollRef.current;
    return scroller ? { width: scroller.clientWidth, height: scroller.clientHeight } : undefined;
  });
  const virtualizer = useVirtualizer({
    count: items.length + (showLoaderRow ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => items[index]?.id ?? "more",
    initialOffset,
    initialMeasurementsCache: handOver?.measured,
    initialRect,
  });
  const virtualRows = virtualizer.getVirtualItems();

  useLayoutEffect(() => {
    listWindow.current = {
      scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: "auto" }),
      scrollToOffset: (offset) => virtualizer.scrollToOffset(offset),
    };
    return () => {
      listWindow.current = null;
    };
  }, [listWindow, virtualizer]);

  // The row that had focus among the plain rows has it here too, as soon as it is rendered.
  useLayoutEffect(() => {
    const id = takenFocus.current;
    const row = id
      ? scrollRef.current?.querySelector<HTMLElement>(`a[data-conversation-id="${CSS.escape(id)}"]`)
      : null;
    if (!row) return;
    takenFocus.current = null;
    row.focus({ preventScroll: true });
  });

  const shown = virtualRows.length > 0;
  useLayoutEffect(() => onRowsShown(shown), [onRowsShown, shown]);

  const lastIndex = virtualRows.at(-1)?.index ?? -1;
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

  return (
    <ul aria-label={label} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
      {virtualRows.map((virtualRow) => {
        const conversation = items[virtualRow.index];
        return (
          <li
            key={virtualRow.key}
            ref={virtualizer.measureElement}
            data-index={virtualRow.index}
            aria-setsize={setSize}
            aria-posinset={virtualRow.index + 1}
            className="absolute inset-x-0 top-0"
            style={{ transform: `translateY(${virtualRow.start}px)` }}
          >
            {conversation ? (
              renderRow(conversation)
            ) : (
              <LoadMoreRow
                failed={isFetchNextPageError}
                onRetry={() => void fetchNextPage()}
                loadingLabel={t.loadingMore}
                errorLabel={t.listError}
                retryLabel={t.retry}
              />
            )}
          </li>
        );
      })}
    </ul>
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
