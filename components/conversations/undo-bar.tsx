"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import { useStrings } from "@/components/i18n/locale";
import { useShortcut } from "@/components/keyboard/keyboard-provider";

/** How long an action can be undone. */
const UNDO_MS = 6000;

type Undoable = { id: number; message: string; undo: () => void };

let current: Undoable | null = null;
const listeners = new Set<() => void>();

function set(next: Undoable | null) {
  current = next;
  for (const listener of listeners) listener();
}

/** Offers to undo what was just done, for a few seconds (Z, or the bar's button). */
export function offerUndo(message: string, undo: () => void) {
  set({ id: Date.now(), message, undo });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The bar at the bottom of the inbox: what was done, and Undo. Announced politely. */
export function UndoBar() {
  const t = useStrings("conversations");
  const offer = useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (!offer || paused) return;
    const timer = setTimeout(() => {
      if (current?.id === offer.id) set(null);
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [offer, paused]);
  const undo = () => {
    if (!offer) return false;
    set(null);
    offer.undo();
    return true;
  };
  useShortcut("undo", undo, offer !== null);
  return (
    <div role="status" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center">
      {offer ? (
        <div className="pointer-events-auto flex items-center gap-4 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg">
          <span>{offer.message}</span>
          <button
            type="button"
            onClick={undo}
            // Kept while the member is on the button, however long they take.
            onFocus={() => setPaused(true)}
            onBlur={() => setPaused(false)}
            onPointerEnter={() => setPaused(true)}
            onPointerLeave={() => setPaused(false)}
            className="rounded px-1 font-semibold text-blue-200 underline-offset-2 hover:underline"
          >
            {t.undo} <kbd className="ms-1 rounded bg-slate-700 px-1 text-xs">Z</kbd>
          </button>
        </div>
      ) : null}
    </div>
  );
}
