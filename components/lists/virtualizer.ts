"use client";
import { useLayoutEffect, useReducer, useState } from "react";
import { flushSync } from "react-dom";

/*
 * The windowing both long lists use (the conversation list, a conversation's history): only the
 * rows near the viewport are rendered, each measured once laid out. Its API and behaviour follow
 * @tanstack/react-virtual's for what these lists use (vertical, one lane, an element scroller),
 * including what a chat history needs: rows added above the one being read leave it where it is,
 * a history read at its end follows what is appended, and a scroll to a row or to the end settles
 * once the rows around it are measured. The general library weighed a quarter of the inbox's own
 * code on first load.
 */

type Key = string | number;
type Align = "start" | "center" | "end" | "auto";
export type VirtualItem = { index: number; key: Key; start: number; size: number; end: number };

export type VirtualizerOptions = {
  count: number;
  getScrollElement: () => HTMLElement | null;
  estimateSize: (index: number) => number;
  getItemKey: (index: number) => Key;
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number;
  paddingStart?: number;
  paddingEnd?: number;
  initialOffset?: number | (() => number);
  /** "end": rows added before the one at the top of the viewport leave it in place (a history). */
  anchorTo?: "start" | "end";
  /** Rows appended while the list is at its end are followed (with `anchorTo: "end"`). */
  followOnAppend?: boolean;
  /** How close to the end counts as at it. */
  scrollEndThreshold?: number;
};

type Options = Required<VirtualizerOptions>;
type Target = { index: number | null; align: Exclude<Align, "auto">; frames: number; stable: number };

const DEFAULTS = {
  overscan: 1,
  paddingStart: 0,
  paddingEnd: 0,
  initialOffset: 0,
  anchorTo: "start",
  followOnAppend: false,
  scrollEndThreshold: 1,
} as const;
/** Without a scroll event for this long, scrolling has stopped. */
const SCROLL_IDLE_MS = 150;
/** A scroll to a row or to the end is corrected for this many frames at most, as rows get measured. */
const SETTLE_FRAMES = 60;

export class Virtualizer {
  options = { ...DEFAULTS } as Options;
  scrollRect: { width: number; height: number } | null = null;
  scrollDirection: "forward" | "backward" | null = null;
  isScrolling = false;
  private element: HTMLElement | null = null;
  private offset: number | null = null;
  private sizes = new Map<Key, number>();
  private items: VirtualItem[] = [];
  private fresh = false;
  private elements = new Map<Key, HTMLElement>();
  private rendered = "";
  private write = false;
  private follow = false;
  private target: Target | null = null;
  private written: number | null = null;
  private frame = 0;
  private idle: ReturnType<typeof setTimeout> | undefined;
  private rowObserver: ResizeObserver | null = null;
  private detach: (() => void) | null = null;

  constructor(private readonly notify: (sync: boolean) => void) {}

  setOptions(options: VirtualizerOptions) {
    const previous = this.element ? this.measurements() : null;
    const wasAtEnd = this.element !== null && this.getDistanceFromEnd() <= this.options.scrollEndThreshold;
    this.options = { ...DEFAULTS, ...options } as Options;
    this.fresh = false;
    if (!previous || this.options.anchorTo !== "end") return;
    const { count, getItemKey } = this.options;
    const last = previous.at(-1)?.key;
    const lastChanged = count > 0 && getItemKey(count - 1) !== last;
    const edgesChanged =
      count !== previous.length || lastChanged || (count > 0 && getItemKey(0) !== previous[0]?.key);
    if (!edgesChanged) return;
    if (this.options.followOnAppend && wasAtEnd && lastChanged && count > previous.length) {
      this.follow = true;
      return;
    }
    // Keep the row at the top of the viewport where it is, however the rows before it changed.
    const offset = this.getScrollOffset();
    const anchor = previous[this.indexAt(previous, offset)];
    if (!anchor) return;
    const moved = this.measurements().find((item) => item.key === anchor.key);
    if (!moved) return;
    const next = Math.max(0, moved.start + offset - anchor.start);
    if (next !== offset) {
      this.offset = next;
      this.write = true;
    }
  }

  getTotalSize = (): number => {
    const { paddingStart, paddingEnd } = this.options;
    return (this.measurements().at(-1)?.end ?? paddingStart) + paddingEnd;
  };

  getVirtualItems = (): VirtualItem[] => {
    const range = this.range();
    this.rendered = range ? range.join() : "";
    return range ? this.measurements().slice(range[0], range[1] + 1) : [];
  };

  /** How far the element can still scroll down. */
  getDistanceFromEnd = (): number => Math.max(this.maxOffset() - this.getScrollOffset(), 0);

  scrollToOffset = (offset: number) => {
    this.target = null;
    this.scrollTo(Math.min(Math.max(offset, 0), this.maxOffset()));
  };

  scrollToIndex = (index: number, { align = "auto" }: { align?: Align } = {}) => {
    const { count } = this.options;
    if (count === 0) return;
    const item = this.measurements()[Math.max(0, Math.min(index, count - 1))] as VirtualItem;
    let resolved: Exclude<Align, "auto"> = align === "auto" ? "start" : align;
    if (align === "auto") {
      const offset = this.getScrollOffset();
      if (item.end >= offset + this.viewport()) resolved = "end";
      else if (item.start > offset) return;
    }
    this.settle({ index: item.index, align: resolved, frames: 0, stable: 0 });
  };

  scrollToEnd = () => {
    this.settle({ index: null, align: "end", frames: 0, stable: 0 });
  };

  /** The ref of each rendered row, which carries `data-index`. */
  measureElement = (node: HTMLElement | null) => {
    if (!node) {
      for (const [key, element] of this.elements) {
        if (!element.isConnected) {
          this.rowObserver?.unobserve(element);
          this.elements.delete(key);
        }
      }
      return;
    }
    const index = Number(node.dataset.index);
    if (!(index >= 0 && index < this.options.count)) return;
    const key = this.options.getItemKey(index);
    if (this.elements.get(key) !== node) {
      const previous = this.elements.get(key);
      if (previous) this.rowObserver?.unobserve(previous);
      this.rowObserver?.observe(node);
      this.elements.set(key, node);
    }
    // While the member scrolls, the observer reports sizes; a row measured here needs a layout read.
    if (node.isConnected && (!this.isScrolling || this.target) && !this.sizes.has(key)) {
      if (this.resize(index, node.offsetHeight)) this.notify(false);
    }
  };

  /** Called by the hook after every render: attaches to the scroller, writes a pending scroll position. */
  update() {
    const element = this.options.getScrollElement();
    if (element !== this.element) this.attach(element);
    if (!this.element) return;
    if (this.follow) {
      this.follow = false;
      this.write = false;
      this.scrollToEnd();
    } else if (this.write) {
      this.write = false;
      this.scrollTo(this.getScrollOffset());
    }
  }

  cleanup() {
    this.attach(null);
  }

  private attach(element: HTMLElement | null) {
    this.detach?.();
    this.detach = null;
    this.element = element;
    if (!element) return;
    const initial = this.options.initialOffset;
    this.offset ??= typeof initial === "function" ? initial() : initial;
    this.scrollRect = { width: element.offsetWidth, height: element.offsetHeight };
    const onScroll = () => this.onScroll();
    element.addEventListener("scroll", onScroll, { passive: true });
    const viewportObserver = new ResizeObserver(() => {
      const { offsetWidth: width, offsetHeight: height } = element;
      if (width === this.scrollRect?.width && height === this.scrollRect.height) return;
      this.scrollRect = { width, height };
      this.notify(false);
    });
    viewportObserver.observe(element);
    const rowObserver = new ResizeObserver((entries) => {
      let changed = false;
      let moved = false;
      for (const entry of entries) {
        const row = entry.target as HTMLElement;
        if (!row.isConnected) {
          rowObserver.unobserve(row);
          continue;
        }
        const box = entry.borderBoxSize?.[0];
        const before = this.getScrollOffset();
        if (this.resize(Number(row.dataset.index), box ? Math.round(box.blockSize) : row.offsetHeight)) {
          changed = true;
          moved ||= this.getScrollOffset() !== before;
        }
      }
      // A correction of the scroll position commits with the rows it moved, in the same frame.
      if (changed) this.notify(moved);
    });
    this.rowObserver = rowObserver;
    for (const row of this.elements.values()) rowObserver.observe(row);
    this.detach = () => {
      element.removeEventListener("scroll", onScroll);
      viewportObserver.disconnect();
      rowObserver.disconnect();
      this.rowObserver = null;
      clearTimeout(this.idle);
      cancelAnimationFrame(this.frame);
    };
    this.scrollTo(this.getScrollOffset());
    this.notify(false);
  }

  private onScroll() {
    const element = this.element;
    if (!element) return;
    const offset = element.scrollTop;
    const before = this.getScrollOffset();
    if (offset !== before) this.scrollDirection = offset > before ? "forward" : "backward";
    this.offset = offset;
    // The member scrolled away from a scroll still settling: theirs wins.
    if (this.target && this.written !== null && Math.abs(offset - this.written) > 1) this.target = null;
    const started = !this.isScrolling;
    this.isScrolling = true;
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      this.isScrolling = false;
      this.scrollDirection = null;
      this.notify(false);
    }, SCROLL_IDLE_MS);
    const range = this.range();
    if (started || (range ? range.join() : "") !== this.rendered) this.notify(true);
  }

  /** Records a row's measured size; true when it changed. The content on screen is kept in place. */
  private resize(index: number, size: number): boolean {
    const item = this.measurements()[index];
    if (!item) return false;
    const measured = this.sizes.get(item.key);
    const delta = size - (measured ?? item.size);
    if (delta === 0) {
      this.sizes.set(item.key, size);
      return false;
    }
    const offset = this.getScrollOffset();
    const { anchorTo, scrollEndThreshold } = this.options;
    const atEnd = anchorTo === "end" && this.getTotalSize() - this.viewport() - offset <= scrollEndThreshold;
    // A row above the viewport grew or shrank: scroll by as much, so what is read stays put. A row
    // measured again is corrected only when wholly above, and not while the member scrolls up.
    const above =
      measured === undefined
        ? item.start < offset
        : item.start + measured <= offset && this.scrollDirection !== "backward";
    this.sizes.set(item.key, size);
    this.fresh = false;
    if (!this.target && (atEnd || above)) {
      this.offset = Math.max(0, offset + delta);
      this.write = true;
    }
    return true;
  }

  private measurements(): VirtualItem[] {
    if (this.fresh) return this.items;
    const { count, getItemKey, estimateSize, paddingStart } = this.options;
    const items: VirtualItem[] = new Array(count);
    let start = paddingStart;
    for (let index = 0; index < count; index++) {
      const key = getItemKey(index);
      const size = this.sizes.get(key) ?? estimateSize(index);
      items[index] = { index, key, start, size, end: start + size };
      start += size;
    }
    this.items = items;
    this.fresh = true;
    return items;
  }

  /** The index of the row at `offset` (the last row whose start is at or before it). */
  private indexAt(items: VirtualItem[], offset: number): number {
    let low = 0;
    let high = items.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((items[middle] as VirtualItem).start <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private range(): [number, number] | null {
    const items = this.measurements();
    const viewport = this.viewport();
    if (items.length === 0 || viewport === 0) return null;
    // Past the last row (the list shrank, a bounce), the offset still shows a full viewport.
    const offset = Math.min(this.getScrollOffset(), Math.max(this.getTotalSize() - viewport, 0));
    const first = this.indexAt(items, offset);
    let last = first;
    while (last < items.length - 1 && (items[last] as VirtualItem).end < offset + viewport) last++;
    const { overscan } = this.options;
    return [Math.max(0, first - overscan), Math.min(items.length - 1, last + overscan)];
  }

  private getScrollOffset(): number {
    if (this.offset === null) {
      const initial = this.options.initialOffset;
      return typeof initial === "function" ? initial() : initial;
    }
    return this.offset;
  }

  private viewport(): number {
    return this.scrollRect?.height ?? 0;
  }

  private maxOffset(): number {
    const element = this.element;
    return element ? Math.max(element.scrollHeight - element.clientHeight, 0) : 0;
  }

  private scrollTo(offset: number) {
    const element = this.element;
    if (!element) return;
    element.scrollTop = offset;
    this.written = element.scrollTop;
    this.offset = this.written;
    if ((this.range()?.join() ?? "") !== this.rendered) this.notify(false);
  }

  /** Scrolls to a row or to the end, then again each frame while measuring rows moves it. */
  private settle(target: Target) {
    this.target = target;
    cancelAnimationFrame(this.frame);
    const step = () => {
      if (this.target !== target || !this.element) return;
      const wanted = this.offsetFor(target);
      if (wanted === null) {
        this.target = null;
        return;
      }
      if (Math.abs(wanted - this.getScrollOffset()) > 1) {
        target.stable = 0;
        this.scrollTo(wanted);
      } else target.stable += 1;
      if (target.stable >= 2 || ++target.frames >= SETTLE_FRAMES) {
        this.target = null;
        return;
      }
      this.frame = requestAnimationFrame(step);
    };
    step();
  }

  private offsetFor({ index, align }: Target): number | null {
    const max = this.maxOffset();
    if (index === null) return max;
    const item = this.measurements()[index];
    if (!item) return null;
    const viewport = this.viewport();
    if (align === "end" && index === this.options.count - 1) return max;
    const offset =
      align === "start"
        ? item.start
        : align === "end"
          ? item.end - viewport
          : item.start + (item.size - viewport) / 2;
    return Math.max(Math.min(offset, max), 0);
  }
}

/** A virtualizer for a scrolling element, re-rendering the component as the visible rows change. */
export function useVirtualizer(options: VirtualizerOptions): Virtualizer {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [virtualizer] = useState(
    () => new Virtualizer((sync) => (sync ? flushSync(() => rerender()) : rerender())),
  );
  virtualizer.setOptions(options);
  useLayoutEffect(() => () => virtualizer.cleanup(), [virtualizer]);
  useLayoutEffect(() => virtualizer.update());
  return virtualizer;
}
