const PLACEHOLDER_ORIGIN = "http://callback.invalid";

/**
 * Where to go after sign-in: a path on this site, else the inbox. Parsed the way the browser
 * will parse it (backslashes, tabs and newlines, `//host`, `/%09/host` once decoded), so no
 * spelling of another origin gets through as an open redirect.
 */
export function sameOriginPath(value: string | undefined, fallback = "/inbox"): string {
  if (!value?.startsWith("/")) return fallback;
  try {
    const url = new URL(value, PLACEHOLDER_ORIGIN);
    if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
