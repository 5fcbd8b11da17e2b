// The composer's view of a template's variables, on the one parser the API's send uses
// (server/templates/variables.ts), so an inserted template reads as the API would send it.
import type { Locale } from "@/server/connect/locales";
import { LOCALES } from "@/server/connect/locales";
import { fillTemplate, parseTemplate } from "@/server/templates/variables";

/** Fills every variable the context has a value or the template a fallback for; the others stay as written. */
export function fillPlaceholders(text: string, context: unknown): string {
  return fillTemplate(text, context);
}

export function placeholdersIn(text: string): string[] {
  return [...new Set(parseTemplate(text).flatMap((part) => (part.kind === "variable" ? [part.source] : [])))];
}

/** Each variable still in the draft, with the reply languages (tabs) it is in. */
export function unfilledVariables(
  texts: Record<Locale, string>,
): { placeholder: string; locales: Locale[] }[] {
  const found = new Map<string, Locale[]>();
  for (const locale of LOCALES) {
    for (const placeholder of placeholdersIn(texts[locale]))
      found.set(placeholder, [...(found.get(placeholder) ?? []), locale]);
  }
  return [...found].map(([placeholder, locales]) => ({ placeholder, locales }));
}

/** The text cut into plain runs and placeholders, to highlight the placeholders. */
export function splitPlaceholders(text: string): { text: string; placeholder: boolean }[] {
  return parseTemplate(text).map((part) =>
    part.kind === "text" ? { text: part.text, placeholder: false } : { text: part.source, placeholder: true },
  );
}
