"use client";
import { createContext, type ReactNode, useContext, useEffect } from "react";

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

const UiLocaleContext = createContext<UiLocale>("en");

export function UiLocaleProvider({ locale, children }: { locale: UiLocale; children: ReactNode }) {
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale]);
  return <UiLocaleContext.Provider value={locale}>{children}</UiLocaleContext.Provider>;
}

export function useUiLocale(): UiLocale {
  return useContext(UiLocaleContext);
}

/**
 * Strings live beside the feature that shows them: `defineStrings({ en: {...}, ar: {...}, tr: {...} })`,
 * with Arabic and Turkish required to have every English key.
 */
export function defineStrings<T extends Record<string, string>>(strings: { en: T; ar: T; tr: T }) {
  return strings;
}

export function useStrings<T extends Record<string, string>>(strings: { en: T; ar: T; tr: T }): T {
  return strings[useUiLocale()];
}

/** Fills `{name}` placeholders in a UI string. */
export function format(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
