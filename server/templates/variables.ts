// A template's variables: `{{customer.name}}`, or with a fallback `{{customer.name | "there"}}`.
// The one parser and renderer: the Connect API's send (server/connect/templates.ts), the
// composer (components/messages/template-variables.ts) and the template editor's preview all
// use it, so they agree on what a template says. Logic-less: no helpers, no code, no HTML.
// Imported by the browser: nothing here may import server-only code.

/** `{{ path }}` or `{{ path | "fallback" }}`; inside the quotes, `\"` and `\\` escape. */
const VARIABLE = /\{\{\s*([\p{L}\p{N}_.-]+)\s*(?:\|\s*"((?:[^"\\\r\n]|\\.)*)"\s*)?\}\}/gu;

export type TemplatePart =
  | { kind: "text"; text: string }
  | { kind: "variable"; path: string; fallback: string | null; source: string };

/** What a variable became: its value, its fallback, or nothing (`text` null). */
export type RenderedPart =
  | { kind: "text"; text: string }
  | {
      kind: "variable";
      path: string;
      source: string;
      from: "value" | "fallback" | "missing";
      text: string | null;
    };

function unquoted(fallback: string): string {
  return fallback.replace(/\\(.)/g, "$1");
}

export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of text.matchAll(VARIABLE)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ kind: "text", text: text.slice(last, start) });
    const fallback = match[2];
    parts.push({
      kind: "variable",
      path: match[1] ?? "",
      fallback: fallback === undefined ? null : unquoted(fallback),
      source: match[0],
    });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

/**
 * The text value at `path`: a non-blank string, a number or a boolean; anything else (absent,
 * null, blank, an object) is no value. Own properties only, so `{{constructor.name}}` is nothing.
 */
export function variableValue(context: unknown, path: string): string | null {
  let value: unknown = context;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value) || !Object.hasOwn(value, key)) {
      return null;
    }
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string" && value.trim() !== "") return value;
  return null;
}

/** Each variable resolved against the context: its value, else its fallback, else missing. */
export function renderTemplateParts(text: string, context: unknown): RenderedPart[] {
  return parseTemplate(text).map((part) => {
    if (part.kind === "text") return part;
    const value = variableValue(context, part.path);
    if (value !== null) return { ...part, from: "value", text: value };
    if (part.fallback !== null) return { ...part, from: "fallback", text: part.fallback };
    return { ...part, from: "missing", text: null };
  });
}

/** The text with every variable filled in; a missing one is left as it was written. */
export function fillTemplate(text: string, context: unknown): string {
  return renderTemplateParts(text, context)
    .map((part) => (part.kind === "text" ? part.text : (part.text ?? part.source)))
    .join("");
}

/** The variables' paths, once each, in order of first use. */
export function variablePaths(text: string): string[] {
  return [...new Set(parseTemplate(text).flatMap((part) => (part.kind === "variable" ? [part.path] : [])))];
}

/**
 * The first `{{…}}` left over once every well-formed variable is taken out (an unquoted fallback,
 * a stray brace pair), or null: a template is saved only when each of its variables will render.
 */
export function malformedVariable(text: string): string | null {
  const rest = text.replace(VARIABLE, "");
  const match = /\{\{[^\n]*?(?:\}\}|$)|\}\}/m.exec(rest);
  return match ? match[0].slice(0, 60) : null;
}
