"use client";
import {
  clearSelection,
  currentSelection,
  selectAllMatching,
  selectRange,
  toggleSelected,
} from "@/components/conversations/selection-store";
import { useShortcut } from "@/components/keyboard/keyboard-provider";

function focusedRowId(): string | null {
  return (
    document.activeElement?.closest<HTMLElement>("[data-conversation-id]")?.dataset.conversationId ?? null
  );
}

/**
 * X selects the focused row (or the open conversation's), Shift+↓/↑ extend the selection from a
 * focused row as they move, Ctrl/⌘+A selects everything the filters match, Escape clears.
 */
export function useSelectionShortcuts({
  order,
  selectedId,
  focusRow,
}: {
  order: readonly string[];
  selectedId: string | null;
  focusRow: (index: number) => void;
}) {
  useShortcut("selection.toggle", () => {
    const id = focusedRowId() ?? selectedId;
    if (!id || !order.includes(id)) return false;
    toggleSelected(id);
    return true;
  });
  const extend = (step: 1 | -1) => {
    const id = focusedRowId();
    const index = id ? order.indexOf(id) : -1;
    const next = order[index + step];
    if (!id || index < 0 || !next) return false;
    const selection = currentSelection();
    if (!selection.anchor || !selection.ids.has(id)) toggleSelected(id);
    selectRange(order, next);
    focusRow(index + step);
    return true;
  };
  useShortcut("selection.extendDown", () => extend(1));
  useShortcut("selection.extendUp", () => extend(-1));
  useShortcut("selection.all", () => {
    if (order.length === 0) return false;
    selectAllMatching(order);
    return true;
  });
  useShortcut("escape", () => clearSelection());
}
