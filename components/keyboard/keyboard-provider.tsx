"use client";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { isTypingTarget, matchesChord, SHORTCUTS, type ShortcutId } from "@/components/keyboard/shortcuts";

/** A handler returns false when it did not act, so the key falls through to the page. */
export type ShortcutHandler = () => boolean | undefined;

type Registry = {
  register: (id: ShortcutId, handler: ShortcutHandler) => () => void;
  run: (id: ShortcutId) => boolean;
  has: (id: ShortcutId) => boolean;
  enabled: boolean;
  /** Bumps when handlers come and go, so the palette can show what is available. */
  version: number;
};

const KeyboardContext = createContext<Registry | null>(null);
const SEQUENCE_TIMEOUT_MS = 1200;

export function KeyboardProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const handlers = useRef(new Map<ShortcutId, ShortcutHandler[]>());
  const pending = useRef<{ code: string; at: number } | null>(null);
  const [version, setVersion] = useState(0);

  const register = useCallback((id: ShortcutId, handler: ShortcutHandler) => {
    const list = handlers.current.get(id) ?? [];
    handlers.current.set(id, [...list, handler]);
    setVersion((v) => v + 1);
    return () => {
      handlers.current.set(
        id,
        (handlers.current.get(id) ?? []).filter((h) => h !== handler),
      );
      setVersion((v) => v + 1);
    };
  }, []);

  // The newest registration is the most specific (an open dialog over the inbox), so it goes first.
  const run = useCallback((id: ShortcutId) => {
    const list = handlers.current.get(id) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i]?.() !== false) return true;
    }
    return false;
  }, []);

  const has = useCallback((id: ShortcutId) => (handlers.current.get(id)?.length ?? 0) > 0, []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing || event.repeat) return;
      if (event.altKey || event.getModifierState("AltGraph")) return;
      const typing = isTypingTarget(event.target);
      const now = Date.now();
      const prefix =
        pending.current && now - pending.current.at < SEQUENCE_TIMEOUT_MS ? pending.current.code : null;
      pending.current = null;
      // Sequences first (g then o), so a pending prefix wins over the single key.
      const ordered = [...SHORTCUTS].sort((a, b) => b.keys.length - a.keys.length);
      for (const shortcut of ordered) {
        if (typing && !shortcut.inFields) continue;
        if (!enabled && !shortcut.essential) continue;
        const [first, second] = shortcut.keys;
        if (!first) continue;
        const matched = second
          ? prefix === first.code && matchesChord(event, second)
          : matchesChord(event, first);
        if (matched && run(shortcut.id)) {
          event.preventDefault();
          return;
        }
      }
      // The first key of a sequence (g …) waits for its second.
      if (
        !typing &&
        enabled &&
        SHORTCUTS.some((s) => s.keys.length === 2 && s.keys[0] && matchesChord(event, s.keys[0]))
      ) {
        pending.current = { code: event.code, at: now };
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [enabled, run]);

  const value = useMemo(
    () => ({ register, run, has, enabled, version }),
    [register, run, has, enabled, version],
  );
  return <KeyboardContext.Provider value={value}>{children}</KeyboardContext.Provider>;
}

export function useKeyboard(): Registry {
  const registry = useContext(KeyboardContext);
  if (!registry) throw new Error("useKeyboard needs a KeyboardProvider");
  return registry;
}

/** Binds a handler to a shortcut (and its palette command) while the component is mounted. */
export function useShortcut(id: ShortcutId, handler: ShortcutHandler, active = true) {
  const { register } = useKeyboard();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!active) return;
    return register(id, () => latest.current());
  }, [id, active, register]);
}
