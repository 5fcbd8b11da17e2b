import { BlockList, isIP } from "node:net";

// Addresses a request on a workspace's behalf may never reach: this host, the private network
// it sits in, cloud metadata services, and ranges that are not globally routable (IANA's
// special-purpose registries). An IPv4 rule also matches the IPv4-mapped IPv6 form
// (::ffff:127.0.0.1): BlockList checks mapped addresses against IPv4 rules itself.
const refused = new BlockList();
const IPV4_RANGES: [string, number][] = [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and 255.255.255.255 broadcast
];
const IPV6_RANGES: [string, number][] = [
  ["::", 96], // unspecified, loopback, deprecated IPv4-compatible (::127.0.0.1)
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard
  ["2001::", 23], // protocol assignments, Teredo (embeds an obfuscated IPv4)
  ["2001:db8::", 32],
  ["2002::", 16], // 6to4 (embeds an IPv4)
  ["fc00::", 7], // unique local, incl. AWS metadata fd00:ec2::254
  ["fe80::", 10], // link-local
  ["fec0::", 10], // deprecated site-local
  ["ff00::", 8], // multicast
];
for (const [network, prefix] of IPV4_RANGES) refused.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of IPV6_RANGES) refused.addSubnet(network, prefix, "ipv6");

/** The eight 16-bit groups of an IPv6 address (dotted IPv4 tails included). */
function ipv6Groups(address: string): number[] {
  // The URL parser writes any IPv6 spelling in one canonical hex form.
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const [head = "", tail] = canonical.split("::");
  const part = (text: string) => (text ? text.split(":").map((group) => Number.parseInt(group, 16)) : []);
  const front = part(head);
  const back = tail === undefined ? [] : part(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/**
 * Whether an IP address is one the server must not connect to for a workspace. Anything that
 * is not an IP address at all is refused too. NAT64 (64:ff9b::/96) is judged by the IPv4
 * address it carries, so an IPv6-only network can still reach public IPv4 hosts.
 */
export function isRefusedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return refused.check(address, "ipv4");
  if (family !== 6) return true;
  if (refused.check(address, "ipv6")) return true;
  const groups = ipv6Groups(address);
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0);
  if (nat64) {
    const high = groups[6] ?? 0;
    const low = groups[7] ?? 0;
    return refused.check(`${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`, "ipv4");
  }
  return false;
}
