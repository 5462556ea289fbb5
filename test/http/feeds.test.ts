// The feed routes' HTTP behaviour: paging, filters, conditional requests, HEAD,
// methods, content types and problem answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalService } from '../../infra/local/runtime.js';
import { allItems, post, service, statedArticle, statedEvents } from '../integration/harness.js';

let s: LocalService;
const get = (path: string, headers: Record<string, string> = {}) =>
  s.app.request(`http://localhost${path}`, { headers });

beforeAll(async () => {
  s = await service({ extract: statedEvents });
  // 12 events: visits and talks between VN and three partners over three months
  const partners = ['LA', 'KH', 'TH'];
  for (let i = 0; i < 12; i++) {
    const partner = partners[i % 3]!;
    const day = String(1 + i * 2).padStart(2, '0');
    const body = statedArticle(`https://news.test/${i}`, '2026-03-01T00:00:00Z', [
      {
        category: i % 2 ? 'meeting' : 'visit',
        type: i % 2 ? 'talks' : 'official_visit',
        status: i < 6 ? 'held' : 'announced',
        start: `2026-0${1 + (i % 3)}-${day}`,
        countries: [partner, 'VN'].sort(),
        host: partner,
        guest: 'VN',
        participants: [{ name: `Leader ${i}`, title: null, country: partner }],
        location: { place: null, city: null, country: partner },
      },
    ]);
    expect((await post(s, body)).status).toBe(201);
  }
});
afterAll(() => s.close());

describe('paging', () => {
  it('walks every page once, newest first, with next links', async () => {
    const paged = await allItems(s, '?limit=5');
    const whole = await allItems(s, '?limit=100');
    expect(whole).toHaveLength(12);
    expect(paged.map((i) => i.id)).toEqual(whole.map((i) => i.id));
    const starts = whole.map((i) => i._diplomacy.start);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it('gives a last page without next_url', async () => {
    const feed = (await (await get('/feeds/feed.json?limit=12')).json()) as { next_url?: string };
    expect(feed.next_url).toBeUndefined();
  });

  it('carries rel="next" in Atom and RSS', async () => {
    for (const path of ['/feeds/atom.xml?limit=5', '/feeds/rss.xml?limit=5']) {
      const body = await (await get(path)).text();
      expect(body, path).toMatch(/rel="next"/);
      expect(body, path).toContain('cursor=');
    }
  });
});

describe('filters', () => {
  it('combines country, type, status and dates', async () => {
    const la = await allItems(s, '?country=LA');
    expect(la.length).toBe(4);
    expect(la.every((i) => i._diplomacy.countries.includes('LA'))).toBe(true);
    const talks = await allItems(s, '?type=talks&status=held');
    expect(talks.map((i) => i._diplomacy.status)).toEqual(['held', 'held', 'held']);
    const february = await allItems(s, '?from=2026-02-01&to=2026-02-28');
    expect(february.every((i) => i._diplomacy.start.startsWith('2026-02'))).toBe(true);
    expect(february.length).toBe(4);
    const either = await allItems(s, '?type=talks,official_visit&country=VN');
    expect(either).toHaveLength(12);
  });

  it.each([
    ['/feeds/feed.json?country=Laos', 'country'],
    ['/feeds/atom.xml?status=soon', 'status'],
    ['/feeds/rss.xml?limit=1000', 'limit'],
    ['/feeds/calendar.ics?from=yesterday', 'from'],
    ['/feeds/feed.json?cursor=not-ours', 'cursor'],
    ['/feeds/feed.json?debug=1', 'debug'],
    ['/feeds/feed.json?country=ZZ', 'country'],
    ['/feeds/atom.xml?country=VN,QQ', 'country'],
  ])('answers %s with 400 naming %s', async (path, name) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as { 'invalid-params': { name: string }[] };
    expect(body['invalid-params'][0]!.name).toBe(name);
  });
});

describe('shared links', () => {
  it.each(['/feeds/atom.xml', '/feeds/rss.xml', '/feeds/feed.json', '/feeds/calendar.ics', '/'])(
    '%s ignores tracking parameters: 200, the same ETag and body, no tracking in self links',
    async (path) => {
      const plain = await get(`${path}?country=LA`);
      const shared = await get(
        `${path}?country=LA&fbclid=abc&utm_source=x&UTM_Campaign=y&gclid=1&mc_eid=2`,
      );
      expect(shared.status).toBe(200);
      expect(shared.headers.get('etag')).toBe(plain.headers.get('etag'));
      const body = await shared.text();
      expect(body).toBe(await plain.text());
      expect(body).not.toMatch(/fbclid|utm_|gclid|mc_eid/i);
    },
  );

  it('answers /?fbclid=abc and /feeds/atom.xml?utm_source=x with 200', async () => {
    expect((await get('/?fbclid=abc')).status).toBe(200);
    expect((await get('/feeds/atom.xml?utm_source=x')).status).toBe(200);
  });

  it('reads closed-set values in any letter case: the same feed', async () => {
    const lower = await get('/feeds/feed.json?lang=en&status=held&type=official_visit&country=la');
    const mixed = await get('/feeds/feed.json?lang=EN&status=Held&type=OFFICIAL_VISIT&country=La');
    expect(mixed.status).toBe(200);
    expect(mixed.headers.get('etag')).toBe(lower.headers.get('etag'));
    const feed = (await mixed.json()) as { items: { _diplomacy: { status: string } }[] };
    expect(feed.items.length).toBeGreaterThan(0);
  });
});

describe('conditional requests', () => {
  it.each(['/feeds/atom.xml', '/feeds/rss.xml', '/feeds/feed.json', '/feeds/calendar.ics', '/'])(
    '%s answers 304 to its own validators, 200 to others',
    async (path) => {
      const first = await get(path);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag')!;
      const lastModified = first.headers.get('last-modified')!;
      expect(first.headers.get('cache-control')).toMatch(/max-age=\d+.*stale-while-revalidate=\d+/);
      expect((await get(path, { 'if-none-match': etag })).status).toBe(304);
      expect((await get(path, { 'if-none-match': `W/${etag}` })).status).toBe(304);
      expect((await get(path, { 'if-modified-since': lastModified })).status).toBe(304);
      expect((await get(path, { 'if-none-match': '"other"' })).status).toBe(200);
      expect(
        (await get(`${path}${path.includes('?') ? '&' : '?'}limit=3`, { 'if-none-match': etag }))
          .status,
      ).toBe(200);
    },
  );

  it('changes the validators when an article changes the store', async () => {
    const other = await service({ extract: statedEvents });
    try {
      await post(other, statedArticle('https://news.test/x', '2026-03-01T00:00:00Z', [{}]));
      const before = (await other.app.request('/feeds/feed.json')).headers.get('etag');
      await post(
        other,
        statedArticle('https://news.test/y', '2026-03-02T00:00:00Z', [{ status: 'held' }]),
      );
      const after = (await other.app.request('/feeds/feed.json')).headers.get('etag');
      expect(after).not.toBe(before);
    } finally {
      await other.close();
    }
  });

  it("moves a filtered view's validators only when an event of its countries and category changes", async () => {
    const other = await service({ extract: statedEvents });
    try {
      await post(other, statedArticle('https://news.test/la', '2026-03-01T00:00:00Z', [{}]));
      await post(
        other,
        statedArticle('https://news.test/th', '2026-03-01T00:00:00Z', [
          {
            countries: ['TH', 'VN'],
            host: 'TH',
            location: { place: null, city: null, country: 'TH' },
          },
        ]),
      );
      const etag = async (path: string) =>
        (await other.app.request(`http://localhost${path}`)).headers.get('etag');
      const views = [
        '/feeds/feed.json?country=TH',
        '/feeds/atom.xml?country=LA',
        '/feeds/feed.json',
        '/feeds/rss.xml?type=talks',
      ];
      const before = await Promise.all(views.map(etag));
      // a report that the LA visit was held: the LA and unfiltered views change, the others do not
      await post(
        other,
        statedArticle('https://news.test/la-held', '2026-03-02T00:00:00Z', [{ status: 'held' }]),
      );
      const after = await Promise.all(views.map(etag));
      expect(after[0]).toBe(before[0]);
      expect(after[1]).not.toBe(before[1]);
      expect(after[2]).not.toBe(before[2]);
      expect(after[3]).toBe(before[3]);
      const conditional = await other.app.request('http://localhost/feeds/feed.json?country=TH', {
        headers: { 'if-none-match': before[0]! },
      });
      expect(conditional.status).toBe(304);
    } finally {
      await other.close();
    }
  });

  it('renders the same bytes for the same data', async () => {
    const a = await (await get('/feeds/atom.xml')).text();
    const b = await (await get('/feeds/atom.xml')).text();
    expect(a).toBe(b);
  });
});

describe('HTTP surface', () => {
  it.each([
    ['/feeds/atom.xml', 'application/atom+xml; charset=utf-8'],
    ['/feeds/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['/feeds/feed.json', 'application/feed+json; charset=utf-8'],
    ['/feeds/calendar.ics', 'text/calendar; charset=utf-8'],
    ['/', 'text/html; charset=utf-8'],
  ])('serves %s as %s, and HEAD without a body', async (path, type) => {
    const response = await get(path);
    expect(response.headers.get('content-type')).toBe(type);
    const head = await s.app.request(`http://localhost${path}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(response.headers.get('etag'));
    expect(await head.text()).toBe('');
  });

  it('answers wrong methods with 405 and Allow', async () => {
    const response = await s.app.request('http://localhost/feeds/atom.xml', { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    const articles = await s.app.request('http://localhost/articles', { method: 'GET' });
    expect(articles.status).toBe(405);
    expect(articles.headers.get('allow')).toBe('POST');
  });

  it('answers unknown paths and events with 404 problem+json', async () => {
    for (const path of [
      '/nope',
      '/events/does-not-exist',
      '/events/..%2F..%2Fetc%2Fpasswd',
      '/feeds/atom.json',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('serves an event page as HTML, and its feed item as JSON on request', async () => {
    const [item] = await allItems(s, '?limit=1');
    const path = new URL(item!.url).pathname;
    expect(path).toMatch(/^\/events\/[A-Za-z0-9]+$/);
    const html = await get(path);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('<html');
    const json = await get(path, { accept: 'application/json' });
    expect(((await json.json()) as { id: string }).id).toBe(item!.id);
  });

  it('serves an event page in English with lang=en (any letter case), a 400 for another language', async () => {
    const [item] = await allItems(s, '?limit=1');
    const path = new URL(item!.url).pathname;
    const vi = await get(path);
    const en = await get(`${path}?lang=EN&fbclid=x`);
    expect(en.status).toBe(200);
    expect(await en.text()).toContain('<html lang="en">');
    expect(en.headers.get('etag')).not.toBe(vi.headers.get('etag'));
    expect((await get(`${path}?lang=fr`)).status).toBe(400);
  });

  it('titles a filtered feed in one language, with labels, not codes', async () => {
    const vi = (await (await get('/feeds/feed.json?country=LA&type=visit&status=held')).json()) as {
      title: string;
    };
    expect(vi.title).toBe('Sự kiện ngoại giao song phương — Lào · Chuyến thăm · đã diễn ra');
    const en = (await (
      await get('/feeds/feed.json?country=LA&type=visit&status=held&lang=en')
    ).json()) as { title: string };
    expect(en.title).toBe('Bilateral diplomatic events — Laos · Visit · Held');
  });

  it('reports health', async () => {
    expect((await get('/healthz')).status).toBe(200);
  });
});
