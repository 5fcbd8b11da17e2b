import type { Locale } from "@/server/connect/schemas";

export type RewriteStyle = "shorter" | "friendlier" | "formal";

// Phrases before single words, so removing a word cannot break a phrase apart.
const FILLERS: Record<Locale, RegExp[]> = {
  en: [
    /\bI\s+(?:just\s+)?wanted\s+to\s+(?:let\s+you\s+know|say|mention)\s+that\s+/giu,
    /\bplease\s+(?:note|be\s+aware)\s+that\s+/giu,
    /\b(?:as\s+a\s+matter\s+of\s+fact|at\s+the\s+end\s+of\s+the\s+day),?\s*/giu,
    /\b(?:just|really|basically|actually|simply|quite|very|totally|honestly|literally)\s+/giu,
  ],
  tr: [/(?:^|\s)(?:aslında|gerçekten|sadece|tamamen|açıkçası)(?=\s)/giu],
  ar: [/(?:^|\s)(?:في الحقيقة|بصراحة|فقط)(?=\s)/gu],
};

const GREETINGS: Record<Locale, { test: RegExp; hello: (name: string | null) => string; thanks: string }> = {
  en: {
    test: /^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b/iu,
    hello: (name) => (name ? `Hi ${name}! ` : "Hi there! "),
    thanks: "Thanks so much for reaching out!",
  },
  tr: {
    test: /^\s*(?:merhaba|selam|sayın|iyi günler)/iu,
    hello: (name) => (name ? `Merhaba ${name}! ` : "Merhaba! "),
    thanks: "Bize ulaştığınız için çok teşekkürler!",
  },
  ar: {
    test: /^\s*(?:مرحب|أهلا|اهلا|السلام عليكم|عزيزي|عزيزتي)/u,
    hello: (name) => (name ? `مرحبًا ${name}! ` : "مرحبًا! "),
    thanks: "شكرًا جزيلًا لتواصلك معنا!",
  },
};

const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan't\b/giu, "cannot"],
  [/\bwon't\b/giu, "will not"],
  [/\b(\w+)n't\b/giu, "$1 not"],
  [/\bI'm\b/gu, "I am"],
  [/\b(you|we|they)'re\b/giu, "$1 are"],
  [/\b(it|that|there|what)'s\b/giu, "$1 is"],
  [/\b(I|you|we|they)'ve\b/giu, "$1 have"],
  [/\b(I|you|we|they)'ll\b/giu, "$1 will"],
  [/\b(I|you|we|they)'d\b/giu, "$1 would"],
  [/\b(?:hi|hey)\b/giu, "Hello"],
  [/\bthanks\b/giu, "thank you"],
  [/\bok(?:ay)?\b/giu, "all right"],
];

function sentences(text: string): string[] {
  return (
    text
      .match(/[^.!?؟。\n]+[.!?؟。]*\s*/gu)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? [text.trim()]
  );
}

function tidy(text: string): string {
  return text
    .replace(/[ \t]+/g, " ")
    .replace(/\s+([,.!?؟،])/gu, "$1")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function shorter(text: string, locale: Locale): string {
  let trimmed = text;
  for (const filler of FILLERS[locale]) trimmed = trimmed.replace(filler, " ");
  const parts = sentences(tidy(trimmed));
  const budget = Math.max(60, Math.round(text.length * 0.6));
  const kept: string[] = [];
  for (const part of parts) {
    if (kept.length > 0 && [...kept, part].join(" ").length > budget) break;
    kept.push(part);
  }
  // Dropping a leading filler can leave a sentence starting in lowercase.
  return tidy(kept.join(" ")).replace(
    /(^|[.!?]\s+)(\p{Ll})/gu,
    (_, before: string, letter: string) => `${before}${letter.toLocaleUpperCase(locale)}`,
  );
}

function friendlier(text: string, locale: Locale, customerName: string | null): string {
  const greeting = GREETINGS[locale];
  let result = tidy(text);
  if (!greeting.test.test(result)) result = `${greeting.hello(customerName)}${result}`;
  if (!result.includes(greeting.thanks)) result = `${result} ${greeting.thanks}`;
  return result;
}

function formal(text: string, locale: Locale, customerName: string | null): string {
  let result = tidy(text);
  if (locale === "en")
    for (const [pattern, replacement] of CONTRACTIONS) result = result.replace(pattern, replacement);
  if (locale === "tr") {
    result = result.replace(
      /^\s*(?:merhaba|selam)\b[,!]?\s*/iu,
      customerName ? `Sayın ${customerName}, ` : "",
    );
  }
  if (locale === "ar") result = result.replace(/^\s*(?:مرحبًا|مرحبا|أهلا|اهلا)[،!]?\s*/u, "السلام عليكم، ");
  return result.replace(/!+/g, ".").replace(/\s*😊|\s*🙂|\s*:\)/gu, "");
}

/** Offline rewriting for the built-in agent: rule-based, deterministic, in the text's own language. */
export function rewriteOffline(
  text: string,
  locale: Locale,
  style: RewriteStyle | undefined,
  customerName: string | null,
): string {
  switch (style) {
    case "shorter":
      return shorter(text, locale);
    case "friendlier":
      return friendlier(text, locale, customerName);
    case "formal":
      return formal(text, locale, customerName);
    case undefined:
      return tidy(text);
  }
}
