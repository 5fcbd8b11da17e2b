"use client";
import { useEffect, useState } from "react";
import { isMac, type KeyChord } from "@/components/keyboard/shortcuts";

type LayoutMap = { get(code: string): string | undefined; values(): IterableIterator<string> };
type KeyboardApi = { getLayoutMap?: () => Promise<LayoutMap> };

const US_LABELS: Record<string, string> = {
  Slash: "/",
  Enter: "Enter",
  Escape: "Esc",
  Period: ".",
  ArrowDown: "↓",
  ArrowUp: "↑",
};

function usLabel(code: string): string {
  if (code.startsWith("Key")) return code.slice(3);
  if (code.startsWith("Digit")) return code.slice(5);
  return US_LABELS[code] ?? code;
}

/** The character the member's own layout puts on each physical key, where the browser tells. */
export function useLayoutMap(): LayoutMap | null {
  const [map, setMap] = useState<LayoutMap | null>(null);
  useEffect(() => {
    const keyboard = (navigator as Navigator & { keyboard?: KeyboardApi }).keyboard;
    keyboard
      ?.getLayoutMap?.()
      .then(setMap)
      .catch(() => setMap(null));
  }, []);
  return map;
}

/**
 * A keycap reads in the keyboard's language, not the UI's: "i" capitalises as "İ" only on a
 * Turkish layout (the one with a "ı" key); on any other it is the "I" printed on the key.
 */
function capital(character: string, layout: LayoutMap): string {
  return character.toLocaleUpperCase([...layout.values()].includes("ı") ? "tr" : "en");
}

export function chordLabel(chord: KeyChord, layout: LayoutMap | null, platform: string): string[] {
  const parts: string[] = [];
  if (chord.mod) parts.push(isMac(platform) ? "⌘" : "Ctrl");
  if (chord.shift) parts.push("Shift");
  const fromLayout =
    chord.code.startsWith("Key") || chord.code === "Slash" ? layout?.get(chord.code) : undefined;
  const key = fromLayout && layout ? capital(fromLayout, layout) : usLabel(chord.code);
  parts.push(chord.code === "Slash" && chord.shift && !fromLayout ? "?" : key);
  return parts;
}

export function KeyCaps({ parts }: { parts: string[] }) {
  return (
    <span dir="ltr" className="inline-flex gap-1">
      {parts.map((part) => (
        <kbd
          key={part}
          className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-700"
        >
          {part}
        </kbd>
      ))}
    </span>
  );
}
