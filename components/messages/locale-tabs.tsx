"use client";
import { useStrings, useUiLocale } from "@/components/i18n/locale";
import { useLanguageNames } from "@/components/messages/locale-choice";
import { LOCALES, type Locale } from "@/server/connect/locales";

type Props = { active: Locale; hasText: Record<Locale, boolean>; onSelect: (locale: Locale) => void };

export function localeTabId(locale: Locale): string {
  return `composer-tab-${locale}`;
}

/** The language's name in itself, as its tab shows it: English, العربية, Türkçe. */
export function nativeName(locale: Locale): string {
  return new Intl.DisplayNames(locale, { type: "language" }).of(locale) ?? locale;
}

/** en / ar / tr, each named in its own language, with a dot on the ones that have text. */
export function LocaleTabs({ active, hasText, onSelect }: Props) {
  const t = useStrings("messages");
  const languageName = useLanguageNames();
  const uiLocale = useUiLocale();
  return (
    <div role="tablist" aria-label={t.languages} className="flex gap-1">
      {LOCALES.map((locale) => {
        const native = nativeName(locale);
        const translated = languageName(locale);
        const extra = [
          ...(translated !== native ? [translated] : []),
          ...(hasText[locale] ? [t.hasText] : []),
        ];
        return (
          <button
            key={locale}
            id={localeTabId(locale)}
            type="button"
            role="tab"
            lang={locale}
            aria-selected={locale === active}
            aria-controls="composer-panel"
            data-has-text={hasText[locale] ? "" : undefined}
            tabIndex={locale === active ? 0 : -1}
            onClick={() => onSelect(locale)}
            onKeyDown={(event) => {
              if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
              const forward = (event.key === "ArrowRight") === (document.dir !== "rtl");
              const next =
                LOCALES[(LOCALES.indexOf(locale) + (forward ? 1 : LOCALES.length - 1)) % LOCALES.length];
              if (next) {
                onSelect(next);
                document.getElementById(localeTabId(next))?.focus();
              }
            }}
            className="flex items-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 aria-selected:bg-slate-900 aria-selected:text-white"
          >
            {native}
            {/* The name starts with what the tab shows (WCAG 2.5.3), then says it in the UI's language. */}
            {extra.length > 0 ? (
              <span lang={uiLocale} className="sr-only">{` (${extra.join(", ")})`}</span>
            ) : null}
            {hasText[locale] ? (
              <span aria-hidden="true" className="size-1.5 rounded-full bg-emerald-500" />
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
