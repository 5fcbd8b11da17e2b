"use client";
import { useEffect, useSyncExternalStore } from "react";
import type { PaletteCommand } from "@/components/keyboard/command-palette";

/*
 * Commands that exist while something is on screen (the open conversation's "Mark pending",
 * "Assign to …"), offered by the command palette beside the shortcuts.
 */
const sources = new Map<string, PaletteCommand[]>();
let snapshot: PaletteCommand[] = [];
const listeners = new Set<() => void>();

function publish() {
  snapshot = [...sources.values()].flat();
  for (const listener of listeners) listener();
}

/** Offers `commands` in the palette while the calling component is mounted. */
export function usePaletteCommands(source: string, commands: PaletteCommand[]) {
  useEffect(() => {
    sources.set(source, commands);
    publish();
    return () => {
      sources.delete(source);
      publish();
    };
  }, [source, commands]);
}

export function useContextCommands(): PaletteCommand[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    () => snapshot,
    () => snapshot,
  );
}
