// Atom, RSS and JSON Feed as readers see them: parsed with real parsers, checked
// against the contract (CONTRACT.md §1, §3) and against each other.
import { Feed } from 'feed';
import { describe, expect, it } from 'vitest';
import { renderAtom } from '../../functions/render/atom.js';
import { eventFeedId } from '../../functions/render/ids.js';
import {
  JSON_FEED_VERSION,
  JsonFeed,
  jsonFeedItem,
  renderJsonFeed,
} from '../../functions/render/jsonfeed.js';
import { renderRss } from '../../functions/render/rss.js';
import { parseXml, text, unescapeHtml, validateJsonFeed, xmllintAll } from './helpers.js';
import { BASE_URL, phoneCall, samplePage, stateVisit, talks } from './samples.js';

const page = samplePage();

describe('Atom 1.0', () => {
  const xml = renderAtom(page);
  const feed = parseXml(xml).feed;

  it('is well-formed (xmllint when installed) and declares utf-8', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xmllintAll([xml]) ?? '').not.toMatch(/./);
  });

  it('has the feed-level elements', () => {
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@xml:lang']).toBe('vi');
    expect(text(feed.title)).toBe('Sự kiện ngoại giao song phương — Lào');
    expect(text(feed.updated)).toBe('2026-03-10T01:00:00.000Z');
    expect(text(feed.author.name)).toBe('diplomacy-feed');
    expect(feed.entry).toHaveLength(3);
  });

  it('entries: tag id, link, updated = modified, published, html title/summary/content, categories', () => {
    const e = feed.entry[0];
    expect(text(e.id)).toBe(eventFeedId('vn-la-2026-02-05-state-visit'));
    expect(e.link[0]['@href']).toBe(`${BASE_URL}/events/vn-la-2026-02-05-state-visit`);
    expect(text(e.updated)).toBe('2026-02-04T02:30:00.000Z');
    expect(text(e.published)).toBe('2026-02-04T01:00:00.000Z');
    expect(e.title['@type']).toBe('html');
    expect(unescapeHtml(text(e.title))).toBe(
      'Chuyến thăm cấp Nhà nước của Tổng Bí thư Tô Lâm tới Lào, 5/2/2026 (dự kiến)',
    );
    // one sentence, then the facts in the content
    expect(text(e.summary)).toBe('Tổng Bí thư Tô Lâm sẽ thăm cấp Nhà nước Lào ngày 5/2/2026.');
    expect(text(e.content)).toMatch(
      /^<p>Tổng Bí thư Tô Lâm sẽ thăm cấp Nhà nước Lào ngày 5\/2\/2026\.<\/p><dl><dt>Loại<\/dt>/,
    );
    expect(text(e.content)).toContain('<a href="https://news.example.vn/2026/02/04/to-lam-lao">');
    expect(e.category.map((c: any) => [c['@term'], c['@label']])).toEqual([
      ['state_visit', 'Chuyến thăm cấp Nhà nước'],
      ['visit', 'Chuyến thăm'],
      ['announced', 'dự kiến'],
      ['LA', 'Lào'],
      ['VN', 'Việt Nam'],
    ]);
  });

  it('renders in English on request', () => {
    const en = parseXml(renderAtom({ ...page, lang: 'en' })).feed;
    expect(en['@xml:lang']).toBe('en');
    expect(unescapeHtml(text(en.entry[0].title))).toBe(
      'State visit to Laos by General Secretary To Lam (Vietnam), 5 Feb 2026 — announced',
    );
  });

  it('an empty page is still a valid feed', () => {
    const empty = renderAtom(samplePage([], { nextUrl: null }));
    const f = parseXml(empty).feed;
    expect(f.entry).toBeUndefined();
    expect(text(f.id)).toBeTruthy();
    expect(xmllintAll([empty]) ?? '').not.toMatch(/./);
  });
});

describe('RSS 2.0', () => {
  const xml = renderRss(page);
  const channel = parseXml(xml).rss.channel;

  it('is well-formed with the namespaces it uses', () => {
    expect(xmllintAll([xml]) ?? '').not.toMatch(/./);
    expect(xml).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
    expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
  });

  it('channel: title, link, language, lastBuildDate = page.updated, self and next', () => {
    expect(text(channel.title)).toBe('Sự kiện ngoại giao song phương — Lào');
    expect(text(channel.link[0])).toBe(`${BASE_URL}/`);
    expect(text(channel.language)).toBe('vi');
    expect(text(channel.lastBuildDate)).toBe('Tue, 10 Mar 2026 01:00:00 GMT');
    expect(channel['atom:link'].map((l: any) => l['@rel'])).toEqual(['self', 'next']);
  });

  it('items: guid isPermaLink=false, plain title, pubDate, categories, dc:creator', () => {
    const item = channel.item[1];
    expect(item.guid['@isPermaLink']).toBe('false');
    expect(text(item.guid)).toBe(eventFeedId('vn-la-2026-02-05-talks'));
    expect(text(item.title)).toBe(
      'Hội đàm giữa Tổng Bí thư Tô Lâm và Tổng Bí thư, Chủ tịch nước Thongloun Sisoulith (Lào) tại Viêng Chăn, Lào, 5–6/2/2026',
    );
    expect(text(item.pubDate)).toBe('Thu, 05 Feb 2026 10:00:00 GMT');
    // labels a reader sees; the codes are in the domain's vocabulary and the JSON Feed
    expect(item.category.map((c: any) => text(c))).toEqual([
      'Hội đàm',
      'Cuộc gặp',
      'đã diễn ra',
      'Lào',
      'Việt Nam',
    ]);
    expect(item.category[0]['@domain']).toBe('tag:feeds.example.org,2024:type');
    expect(item['dc:creator']).toEqual(['diplomacy-feed']);
    expect(item.author).toBeUndefined();
  });
});

describe('JSON Feed 1.1', () => {
  const body = renderJsonFeed(page);
  const doc = JSON.parse(body);

  it('is valid against the harness schema and the zod schema', () => {
    expect(validateJsonFeed(doc)).toEqual([]);
    expect(JsonFeed.safeParse(doc).success).toBe(true);
    expect(body.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('top level: version, authors, language, home_page_url, feed_url, next_url', () => {
    expect(doc.version).toBe(JSON_FEED_VERSION);
    expect(doc.authors).toEqual([{ name: 'diplomacy-feed', url: `${BASE_URL}/` }]);
    expect(doc.language).toBe('vi');
    expect(doc.home_page_url).toBe(`${BASE_URL}/`);
    expect(doc.feed_url).toBe(page.selfUrl);
    expect(doc.next_url).toBe(page.nextUrl);
    expect(doc.author).toBeUndefined();
    expect('next_url' in JSON.parse(renderJsonFeed({ ...page, nextUrl: null }))).toBe(false);
  });

  it('items carry CONTRACT §3 exactly', () => {
    const item = doc.items[0];
    expect(Object.keys(item)).toEqual([
      'id',
      'url',
      'title',
      'content_html',
      'date_published',
      'date_modified',
      'tags',
      'language',
      '_diplomacy',
    ]);
    expect(item.url).toBe(
      `${BASE_URL}/events/${encodeURIComponent('vn-la-2026-02-05-state-visit')}`,
    );
    expect(item.date_published).toBe('2026-02-04T01:00:00.000Z');
    expect(item.date_modified).toBe('2026-02-04T02:30:00.000Z');
    expect(item.tags).toEqual(['state_visit', 'LA', 'VN']);
    expect(item._diplomacy).toEqual({
      category: 'visit',
      type: 'state_visit',
      status: 'announced',
      start: '2026-02-05',
      end: null,
      countries: ['LA', 'VN'],
      host: 'LA',
      guest: 'VN',
      participants: [
        { name: 'Tô Lâm', title: 'Tổng Bí thư', country: 'VN' },
        { name: 'Thongloun Sisoulith', title: 'Tổng Bí thư, Chủ tịch nước', country: 'LA' },
      ],
      location: { place: null, city: null, country: 'LA' },
      part_of: null,
      cameo: '036',
      sources: [
        {
          url: 'https://news.example.vn/2026/02/04/to-lam-lao',
          title: 'Tổng Bí thư Tô Lâm sẽ thăm cấp Nhà nước Lào',
          published: '2026-02-04T08:00:00+07:00',
        },
        { url: null, title: null, published: '2026-02-04T09:00:00+07:00' },
      ],
      sources_total: 2,
      evidence: [
        {
          field: 'start',
          fields: ['start'],
          text: 'Tổng Bí thư Tô Lâm sẽ thực hiện chuyến thăm cấp Nhà nước tới Lào vào ngày 5/2.',
        },
      ],
    });
  });

  it('jsonFeedItem is the same object as the feed item (GET /events/{id} as JSON)', () => {
    expect(jsonFeedItem(stateVisit(), page)).toEqual(doc.items[0]);
  });

  it('an id that needs encoding gives an encoded url', () => {
    const item = jsonFeedItem(stateVisit({ id: 'a/b c?d' }), page);
    expect(item.url).toBe(`${BASE_URL}/events/a%2Fb%20c%3Fd`);
  });

  it('raw `feed` json1() is JSON Feed 1.0 without authors/language (why it is not used)', () => {
    const f = new Feed({ title: 't', id: 'x', author: { name: 'a' }, language: 'vi' });
    f.addItem({ title: 't', link: 'https://x.org/', date: new Date(0), id: 'i' });
    const raw = JSON.parse(f.json1());
    expect(raw.version).toBe('https://jsonfeed.org/version/1');
    expect(raw.authors).toBeUndefined();
    expect(raw.language).toBeUndefined();
  });
});

describe('cross-format agreement (what check-feed --cross compares)', () => {
  it.each([null, 'en'] as const)('ids, links and titles agree (lang=%s)', (lang) => {
    const p = { ...page, lang };
    const atom = parseXml(renderAtom(p)).feed.entry.map((e: any) => ({
      id: text(e.id),
      link: e.link[0]['@href'],
      title: unescapeHtml(text(e.title)),
    }));
    const rss = parseXml(renderRss(p)).rss.channel.item.map((i: any) => ({
      id: text(i.guid),
      link: text(i.link[0]),
      title: text(i.title),
    }));
    const json = JSON.parse(renderJsonFeed(p)).items.map((i: any) => ({
      id: i.id,
      link: i.url,
      title: i.title,
    }));
    expect(atom).toEqual(json);
    expect(rss).toEqual(json);
  });

  it('every event kind has a title', () => {
    for (const e of [stateVisit(), talks(), phoneCall()])
      expect(jsonFeedItem(e, page).title.length).toBeGreaterThan(10);
  });
});
