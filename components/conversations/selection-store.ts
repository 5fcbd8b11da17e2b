"use client";
import { useSyncExternalStore } from "react";

/*
 * The rows picked for a bulk change, outside React like the filters (components/conversations/
 * filters-store.ts): a list that remounts keeps them. `all` means every conversation the
 * current filters match, loaded or not; any change of filters clears the selection.
 */
export type Selection = { ids: ReadonlySet<string>; all: boolean; anchor: string | null };

const EMPTY: Selection = { ids: new Set(), all: false, anchor: null };
let selection: Selection = EMPTY;
/** The filters the selection was made under. */
let selectedUnder: string | null = null;
const listeners = new Set<() => void>();

function set(next: Selection) {
  selection = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useSelection(): Selection {
  return useSyncExternalStore(
    subscribe,
    () => selection,
    () => EMPTY,
  );
}

export function currentSelection(): Selection {
  return selection;
}

export function clearSelection(): boolean {
  if (selection === EMPTY) return false;
  set(EMPTY);
  return true;
}

/** Selects or unselects one row; it becomes the anchor a shift-click or shift-arrow extends from. */
export function toggleSelected(id: string) {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  set({ ids, all: false, anchor: id });
}

/** Selects every row from the anchor (or `id` alone without one) to `id`, in the list's order. */
export function selectRange(order: readonly string[], id: string) {
  const from = selection.anchor ? order.indexOf(selection.anchor) : -1;
  const to = order.indexOf(id);
  if (to < 0) return;
  const ids = new Set(selection.ids);
  const [start, end] = from < 0 ? [to, to] : [Math.min(from, to), Math.max(from, to)];
  for (const rowId of order.slice(start, end + 1)) ids.add(rowId);
  set({ ids, all: false, anchor: selection.anchor ?? id });
}

/** Every conversation the filters match, beyond the loaded rows (`loaded` shows as checked). */
export function selectAllMatching(loaded: readonly string[]) {
  set({ ids: new Set(loaded), all: true, anchor: selection.anchor });
}

/** Called with the list's filters key: a selection made under other filters is dropped. */
export function keepSelectionFor(filtersKey: string) {
  if (selectedUnder !== null && selectedUnder !== filtersKey) clearSelection();
  selectedUnder = filtersKey;
}
