"use client";
import { useUiLocale } from "@/components/i18n/locale";
import { directionOf, type UiLocale } from "@/components/i18n/ui-locale";
import { LOCALES, type Locale } from "@/server/connect/locales";
import type { MessageContent } from "@/server/connect/schemas";

export type LocalizedValue = { locale: Locale; value: unknown };

/** The viewer's UI locale when the content has it, else the first locale present, in API order. */
export function pickContentLocale(
  content: MessageContent | null | undefined,
  viewer: UiLocale,
): LocalizedValue | null {
  if (!content) return null;
  if (isPresent(content[viewer])) return { locale: viewer, value: content[viewer] };
  for (const locale of LOCALES) {
    if (isPresent(content[locale])) return { locale, value: content[locale] };
  }
  return null;
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

const MAX_DEPTH = 4;

/**
 * Any JSON value as one line a person can read: strings as they are, objects as
 * `key: value` pairs, arrays as comma-separated items. Never `[object Object]`, and the
 * result is text for React to escape, never HTML.
 */
export function readableText(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return String(value);
  }
  if (depth >= MAX_DEPTH) return "…";
  if (Array.isArray(value)) {
    return value
      .map((item) => readableText(item, depth + 1))
      .filter(Boolean)
      .join(", ");
  }
  if (typeof value === "object") {
    const pairs = Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => {
        const text = readableText(item, depth + 1);
        if (!text) return "";
        const nested = item !== null && typeof item === "object";
        return nested ? `${key}: (${text})` : `${key}: ${text}`;
      })
      .filter(Boolean);
    return pairs.join(", ");
  }
  return "";
}

/** Whitespace runs (newlines included) as single spaces, for one-line previews. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

type PreviewTextProps = {
  content: MessageContent | null | undefined;
  /** Shown, in the UI's language and direction, when the content has no text. */
  fallback: string;
  className?: string;
};

/**
 * A message's content as one line, in the locale picked by `pickContentLocale`, marked with
 * that locale's `lang` and `dir` so Arabic reads right to left inside an English UI and back.
 */
export function PreviewText({ content, fallback, className }: PreviewTextProps) {
  const viewer = useUiLocale();
  const picked = pickContentLocale(content, viewer);
  const text = picked ? oneLine(readableText(picked.value)) : "";
  if (!picked || !text) {
    return <span className={className}>{fallback}</span>;
  }
  return (
    <span lang={picked.locale} dir={directionOf(picked.locale)} className={className}>
      {text}
    </span>
  );
}
