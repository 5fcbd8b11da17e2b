import type { Locale } from "@/server/connect/schemas";

// Harakat, superscript alef, Quranic marks, and tatweel.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/gu;
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/gu;
const COMBINING_MARKS = /\p{M}/gu;

/** One spelling per Arabic letter family, as Arabic search engines normalize. */
export function normalizeArabic(text: string): string {
  return text
    .replace(ARABIC_MARKS, "")
    .replace(/[أإآٱ]/gu, "ا")
    .replace(/ى/gu, "ي")
    .replace(/ؤ/gu, "و")
    .replace(/ئ/gu, "ي")
    .replace(/ة/gu, "ه")
    .replace(ARABIC_INDIC_DIGITS, (digit) => String((digit.codePointAt(0) ?? 0) % 16));
}

/**
 * Lowercase the way the text's language does (Turkish: I → ı, İ → i), then fold Turkish letters
 * to their bare forms so "siparis" finds "sipariş".
 */
export function foldLatin(text: string, locale: Locale): string {
  const lower = text.toLocaleLowerCase(locale === "tr" ? "tr" : "en");
  return lower.normalize("NFKD").replace(COMBINING_MARKS, "").replace(/ı/gu, "i");
}

const STOPWORDS: Record<Locale, Set<string>> = {
  en: new Set(
    (
      "a an the and or but if of to in on at by for from with about as into is are was were be been " +
      "am do does did done have has had i me my mine we us our you your yours he she it its they them " +
      "their this that these those there here what which who whom whose when where why how can could " +
      "would should will shall may might must not no yes please hi hello hey thanks thank dear regards " +
      "just also so too very really any some all get got im ive id dont cant wont its still"
    ).split(" "),
  ),
  // Already normalized (alef, ya, ta marbuta): these are compared after normalizeArabic.
  ar: new Set(
    (
      "في من على الى عن ما ماذا هل كيف متى اين لماذا هذا هذه ذلك تلك الذي التي الذين و او ثم مع " +
      "لي انا انت انتم نحن هو هي هم كان كانت يكون قد لقد لا لم لن نعم مرحبا شكرا اهلا السلام عليكم " +
      "لو سمحت من فضلك يا عند عندي كل بعض اي الي ان انه انها به بها له لها"
    )
      .split(" ")
      .map(normalizeArabic),
  ),
  // Folded (no Turkish letters): compared after foldLatin.
  tr: new Set(
    (
      "ve veya ile bir bu su o icin gibi da de ki mi mu ne nasil neden nicin nerede ne zaman hangi " +
      "ben sen biz siz onlar benim senin bizim sizin bana sana beni seni ama fakat ya daha cok en " +
      "merhaba selam tesekkurler tesekkur ederim lutfen iyi gunler hala acaba var yok mi midir"
    ).split(" "),
  ),
};

const ARABIC_PREFIXES = ["وال", "بال", "كال", "فال", "لل", "ال"];
// Light10's suffixes plus the possessive pronouns (-ك your, -كم, -هم, -نا), longest first.
const ARABIC_SUFFIXES = ["كما", "هما", "ها", "ان", "ات", "ون", "ين", "يه", "كم", "هم", "نا", "ه", "ي", "ك"];

/** Light stemming after Larkey's light10: articles and conjunctions off the front, common suffixes off the back. */
function stemArabic(word: string): string {
  let stem = word;
  for (const prefix of ARABIC_PREFIXES) {
    if (stem.startsWith(prefix) && stem.length - prefix.length >= 2) {
      stem = stem.slice(prefix.length);
      break;
    }
  }
  if (stem.startsWith("و") && stem.length > 3) stem = stem.slice(1);
  for (const suffix of ARABIC_SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 2) {
      stem = stem.slice(0, -suffix.length);
      break;
    }
  }
  return stem;
}

/** Turkish is agglutinative: the first five letters of a word work as its stem (Can et al., 2008). */
function stemTurkish(word: string): string {
  return word.slice(0, 5);
}

function undouble(word: string): string {
  return /([^aeioulsz])\1$/.test(word) ? word.slice(0, -1) : word;
}

/** A few of Porter's steps: plurals, -ing, -ed, a silent final e ("arrive", "arrived" → "arriv"). */
function stemEnglish(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith("ing")) return undouble(word.slice(0, -3));
  if (word.length > 4 && word.endsWith("ed")) return undouble(word.slice(0, -2));
  if (word.length > 4 && /(?:ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  let stem = word;
  if (stem.length > 3 && stem.endsWith("s") && !stem.endsWith("ss")) stem = stem.slice(0, -1);
  if (stem.length > 4 && stem.endsWith("e")) stem = stem.slice(0, -1);
  return stem;
}

/**
 * The search terms of a text in `locale`: normalized, lowercased the language's way, split on
 * anything that is not a letter or digit, stopwords dropped, stemmed.
 */
export function searchTerms(text: string, locale: Locale): string[] {
  const normalized = foldLatin(normalizeArabic(text.normalize("NFKC")), locale);
  const stopwords = STOPWORDS[locale];
  const terms: string[] = [];
  for (const word of normalized.split(/[^\p{L}\p{N}]+/u)) {
    if (!word || stopwords.has(word)) continue;
    if (word.length < 2 && !/\p{N}/u.test(word)) continue;
    const isArabic = /[\u0621-\u064A]/u.test(word);
    const stem = isArabic ? stemArabic(word) : locale === "tr" ? stemTurkish(word) : stemEnglish(word);
    if (stem) terms.push(stem);
  }
  return terms;
}
