// Article identity and revisions through the real routes on dynalite: one article
// under five spellings of its URL is one source; a URL with credentials is refused; a
// URL of 2,048 characters is never a 503; concurrent posts of one article answer 201
// exactly once; a corrected article replaces its reports, and an event left with no
// source is withdrawn in every format.
import { XMLValidator } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalService } from '../../infra/local/runtime.js';
import { allItems, post, service, statedArticle, statedEvents } from './harness.js';

let s: LocalService;
afterEach(async () => {
  await s?.close();
});

const eventIdOf = (json: Record<string, unknown>) =>
  (json.events as { url: string }[])[0]!.url.split('/').pop()!;
const get = async (path: string, headers: Record<string, string> = {}) => {
  const r = await s.app.request(path, { headers });
  return { status: r.status, text: await r.text() };
};

describe('article URLs', () => {
  it('counts one article posted under five spellings of its URL as one source', async () => {
    s = await service({ extract: statedEvents });
    const spellings = [
      'https://news.example.vn/2026/02/05/to-lam-lao?utm_source=facebook',
      'http://news.example.vn/2026/02/05/to-lam-lao',
      'https://news.example.vn:443/2026/02/05/to-lam-lao',
      'https://news.example.vn/2026/02/05/to-lam-lao#x',
      'https://NEWS.EXAMPLE.VN/2026/02/05/to-l%61m-lao',
    ];
    const article = JSON.parse(
      statedArticle(spellings[0]!, '2026-02-04T08:00:00+07:00', [{}]),
    ) as Record<string, unknown>;
    const statuses: number[] = [];
    for (const url of spellings)
      statuses.push((await post(s, JSON.stringify({ ...article, url }))).status);
    expect(statuses).toEqual([201, 200, 200, 200, 200]);
    const items = await allItems(s);
    expect(items).toHaveLength(1);
    // shown as first posted: the campaign tag is the outlet's, kept
    expect(items[0]!._diplomacy.sources.map((x) => x.url)).toEqual([
      'https://news.example.vn/2026/02/05/to-lam-lao?utm_source=facebook',
    ]);
  });

  it('refuses a URL with credentials with a 400 naming the field, storing nothing', async () => {
    s = await service({ extract: statedEvents });
    const r = await post(
      s,
      statedArticle('https://user:secret@news.example.vn/a', '2026-02-04T08:00:00+07:00', [{}]),
    );
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.json['invalid-params']).toEqual([expect.objectContaining({ name: 'url' })]);
    expect(await allItems(s)).toHaveLength(0);
  });

  it('takes a URL of 2,048 characters (ASCII or not) with a 2xx or a 400, never a 503', async () => {
    s = await service({ extract: statedEvents });
    const base = 'https://news.example.vn/';
    const ascii = base + 'a'.repeat(2048 - base.length);
    const accented = base + 'đ'.repeat(2048 - base.length);
    for (const url of [ascii, accented, `${ascii}?utm_source=x`.slice(0, 2048)]) {
      expect(url.length).toBe(2048);
      const r = await post(s, statedArticle(url, '2026-02-04T08:00:00+07:00', [{}]));
      expect([200, 201, 400], `${url.slice(0, 40)}… → ${r.status}`).toContain(r.status);
    }
    const items = await allItems(s);
    expect(items.length).toBeGreaterThan(0);
  });
});

describe('concurrent posts of one article', () => {
  it('answer 201 exactly once and 200 eleven times, with one source', async () => {
    s = await service({ extract: statedEvents });
    const body = statedArticle('https://same.example/a', '2026-02-04T08:00:00+07:00', [{}]);
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(s, body)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const items = await allItems(s);
    expect(items).toHaveLength(1);
    expect(items[0]!._diplomacy.sources.map((x) => x.url)).toEqual(['https://same.example/a']);
  });

  // an article that gives no event is recorded by one conditional write
  it('answer 201 exactly once and 200 eleven times for an article that gives no event', async () => {
    s = await service({ extract: statedEvents });
    const body = statedArticle('https://same.example/nothing', '2026-02-04T08:00:00+07:00', []);
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(s, body)));
    expect(answers.map((a) => a.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    for (const a of answers) expect(a.json.events).toEqual([]);
    expect((await post(s, body)).status).toBe(200);
  });
});

describe('the same article under two outlets’ names (two feeds linking one article)', () => {
  it('is one article: the second post answers 200, side by side too, with one source', async () => {
    s = await service({ extract: statedEvents });
    const body = statedArticle('https://same.example/two-names', '2026-02-04T08:00:00+07:00', [{}]);
    const as = (source: string) => JSON.stringify({ ...JSON.parse(body), source });
    expect((await post(s, as('Báo Thời sự'))).status).toBe(201);
    expect((await post(s, as('Báo Thế giới'))).status).toBe(200);
    const side = (source: string) =>
      JSON.stringify({ ...JSON.parse(body), source, url: 'https://same.example/side' });
    const sideBySide = await Promise.all(
      ['Outlet A', 'Outlet B', 'Outlet C'].map((name) => post(s, side(name))),
    );
    expect(sideBySide.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    const items = await allItems(s);
    expect(items.flatMap((i) => i._diplomacy.sources.map((x) => x.url)).sort()).toEqual([
      'https://same.example/side',
      'https://same.example/two-names',
    ]);
  });
});

describe('revisions: the same URL with another text', () => {
  it('keeps only the surviving source of an event the correction no longer supports, in every format', async () => {
    s = await service({ extract: statedEvents });
    const announce = statedArticle('https://a.example/announce', '2026-02-03T08:00:00+07:00', [{}]);
    const report = (events: Parameters<typeof statedArticle>[2]) =>
      statedArticle('https://b.example/report', '2026-02-05T20:00:00+07:00', events);
    expect((await post(s, announce)).status).toBe(201);
    const held = await post(s, report([{ status: 'held' }]));
    expect(held.status).toBe(201);
    const id = eventIdOf(held.json);
    let items = await allItems(s);
    expect(items[0]!._diplomacy.status).toBe('held');
    expect(items[0]!._diplomacy.sources).toHaveLength(2);

    // the correction: "no talks took place" — the article now reports nothing
    const corrected = await post(s, report([]));
    expect(corrected.status).toBe(201);
    expect(corrected.json.events).toEqual([]);
    // the same correction again is a no-op
    expect((await post(s, report([]))).status).toBe(200);

    items = await allItems(s);
    expect(items).toHaveLength(1);
    expect(items[0]!._diplomacy.sources.map((x) => x.url)).toEqual(['https://a.example/announce']);
    expect(items[0]!._diplomacy.status).toBe('announced');
    for (const path of [
      '/feeds/atom.xml',
      '/feeds/rss.xml',
      '/feeds/calendar.ics?from=2026-01-01',
      `/events/${id}`,
    ]) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.text.replace(/\r\n /g, ''), path).toContain('a.example/announce');
      expect(r.text.replace(/\r\n /g, ''), path).not.toContain('b.example/report');
    }
    expect((await get('/')).text).toContain(`/events/${id}`);
    const json = JSON.parse((await get(`/events/${id}`, { accept: 'application/json' })).text) as {
      _diplomacy: { sources: { url: string }[] };
    };
    expect(json._diplomacy.sources.map((x) => x.url)).toEqual(['https://a.example/announce']);
  });

  it('withdraws an event left with no source: gone from feeds and pages, 410, cancelled, a deleted entry', async () => {
    s = await service({ extract: statedEvents });
    const url = 'https://b.example/talks';
    const first = await post(
      s,
      statedArticle(url, '2026-02-05T20:00:00+07:00', [{ status: 'held' }]),
    );
    expect(first.status).toBe(201);
    const id = eventIdOf(first.json);
    // a window from before the event: the default one (the past 12 months) moves with the clock
    const ics = (await get('/feeds/calendar.ics?from=2026-01-01')).text;
    const sequence = Number(/SEQUENCE:(\d+)/.exec(ics)![1]);
    const etag = (await s.app.request('/feeds/feed.json')).headers.get('etag')!;

    const corrected = await post(
      s,
      JSON.stringify({
        ...JSON.parse(statedArticle(url, '2026-02-05T20:00:00+07:00', [])),
        title: 'Đính chính',
      }),
    );
    expect(corrected.status).toBe(201);

    expect(await allItems(s)).toHaveLength(0);
    expect((await get('/feeds/rss.xml')).text).not.toContain(`/events/${id}`);
    expect((await get('/')).text).not.toContain(`/events/${id}`);
    const gone = await get(`/events/${id}`);
    expect(gone.status).toBe(410);
    expect(JSON.parse(gone.text)).toMatchObject({ status: 410 });
    expect((await get(`/events/${id}`, { accept: 'application/json' })).status).toBe(410);

    const atom = (await get('/feeds/atom.xml')).text;
    expect(atom).toContain('xmlns:at="http://purl.org/atompub/tombstones/1.0"');
    expect(atom).toMatch(/<at:deleted-entry ref="urn:uuid:[^"]+" when="[^"]+">/);
    expect(atom).not.toContain('<entry>');
    expect(XMLValidator.validate(atom)).toBe(true);

    const cancelled = (await get('/feeds/calendar.ics?from=2026-01-01')).text;
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(Number(/SEQUENCE:(\d+)/.exec(cancelled)![1])).toBeGreaterThan(sequence);

    // pollers see the change
    expect(
      (await s.app.request('/feeds/feed.json', { headers: { 'if-none-match': etag } })).status,
    ).toBe(200);

    // a later report of it brings it back
    const again = await post(
      s,
      statedArticle('https://c.example/talks', '2026-02-06T08:00:00+07:00', [{ status: 'held' }]),
    );
    expect(eventIdOf(again.json)).toBe(id);
    expect((await get(`/events/${id}`)).status).toBe(200);
    expect(await allItems(s)).toHaveLength(1);
  });
});

describe('articles in a language the extractor does not read', () => {
  it('are stored and answered 201 with no events and a notice that says why', async () => {
    s = await service();
    const article = {
      url: 'https://news.example.com/2026/02/05/talks',
      publishedAt: '2026-02-05T08:00:00+07:00',
      language: 'fr',
      // written for this test
      text: 'Le Premier ministre a rencontré son homologue laotien à Vientiane jeudi, et les deux parties ont convenu de renforcer leurs liens.',
    };
    const r = await post(s, JSON.stringify(article));
    expect(r.status).toBe(201);
    expect(r.json.events).toEqual([]);
    expect(r.json.notice).toMatch(/"fr".*reads vi, en/);
    const again = await post(s, JSON.stringify(article));
    expect(again.status).toBe(200);
  });

  it('say nothing more for an article the extractor reads', async () => {
    s = await service({ extract: statedEvents });
    const r = await post(
      s,
      statedArticle('https://news.example.vn/a', '2026-02-04T08:00:00+07:00', [{}]),
    );
    expect(r.status).toBe(201);
    expect(r.json).not.toHaveProperty('notice');
  });
});

describe('events in their articles’ language (CONTRACT §1 lang: each article’s language)', () => {
  // both written for this test: one visit, reported first in English, then in Vietnamese
  const english = {
    url: 'https://news.example.com/2026/02/04/chinh-laos',
    publishedAt: '2026-02-04T10:00:00+07:00',
    language: 'en',
    text: 'HANOI, February 4 - Vietnamese Prime Minister Pham Minh Chinh will pay an official visit to Laos on February 5-6 at the invitation of Lao Prime Minister Sonexay Siphandone, the Foreign Ministry announced on Wednesday.',
  };
  const vietnamese = {
    url: 'https://news.example.vn/2026/02/04/thu-tuong-lao',
    publishedAt: '2026-02-04T15:00:00+07:00',
    language: 'vi',
    text: 'Theo lời mời của Thủ tướng Lào Sonexay Siphandone, Thủ tướng Phạm Minh Chính sẽ thăm chính thức Lào từ ngày 5 đến 6/2, Bộ Ngoại giao cho biết hôm nay.',
  };
  const itemOf = async () => {
    const feed = JSON.parse((await get('/feeds/feed.json')).text) as {
      language: string;
      items: { title: string; language: string }[];
    };
    expect(feed.items).toHaveLength(1);
    return { feed, item: feed.items[0]! };
  };

  it('an event only English articles report is English in the default feeds, until a Vietnamese one reports it', async () => {
    s = await service();
    const first = await post(s, JSON.stringify(english));
    expect(first.status).toBe(201);
    expect((first.json.events as { title: string }[])[0]!.title).toMatch(/^Official visit/);

    const before = await itemOf();
    expect(before.feed.language).toBe('vi');
    expect(before.item.language).toBe('en');
    expect(before.item.title).toMatch(/^Official visit/);
    const id = eventIdOf(first.json);
    expect((await get(`/events/${id}`)).text).toContain('<html lang="en">');
    expect((await get(`/events/${id}?lang=vi`)).text).toContain('<html lang="vi">');
    expect((await get('/feeds/atom.xml')).text).toContain('<entry xml:lang="en">');

    const second = await post(s, JSON.stringify(vietnamese));
    expect(second.status).toBe(201);
    expect(eventIdOf(second.json)).toBe(id);
    expect((second.json.events as { title: string }[])[0]!.title).toMatch(
      /^Chuyến thăm chính thức/,
    );

    const after = await itemOf();
    expect(after.item.language).toBe('vi');
    expect(after.item.title).toMatch(/^Chuyến thăm chính thức/);
    expect((await get(`/events/${id}`)).text).toContain('<html lang="vi">');
  });
});
