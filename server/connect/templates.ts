import { TRPCError } from "@trpc/server";
import { LOCALES, type Locale } from "@/server/connect/locales";
import type { MessageContent } from "@/server/connect/schemas";
import { renderTemplateParts, variablePaths } from "@/server/templates/variables";

/**
 * Fills `{{path.to.value}}` from the context, or `{{path | "fallback"}}` with its fallback when the
 * context has no text value for it (server/templates/variables.ts). A variable with neither is an
 * error naming it, never a blank in a sent message.
 */
export function renderTemplateText(text: string, context: unknown): string {
  return renderTemplateParts(text, context)
    .map((part) => {
      if (part.kind === "text") return part.text;
      if (part.text !== null) return part.text;
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `templateContext.${part.path}: the template needs a text value for {{${part.path}}}`,
      });
    })
    .join("");
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
  return variablePaths(text);
}

export type { Locale };
