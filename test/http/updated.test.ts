// order=updated: every event by its last change, newest first, with signed cursors, so an
// integrator keeps a copy in sync by polling page 1 (and following next links until it
// reaches what it already has). A late report of an old event is on page 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalService } from '../../infra/local/runtime.js';
import { allItems, post, service, statedArticle, statedEvents } from '../integration/harness.js';

let s: LocalService;
let clock = Date.parse('2026-03-15T00:00:00Z');
/** a clock a second later at every call: each change has its own time */
const tick = () => {
  clock += 1000;
  return new Date(clock);
};
const get = (path: string, headers: Record<string, string> = {}) =>
  s.app.request(`http://localhost${path}`, { headers });
const page1 = async (query: string) =>
  (
    (await (await get(`/feeds/feed.json${query}`)).json()) as {
      items: { id: string; date_modified: string; _diplomacy: { start: string } }[];
    }
  ).items;

const OLD = {
  start: '2020-01-05',
  status: 'announced' as const,
  participants: [{ name: 'Old Leader', title: null, country: 'LA' }],
};
let oldId = '';

beforeAll(async () => {
  s = await service({ extract: statedEvents, now: tick });
  const first = await post(
    s,
    statedArticle('https://news.test/old', '2019-12-20T08:00:00+07:00', [OLD]),
  );
  expect(first.status).toBe(201);
  oldId = (first.json.events as { id: string }[])[0]!.id;
  for (let i = 0; i < 30; i++) {
    const day = `2026-0${1 + (i % 3)}-${String(1 + i).padStart(2, '0')}`;
    const events = [
      {
        start: day,
        status: 'held' as const,
        participants: [{ name: `Leader ${i}`, title: null, country: 'LA' }],
      },
    ];
    expect(
      (await post(s, statedArticle(`https://news.test/${i}`, '2026-03-01T08:00:00+07:00', events)))
        .status,
    ).toBe(201);
  }
}, 60_000);
afterAll(() => s.close());

describe('order=updated', () => {
  it('lists every event by its last change, newest first, paged with cursors', async () => {
    const all = await allItems(s, '?order=updated&limit=7');
    expect(all).toHaveLength(31);
    expect(new Set(all.map((i) => i.id)).size).toBe(31);
    const modified = all.map((i) => (i as unknown as { date_modified: string }).date_modified);
    expect(modified).toEqual([...modified].sort().reverse());
    expect(all.at(-1)!.id).toBe(oldId); // changed first, listed last
  });

  it("puts a late report of an old event on page 1, and moves the page's ETag", async () => {
    const before = await get('/feeds/feed.json?order=updated&limit=5');
    const etag = before.headers.get('etag')!;
    expect((await page1('?order=updated&limit=5')).map((i) => i.id)).not.toContain(oldId);
    // a later article reports the 2020 visit as held: the same event, changed now
    const late = await post(
      s,
      statedArticle('https://news.test/old-held', '2026-03-20T08:00:00+07:00', [
        { ...OLD, status: 'held' },
      ]),
    );
    expect((late.json.events as { id: string }[])[0]!.id).toBe(oldId);
    const items = await page1('?order=updated&limit=5');
    expect(items[0]!.id).toBe(oldId);
    expect(items[0]!._diplomacy.start).toBe('2020-01-05');
    // by event date it is nowhere near page 1
    expect((await page1('?limit=5')).map((i) => i.id)).not.toContain(oldId);
    expect(
      (await get('/feeds/feed.json?order=updated&limit=5', { 'if-none-match': etag })).status,
    ).toBe(200);
    // still one listing per event
    expect(await allItems(s, '?order=updated&limit=50')).toHaveLength(31);
  });

  it('in every format, and order=start is the default order', async () => {
    for (const path of ['/feeds/atom.xml', '/feeds/rss.xml', '/feeds/calendar.ics', '/']) {
      expect((await get(`${path}?order=UPDATED`)).status, path).toBe(200);
    }
    const atom = await (await get('/feeds/atom.xml?order=updated&limit=2')).text();
    expect(atom).toMatch(/<link rel="next" href="[^"]*order=updated[^"]*cursor=/);
    expect((await get('/feeds/feed.json?order=start')).headers.get('etag')).toBe(
      (await get('/feeds/feed.json')).headers.get('etag'),
    );
  });

  it('takes no other filter: a 400 naming order', async () => {
    for (const q of ['country=LA', 'type=visit', 'status=held', 'from=2026-01-01', 'when=past']) {
      const r = await get(`/feeds/feed.json?order=updated&${q}`);
      expect(r.status, q).toBe(400);
      expect(
        ((await r.json()) as { 'invalid-params': { name: string }[] })['invalid-params'][0]!.name,
      ).toBe('order');
    }
  });

  it('refuses a cursor of the start order', async () => {
    const byStart = (await (await get('/feeds/feed.json?limit=2')).json()) as { next_url: string };
    const cursor = new URL(byStart.next_url).searchParams.get('cursor')!;
    expect((await get(`/feeds/feed.json?order=updated&limit=2&cursor=${cursor}`)).status).toBe(400);
  });
});
