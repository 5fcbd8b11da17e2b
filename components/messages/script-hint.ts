import type { Locale } from "@/server/connect/locales";

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN = /[A-Za-z\u00C0-\u024F]/;
// Template variables, links and addresses are Latin in any language: they say nothing.
const NEUTRAL = /\{\{[^}]*\}\}|https?:\/\/\S+|\S+@\S+/g;

export type ScriptMismatch = "arabicOutsideArabic" | "latinInArabic";

/**
 * Whether the text looks written for another tab: Arabic script in the English or Turkish tab,
 * or Latin letters and no Arabic ones in the Arabic tab. A hint, never a reason not to send.
 */
export function scriptMismatch(locale: Locale, text: string): ScriptMismatch | null {
  const words = text.replace(NEUTRAL, " ");
  if (locale === "ar") return LATIN.test(words) && !ARABIC.test(words) ? "latinInArabic" : null;
  return ARABIC.test(words) ? "arabicOutsideArabic" : null;
}
