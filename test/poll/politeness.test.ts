// The poller's decisions (functions/poll/politeness.ts), without I/O: robots.txt,
// pacing, redirects, response types, backoff, item selection, canonical trust.
import { describe, expect, it } from 'vitest';
import type { SourceItem } from '../../functions/poll/feed.js';
import {
  AGENT_TOKEN,
  backoffMs,
  chooseCanonical,
  DEFAULT_LIMITS,
  hostDelay,
  isDue,
  isFeedType,
  isHtml,
  isRedirect,
  isTransientStatus,
  nextSlot,
  redirectTarget,
  robotsAllow,
  robotsRules,
  robotsUrlOf,
  selectEntries,
  userAgent,
} from '../../functions/poll/politeness.js';
import { parseSources, type Source } from '../../functions/poll/sources.js';

const ROBOTS = 'https://news.example/robots.txt';
const rules = (body: string) => robotsRules(ROBOTS, { status: 200, body });

describe('who it says it is', () => {
  it('names itself, its version and a contact URL in the User-Agent', () => {
    expect(userAgent('1.2.3', 'https://example.org/crawler')).toBe(
      `${AGENT_TOKEN}/1.2.3 (+https://example.org/crawler)`,
    );
  });
});

describe('robots.txt (RFC 9309)', () => {
  it('2xx: the rules of the group for our agent, else *', () => {
    const r = rules(
      'User-agent: *\nDisallow: /private/\n\nUser-agent: diplomacy-feed-poller\nDisallow: /no-poller/\n',
    );
    expect(robotsAllow(r, 'https://news.example/no-poller/a.html')).toBe(false);
    // our own group replaces *: its Disallow lines do not apply to us
    expect(robotsAllow(r, 'https://news.example/private/a.html')).toBe(true);
    expect(robotsAllow(r, 'https://news.example/news/a.html')).toBe(true);
    const star = rules('User-agent: *\nDisallow: /private/\nAllow: /private/ok.html\n');
    expect(robotsAllow(star, 'https://news.example/private/a.html')).toBe(false);
    expect(robotsAllow(star, 'https://news.example/private/ok.html')).toBe(true);
    expect(robotsAllow(rules('User-agent: *\nDisallow: /\n'), 'https://news.example/a')).toBe(
      false,
    );
    expect(robotsAllow(rules(''), 'https://news.example/a')).toBe(true);
  });

  it('4xx ("unavailable"): everything allowed', () => {
    for (const status of [401, 403, 404, 410]) {
      const r = robotsRules(ROBOTS, { status, body: 'User-agent: *\nDisallow: /\n' });
      expect(r.kind, String(status)).toBe('allow-all');
      expect(robotsAllow(r, 'https://news.example/a')).toBe(true);
    }
  });

  it('5xx or no answer ("unreachable"): nothing allowed, with the reason', () => {
    for (const status of [500, 503]) {
      const r = robotsRules(ROBOTS, { status, body: '' });
      expect(r).toEqual({
        kind: 'disallow-all',
        why: `robots.txt answered ${status}`,
        transient: true,
      });
      expect(robotsAllow(r, 'https://news.example/a')).toBe(false);
    }
    expect(robotsRules(ROBOTS, null)).toEqual({
      kind: 'disallow-all',
      why: 'robots.txt unreachable',
      transient: true,
    });
  });

  it('is read from the root of the URL’s own origin', () => {
    expect(robotsUrlOf('https://news.example:8443/a/b.html?x=1')).toBe(
      'https://news.example:8443/robots.txt',
    );
  });
});

describe('pacing', () => {
  const limits = { ...DEFAULT_LIMITS, hostDelayMs: 2_000 };

  it('a Crawl-delay lengthens the pause between requests, never shortens it, capped at a minute', () => {
    expect(hostDelay(rules('User-agent: *\nCrawl-delay: 10\n'), limits)).toBe(10_000);
    expect(
      hostDelay(
        rules(
          'User-agent: diplomacy-feed-poller\nCrawl-delay: 4\n\nUser-agent: *\nCrawl-delay: 30\n',
        ),
        limits,
      ),
    ).toBe(4_000);
    expect(hostDelay(rules('User-agent: *\nCrawl-delay: 1\n'), limits)).toBe(2_000);
    expect(hostDelay(rules('User-agent: *\nCrawl-delay: 3600\n'), limits)).toBe(60_000);
    expect(hostDelay(rules('User-agent: *\nDisallow:\n'), limits)).toBe(2_000);
    expect(hostDelay({ kind: 'allow-all' }, limits)).toBe(2_000);
  });

  it('the next request to a host starts a pause after the last one ended', () => {
    expect(nextSlot(undefined, 2_000, 1_000)).toBe(1_000); // first request: now
    expect(nextSlot(1_000, 2_000, 1_500)).toBe(3_000); // too soon: wait
    expect(nextSlot(1_000, 2_000, 5_000)).toBe(5_000); // long enough ago: now
  });
});

describe('redirects', () => {
  const limits = { ...DEFAULT_LIMITS, maxRedirects: 3 };
  it('follows relative and absolute Locations, without the fragment', () => {
    expect(redirectTarget('https://a.example/x/1', '/y/2#top', 0, limits)).toEqual({
      url: 'https://a.example/y/2',
    });
    expect(redirectTarget('https://a.example/x/1', 'https://b.example/z', 2, limits)).toEqual({
      url: 'https://b.example/z',
    });
  });
  it('refuses past the bound, without Location, to another scheme or an invalid URL', () => {
    expect(redirectTarget('https://a.example/', '/next', 3, limits)).toEqual({
      refused: 'more than 3 redirects',
    });
    expect(redirectTarget('https://a.example/', null, 0, limits)).toEqual({
      refused: 'redirect without Location',
    });
    expect(redirectTarget('https://a.example/', 'file:///etc/passwd', 0, limits)).toEqual({
      refused: 'redirect to file:',
    });
    expect(redirectTarget('https://a.example/', 'http://[::1', 0, limits)).toHaveProperty(
      'refused',
    );
  });
  it('knows which statuses are redirects', () => {
    expect([301, 302, 303, 307, 308].every(isRedirect)).toBe(true);
    expect([200, 300, 304, 305, 400].some(isRedirect)).toBe(false);
  });
});

describe('responses', () => {
  it('article pages must be HTML', () => {
    expect(isHtml('text/html')).toBe(true);
    expect(isHtml('Text/HTML; charset=UTF-8')).toBe(true);
    expect(isHtml('application/xhtml+xml')).toBe(true);
    for (const t of [
      null,
      '',
      'application/pdf',
      'image/jpeg',
      'application/json',
      'text/plain',
      'video/mp4',
    ])
      expect(isHtml(t), String(t)).toBe(false);
  });
  it('feeds may be any XML type (or untyped), not HTML or binary media', () => {
    for (const t of [
      'application/rss+xml',
      'application/atom+xml; charset=utf-8',
      'application/xml',
      'text/xml',
      'application/rdf+xml',
      null,
      'text/plain',
      'application/octet-stream',
    ]) {
      expect(isFeedType(t), String(t)).toBe(true);
    }
    for (const t of ['text/html', 'application/pdf', 'image/png', 'application/json'])
      expect(isFeedType(t), t).toBe(false);
  });
  it('only server and rate-limit failures are transient', () => {
    for (const s of [408, 425, 429, 500, 502, 503, 504])
      expect(isTransientStatus(s), String(s)).toBe(true);
    for (const s of [400, 401, 403, 404, 410, 451])
      expect(isTransientStatus(s), String(s)).toBe(false);
  });
});

describe('backoff of a failing source', () => {
  it('doubles from 5 minutes per consecutive failure, capped at a day', () => {
    const min = 60_000;
    expect([1, 2, 3, 4, 5].map(backoffMs)).toEqual([
      5 * min,
      10 * min,
      20 * min,
      40 * min,
      80 * min,
    ]);
    expect(backoffMs(9)).toBe(1280 * min); // 21.3 h
    expect(backoffMs(10)).toBe(24 * 60 * min); // 42.7 h, capped
    expect(backoffMs(50)).toBe(24 * 60 * min);
    expect(backoffMs(0)).toBe(5 * min);
  });
  it('a source is due when it has no retry time or that time has come', () => {
    const now = new Date('2025-04-15T00:00:00Z');
    expect(isDue(null, now)).toBe(true);
    expect(isDue('2025-04-14T23:59:59Z', now)).toBe(true);
    expect(isDue('2025-04-15T00:00:00Z', now)).toBe(true);
    expect(isDue('2025-04-15T00:00:01Z', now)).toBe(false);
  });
});

describe('item selection', () => {
  const source: Source = { name: 's', feedUrl: 'https://news.example/rss', language: 'vi' };
  const e = (link: string, published: string | null = null): SourceItem => ({
    link,
    title: null,
    published,
  });

  it('newest first (undated last, feed order among equals), each link once, at most `max`', () => {
    const entries = [
      e('https://news.example/undated-1'),
      e('https://news.example/old', '2025-04-13T00:00:00Z'),
      e('https://news.example/new', '2025-04-14T08:00:00+07:00'), // 01:00Z
      e('https://news.example/newer', '2025-04-14T02:00:00Z'),
      e('https://news.example/old', '2025-04-13T00:00:00Z'),
      e('https://news.example/undated-2'),
    ];
    expect(
      selectEntries(entries, source, 10).map((x) => x.link.slice('https://news.example/'.length)),
    ).toEqual(['newer', 'new', 'old', 'undated-1', 'undated-2']);
    expect(
      selectEntries(entries, source, 2).map((x) => x.link.slice('https://news.example/'.length)),
    ).toEqual(['newer', 'new']);
    expect(selectEntries(entries, source, 0)).toEqual([]);
  });

  it('keeps only links matching the source’s urlFilter', () => {
    const filtered = { ...source, urlFilter: '^https://news\\.example/the-gioi/' };
    const entries = [
      e('https://news.example/the-gioi/a'),
      e('https://news.example/video/b'),
      e('https://ads.example/the-gioi/c'),
    ];
    expect(selectEntries(entries, filtered, 10).map((x) => x.link)).toEqual([
      'https://news.example/the-gioi/a',
    ]);
  });

  it('drops links too long for a table key', () => {
    expect(
      selectEntries(
        [e(`https://news.example/${'a'.repeat(2000)}`), e('https://news.example/ok')],
        source,
        10,
      ),
    ).toHaveLength(1);
  });
});

describe('canonical URL trust', () => {
  const source: Source = {
    name: 's',
    feedUrl: 'https://www.news.example/rss',
    language: 'vi',
    canonicalHosts: ['news.example'],
  };
  const page = 'https://m.news.example/a-1.html?utm_source=rss';

  it('trusts a canonical on the page’s own host or a host the source names', () => {
    expect(chooseCanonical('https://m.news.example/a-1.html', page, source)).toBe(
      'https://m.news.example/a-1.html',
    );
    expect(chooseCanonical('https://news.example/a-1.html#x', page, source)).toBe(
      'https://news.example/a-1.html',
    );
    expect(chooseCanonical('/a-1.html', page, source)).toBe('https://m.news.example/a-1.html');
  });

  it('falls back to the fetched URL for another site’s canonical, a bad scheme, or none', () => {
    expect(chooseCanonical('https://other.example/a-1.html', page, source)).toBe(page);
    expect(chooseCanonical('https://www.news.example/a-1.html', page, source)).toBe(page); // not listed
    expect(chooseCanonical('javascript:alert(1)', page, source)).toBe(page);
    expect(chooseCanonical(null, page, source)).toBe(page);
    expect(
      chooseCanonical('https://news.example/a-1.html', page, {
        ...source,
        canonicalHosts: undefined,
      } as Source),
    ).toBe(page);
  });
});

describe('source list', () => {
  it('accepts the repository’s list', async () => {
    const { readFile } = await import('node:fs/promises');
    const list = parseSources(
      await readFile(new URL('../../sources/sources.json', import.meta.url), 'utf8'),
    );
    expect(list.length).toBeGreaterThan(0);
  });
  it('names the offending field of an invalid list', () => {
    expect(() =>
      parseSources('[{"name":"a","feedUrl":"https://x.example/","language":"vi","urlFilter":"("}]'),
    ).toThrow(/0\.urlFilter/);
    expect(() =>
      parseSources('[{"name":"a","feedUrl":"ftp://x.example/","language":"vi"}]'),
    ).toThrow(/0\.feedUrl/);
    expect(() =>
      parseSources(
        '[{"name":"a","feedUrl":"https://x/","language":"vi"},{"name":"a","feedUrl":"https://y/","language":"vi"}]',
      ),
    ).toThrow(/unique/);
    expect(() => parseSources('{', 'sources/x.json')).toThrow(/sources\/x\.json: not JSON/);
  });
});
