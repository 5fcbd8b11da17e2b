"use client";
import { lazy, type RefObject, Suspense, useEffect, useId, useRef, useState } from "react";
import { useStrings } from "@/components/i18n/locale";
import { Dialog } from "@/components/ui/dialog";

export type PaletteCommand = { id: string; label: string; keys?: string[][]; run: (() => void) | null };

/** How the loaded command list steers from the input; an Enter pressed before it arrived waits for it. */
export type PaletteSteering = {
  onKeyDown: ((event: React.KeyboardEvent<HTMLInputElement>) => void) | null;
  enterPending: boolean;
};

// The commands, their key caps and the matching load when the palette first opens. The dialog
// and its input are here, so what the member types from here on is never lost.
const PaletteCommands = lazy(() =>
  import("@/components/keyboard/palette-commands").then((module) => ({ default: module.PaletteCommands })),
);

/** Every action by name; the ones that need something on screen say so instead of vanishing. */
export function CommandPalette({
  typedAhead,
  onReady,
  onClose,
}: {
  /** What was typed while this loaded, and whether Enter was pressed then. */
  typedAhead: () => { query: string; enter: boolean };
  /** The input has focus: keys go to it from now on. */
  onReady: () => void;
  onClose: () => void;
}) {
  const t = useStrings("keyboard");
  const [ahead] = useState(typedAhead);
  const [query, setQuery] = useState(ahead.query);
  // After the dialog's own effect has focused the input (a child's effects run first): what was
  // typed while this rendered joins the query, and keys go to the input from here on.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the input is ready
  useEffect(() => {
    const latest = typedAhead();
    if (latest.query !== ahead.query) setQuery(latest.query);
    if (latest.enter) {
      steering.current.enterPending = true;
      setEnterNonce((n) => n + 1);
    }
    onReady();
  }, []);
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const steering = useRef<PaletteSteering>({ onKeyDown: null, enterPending: ahead.enter });
  // Enter pressed while this rendered: the list, if already here, acts on it once more.
  const [enterNonce, setEnterNonce] = useState(0);
  const listId = useId();
  return (
    <Dialog title={t.paletteTitle} titleHidden onClose={onClose} initialFocus={input}>
      <div className="border-b border-slate-200 p-3">
        <input
          ref={input}
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-label={t.paletteTitle}
          placeholder={t.palettePlaceholder}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (steering.current.onKeyDown) steering.current.onKeyDown(event);
            else if (event.key === "Enter") {
              event.preventDefault();
              steering.current.enterPending = true;
            }
          }}
          className="w-full rounded-md border border-slate-300 px-3 py-2 outline-none focus:border-blue-600"
        />
      </div>
      <Suspense fallback={null}>
        <PaletteCommands
          listId={listId}
          query={query}
          steering={steering}
          enterNonce={enterNonce}
          onActive={setActiveId}
          onClose={onClose}
        />
      </Suspense>
    </Dialog>
  );
}

export type PaletteCommandsProps = {
  listId: string;
  query: string;
  steering: RefObject<PaletteSteering>;
  /** Changes when an Enter typed ahead is to be taken again (see CommandPalette). */
  enterNonce: number;
  onActive: (optionId: string | undefined) => void;
  onClose: () => void;
};
