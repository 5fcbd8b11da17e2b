import { isUiLocale } from "@/components/i18n/ui-locale";
import { LOCALES, type Locale } from "@/server/connect/locales";
import type { MessageContent } from "@/server/connect/schemas";

function hasValue(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return typeof value !== "string" || value.trim() !== "";
}

/** The locales a message has something to show in, in the product's locale order. */
export function presentLocales(content: MessageContent): Locale[] {
  return LOCALES.filter((locale) => hasValue(content[locale]));
}

/** The first preferred locale the message has, else the first it has; null for an empty message. */
export function pickLocale(
  content: MessageContent,
  preferred: readonly (string | null | undefined)[],
): Locale | null {
  const present = presentLocales(content);
  for (const locale of preferred) {
    if (isUiLocale(locale) && present.includes(locale)) return locale;
  }
  return present[0] ?? null;
}

/** Plain text of one locale's value, for quotes and previews: never "[object Object]". */
export function plainText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
