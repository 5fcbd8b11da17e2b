"use client";
import { type ClipboardEvent, type KeyboardEvent, type Ref, useRef } from "react";
import { directionOf } from "@/components/i18n/ui-locale";
import { splitPlaceholders } from "@/components/messages/template-variables";
import type { Locale } from "@/server/connect/schemas";

type Props = {
  ref?: Ref<HTMLTextAreaElement>;
  locale: Locale;
  value: string;
  label: string;
  placeholder: string;
  readOnly: boolean;
  internal: boolean;
  pickerOpen: boolean;
  activeOptionId: string | undefined;
  /** The open list's id: the templates' unless said otherwise (a note's mentions). */
  controls?: string;
  /** The id of a hint about the text (read with it). */
  describedBy?: string;
  onChange: (text: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  onPaste: (event: ClipboardEvent<HTMLTextAreaElement>) => void;
};

// Shared by the textarea and the layer behind it, so both wrap the text at the same places.
const TEXT_BOX =
  "w-full px-3 py-2 text-sm leading-6 whitespace-pre-wrap break-words [overflow-wrap:anywhere]";

/**
 * One locale's textarea, with its own `lang` and `dir`. Unfilled `{{placeholders}}` are marked
 * by a layer behind the (transparent) textarea that holds the same text with the same wrapping.
 */
export function DraftTextarea({
  ref,
  locale,
  value,
  label,
  placeholder,
  readOnly,
  internal,
  pickerOpen,
  activeOptionId,
  controls = "composer-templates",
  describedBy,
  ...on
}: Props) {
  const backdrop = useRef<HTMLDivElement>(null);
  const dir = directionOf(locale);
  const parts = splitPlaceholders(value);
  return (
    <div className="relative">
      {parts.some((part) => part.placeholder) ? (
        <div
          ref={backdrop}
          aria-hidden="true"
          dir={dir}
          className={`${TEXT_BOX} pointer-events-none absolute inset-0 overflow-hidden text-transparent`}
        >
          {parts.map((part, index) =>
            part.placeholder ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one text, in order.
              <mark key={index} className="rounded-sm bg-amber-200 text-transparent">
                {part.text}
              </mark>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one text, in order.
              <span key={index}>{part.text}</span>
            ),
          )}
        </div>
      ) : null}
      <textarea
        ref={ref}
        lang={locale}
        dir={dir}
        value={value}
        aria-label={label}
        aria-describedby={describedBy}
        // The hint is in the UI's language, the box in the reply's: isolated (FSI…PDI) it takes its own
        // direction, so an Arabic hint in a Turkish box (or the reverse) keeps its "…" at its end.
        placeholder={`\u2068${placeholder}\u2069`}
        readOnly={readOnly}
        rows={3}
        aria-controls={pickerOpen ? controls : undefined}
        aria-activedescendant={pickerOpen ? activeOptionId : undefined}
        aria-autocomplete={pickerOpen ? "list" : undefined}
        onChange={(event) => on.onChange(event.target.value)}
        onKeyDown={on.onKeyDown}
        onPaste={on.onPaste}
        onScroll={(event) => {
          if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
        }}
        className={`${TEXT_BOX} relative block max-h-60 min-h-20 resize-none bg-transparent [field-sizing:content] focus:outline-none read-only:text-slate-500 ${
          internal ? "placeholder:text-amber-700/60" : "placeholder:text-slate-500"
        }`}
      />
    </div>
  );
}
