// The canonical form of an article's URL: what identifies the article (its sources show
// the link as first posted). One article reached by several spellings is one article:
//  - scheme and host lower-case, the default port dropped (WHATWG URL parsing), and
//    http and https one scheme (https); a fully qualified host's trailing dot dropped
//    ("news.example.vn." is "news.example.vn");
//  - the fragment dropped, and the tracking parameters (tracking-parameters.ts);
//  - percent-encoding normalized: octets of unreserved characters decoded, the rest
//    upper-case hex (RFC 3986 §6.2.2); query parameters sorted.
// normalize-url does the parsing-level work (it is small, has no dependencies, and is
// widely used); the tracking list (tracking-parameters.ts) and the hex case are ours. Pure.
import normalizeUrl from 'normalize-url';
import { isClickIdentifier, TRACKING_PARAMETERS } from './tracking-parameters.js';

/** Whether an absolute URL carries a user name or password. */
export function hasCredentials(url: string): boolean {
  try {
    const u = new URL(url);
    return u.username !== '' || u.password !== '';
  } catch {
    return false;
  }
}

/** The canonical spelling of an absolute http(s) article URL (see above). */
export function canonicalArticleUrl(url: string): string {
  let normalized: string;
  try {
    normalized = normalizeUrl(withoutRootDot(url), {
      forceHttps: true,
      stripWWW: false,
      stripHash: true,
      stripAuthentication: false,
      removeTrailingSlash: false,
      removeSingleSlash: false,
      removeExplicitPort: false,
      removeQueryParameters: TRACKING_PARAMETERS as (string | RegExp)[],
      sortQueryParameters: true,
    });
  } catch {
    const u = new URL(url);
    u.hash = '';
    normalized = u.href;
  }
  return normalized.replace(/%[0-9a-f]{2}/gi, (encoded) => {
    const octet = parseInt(encoded.slice(1), 16);
    const ch = String.fromCharCode(octet);
    return /[A-Za-z0-9\-._~]/.test(ch) ? ch : encoded.toUpperCase();
  });
}

/** The URL with its host's trailing dot (the DNS root) dropped: the same host. */
function withoutRootDot(url: string): string {
  const u = new URL(url);
  if (!u.hostname.endsWith('.')) return url;
  u.hostname = u.hostname.slice(0, -1);
  return u.href;
}

/**
 * The link as a reader should see it among an event's sources: the URL as it was given,
 * scheme, path, query order and the outlet's campaign tags kept (an integrator finds the
 * link it posted), with only the fragment and one reader's click ids dropped.
 */
export function sourceUrl(url: string): string {
  try {
    const u = new URL(url);
    const clicks = [...u.searchParams.keys()].filter(isClickIdentifier);
    // nothing to drop: the link exactly as posted ("…/tags/kênh+liên+lạc.htm", not its
    // percent-encoded serialization)
    if (!url.includes('#') && clicks.length === 0) return url;
    u.hash = '';
    for (const name of clicks) u.searchParams.delete(name);
    return u.href;
  } catch {
    return url;
  }
}
