/**
 * The client's address as the operator's proxies saw it, or null when it cannot be known.
 *
 * A route handler never sees the socket, so the address comes from X-Forwarded-For, whose
 * entries only the operator's own proxies vouch for: each of the `trustedHops` proxies appends
 * the address it received the request from, so the entry `trustedHops` from the right is the
 * client; everything left of it is whatever the client wrote. With no trusted proxy (0) the
 * header is the client's own word (Next only fills it in when absent), so there is no address.
 */
export function clientAddress(headers: Headers, trustedHops: number): string | null {
  if (trustedHops <= 0) return null;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  // Fewer entries than proxies: the request did not come through all of them.
  if (entries.length < trustedHops) return null;
  return entries[entries.length - trustedHops] ?? null;
}
