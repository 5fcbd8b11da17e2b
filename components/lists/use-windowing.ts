"use client";
import type { PartialKeys, VirtualItem, Virtualizer, VirtualizerOptions } from "@tanstack/react-virtual";
import { useLayoutEffect, useReducer, useRef } from "react";
import { flushSync } from "react-dom";
import { onFirstUse, useFirstUse } from "@/components/lists/on-first-use";

/**
 * @tanstack/react-virtual, which windows the conversation list and the history: it loads with
 * the member's first key, click, wheel or touch, or a list's first scroll. Until then the lists
 * show their first rows plainly; that is all the first paint needs.
 */
export const windowing = onFirstUse(() => import("@tanstack/react-virtual"));

export type WindowingLibrary = typeof import("@tanstack/react-virtual");
type Options<S extends Element, I extends Element> = PartialKeys<
  VirtualizerOptions<S, I>,
  "observeElementRect" | "observeElementOffset" | "scrollToFn"
>;
type TakeOver<S extends Element, I extends Element> = Pick<
  VirtualizerOptions<S, I>,
  "initialOffset" | "initialMeasurementsCache" | "initialRect"
>;

/**
 * What a plainly painted list hands the windowing: its scroll offset and size, and its rows'
 * heights as measured in the page, laid end to end from `start` (where the first plain row is).
 */
export function takeOverPlainRows<S extends Element, I extends Element>(
  scroller: HTMLElement | null,
  rows: readonly { index: number; key: string; element: HTMLElement | null | undefined }[],
  start = 0,
): TakeOver<S, I> {
  const measured: VirtualItem[] = [];
  let end = start;
  for (const { index, key, element } of rows) {
    if (!element) continue;
    const size = element.offsetHeight;
    measured.push({ index, key, start: end, size, end: end + size, lane: 0 });
    end += size;
  }
  return {
    initialOffset: scroller?.scrollTop ?? 0,
    initialMeasurementsCache: measured,
    initialRect: scroller ? { width: scroller.clientWidth, height: scroller.clientHeight } : undefined,
  };
}

/**
 * The library's `useVirtualizer`, for a list that paints before the library is there: null until
 * it has loaded, then its virtualizer, on the same rows. A list that has painted plainly gives
 * `takeOver()` (its scroll offset, its rows' measured heights), so the windowed rows start where
 * the plain ones are; the row elements stay, and with them focus, a selection or an open menu.
 * Made the way the library's own hook is (a re-render on each change, flushed at once unless a
 * row is being measured, which happens while React commits).
 */
export function useWindowing<S extends Element, I extends Element>(
  optionsWith: (library: WindowingLibrary) => Options<S, I>,
  takeOver: () => TakeOver<S, I>,
): Virtualizer<S, I> | null {
  const library = useFirstUse(windowing);
  const rerender = useReducer((n: number) => n + 1, 0)[1];
  const measuring = useRef(false);
  const instance = useRef<Virtualizer<S, I> | null>(null);
  const painted = useRef(false);
  const tookOver = useRef<TakeOver<S, I> | null>(null);
  if (library) {
    // Read from the plain rows, still on the page while this render makes the windowed ones.
    if (!instance.current && painted.current) tookOver.current = takeOver();
    const options = optionsWith(library);
    const resolved: VirtualizerOptions<S, I> = {
      observeElementRect: library.observeElementRect,
      observeElementOffset: library.observeElementOffset,
      scrollToFn: library.elementScroll,
      ...options,
      ...tookOver.current,
      onChange: (virtualizer, sync) => {
        if (sync && !measuring.current) flushSync(rerender);
        else rerender();
        options.onChange?.(virtualizer, sync);
      },
    };
    if (instance.current) instance.current.setOptions(resolved);
    else {
      const virtualizer = new library.Virtualizer<S, I>(resolved);
      const measure = virtualizer.measureElement;
      virtualizer.measureElement = (node) => {
        measuring.current = true;
        try {
          measure(node);
        } finally {
          measuring.current = false;
        }
      };
      instance.current = virtualizer;
    }
  }
  const virtualizer = instance.current;
  useLayoutEffect(() => {
    painted.current = true;
  }, []);
  useLayoutEffect(() => virtualizer?._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer?._willUpdate();
  });
  return virtualizer;
}
