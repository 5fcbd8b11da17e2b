"use client";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { trpc } from "@/client/trpc";

export const TEMPLATE_LISTBOX_ID = "composer-templates";

export function templateOptionId(templateId: string): string {
  return `${TEMPLATE_LISTBOX_ID}-${templateId}`;
}

export type TemplatePickerState = { source: "slash" | "button"; query: string; active: number };

/**
 * The template picker: `/` typed into an empty textarea opens it with what follows as the
 * filter; the Templates button opens it with a search field. Escape closes it. The list
 * (components/messages/template-picker.tsx) loads when first opened and takes the arrows and
 * Enter (it moves, inserts); pressed before it is there, they wait for it, in order.
 */
export function useTemplatePicker() {
  // Read from the first paint, as before the list loads: `/` and Enter find them there.
  const templates = trpc.v1.workspace.templates.useQuery(undefined, { staleTime: 60_000 });
  const [state, setState] = useState<TemplatePickerState | null>(null);
  const [activeOptionId, setActiveOptionId] = useState<string | undefined>(undefined);
  const keys = useRef<((key: string) => void) | null>(null);
  const waiting = useRef<string[]>([]);
  // Closed before the list came: what waited for it goes with it.
  useEffect(() => {
    if (state === null) waiting.current = [];
  }, [state]);

  /** Call with the text before and after each change of the active textarea. */
  function onTextChange(before: string, after: string) {
    if (state?.source === "button") return;
    if (after.startsWith("/") && !after.includes("\n") && (state || before === "")) {
      setState({ source: "slash", query: after.slice(1), active: state?.active ?? 0 });
    } else if (state) {
      setState(null);
    }
  }

  /** True when the key was the picker's. */
  function onKeyDown(event: KeyboardEvent<HTMLElement>): boolean {
    if (!state) return false;
    const listKey =
      event.key === "ArrowDown" ||
      event.key === "ArrowUp" ||
      (event.key === "Enter" && !event.ctrlKey && !event.metaKey);
    if (event.key === "Escape") setState(null);
    else if (!listKey) return false;
    else if (keys.current) keys.current(event.key);
    else waiting.current.push(event.key);
    event.preventDefault();
    return true;
  }

  return {
    templates: templates.data,
    state,
    setState,
    /** Set by the loaded list: what it does with a key. */
    keys,
    /** Keys pressed before the list loaded, for it to take in order. */
    waiting,
    open: state !== null,
    source: state?.source ?? null,
    query: state?.query ?? "",
    activeOptionId: state ? activeOptionId : undefined,
    setActiveOptionId,
    openFromButton: () => setState({ source: "button", query: "", active: 0 }),
    setQuery: (query: string) =>
      setState((current) => (current ? { ...current, query, active: 0 } : current)),
    close: () => setState(null),
    onTextChange,
    onKeyDown,
  };
}

export type TemplatePickerControl = ReturnType<typeof useTemplatePicker>;
