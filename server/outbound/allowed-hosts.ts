/** An operator's exception to the address rules: a host, on any port or on one port. */
export type AllowedHost = { hostname: string; port: number | null };

// host, host:port, [ipv6] or [ipv6]:port. IPv6 needs its brackets, as in a URL.
const ENTRY = /^(\[[0-9a-fA-F:.]+\]|[^\s:/?#@[\]]+)(?::(\d{1,5}))?$/;

/**
 * One entry of OUTBOUND_ALLOWED_HOSTS, its host spelled as the URL parser spells it (so
 * `LOCALHOST`, `127.1` and `[0:0::1]` match what a request's URL holds); throws when malformed.
 */
export function parseAllowedHost(entry: string): AllowedHost {
  const match = ENTRY.exec(entry.trim());
  const port = match?.[2] === undefined ? null : Number(match[2]);
  if (!match?.[1] || (port !== null && (port < 1 || port > 65_535))) {
    throw new Error(`"${entry}" is not a host or host:port`);
  }
  let hostname: string;
  try {
    hostname = new URL(`http://${match[1]}/`).hostname;
  } catch {
    throw new Error(`"${entry}" is not a host or host:port`);
  }
  return { hostname, port };
}

/** A comma-separated list of allowed hosts; empty entries are ignored. */
export function parseAllowedHosts(list: string): AllowedHost[] {
  return list
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map(parseAllowedHost);
}

export function effectivePort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}

/** Whether the URL's host (and port) is listed: the address checks are then skipped for it. */
export function isAllowedHost(url: URL, allowed: readonly AllowedHost[]): boolean {
  const port = effectivePort(url);
  return allowed.some(
    (entry) => entry.hostname === url.hostname && (entry.port === null || entry.port === port),
  );
}
