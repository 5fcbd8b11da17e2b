// No "use client": the server picks the page's UI language and its strings with these too.
export const UI_LOCALES = ["en", "ar", "tr"] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === "string" && (UI_LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: string): "rtl" | "ltr" {
  return locale === "ar" ? "rtl" : "ltr";
}

/** The member's choice, else the browser's first language we speak, else English. */
export function pickUiLocale(preferred: string | null | undefined, browser: readonly string[]): UiLocale {
  if (isUiLocale(preferred)) return preferred;
  for (const tag of browser) {
    const base = tag.toLowerCase().split("-")[0];
    if (isUiLocale(base)) return base;
  }
  return "en";
}

/** The browser's languages from an Accept-Language header, most preferred first. */
export function acceptedLanguages(header: string | null): string[] {
  return (header ?? "")
    .split(",")
    .map((part) => part.split(";")[0]?.trim() ?? "")
    .filter(Boolean);
}

/**
 * Strings live beside the feature that shows them: `defineStrings({ en: {...}, ar: {...}, tr: {...} })`,
 * with Arabic and Turkish required to have every English key. Components read them through
 * `useStrings("<feature>")` (components/i18n/ui-strings.ts), so only one language ships with the page.
 */
export function defineStrings<T extends Record<string, string>>(strings: { en: T; ar: T; tr: T }) {
  return strings;
}
