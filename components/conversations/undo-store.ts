"use client";

/*
 * What can be undone right now (one thing: the newest action), apart from the bar that shows it
 * (components/conversations/undo-bar.tsx), which loads only when first needed.
 */
export type Undoable = { id: number; message: string; undo: () => void };

let current: Undoable | null = null;
const listeners = new Set<() => void>();

export function setUndoable(next: Undoable | null) {
  current = next;
  for (const listener of listeners) listener();
}

export function currentUndoable(): Undoable | null {
  return current;
}

/** Offers to undo what was just done, for a few seconds (Z, or the bar's button). */
export function offerUndo(message: string, undo: () => void) {
  setUndoable({ id: Date.now(), message, undo });
}

export function subscribeUndoable(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Undoes the newest action, if it still can be; false when there is nothing to undo. */
export function undoNow(): boolean {
  const offer = current;
  if (!offer) return false;
  setUndoable(null);
  offer.undo();
  return true;
}
