import { LOCALES, type Locale } from "@/server/connect/locales";
import type { MessageContent } from "@/server/connect/schemas";

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]/gu;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/gu;
const TURKISH_LETTER = /[çğıöşüÇĞİÖŞÜ]/u;
// Frequent Turkish words that are not English, for Turkish typed without its letters.
const TURKISH_WORDS = new Set([
  "ve",
  "bir",
  "bu",
  "icin",
  "için",
  "ile",
  "mi",
  "mı",
  "mu",
  "ne",
  "nasil",
  "nasıl",
  "neden",
  "merhaba",
  "tesekkurler",
  "teşekkürler",
  "lutfen",
  "lütfen",
  "siparis",
  "sipariş",
  "siparisim",
  "siparişim",
  "iade",
  "kargo",
  "yok",
  "var",
  "degil",
  "değil",
  "ben",
  "benim",
  "bana",
  "hala",
  "hâlâ",
  "zaman",
  "gibi",
  "olarak",
  "daha",
  "cok",
  "çok",
]);

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** The locale a text is written in, by script, then Turkish letters and words; null when it has no letters. */
export function detectLocale(text: string): Locale | null {
  const arabic = count(text, ARABIC_LETTER);
  const latin = count(text, LATIN_LETTER);
  if (arabic === 0 && latin === 0) return null;
  if (arabic >= latin) return "ar";
  if (TURKISH_LETTER.test(text)) return "tr";
  const words = text.toLocaleLowerCase("tr").split(/[^\p{L}]+/u);
  const turkish = words.filter((word) => TURKISH_WORDS.has(word)).length;
  return turkish >= 2 || (turkish === 1 && words.length <= 4) ? "tr" : "en";
}

/** A message's text for a reader of `locale`: that locale's text, else the first text it has. */
export function contentText(content: unknown, locale: Locale): string {
  if (content === null || typeof content !== "object" || Array.isArray(content)) return "";
  const texts = content as MessageContent;
  const preferred = texts[locale];
  if (typeof preferred === "string" && preferred.trim()) return preferred;
  for (const other of LOCALES) {
    const text = texts[other];
    if (typeof text === "string" && text.trim()) return text;
  }
  for (const other of LOCALES) {
    const value = texts[other];
    if (value !== undefined && value !== null && typeof value !== "string") return JSON.stringify(value);
  }
  return "";
}

/**
 * The language a message is written in: the script of its text decides (API clients often put
 * Arabic under `en`); a message with one locale and no telling script keeps that locale.
 */
export function messageLocale(content: unknown, fallback: Locale = "en"): Locale {
  if (content === null || typeof content !== "object" || Array.isArray(content)) return fallback;
  const texts = content as MessageContent;
  const keys = LOCALES.filter((locale) => typeof texts[locale] === "string" && String(texts[locale]).trim());
  for (const key of keys) {
    const detected = detectLocale(String(texts[key]));
    if (detected === key) return key;
  }
  const first = keys[0];
  if (first) return detectLocale(String(texts[first])) ?? first;
  return fallback;
}

/** A text in exactly `locale`: that locale's entry, or another entry whose script says it is `locale`. */
export function textInLocale(content: unknown, locale: Locale): string | null {
  if (content === null || typeof content !== "object" || Array.isArray(content)) return null;
  const texts = content as MessageContent;
  const own = texts[locale];
  if (typeof own === "string" && own.trim()) return own;
  for (const other of LOCALES) {
    const text = texts[other];
    if (typeof text === "string" && text.trim() && detectLocale(text) === locale) return text;
  }
  return null;
}

export const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", ar: "Arabic", tr: "Turkish" };
