"use client";
import { useEffect, useState } from "react";

/**
 * Puts focus back where the member was once a dialog opened from a menu item closes. Radix
 * returns focus to what had it when the dialog opened: the menu's item, gone by then, so focus
 * would fall to the page. Call it in the same update that closes the dialog; the focus moves
 * after the dialog's own restore (its unmount schedules that first).
 */
export function useReturnFocus() {
  const [find, setFind] = useState<(() => HTMLElement | null | undefined) | null>(null);
  useEffect(() => {
    if (!find) return;
    const timer = setTimeout(() => {
      find()?.focus();
      setFind(null);
    }, 0);
    return () => clearTimeout(timer);
  }, [find]);
  return (target: () => HTMLElement | null | undefined) => setFind(() => target);
}

/** The menu button of the table row marked `data-<attribute>="<id>"`. */
export function rowMenuButton(attribute: string, id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(
    `[data-${attribute}="${CSS.escape(id)}"] [aria-haspopup="menu"]`,
  );
}
