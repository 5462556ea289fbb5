// What a browser and a feed reader meet besides the feeds: HTML error pages for browsers
// (problem+json for everyone else), the icon, the feeds' icons, filter links on the home
// page, a calendar file per event, and an OPML of the feeds.
import { type DefaultTreeAdapterTypes, parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalService } from '../../infra/local/runtime.js';
import { allItems, post, service, statedArticle, statedEvents } from '../integration/harness.js';
import { icalEvents, parseXml, prop, validateJsonFeed, xmllintAll } from '../render/helpers.js';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;
function elements(node: Node, tag: string): Element[] {
  const found: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n && n.tagName === tag) found.push(n);
    if ('childNodes' in n) for (const c of n.childNodes) walk(c as Node);
  };
  walk(node);
  return found;
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const textOf = (e: Element): string =>
  e.childNodes
    .map((c) => ('value' in c ? String(c.value) : 'tagName' in c ? textOf(c as Element) : ''))
    .join('');

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
let s: LocalService;
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  s.app.request(`http://localhost${path}`, { headers, method });

beforeAll(async () => {
  s = await service({ extract: statedEvents, now: () => new Date('2026-03-15T12:00:00Z') });
  await post(
    s,
    statedArticle('https://news.test/la', '2026-03-01T08:00:00+07:00', [{ start: '2026-04-02' }]),
  );
  await post(
    s,
    statedArticle('https://news.test/th', '2026-03-01T08:00:00+07:00', [
      {
        category: 'meeting',
        type: 'talks',
        status: 'held',
        start: '2026-03-02',
        countries: ['TH', 'VN'],
        host: 'TH',
        location: { place: null, city: null, country: 'TH' },
      },
    ]),
  );
});
afterAll(() => s.close());

describe('error pages', () => {
  it.each([
    ['/events/nonexistent', 404],
    ['/nothing-here', 404],
    ['/feeds/atom.xml?country=ZZ', 400],
  ])(
    '%s: a browser gets an HTML page with status %d, other clients problem+json',
    async (path, status) => {
      const html = await get(path, { accept: BROWSER });
      expect(html.status).toBe(status);
      expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(html.headers.get('vary')).toMatch(/Accept/);
      const doc = parse(await html.text());
      expect(attr(elements(doc, 'html')[0]!, 'lang')).toBe('vi');
      expect(textOf(elements(doc, 'title')[0]!)).toMatch(new RegExp(`^${status} `));
      expect(elements(doc, 'a').map((a) => attr(a, 'href'))).toContain('http://localhost/');
      for (const accept of ['application/json', '*/*', '']) {
        const other = await get(path, accept ? { accept } : {});
        expect(other.status).toBe(status);
        expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
    },
  );

  it('names the bad parameter, in English with lang=en, and HEAD has no body', async () => {
    const en = await (await get('/feeds/feed.json?country=ZZ&lang=en', { accept: BROWSER })).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Parameter: country');
    const head = await get('/events/nonexistent', { accept: BROWSER }, 'HEAD');
    expect(head.status).toBe(404);
    expect(await head.text()).toBe('');
  });
});

describe('icons', () => {
  it('serves an SVG icon that pages link to, and /favicon.ico points at it', async () => {
    const icon = await get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(xmllintAll([await icon.text()]) ?? '').not.toMatch(/./);
    const ico = await get('/favicon.ico');
    expect(ico.status).toBe(301);
    expect(ico.headers.get('location')).toBe('/favicon.svg');
    const doc = parse(await (await get('/')).text());
    expect(
      elements(doc, 'link').some(
        (l) => attr(l, 'rel') === 'icon' && attr(l, 'href') === 'http://localhost/favicon.svg',
      ),
    ).toBe(true);
  });

  it('Atom has icon and logo, JSON Feed icon and favicon', async () => {
    const atom = parseXml(await (await get('/feeds/atom.xml')).text()).feed;
    expect(atom.icon).toBe('http://localhost/favicon.svg');
    expect(atom.logo).toBe('http://localhost/favicon.svg');
    const json = (await (await get('/feeds/feed.json')).json()) as {
      icon: string;
      favicon: string;
    };
    expect(json.icon).toBe('http://localhost/favicon.svg');
    expect(json.favicon).toBe('http://localhost/favicon.svg');
    expect(validateJsonFeed(json)).toEqual([]);
  });
});

describe('filter links on the home page', () => {
  const links = async (path: string) => {
    const doc = parse(await (await get(path)).text());
    const nav = elements(doc, 'nav').find((n) => attr(n, 'class') === 'filters')!;
    return elements(nav, 'a').map((a) => ({
      href: attr(a, 'href')!,
      text: textOf(a),
      current: attr(a, 'aria-current') === 'page',
    }));
  };

  it('offer country, type, status, upcoming and past, by name, each leading to a page', async () => {
    const all = await links('/');
    const hrefs = all.map((l) => l.href);
    for (const q of [
      'when=upcoming',
      'when=past',
      'type=visit',
      'type=meeting',
      'type=talks',
      'status=announced',
      'status=held',
      'country=LA',
      'country=TH',
      'country=VN',
      'order=updated',
      'lang=en',
    ]) {
      expect(hrefs, q).toContain(`http://localhost/?${q}`);
    }
    expect(all.find((l) => l.href.endsWith('country=LA'))!.text).toBe('Lào');
    for (const href of hrefs)
      expect((await get(new URL(href).pathname + new URL(href).search)).status, href).toBe(200);
  });

  it('combine with the view shown, mark the current one, and keep the language', async () => {
    const en = await links('/?country=LA&lang=en');
    expect(en.map((l) => l.href)).toContain('http://localhost/?country=LA&lang=en&when=upcoming');
    // the countries' "All" lifts the country filter and is not the current one
    expect(en.find((l) => l.href === 'http://localhost/?lang=en')?.current).toBe(false);
    expect(en.find((l) => l.text === 'Laos')!.current).toBe(true);
    expect(en.find((l) => l.text === 'Tiếng Việt')!.href).toBe('http://localhost/?country=LA');
  });
});

describe('one event as a calendar file', () => {
  it('answers /events/{id}.ics with that event alone, linked from its page', async () => {
    const [item] = await allItems(s, '?country=LA');
    const page = await (await get(new URL(item!.url).pathname)).text();
    expect(page).toContain(`href="${item!.url}.ics"`);
    const ics = await get(`${new URL(item!.url).pathname}.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = icalEvents(await ics.text());
    expect(events).toHaveLength(1);
    expect(`urn:uuid:${prop(events[0]!, 'UID')!.value}`).toBe(item!.id);
    expect((await get('/events/nonexistent.ics')).status).toBe(404);
  });
});

describe('OPML', () => {
  it('lists the feeds a reader imports at once, in the language asked, each one answering', async () => {
    const r = await get('/feeds.opml?lang=en');
    expect(r.headers.get('content-type')).toBe('text/x-opml; charset=utf-8');
    const xml = await r.text();
    expect(xmllintAll([xml]) ?? '').not.toMatch(/./);
    const outlines = parseXml(xml).opml.body.outline as Record<string, string>[];
    expect(outlines.map((o) => o['@text'])).toEqual([
      'Bilateral diplomatic events',
      'Bilateral diplomatic events — upcoming',
      'Bilateral diplomatic events — Visit',
      'Bilateral diplomatic events — Meeting',
      'Bilateral diplomatic events — by last change',
    ]);
    for (const o of outlines) {
      const url = new URL(o['@xmlUrl']!);
      expect((await get(url.pathname + url.search)).status, url.href).toBe(200);
    }
  });

  it("is advertised by the home page, with the view's filters", async () => {
    const doc = parse(await (await get('/?country=LA')).text());
    const outline = elements(doc, 'link').find((l) => attr(l, 'rel') === 'outline')!;
    expect(attr(outline, 'href')).toBe('http://localhost/feeds.opml?country=LA');
    const xml = await (await get('/feeds.opml?country=LA')).text();
    const outlines = parseXml(xml).opml.body.outline as Record<string, string>[];
    expect(outlines.every((o) => o['@xmlUrl']!.includes('country=LA'))).toBe(true);
  });
});
