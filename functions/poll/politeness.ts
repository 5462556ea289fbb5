// The poller's decisions, without I/O: who it says it is, what robots.txt allows, when
// a failing source may be tried again, which responses it accepts, which feed items it
// takes. The shells (fetcher.ts, poll-service.ts) only carry them out.
import * as robotsModule from 'robots-parser';
import type { SourceItem } from './feed.js';
import type { Source } from './sources.js';

// robots-parser is CommonJS (module.exports = the parser) and its typings describe an
// ES default export, which NodeNext reads as a namespace: take the function either way.
interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
const robotsParser = ((robotsModule as unknown as { default?: unknown }).default ??
  robotsModule) as (url: string, contents: string) => Robot;

export const AGENT_TOKEN = 'diplomacy-feed-poller';

/** Default contact URL in the User-Agent (the stack's pollContactUrl overrides). */
export const DEFAULT_CONTACT_URL = 'https://github.com/diplomacy-feed/diplomacy-feed';

/** `diplomacy-feed-poller/0.1.0 (+https://contact)`: name, version and where to reach us. */
export function userAgent(version: string, contactUrl: string): string {
  return `${AGENT_TOKEN}/${version} (+${contactUrl})`;
}

export interface PolitenessLimits {
  /** pause between two requests to one host */
  hostDelayMs: number;
  /** per request, until the whole body is read */
  timeoutMs: number;
  maxFeedBytes: number;
  maxPageBytes: number;
  maxRobotsBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: PolitenessLimits = {
  hostDelayMs: 2_000,
  timeoutMs: 15_000,
  maxFeedBytes: 2 * 1024 * 1024,
  maxPageBytes: 3 * 1024 * 1024,
  maxRobotsBytes: 512 * 1024,
  maxRedirects: 5,
};

// ── robots.txt (RFC 9309) ──

export type RobotsRules =
  | { kind: 'allow-all' }
  /** `transient`: unreachable for now (retry later); otherwise refused for good */
  | { kind: 'disallow-all'; why: string; transient: boolean }
  | { kind: 'rules'; robot: Robot };

/**
 * What a robots.txt answer means (RFC 9309 §2.3.1): 2xx → its rules; 4xx
 * ("unavailable") → everything allowed; 5xx or no answer ("unreachable") → nothing
 * allowed until it can be read.
 */
export function robotsRules(
  robotsUrl: string,
  answer: { status: number; body: string } | null,
): RobotsRules {
  if (!answer) return { kind: 'disallow-all', why: 'robots.txt unreachable', transient: true };
  if (answer.status >= 200 && answer.status < 300)
    return { kind: 'rules', robot: robotsParser(robotsUrl, answer.body) };
  if (answer.status >= 400 && answer.status < 500) return { kind: 'allow-all' };
  return { kind: 'disallow-all', why: `robots.txt answered ${answer.status}`, transient: true };
}

export function robotsAllow(rules: RobotsRules, url: string): boolean {
  if (rules.kind === 'allow-all') return true;
  if (rules.kind === 'disallow-all') return false;
  return rules.robot.isAllowed(url, AGENT_TOKEN) !== false;
}

/** A Crawl-delay for our agent (or *) lengthens the pause, up to a minute. */
export function hostDelay(rules: RobotsRules, limits: PolitenessLimits): number {
  const seconds = rules.kind === 'rules' ? rules.robot.getCrawlDelay(AGENT_TOKEN) : undefined;
  return Math.max(limits.hostDelayMs, Math.min(60_000, (seconds ?? 0) * 1000));
}

export function robotsUrlOf(url: string): string {
  return new URL('/robots.txt', url).href;
}

/** When the next request to a host may start, given when its last one ended. */
export function nextSlot(lastEnd: number | undefined, delayMs: number, now: number): number {
  return lastEnd === undefined ? now : Math.max(now, lastEnd + delayMs);
}

// ── responses ──

export function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** The next URL of a redirect, or why it is refused. */
export function redirectTarget(
  from: string,
  location: string | null,
  hops: number,
  limits: PolitenessLimits,
): { url: string } | { refused: string } {
  if (hops >= limits.maxRedirects) return { refused: `more than ${limits.maxRedirects} redirects` };
  if (!location) return { refused: 'redirect without Location' };
  let url: URL;
  try {
    url = new URL(location, from);
  } catch {
    return { refused: `redirect to an invalid URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { refused: `redirect to ${url.protocol}` };
  url.hash = '';
  return { url: url.href };
}

export function isHtml(contentType: string | null): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'text/html' || type === 'application/xhtml+xml';
}

export function isFeedType(contentType: string | null): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return (
    type === '' ||
    /(^|\/|\+)(xml|rss|atom)(\+xml)?$/.test(type) ||
    type === 'text/plain' ||
    type === 'application/octet-stream'
  );
}

/** Failures worth another attempt later (the server or the network), not the page itself. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

// ── retries ──

const BACKOFF_BASE_MS = 5 * 60_000;
const BACKOFF_CAP_MS = 24 * 3_600_000;

/** Exponential backoff for a source after `failures` consecutive failed polls (≥1). */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
}

export function isDue(retryAfter: string | null, now: Date): boolean {
  return retryAfter === null || Date.parse(retryAfter) <= now.getTime();
}

/** An item's page that failed transiently this many times is given up on. */
export const MAX_ITEM_ATTEMPTS = 3;

// ── selection ──

/** Keys stay under DynamoDB's 2048-byte partition key limit. */
const MAX_URL_LENGTH = 1800;

/** Whether the source's urlFilter (if any) lets `url` through: a feed item's link, and the page's final URL after redirects. */
export function passesUrlFilter(source: Source, url: string): boolean {
  return source.urlFilter === undefined || new RegExp(source.urlFilter, 'u').test(url);
}

/** The feed's items the source wants, each link once, newest first, at most `max`. */
export function selectEntries(
  entries: readonly SourceItem[],
  source: Source,
  max: number,
): SourceItem[] {
  const seen = new Set<string>();
  const kept: SourceItem[] = [];
  for (const entry of entries) {
    if (entry.link.length > MAX_URL_LENGTH || seen.has(entry.link)) continue;
    if (!passesUrlFilter(source, entry.link)) continue;
    seen.add(entry.link);
    kept.push(entry);
  }
  const time = (e: SourceItem) =>
    e.published ? Date.parse(e.published) : Number.NEGATIVE_INFINITY;
  return kept
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => time(b.entry) - time(a.entry) || a.index - b.index)
    .slice(0, max)
    .map((x) => x.entry);
}

/**
 * The article's identity: the page's canonical URL when it is on the page's own host
 * or a host the source trusts, else the address it was fetched from. A page cannot
 * claim another site's article this way.
 */
export function chooseCanonical(
  canonical: string | null,
  finalUrl: string,
  source: Source,
): string {
  if (!canonical) return finalUrl;
  try {
    const url = new URL(canonical, finalUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return finalUrl;
    url.hash = '';
    const own = new URL(finalUrl).hostname;
    if (url.hostname === own || (source.canonicalHosts ?? []).includes(url.hostname))
      return url.href;
  } catch {
    // fall through
  }
  return finalUrl;
}
