"use client";
import { useEffect, useState } from "react";

const SEARCH_DELAY_MS = 200;

/** The search words, applied once typing pauses. */
export function useDebounced(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/** Arrow keys move between the links of a list; from the first, ArrowUp goes back to `before`. */
export function moveFocusInList(
  event: React.KeyboardEvent,
  list: HTMLElement | null,
  before?: HTMLElement | null,
) {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const links = [...(list?.querySelectorAll<HTMLElement>("[data-list-link]") ?? [])];
  if (links.length === 0) return;
  event.preventDefault();
  const at = links.indexOf(document.activeElement as HTMLElement);
  if (at === -1) {
    links[event.key === "ArrowDown" ? 0 : links.length - 1]?.focus();
  } else if (event.key === "ArrowUp" && at === 0) {
    before?.focus();
  } else {
    links[Math.max(0, Math.min(links.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)))]?.focus();
  }
}
