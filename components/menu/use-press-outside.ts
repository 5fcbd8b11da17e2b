"use client";
import { type RefObject, useEffect, useRef } from "react";

/** Calls `onOutside` on a pointer press outside `area` while `active`, as an open menu closes. */
export function usePressOutside(area: RefObject<HTMLElement | null>, onOutside: () => void, active = true) {
  const latest = useRef(onOutside);
  latest.current = onOutside;
  useEffect(() => {
    if (!active) return;
    const press = (event: PointerEvent) => {
      if (!area.current?.contains(event.target as Node)) latest.current();
    };
    document.addEventListener("pointerdown", press);
    return () => document.removeEventListener("pointerdown", press);
  }, [area, active]);
}
