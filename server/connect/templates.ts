import { TRPCError } from "@trpc/server";
import { LOCALES, type Locale } from "@/server/connect/locales";
import type { MessageContent } from "@/server/connect/schemas";

const PLACEHOLDER = /\{\{\s*([\p{L}\p{N}_.-]+)\s*\}\}/gu;

function lookup(context: unknown, path: string): unknown {
  let value: unknown = context;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value) || !Object.hasOwn(value, key)) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Fills `{{path.to.value}}` from the context. Logic-less: no helpers, no code, no HTML;
 * a placeholder with no text value is an error naming it, never a blank in a sent message.
 */
export function renderTemplateText(text: string, context: unknown): string {
  return text.replace(PLACEHOLDER, (_, path: string) => {
    const value = lookup(context, path);
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
      return String(value);
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `templateContext.${path}: the template needs a text value for {{${path}}}`,
    });
  });
}

/** The template's text per locale, filled in, under the explicit content (which wins per locale). */
export function mergeTemplate(template: unknown, context: unknown, explicit: MessageContent): MessageContent {
  const merged: MessageContent = {};
  const texts = template && typeof template === "object" ? (template as Record<string, unknown>) : {};
  for (const locale of LOCALES) {
    const text = texts[locale];
    if (explicit[locale] !== undefined) merged[locale] = explicit[locale];
    else if (typeof text === "string" && text.length > 0) merged[locale] = renderTemplateText(text, context);
  }
  return merged;
}

export function templatePlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "").filter(Boolean);
}

export type { Locale };
