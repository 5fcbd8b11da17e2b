"use client";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { useStrings } from "@/components/i18n/locale";
import { useShortcut } from "@/components/keyboard/keyboard-provider";

// Both load when first opened (a few kB the inbox's first load does without); what the member
// types meanwhile is kept for the palette's input (usePaletteTypeAhead), never taken as shortcuts.
const CommandPalette = lazy(() =>
  import("@/components/keyboard/command-palette").then((module) => ({ default: module.CommandPalette })),
);
const HelpDialog = lazy(() =>
  import("@/components/keyboard/help-overlay").then((module) => ({ default: module.HelpDialog })),
);

/** The help overlay (?), the command palette (Ctrl/⌘+K) and the member's keyboard preferences. */
export function KeyboardLayer() {
  const t = useStrings("keyboard");
  const [open, setOpen] = useState<"help" | "palette" | null>(null);
  useShortcut("help", () => {
    setOpen("help");
    return true;
  });
  const typeAhead = usePaletteTypeAhead();
  useShortcut("palette", () => {
    if (open === "palette") {
      typeAhead.stop();
      setOpen(null);
    } else {
      typeAhead.start();
      setOpen("palette");
    }
    return true;
  });
  if (open === "help")
    return (
      <Suspense fallback={null}>
        <HelpDialog title={t.helpTitle} onClose={() => setOpen(null)} />
      </Suspense>
    );
  if (open === "palette")
    return (
      <Suspense fallback={null}>
        <CommandPalette
          typedAhead={typeAhead.take}
          onReady={typeAhead.stop}
          onClose={() => {
            typeAhead.stop();
            setOpen(null);
          }}
        />
      </Suspense>
    );
  return null;
}

/**
 * From the palette's shortcut until its input has focus: keys are held back from the page (no
 * j/k/r acting behind it) and the characters kept, for the input to start with.
 */
function usePaletteTypeAhead() {
  const typed = useRef("");
  const enter = useRef(false);
  const onKeyDown = useCallback((event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key.length === 1) typed.current += event.key;
    else if (event.key === "Backspace") typed.current = typed.current.slice(0, -1);
    else if (event.key === "Enter") enter.current = true;
    else return;
    event.preventDefault();
    event.stopImmediatePropagation();
  }, []);
  const stop = useCallback(() => window.removeEventListener("keydown", onKeyDown, true), [onKeyDown]);
  // On the palette's own key press, before anything renders: the very next key is kept.
  const start = useCallback(() => {
    typed.current = "";
    enter.current = false;
    window.addEventListener("keydown", onKeyDown, true);
  }, [onKeyDown]);
  useEffect(() => stop, [stop]);
  // Read, not emptied: a render React throws away (a lazy retry) must not lose it; start() empties it.
  const take = useCallback(() => ({ query: typed.current, enter: enter.current }), []);
  return { start, take, stop };
}
