"use client";
import { useId, useMemo, useRef, useState } from "react";
import { useStrings, useUiLocale } from "@/components/i18n/locale";
import { Dialog } from "@/components/keyboard/dialog";
import { chordLabel, KeyCaps, useLayoutMap } from "@/components/keyboard/key-label";
import { useKeyboard } from "@/components/keyboard/keyboard-provider";
import { SHORTCUTS } from "@/components/keyboard/shortcuts";

export type PaletteCommand = { id: string; label: string; keys?: string[][]; run: (() => void) | null };

/** Every action by name; the ones that need something on screen say so instead of vanishing. */
export function CommandPalette({ extra, onClose }: { extra: PaletteCommand[]; onClose: () => void }) {
  const t = useStrings("keyboard");
  const locale = useUiLocale();
  const keyboard = useKeyboard();
  const layout = useLayoutMap();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const platform = typeof navigator === "undefined" ? "" : navigator.platform;

  // biome-ignore lint/correctness/useExhaustiveDependencies: version changes when handlers register
  const commands = useMemo<PaletteCommand[]>(() => {
    const fromShortcuts = SHORTCUTS.filter((s) => !["palette", "escape"].includes(s.id)).map((s) => ({
      id: s.id,
      label: t[s.id],
      keys: s.keys.map((chord) => chordLabel(chord, layout, platform, locale)),
      run: keyboard.has(s.id) ? () => keyboard.run(s.id) : null,
    }));
    return [...fromShortcuts, ...extra];
  }, [t, layout, platform, keyboard, keyboard.version, extra]);

  // Locale-aware folding: in Turkish "istanbul" finds "İstanbul" and "ırmak" finds "IRMAK".
  const fold = (text: string) => text.toLocaleLowerCase(locale).normalize("NFKD").replace(/\p{M}/gu, "");
  const matches = commands.filter((c) => fold(c.label).includes(fold(query.trim())));
  const current = matches[Math.min(active, matches.length - 1)];

  function choose(command: PaletteCommand | undefined) {
    if (!command?.run) return;
    onClose();
    // After the dialog gives focus back, so the command can move focus where it needs.
    setTimeout(() => command.run?.(), 0);
  }

  return (
    <Dialog title={t.paletteTitle} onClose={onClose} initialFocus={input}>
      <div className="border-b border-slate-200 p-3">
        <input
          ref={input}
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
          aria-label={t.paletteTitle}
          placeholder={t.palettePlaceholder}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown") {
              event.preventDefault();
              setActive((i) => Math.min(i + 1, matches.length - 1));
            } else if (event.key === "ArrowUp") {
              event.preventDefault();
              setActive((i) => Math.max(i - 1, 0));
            } else if (event.key === "Enter") {
              event.preventDefault();
              choose(current);
            }
          }}
          className="w-full rounded-md border border-slate-300 px-3 py-2 outline-none focus:border-blue-600"
        />
      </div>
      <div id={listId} role="listbox" aria-label={t.paletteTitle} className="max-h-[50vh] overflow-auto p-2">
        {matches.length === 0 ? <p className="px-3 py-2 text-sm text-slate-500">{t.paletteEmpty}</p> : null}
        {matches.map((command, index) => (
          <div
            key={command.id}
            tabIndex={-1}
            id={`${listId}-${command.id}`}
            role="option"
            aria-selected={command === current}
            aria-disabled={!command.run}
            onMouseEnter={() => setActive(index)}
            onClick={() => choose(command)}
            onKeyDown={() => {}}
            className={`flex cursor-pointer items-center justify-between gap-3 rounded-md px-3 py-2 text-sm ${
              command === current ? "bg-blue-50 text-blue-900" : ""
            } ${command.run ? "" : "text-slate-500"}`}
          >
            <span>
              {command.label}
              {command.run ? null : <span className="ms-2 text-xs">({t.unavailable})</span>}
            </span>
            {command.keys ? (
              <span className="flex gap-2">
                {command.keys.map((parts) => (
                  <KeyCaps key={parts.join("+")} parts={parts} />
                ))}
              </span>
            ) : null}
          </div>
        ))}
      </div>
    </Dialog>
  );
}
