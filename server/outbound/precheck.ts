import { isIP } from "node:net";
import { isRefusedAddress } from "@/server/outbound/addresses";
import { type AllowedHost, isAllowedHost } from "@/server/outbound/allowed-hosts";

/**
 * Whether a URL is refused on its face, before any lookup: a refused IP address in any spelling
 * the URL parser reads, or a name that always means this host. For an early answer when a
 * workspace saves an endpoint; the guard still checks every resolved address on every request.
 */
export function isRefusedOnItsFace(url: URL, allowed: readonly AllowedHost[]): boolean {
  if (url.protocol !== "http:" && url.protocol !== "https:") return true;
  if (isAllowedHost(url, allowed)) return false;
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  const name = host.replace(/\.$/, "");
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  return isIP(host) !== 0 && isRefusedAddress(host);
}
