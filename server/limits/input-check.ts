// Input every procedure refuses before its own schema sees it. Checked once here instead of in
// every schema, and without recursion: a 12,000-deep array must not overflow the stack here,
// in zod, in JSON.stringify (a content size check) or in Prisma.

/** Deeper than any input of this API needs (a customer's metadata is the deepest). */
export const MAX_INPUT_DEPTH = 64;

export type InputProblem = { path: (string | number)[]; message: string };

// PostgreSQL refuses NUL in text and in jsonb; a lone surrogate is not UTF-8 at all.
// In a /u pattern a well-formed pair is one code point, so \p{Cs} matches only a lone half.
const LONE_SURROGATE = /\p{Cs}/u;
// Paths named in an error stay short however deep the input went.
const SHOWN_PATH_SEGMENTS = 6;

function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain NUL (U+0000) characters";
  if (LONE_SURROGATE.test(text)) return "must be valid Unicode text (it has a lone surrogate)";
  return null;
}

/** A path segment as an error shows it: the offending characters escaped. */
function shownKey(key: string): string {
  return key.replace(/[\p{Cc}\p{Cs}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function shownPath(path: (string | number)[]): (string | number)[] {
  const shown = path.map((segment) => (typeof segment === "string" ? shownKey(segment) : segment));
  return shown.length > SHOWN_PATH_SEGMENTS ? [...shown.slice(0, SHOWN_PATH_SEGMENTS), "…"] : shown;
}

/** The first string (value or key) PostgreSQL cannot store, or the first point nested too deep. */
export function findInputProblem(input: unknown): InputProblem | null {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === "string") {
      const message = textProblem(value);
      if (message) return { path: shownPath(path), message };
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (path.length >= MAX_INPUT_DEPTH) {
      return { path: shownPath(path), message: `is nested too deep (at most ${MAX_INPUT_DEPTH} levels)` };
    }
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) {
        pending.push({ value: value[index], path: [...path, index] });
      }
      continue;
    }
    const entries = Object.entries(value);
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, child] = entries[index] as [string, unknown];
      const message = textProblem(key);
      if (message) return { path: shownPath([...path, key]), message: `has a key that ${message}` };
      pending.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}
