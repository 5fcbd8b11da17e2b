"use client";
import type { ReactNode, RefObject } from "react";
import { format, useStrings, useUiLocale } from "@/components/i18n/locale";
import type { Draft } from "@/components/messages/draft-storage";
import { LockIcon, PaperclipIcon, TemplateIcon } from "@/components/messages/icons";
import { nativeName } from "@/components/messages/locale-tabs";
import { preloadUploads } from "@/components/messages/use-uploads";
import type { Locale } from "@/server/connect/locales";

type Props = {
  draft: Draft;
  update: (change: (draft: Draft) => Draft) => void;
  sending: boolean;
  shortcut: string;
  unfilled: string[];
  /** The languages the message has text in: named beside Send when it goes out in several. */
  locales: Locale[];
  fileInput: RefObject<HTMLInputElement | null>;
  onFiles: (files: File[]) => void;
  onTemplates: () => void;
  onSelectPlaceholder: (placeholder: string) => void;
  /** More tools after the built-in ones (the AI writing tools). */
  tools?: ReactNode;
};

const toolButton =
  "flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 disabled:opacity-50";

export function ComposerToolbar({
  draft,
  update,
  sending,
  shortcut,
  unfilled,
  locales,
  fileInput,
  ...on
}: Props) {
  const t = useStrings("messages");
  const uiLocale = useUiLocale();
  return (
    <div className="flex flex-wrap items-center gap-2 px-2 pt-1 pb-2">
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        data-testid="attach-input"
        onChange={(event) => {
          on.onFiles([...(event.target.files ?? [])]);
          event.target.value = "";
        }}
      />
      <button
        type="button"
        className={toolButton}
        onClick={() => {
          preloadUploads();
          fileInput.current?.click();
        }}
        title={t.attach}
      >
        <PaperclipIcon />
        <span className="sr-only sm:not-sr-only">{t.attach}</span>
      </button>
      <button type="button" className={toolButton} onClick={on.onTemplates}>
        <TemplateIcon />
        {t.templates}
      </button>
      <button
        type="button"
        role="switch"
        aria-checked={draft.internal}
        title={t.internalHint}
        onClick={() => update((d) => ({ ...d, internal: !d.internal }))}
        className={`${toolButton} aria-checked:bg-amber-200 aria-checked:text-amber-900`}
      >
        <LockIcon />
        {t.internalToggle}
      </button>
      {on.tools}
      {unfilled.length > 0 ? (
        <div className="flex flex-wrap items-center gap-1 text-xs text-amber-900">
          <span>{t.fillIn}</span>
          {unfilled.map((placeholder) => (
            <button
              key={placeholder}
              type="button"
              dir="ltr"
              onClick={() => on.onSelectPlaceholder(placeholder)}
              className="rounded bg-amber-200 px-1.5 py-0.5 font-mono text-[11px] hover:bg-amber-300"
            >
              {placeholder}
            </button>
          ))}
        </div>
      ) : null}
      <div className="ms-auto flex items-center gap-2">
        {locales.length > 1 ? (
          <span data-sends-in="" className="text-xs font-medium text-slate-700">
            {t.sendsIn}
            {locales.map((locale, index) => (
              <span key={locale}>
                {index > 0 ? (uiLocale === "ar" ? "، " : ", ") : " "}
                <span lang={locale}>{nativeName(locale)}</span>
              </span>
            ))}
          </span>
        ) : null}
        <span className="hidden text-xs text-slate-600 md:inline">
          {format(t.sendHint, { keys: shortcut })}
        </span>
        <button
          type="submit"
          disabled={sending}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          className={`rounded-md px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60 ${
            draft.internal ? "bg-amber-700 hover:bg-amber-800" : "bg-blue-600 hover:bg-blue-700"
          }`}
        >
          {sending ? t.sending : draft.internal ? t.sendNote : t.send}
        </button>
      </div>
    </div>
  );
}
