"use client";
import { useStrings } from "@/components/i18n/locale";
import { TEMPLATE_LISTBOX_ID, templateOptionId } from "@/components/messages/use-template-picker";
import type { TemplateOutput } from "@/server/workspace/schemas";

type Props = {
  templates: TemplateOutput[];
  activeIndex: number;
  previewLocale: string;
  onPick: (template: TemplateOutput) => void;
  onHover: (index: number) => void;
};

/**
 * The listbox of matching templates; the composer's textarea (or search field) keeps focus and
 * steers it, so it loads on first open (components/messages/composer.tsx) without losing a key.
 */
export function TemplatePicker({ templates, activeIndex, previewLocale, onPick, onHover }: Props) {
  const t = useStrings("messages");
  return (
    <div className="absolute inset-x-3 bottom-full z-20 mb-2 max-h-72 overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
      {templates.length === 0 ? (
        <p className="px-3 py-2 text-sm text-slate-500">{t.noTemplates}</p>
      ) : (
        <div role="listbox" id={TEMPLATE_LISTBOX_ID} aria-label={t.templates}>
          {templates.map((template, index) => {
            const preview =
              template.content[previewLocale as keyof TemplateOutput["content"]] ??
              Object.values(template.content)[0];
            return (
              <div
                key={template.id}
                id={templateOptionId(template.id)}
                role="option"
                tabIndex={-1}
                aria-selected={index === activeIndex}
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => onHover(index)}
                onClick={() => onPick(template)}
                onKeyDown={(event) => {
                  if (event.key === "Enter") onPick(template);
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
