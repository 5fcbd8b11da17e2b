import type { KeyboardEvent } from "react";

/**
 * Keys inside an open `role="menu"`: the arrows move through its items (wrapping), Escape closes
 * it and stops there, so the page's own Escape does not act as well.
 */
export function onMenuKeyDown(event: KeyboardEvent<HTMLElement>, close: () => void): void {
  if (event.key === "Escape") {
    event.stopPropagation();
    close();
    return;
  }
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  event.preventDefault();
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  const down = event.key === "ArrowDown";
  const next = at < 0 ? (down ? 0 : items.length - 1) : (at + (down ? 1 : items.length - 1)) % items.length;
  items[next]?.focus();
}
