"use client";
import { type KeyboardEvent, useMemo, useState } from "react";
import { trpc } from "@/client/trpc";
import type { Draft } from "@/components/messages/draft-storage";
import { fillPlaceholders } from "@/components/messages/template-variables";
import { LOCALES } from "@/server/connect/locales";
import type { TemplateOutput } from "@/server/workspace/schemas";

export const TEMPLATE_LISTBOX_ID = "composer-templates";

export function matchTemplates(templates: TemplateOutput[], query: string): TemplateOutput[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return templates;
  return templates.filter((template) => template.name.toLocaleLowerCase().includes(needle));
}

export function templateOptionId(templateId: string): string {
  return `${TEMPLATE_LISTBOX_ID}-${templateId}`;
}

type PickerState = { source: "slash" | "button"; query: string; active: number } | null;

/**
 * Inserts the template's text for the tab being written (filled from the context), and only
 * there: the other tabs hold only what the member wrote or looked at. A template without that
 * language fills the first one it has, and that tab opens, so the member sees what was inserted.
 */
export function insertTemplate(
  draft: Draft,
  template: TemplateOutput,
  context: unknown,
  slash: boolean,
): Draft {
  // The "/name" typed to find the template goes, whichever tab the text lands in.
  const typed = slash ? { ...draft.text, [draft.locale]: "" } : draft.text;
  const locale = template.content[draft.locale] ? draft.locale : LOCALES.find((l) => template.content[l]);
  const body = locale ? template.content[locale] : undefined;
  if (!locale || !body) return { ...draft, text: typed };
  const filled = fillPlaceholders(body, context);
  const current = typed[locale];
  const text = current.trim() === "" ? filled : `${current.replace(/\s+$/, "")}\n${filled}`;
  return { ...draft, locale, text: { ...typed, [locale]: text } };
}

/**
 * The template picker: `/` typed into an empty textarea opens it with what follows as the
 * filter; the Templates button opens it with a search field. Arrows move, Enter inserts, Escape closes.
 */
export function useTemplatePicker(update: (change: (draft: Draft) => Draft) => void, context: unknown) {
  const templates = trpc.v1.workspace.templates.useQuery(undefined, { staleTime: 60_000 });
  const [state, setState] = useState<PickerState>(null);
  const matches = useMemo(
    () => (state ? matchTemplates(templates.data ?? [], state.query) : []),
    [state, templates.data],
  );
  const active = state ? Math.min(state.active, Math.max(matches.length - 1, 0)) : 0;

  function pick(template: TemplateOutput) {
    const slash = state?.source === "slash";
    update((draft) => insertTemplate(draft, template, context, slash));
    setState(null);
  }

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
    if (event.key === "Escape") {
      setState(null);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const step = event.key === "ArrowDown" ? 1 : -1;
      const count = Math.max(matches.length, 1);
      setState({ ...state, active: (active + step + count) % count });
    } else if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) {
      const template = matches[active];
      if (template) pick(template);
      else setState(null);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  }

  const activeTemplate = matches[active];
  return {
    open: state !== null,
    source: state?.source ?? null,
    query: state?.query ?? "",
    matches,
    active,
    activeOptionId: activeTemplate ? templateOptionId(activeTemplate.id) : undefined,
    openFromButton: () => setState({ source: "button", query: "", active: 0 }),
    setQuery: (query: string) =>
      setState((current) => (current ? { ...current, query, active: 0 } : current)),
    hover: (index: number) => setState((current) => (current ? { ...current, active: index } : current)),
    close: () => setState(null),
    pick,
    onTextChange,
    onKeyDown,
  };
}
