import { useUiLocale } from "@/components/i18n/locale";

/**
 * Lower case without marks in `locale`, for matching what is typed against names: "oz" finds
 * "Öztürk", and in Turkish "istanbul" finds "İstanbul" and "ırmak" finds "IRMAK".
 */
export function foldText(text: string, locale: string): string {
  return text.toLocaleLowerCase(locale).normalize("NFKD").replace(/\p{M}/gu, "");
}

/** `foldText` in the UI's language. */
export function useFold(): (text: string) => string {
  const locale = useUiLocale();
  return (text: string) => foldText(text, locale);
}

/**
 * How well `label` matches `query` (both folded), lower is better, null for no match: the label
 * starts with it, then a word of it does, then it is inside a word.
 */
export function matchRank(label: string, query: string): number | null {
  if (query === "") return 0;
  const at = label.indexOf(query);
  if (at < 0) return null;
  if (at === 0) return 0;
  return label.split(/[\s\-–—:,/]+/u).some((word) => word.startsWith(query)) ? 1 : 2;
}
