// Where the poller may send a request, decided without I/O: the outbound guard's rules.
// Every request (feed, page, robots.txt, each redirect hop) goes through them twice
// over in fetcher.ts: once for the URL, once for each address its host resolves to;
// the connection is then made to the address that passed (http-transport.ts).
//
// ipaddr.js rather than our own parsing: it is small (~10 KB minified, no
// dependencies), well kept, and names the special-purpose range of an IPv4 or IPv6
// address (loopback, private, link-local, CGNAT, multicast, unspecified, reserved,
// IPv4-mapped, NAT64, 6to4, Teredo, …). Only plain global unicast is reachable.
// Odd IPv4 spellings (2130706433, 0x7f.0.0.1, 0177.0.0.1, 127.1) are already read by
// the WHATWG URL parser into dotted quads, so they meet the same check.
import ipaddr from 'ipaddr.js';
import * as z from 'zod/mini';

/** Global unicast ranges that ipaddr.js does not single out but nothing public uses. */
const ALSO_REFUSED: Parameters<typeof ipaddr.subnetMatch>[1] = {
  // IPv4-compatible IPv6 (::a.b.c.d, deprecated by RFC 4291): ::127.0.0.1 is loopback
  ipv4Compatible: [ipaddr.parseCIDR('::/96')],
};

export interface OutboundPolicy {
  /** `host:port` pairs reachable whatever their address (tests and `npm run poll --allow-host` only) */
  allowHosts: ReadonlySet<string>;
  /** `host:port` pairs with a port other than 80/443 that a source's feed URL names */
  sourceAuthorities: ReadonlySet<string>;
}

const DEFAULT_PORTS = new Set(['80', '443']);

/** `host:port` of a URL, the port always written (80 and 443 included). */
function authorityOf(url: URL): string {
  return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

/** The policy for a list of sources: their feed URLs' ports are allowed on their hosts. */
export function outboundPolicy(
  feedUrls: readonly string[],
  allowHosts: readonly string[] = [],
): OutboundPolicy {
  const sourceAuthorities = new Set<string>();
  for (const feedUrl of feedUrls) {
    const url = new URL(feedUrl);
    if (url.port) sourceAuthorities.add(authorityOf(url));
  }
  return { allowHosts: new Set(allowHosts.map(normalizeAuthority)), sourceAuthorities };
}

/** One allowlist entry: a host name, IPv4 or [IPv6] address, and a port. */
const AllowHost = z.string().check(z.regex(/^(\[[0-9a-fA-F:.]+\]|[^\s/:@?#[\]]+):\d{1,5}$/));

/** `127.1:8080` and `127.0.0.1:8080` are one pair: read through the URL parser. */
export function normalizeAuthority(hostPort: string): string {
  if (!AllowHost.safeParse(hostPort).success)
    throw new Error(`--allow-host takes host:port, not ${JSON.stringify(hostPort)}`);
  return authorityOf(new URL(`http://${hostPort}/`));
}

export type UrlVerdict =
  | { refused: string }
  /** `address`: an IP literal to check, or null when the host is a name to resolve */
  | { url: URL; allowed: boolean; address: string | null };

/** The URL's own rules: scheme, then the allowlist, then (in addressVerdict) its address and port. */
export function urlVerdict(href: string, policy: OutboundPolicy): UrlVerdict {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { refused: 'not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { refused: `scheme ${url.protocol} not allowed` };
  if (url.username || url.password) return { refused: 'credentials in the URL' };
  const allowed = policy.allowHosts.has(authorityOf(url));
  const bare = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return { url, allowed, address: ipaddr.isValid(bare) ? bare : null };
}

/**
 * Why a connection to the host's `addresses` for `url` is refused, or null when it may
 * be made: every address must be public unicast (so that no answer order can put an
 * internal one first), then the port must be 80, 443 or one a source's feed URL names.
 */
export function addressVerdict(
  url: URL,
  addresses: readonly string[],
  policy: OutboundPolicy,
): string | null {
  if (policy.allowHosts.has(authorityOf(url))) return null;
  for (const address of addresses) {
    const range = addressRange(address);
    if (range !== 'unicast') return `${url.hostname} is ${address}, a ${range} address`;
  }
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (!DEFAULT_PORTS.has(port) && !policy.sourceAuthorities.has(authorityOf(url))) {
    return `port ${port} not allowed (only 80, 443 and the ports the sources' feed URLs name)`;
  }
  return null;
}

/** ipaddr.js's name for the address's range ('unicast' for a public one), or 'invalid'. */
export function addressRange(address: string): string {
  if (!ipaddr.isValid(address)) return 'invalid';
  const ip = ipaddr.parse(address);
  const range = ip.range();
  if (range !== 'unicast') return range;
  return ipaddr.subnetMatch(ip, ALSO_REFUSED, 'unicast');
}
