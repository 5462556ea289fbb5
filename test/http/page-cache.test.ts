// The page cache and what rides on it: a page is served from memory only while the
// change markers of every view it reads are unchanged (compared here, after each of a
// series of changes, with a render by a feed app that caches nothing); HEAD, 304 and
// cached 200s read no event; compression; signed cursors.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../functions/http/app.js';
import { feedRoutes } from '../../functions/http/feed-routes.js';
import { MarkerMemo, negotiateCoding, PageCache } from '../../functions/http/page-cache.js';
import type { ViewMeta } from '../../functions/store/items.js';
import type { LocalService } from '../../infra/local/runtime.js';
import { post, service, statedArticle, statedEvents } from '../integration/harness.js';

const CURSOR_KEY = 'a test key of at least thirty-two characters';

/** A feed-only app over the same store, as the feed Lambda function is beside the
 *  ingest one: it learns of changes only from the store. */
function feedApp(
  s: LocalService,
  pages: PageCache,
  markers: MarkerMemo<(ViewMeta | null)[]>,
): Hono {
  const app = createApp();
  feedRoutes(app, { store: s.store, cursorKey: CURSOR_KEY, pages, markers });
  return app;
}

const VIEWS = [
  '/feeds/feed.json',
  '/feeds/feed.json?country=LA',
  '/feeds/feed.json?limit=2',
  '/feeds/atom.xml?type=visit&status=announced',
  '/feeds/rss.xml?country=KH,VN',
  '/feeds/calendar.ics?country=LA',
  '/feeds/calendar.ics',
  '/?status=held',
];

const la = (extra: Record<string, unknown> = {}) => ({
  countries: ['LA', 'VN'],
  host: 'LA',
  location: { place: null, city: null, country: 'LA' },
  ...extra,
});
const kh = (extra: Record<string, unknown> = {}) => ({
  countries: ['KH', 'VN'],
  host: 'KH',
  location: { place: null, city: null, country: 'KH' },
  ...extra,
});

/** Each step changes an event that some of VIEWS list, or may list. */
const CHANGES: [string, string, Record<string, unknown>[]][] = [
  ['https://news.test/la-1', '2026-03-01T00:00:00Z', [la()]],
  [
    'https://news.test/kh-1',
    '2026-03-01T00:00:00Z',
    [kh({ start: '2026-02-10', type: 'talks', category: 'meeting' })],
  ],
  // the LA visit reported held: it leaves status=announced, joins status=held
  ['https://news.test/la-2', '2026-03-02T00:00:00Z', [la({ status: 'held' })]],
  // a second LA event, later: it may be listed on the LA calendar and the first page of two
  [
    'https://news.test/la-3',
    '2026-03-03T00:00:00Z',
    [la({ start: '2026-04-01', type: 'working_visit' })],
  ],
  // the KH talks get a participant (a change of an event's text, not of its views)
  [
    'https://news.test/kh-2',
    '2026-03-04T00:00:00Z',
    [
      kh({
        start: '2026-02-10',
        type: 'talks',
        category: 'meeting',
        participants: [{ name: 'Hun Manet', title: 'Thủ tướng', country: 'KH' }],
      }),
    ],
  ],
  // the LA working visit's article revised to report nothing: the event is withdrawn
  ['https://news.test/la-3', '2026-03-05T00:00:00Z', []],
];

describe('a cached page is never served after a change to an event it lists or may list', () => {
  let s: LocalService;
  let clock = 0;
  let cached: Hono;
  let fresh: Hono;
  let lambdaPages: PageCache;

  beforeAll(async () => {
    s = await service({ extract: statedEvents, cursorKey: CURSOR_KEY });
    lambdaPages = new PageCache();
    cached = feedApp(s, lambdaPages, new MarkerMemo(1000, () => clock));
    fresh = feedApp(s, new PageCache(0), new MarkerMemo(0));
  });
  afterAll(() => s.close());

  const body = async (app: Hono, path: string) => {
    const r = await app.request(`http://localhost${path}`);
    expect(r.status, path).toBe(200);
    return r.text();
  };

  it('locally at once, and in a feed function once the marker memo (1 s) has passed', async () => {
    for (const [i, [url, published, events]] of CHANGES.entries()) {
      // both caches hold every view before the change
      for (const v of VIEWS) {
        await body(s.app, v);
        await body(cached, v);
      }
      const r = await post(s, statedArticle(url, published, events));
      expect([200, 201], `change ${i}`).toContain(r.status);
      clock += 1000;
      for (const v of VIEWS) {
        const expected = await body(fresh, v);
        expect(await body(s.app, v), `local server, change ${i}, ${v}`).toBe(expected);
        expect(await body(cached, v), `feed function, change ${i}, ${v}`).toBe(expected);
      }
    }
    expect(s.pages.size).toBeGreaterThan(0);
    expect(lambdaPages.size).toBeGreaterThan(0);
  });
});

describe('answers without reading events', () => {
  let s: LocalService;
  beforeAll(async () => {
    s = await service({ extract: statedEvents });
    await post(s, statedArticle('https://news.test/1', '2026-03-01T00:00:00Z', [{}]));
  });
  afterAll(() => s.close());

  it('serves an unchanged page from memory: no event read, no render', async () => {
    const reads = vi.spyOn(s.store, 'queryFeed');
    const first = await s.app.request('http://localhost/feeds/atom.xml?country=LA');
    expect(reads).toHaveBeenCalledTimes(1);
    const again = await s.app.request('http://localhost/feeds/atom.xml?country=LA');
    expect(reads).toHaveBeenCalledTimes(1);
    expect(await again.text()).toBe(await first.text());
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    reads.mockRestore();
  });

  it('renders a page once for concurrent misses, and reads the markers once', async () => {
    const reads = vi.spyOn(s.store, 'queryFeed');
    const markers = vi.spyOn(s.store, 'getViewMetas');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        s.app.request('http://localhost/feeds/feed.json?country=VN&status=announced'),
      ),
    );
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(markers).toHaveBeenCalledTimes(1);
    reads.mockRestore();
    markers.mockRestore();
  });

  it('answers HEAD and 304 from the markers alone', async () => {
    const reads = vi.spyOn(s.store, 'queryFeed');
    for (const path of ['/feeds/rss.xml', '/feeds/calendar.ics?country=VN', '/?country=LA']) {
      const head = await s.app.request(`http://localhost${path}`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
      const etag = head.headers.get('etag')!;
      const conditional = await s.app.request(`http://localhost${path}`, {
        headers: { 'if-none-match': etag },
      });
      expect(conditional.status).toBe(304);
    }
    expect(reads).not.toHaveBeenCalled();
    // the GET after them has the same validators, and a HEAD then gives its length
    const get = await s.app.request('http://localhost/feeds/rss.xml');
    const bytes = (await get.arrayBuffer()).byteLength;
    const head = await s.app.request('http://localhost/feeds/rss.xml', { method: 'HEAD' });
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('content-length')).toBe(String(bytes));
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
  });

  it('keeps the cache within its bound, least recently used out first', () => {
    const cache = new PageCache(10_000);
    const page = (n: number) => ({
      etag: `"${n}"`,
      lastModified: '',
      contentType: 'text/plain',
      body: Buffer.alloc(3000, n),
    });
    for (let n = 0; n < 3; n++) cache.set(`k${n}`, page(n));
    expect(cache.get('k0', '"0"')).not.toBeNull(); // k1 is now the least recent
    cache.set('k3', page(3));
    expect(cache.usedBytes).toBeLessThanOrEqual(10_000);
    expect(cache.get('k1', '"1"')).toBeNull();
    expect(cache.get('k0', '"0"')).not.toBeNull();
    expect(cache.get('k3', '"3"')).not.toBeNull();
    // a page asked for under other markers is dropped
    expect(cache.get('k3', '"other"')).toBeNull();
    expect(cache.get('k3', '"3"')).toBeNull();
  });
});

describe('compression', () => {
  let s: LocalService;
  beforeAll(async () => {
    s = await service({ extract: statedEvents });
    for (let i = 0; i < 5; i++)
      await post(
        s,
        statedArticle(`https://news.test/${i}`, '2026-03-01T00:00:00Z', [
          { start: `2026-02-0${i + 1}` },
        ]),
      );
  });
  afterAll(() => s.close());

  it.each(['/feeds/feed.json', '/feeds/atom.xml', '/feeds/rss.xml', '/feeds/calendar.ics', '/'])(
    '%s: gzip and br when asked, the same bytes once decompressed',
    async (path) => {
      const plain = await s.app.request(`http://localhost${path}`);
      const bytes = Buffer.from(await plain.arrayBuffer());
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
      const gz = await s.app.request(`http://localhost${path}`, {
        headers: { 'accept-encoding': 'gzip, deflate' },
      });
      expect(gz.headers.get('content-encoding')).toBe('gzip');
      const gzBytes = Buffer.from(await gz.arrayBuffer());
      expect(gz.headers.get('content-length')).toBe(String(gzBytes.byteLength));
      expect(gzBytes.byteLength).toBeLessThan(bytes.byteLength);
      expect(gunzipSync(gzBytes).equals(bytes)).toBe(true);
      const br = await s.app.request(`http://localhost${path}`, {
        headers: { 'accept-encoding': 'gzip, br' },
      });
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).equals(bytes)).toBe(true);
      expect(br.headers.get('etag')).toBe(plain.headers.get('etag'));
      const refused = await s.app.request(`http://localhost${path}`, {
        headers: { 'accept-encoding': 'gzip;q=0, br;q=0' },
      });
      expect(refused.headers.get('content-encoding')).toBeNull();
      expect(Buffer.from(await refused.arrayBuffer()).equals(bytes)).toBe(true);
    },
  );

  it('negotiates by weight, and leaves small bodies alone', () => {
    expect(negotiateCoding(undefined, 5000)).toBe('identity');
    expect(negotiateCoding('gzip', 5000)).toBe('gzip');
    expect(negotiateCoding('br;q=0, gzip;q=0.5', 5000)).toBe('gzip');
    expect(negotiateCoding('*', 5000)).toBe('br');
    expect(negotiateCoding('identity', 5000)).toBe('identity');
    expect(negotiateCoding('gzip, br', 100)).toBe('identity');
  });
});

describe('cursors', () => {
  let s: LocalService;
  beforeAll(async () => {
    s = await service({ extract: statedEvents });
    for (let i = 0; i < 4; i++)
      await post(
        s,
        statedArticle(`https://news.test/${i}`, '2026-09-01T00:00:00Z', [
          { start: `2026-0${i + 1}-05` },
        ]),
      );
  });
  afterAll(() => s.close());

  it('follows its own next links and refuses forged or borrowed cursors with 400', async () => {
    const first = (await (
      await s.app.request('http://localhost/feeds/feed.json?limit=2')
    ).json()) as { next_url: string };
    const next = new URL(first.next_url);
    expect((await s.app.request(next.href)).status).toBe(200);
    const cursor = next.searchParams.get('cursor')!;
    const reads = vi.spyOn(s.store, 'queryFeed');
    const flip = (c: string, at: number) =>
      c.slice(0, at) + (c[at] === 'A' ? 'B' : 'A') + c.slice(at + 1);
    const forged = [
      flip(cursor, 3), // the signature
      flip(cursor, cursor.length - 2), // the position
      Buffer.from('2026-02-02#abc').toString('base64url'), // an unsigned position
      cursor.slice(0, 16),
    ];
    for (const c of forged) {
      const r = await s.app.request(`http://localhost/feeds/feed.json?limit=2&cursor=${c}`);
      expect(r.status, c).toBe(400);
      expect(
        ((await r.json()) as { 'invalid-params': { name: string }[] })['invalid-params'][0]!.name,
      ).toBe('cursor');
    }
    // a cursor of one view does not page another
    expect(
      (await s.app.request(`http://localhost/feeds/feed.json?limit=2&country=LA&cursor=${cursor}`))
        .status,
    ).toBe(400);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    // the same filters in another format or language page on
    expect(
      (await s.app.request(`http://localhost/feeds/atom.xml?limit=2&lang=en&cursor=${cursor}`))
        .status,
    ).toBe(200);
  });
});
