"use client";
import { useLayoutEffect, useMemo, useRef } from "react";
import { useStrings } from "@/components/i18n/locale";
import type { Draft } from "@/components/messages/draft-storage";
import { fillPlaceholders } from "@/components/messages/template-variables";
import { useTemplateContext } from "@/components/messages/use-template-context";
import {
  TEMPLATE_LISTBOX_ID,
  type TemplatePickerControl,
  templateOptionId,
} from "@/components/messages/use-template-picker";
import { LOCALES } from "@/server/connect/locales";
import type { TemplateOutput } from "@/server/workspace/schemas";

export function matchTemplates(templates: TemplateOutput[], query: string): TemplateOutput[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return templates;
  return templates.filter((template) => template.name.toLocaleLowerCase().includes(needle));
}

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

type Props = {
  picker: TemplatePickerControl;
  conversationId: string;
  previewLocale: string;
  update: (change: (draft: Draft) => Draft) => void;
};

/**
 * The listbox of matching templates; the composer's textarea (or search field) keeps focus and
 * steers it: ↑/↓ move, Enter inserts (components/messages/use-template-picker.ts). It loads on
 * first open (components/messages/composer.tsx); keys pressed meanwhile are taken here in order.
 */
export function TemplatePicker({ picker, conversationId, previewLocale, update }: Props) {
  const t = useStrings("messages");
  const context = useTemplateContext(conversationId);
  const { state, templates } = picker;
  const query = state?.query ?? "";
  const matches = useMemo(() => matchTemplates(templates ?? [], query), [templates, query]);
  const active = Math.min(state?.active ?? 0, Math.max(matches.length - 1, 0));
  const activeTemplate = matches[active];

  function pick(template: TemplateOutput) {
    const slash = state?.source === "slash";
    update((draft) => insertTemplate(draft, template, context, slash));
    picker.close();
  }

  function onKey(key: string) {
    if (key === "ArrowDown" || key === "ArrowUp") {
      const step = key === "ArrowDown" ? 1 : -1;
      const count = Math.max(matches.length, 1);
      picker.setState((current) =>
        current ? { ...current, active: (active + step + count) % count } : current,
      );
    } else if (activeTemplate) pick(activeTemplate);
    else picker.close();
  }
  const latestOnKey = useRef(onKey);
  latestOnKey.current = onKey;

  const { keys, waiting, setActiveOptionId } = picker;
  useLayoutEffect(() => {
    keys.current = (key) => latestOnKey.current(key);
    return () => {
      keys.current = null;
      waiting.current = [];
    };
  }, [keys, waiting]);
  // One waiting key a render, each on the state the one before left.
  useLayoutEffect(() => {
    const key = waiting.current.shift();
    if (key !== undefined) latestOnKey.current(key);
  });
  const activeOptionId = activeTemplate ? templateOptionId(activeTemplate.id) : undefined;
  useLayoutEffect(() => setActiveOptionId(activeOptionId), [setActiveOptionId, activeOptionId]);

  return (
    <div className="absolute inset-x-3 bottom-full z-20 mb-2 max-h-72 overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
      {matches.length === 0 ? (
        <p className="px-3 py-2 text-sm text-slate-500">{t.noTemplates}</p>
      ) : (
        <div role="listbox" id={TEMPLATE_LISTBOX_ID} aria-label={t.templates}>
          {matches.map((template, index) => {
            const preview =
              template.content[previewLocale as keyof TemplateOutput["content"]] ??
              Object.values(template.content)[0];
            return (
              <div
                key={template.id}
                id={templateOptionId(template.id)}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() =>
                  picker.setState((current) => (current ? { ...current, active: index } : current))
                }
                onClick={() => pick(template)}
                onKeyDown={(event) => {
                  if (event.key === "Enter") pick(template);
                }}
                className="cursor-pointer rounded-md px-3 py-2 text-sm aria-selected:bg-blue-50"
              >
                <span className="block font-medium text-slate-900">{template.name}</span>
                <span dir="auto" className="line-clamp-1 block text-xs text-slate-500">
                  {preview}
                </span>
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
