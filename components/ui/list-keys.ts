import type { Dispatch, SetStateAction } from "react";

/**
 * The keys of a list steered from a search field: ArrowDown and ArrowUp move the active option
 * (of `count`), Enter chooses it. Other keys are left to the field.
 */
export function steerList(
  event: { key: string; preventDefault: () => void },
  count: number,
  setActive: Dispatch<SetStateAction<number>>,
  choose: () => void,
): void {
  if (event.key === "ArrowDown") {
    event.preventDefault();
    setActive((i) => Math.min(i + 1, count - 1));
  } else if (event.key === "ArrowUp") {
    event.preventDefault();
    setActive((i) => Math.max(i - 1, 0));
  } else if (event.key === "Enter") {
    event.preventDefault();
    choose();
  }
}
