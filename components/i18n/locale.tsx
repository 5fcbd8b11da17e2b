"use client";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { directionOf, UI_LOCALES, type UiLocale } from "@/components/i18n/ui-locale";
import type { UiStrings } from "@/components/i18n/ui-strings";

const UiLocaleContext = createContext<UiLocale>("en");
const UiStringsContext = createContext<UiStrings | null>(null);

export function UiLocaleProvider({ locale, children }: { locale: UiLocale; children: ReactNode }) {
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale]);
  return <UiLocaleContext.Provider value={locale}>{children}</UiLocaleContext.Provider>;
}

/**
 * The UI in the `wanted` language. The page comes with the strings of the language the server
 * rendered it in; the others load when first wanted, and until they arrive the UI stays, whole,
 * in the language it has, so text and direction never mix.
 */
export function UiLanguageProvider({
  wanted,
  initial,
  children,
}: {
  wanted: UiLocale;
  initial: { locale: UiLocale; strings: UiStrings };
  children: ReactNode;
}) {
  const [loaded, setLoaded] = useState<Partial<Record<UiLocale, UiStrings>>>({
    [initial.locale]: initial.strings,
  });
  const [previous, setPrevious] = useState(initial.locale);
  const wantedStrings = loaded[wanted];
  const locale = wantedStrings ? wanted : previous;
  useEffect(() => {
    if (wantedStrings) {
      setPrevious(wanted);
      return;
    }
    let current = true;
    import("@/components/i18n/ui-strings")
      .then(({ uiStrings }) => {
        if (current) setLoaded(Object.fromEntries(UI_LOCALES.map((l) => [l, uiStrings(l)])));
      })
      // Offline: the UI keeps its language, and the next change of language tries again.
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [wanted, wantedStrings]);
  return (
    <UiLocaleProvider locale={locale}>
      <UiStringsContext.Provider value={loaded[locale] ?? initial.strings}>
        {children}
      </UiStringsContext.Provider>
    </UiLocaleProvider>
  );
}

export function useUiLocale(): UiLocale {
  return useContext(UiLocaleContext);
}

/** One feature's strings in the UI language (see components/i18n/ui-strings.ts). */
export function useStrings<Feature extends keyof UiStrings>(feature: Feature): UiStrings[Feature] {
  const strings = useContext(UiStringsContext);
  if (!strings) throw new Error("useStrings needs a UiLanguageProvider");
  return strings[feature];
}

/** Fills `{name}` placeholders in a UI string. */
export function format(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
