"use client";
import { useEffect, useState } from "react";
import { currentUndoable, setUndoable, type Undoable, undoNow } from "@/components/conversations/undo-store";
import { useStrings } from "@/components/i18n/locale";

/** How long an action can be undone. */
const UNDO_MS = 6000;

/** The bar at the bottom of the inbox: what was done, and Undo (inside the shell's live region). */
export function UndoBar({ offer }: { offer: Undoable }) {
  const t = useStrings("conversations");
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => {
      if (currentUndoable()?.id === offer.id) setUndoable(null);
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [offer, paused]);
  return (
    <div className="pointer-events-auto flex items-center gap-4 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg">
      <span>{offer.message}</span>
      <button
        type="button"
        onClick={undoNow}
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
  );
}
