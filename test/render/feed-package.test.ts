// Each fault of the npm `feed` package (6.0) that made functions/render/feed-xml.ts
// write Atom and RSS directly: what raw `feed` writes, and what the writer writes instead.
import { Feed } from 'feed';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAtom } from '../../functions/render/atom.js';
import { type FeedEntry, feedEntry, feedMeta } from '../../functions/render/entries.js';
import { atomDocument, rssDocument, type XmlFeedInput } from '../../functions/render/feed-xml.js';
import { eventFeedId } from '../../functions/render/ids.js';
import { renderRss } from '../../functions/render/rss.js';
import { parseXml, text, unescapeHtml, xmllintAll } from './helpers.js';
import { samplePage, stateVisit } from './samples.js';

const page = samplePage([stateVisit()]);
const baseEntry = feedEntry(stateVisit(), page);

function input(entry: Partial<FeedEntry> = {}, extra: Partial<XmlFeedInput> = {}): XmlFeedInput {
  return {
    meta: feedMeta(page),
    selfUrl: page.selfUrl,
    nextUrl: page.nextUrl,
    entries: [{ ...baseEntry, ...entry }],
    ...extra,
  };
}

/** `feed` used the natural way, as the acceptance README's findings describe. */
function rawFeed(
  item: {
    title: string;
    id?: string;
    category?: { name?: string; term?: string }[];
    author?: { name: string }[];
  },
  options: Partial<ConstructorParameters<typeof Feed>[0]> = {},
) {
  const feed = new Feed({
    id: 'tag:feeds.example.org,2024:feed',
    title: 'Sự kiện',
    updated: new Date('2026-03-10T01:00:00Z'),
    link: 'https://feeds.example.org/',
    ...options,
  });
  feed.addItem({
    id: item.id ?? 'tag:feeds.example.org,2024:event/1',
    link: 'https://feeds.example.org/events/1',
    title: item.title,
    description: item.title,
    date: new Date('2026-02-04T02:30:00Z'),
    ...(item.category ? { category: item.category } : {}),
    ...(item.author ? { author: item.author } : {}),
  });
  return feed;
}

/** An Atom document with no withdrawn entries. */
function atomXml(i: XmlFeedInput): string {
  return atomDocument({ ...i, deleted: [] });
}

function atomEntry(xml: string) {
  return parseXml(xml).feed.entry[0];
}
function rssItem(xml: string) {
  return parseXml(xml).rss.channel.item[0];
}

/** Asserts well-formedness with xmllint too, when it is installed. */
function expectXmllint(docs: string[], ok: boolean) {
  const out = xmllintAll(docs);
  if (out === null) return; // xmllint not installed: the in-process parser decided
  if (ok) expect(out).toBe('');
  else expect(out).not.toBe('');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('F1: characters XML 1.0 cannot carry', () => {
  const title = 'Hội đàm\u0001 Việt\u0008–Lào \uFFFF \uD800x';
  it('raw feed writes them and the document is not well-formed', () => {
    const f = rawFeed({ title });
    expect(() => parseXml(f.atom1())).toThrow();
    expect(() => parseXml(f.rss2())).toThrow();
    expectXmllint([f.atom1()], false);
  });
  it('the writer removes them', () => {
    const atom = atomXml(input({ title }));
    const rss = rssDocument(input({ title }));
    expect(text(atomEntry(atom).title)).toBe('Hội đàm Việt–Lào  x');
    expect(text(rssItem(rss).title)).toBe('Hội đàm Việt–Lào  x');
    expectXmllint([atom, rss], true);
  });
  it('CR LF and lone CR become LF (what an XML parser would make of them anyway)', () => {
    const atom = atomXml(input({ contentHtml: '<p>a\r\nb\rc</p>' }));
    expect(atom).not.toContain('\r');
    expect(text(atomEntry(atom).content)).toBe('<p>a\nb\nc</p>');
  });
});

describe('F2: plain text emitted as HTML (Atom title/summary, RSS description)', () => {
  const title = 'An ninh & hợp tác: "ASEAN <2030" 🇻🇳🤝🌏';
  it('raw feed copies plain text into type="html": a bare & and a <2030 tag', () => {
    const f = rawFeed({ title });
    const entry = atomEntry(f.atom1());
    expect(entry.title['@type']).toBe('html');
    expect(text(entry.title)).toBe(title); // the HTML is the raw text: invalid HTML, "<2030" is a tag
    expect(text(rssItem(f.rss2()).description)).toBe(title);
  });
  it('the writer HTML-escapes them; the RSS title stays plain text', () => {
    const atom = atomEntry(atomXml(input({ title, summary: title })));
    expect(text(atom.title)).toBe('An ninh &amp; hợp tác: &quot;ASEAN &lt;2030&quot; 🇻🇳🤝🌏');
    expect(unescapeHtml(text(atom.title))).toBe(title);
    expect(unescapeHtml(text(atom.summary))).toBe(title);
    const item = rssItem(rssDocument(input({ title, summary: title })));
    expect(text(item.title)).toBe(title);
    expect(unescapeHtml(text(item.description))).toBe(title);
  });
});

describe('F3: two "]]>" in one CDATA section', () => {
  const title = 'a ]]> b ]]> c ]]]]> d';
  it('raw feed splits only the first: not well-formed', () => {
    const f = rawFeed({ title });
    expect(() => parseXml(f.atom1())).toThrow();
    expect(() => parseXml(f.rss2())).toThrow();
    expectXmllint([f.atom1(), f.rss2()], false);
  });
  it('one "]]>" is fine in raw feed', () => {
    expect(text(rssItem(rawFeed({ title: 'a ]]> b' }).rss2()).title)).toBe('a ]]> b');
  });
  it('the writer splits every one', () => {
    const rss = rssDocument(input({ title, contentHtml: `<p>${title}</p>` }));
    const atom = atomXml(input({ title, contentHtml: `<p>${title}</p>` }));
    expect(text(rssItem(rss).title)).toBe(title);
    expect(text(rssItem(rss)['content:encoded'])).toBe(`<p>${title}</p>`);
    expect(unescapeHtml(text(atomEntry(atom).title))).toBe(title);
    expect(text(atomEntry(atom).content)).toBe(`<p>${title}</p>`);
    expectXmllint([rss, atom], true);
  });
});

describe('F4: attribute values (< not escaped; TAB and LF normalized away)', () => {
  const label = 'Lào <LA> & "Việt"\n\tNam';
  it('raw feed writes < raw in an attribute: not well-formed', () => {
    const f = rawFeed({ title: 't', category: [{ term: 'x<y', name: label }] });
    expect(() => parseXml(f.atom1())).toThrow(/attribute|well-formed/);
    expectXmllint([f.atom1()], false);
  });
  it('the writer writes references, so the value survives attribute normalization', () => {
    const xml = atomXml(
      input({ categories: [{ term: 'a<b', label, scheme: 'tag:feeds.example.org,2024:x' }] }),
    );
    expect(xml).toContain('label="Lào &lt;LA&gt; &amp; &quot;Việt&quot;&#10;&#9;Nam"');
    expect(atomEntry(xml).category[0]['@label']).toBe(label);
    expect(atomEntry(xml).category[0]['@term']).toBe('a<b');
    expectXmllint([xml], true);
  });
});

describe('F5: Atom category without term', () => {
  it('raw feed writes <category label=…> with no term', () => {
    const entry = atomEntry(rawFeed({ title: 't', category: [{ name: 'Lào' }] }).atom1());
    expect(entry.category[0]['@term']).toBeUndefined();
  });
  it('the writer always sets term (the code) and label (the words)', () => {
    const entry = atomEntry(renderAtom(page));
    const terms = entry.category.map((c: any) => c['@term']);
    expect(terms).toEqual(['state_visit', 'visit', 'announced', 'LA', 'VN']);
    expect(entry.category.every((c: any) => typeof c['@label'] === 'string' && c['@label'])).toBe(
      true,
    );
  });
});

describe('F6: Atom ids go through new URL()', () => {
  it('raw feed throws on a non-URL id and re-encodes an IRI id in Atom only', () => {
    expect(() => rawFeed({ title: 't', id: 'event-001' }).atom1()).toThrow(/Invalid URL/);
    const iri = 'https://feeds.example.org/sự-kiện/001';
    const f = rawFeed({ title: 't', id: iri });
    expect(text(atomEntry(f.atom1()).id)).not.toBe(iri);
    expect(text(rssItem(f.rss2()).guid)).toBe(iri);
  });
  it('the writer refuses ids that would change, and ids.ts makes ASCII urn:uuid ids', () => {
    expect(() => atomXml(input({ id: 'event-001' }))).toThrow(/not a URI/);
    expect(() => atomXml(input({ id: 'https://feeds.example.org/sự-kiện/001' }))).toThrow(/ASCII/);
    const p = samplePage([stateVisit({ id: 'sự-kiện/001 & <x>' })]);
    const atomId = text(atomEntry(renderAtom(p)).id);
    const guid = text(rssItem(renderRss(p)).guid);
    expect(atomId).toBe(eventFeedId('sự-kiện/001 & <x>'));
    expect(atomId).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(guid).toBe(atomId);
  });
});

describe('F7: a feed without id', () => {
  it('raw feed writes <id/>', () => {
    const f = rawFeed({ title: 't' }, { id: undefined as unknown as string });
    expect(f.atom1()).toContain('<id/>');
  });
  it('the writer always writes the view id', () => {
    expect(text(parseXml(renderAtom(page)).feed.id)).toBe(
      'tag:feeds.example.org,2024:feed?country=LA',
    );
  });
});

describe('F8: dates default to the current time', () => {
  it('raw feed writes the clock into <updated> and <lastBuildDate>', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const f = rawFeed({ title: 't' }, { updated: undefined });
    expect(f.atom1()).toContain('<updated>2030-01-01T00:00:00.000Z</updated>');
    expect(f.rss2()).toContain('<lastBuildDate>Tue, 01 Jan 2030 00:00:00 GMT</lastBuildDate>');
  });
  it('the writer passes page.updated and the event dates, whatever the clock says', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const a1 = renderAtom(page);
    const r1 = renderRss(page);
    vi.setSystemTime(new Date('2031-06-15T12:34:56Z'));
    expect(renderAtom(page)).toBe(a1);
    expect(renderRss(page)).toBe(r1);
    const feed = parseXml(a1).feed;
    expect(text(feed.updated)).toBe('2026-03-10T01:00:00.000Z');
    expect(text(feed.entry[0].updated)).toBe('2026-02-04T02:30:00.000Z');
    expect(text(feed.entry[0].published)).toBe('2026-02-04T01:00:00.000Z');
    const channel = parseXml(r1).rss.channel;
    expect(text(channel.lastBuildDate)).toBe('Tue, 10 Mar 2026 01:00:00 GMT');
    expect(text(channel.item[0].pubDate)).toBe('Wed, 04 Feb 2026 01:00:00 GMT');
  });
});

describe('F9: xml-js turns a literal "&amp;" in text into "&"', () => {
  it('raw feed loses it', () => {
    const f = rawFeed({ title: 't' }, { title: 'A &amp; B', author: { name: 'C &amp; D' } });
    const feed = parseXml(f.atom1()).feed;
    expect(text(feed.title)).toBe('A & B');
    expect(text(feed.author.name)).toBe('C & D');
  });
  it('the writer keeps it', () => {
    const meta = {
      ...feedMeta(page),
      title: 'A &amp; B',
      author: { name: 'C &amp; D', url: 'https://feeds.example.org/' },
    };
    const atom = parseXml(atomXml(input({}, { meta }))).feed;
    expect(text(atom.title)).toBe('A &amp; B');
    expect(text(atom.author.name)).toBe('C &amp; D');
    const rss = parseXml(rssDocument(input({}, { meta }))).rss.channel;
    expect(text(rss.title)).toBe('A &amp; B');
    expect(text(rss.item[0]['dc:creator'][0])).toBe('C &amp; D');
  });
});

describe('F10: no xml:lang and no rel="next"', () => {
  it('raw feed has neither', () => {
    const f = rawFeed(
      { title: 't' },
      { language: 'vi', feedLinks: { atom: page.selfUrl, rss: page.selfUrl } },
    );
    const feed = parseXml(f.atom1()).feed;
    expect(feed['@xml:lang']).toBeUndefined();
    expect(f.atom1()).not.toContain('rel="next"');
    expect(f.rss2()).not.toContain('rel="next"');
  });
  it('the writer writes xml:lang and RFC 5005 next links in Atom and RSS', () => {
    const feed = parseXml(renderAtom(page)).feed;
    expect(feed['@xml:lang']).toBe('vi');
    const rels = Object.fromEntries(feed.link.map((l: any) => [l['@rel'], l['@href']]));
    expect(rels).toEqual({
      alternate: 'https://feeds.example.org/',
      self: page.selfUrl,
      next: page.nextUrl,
    });
    const links = parseXml(renderRss(page)).rss.channel['atom:link'];
    expect(links.map((l: any) => [l['@rel'], l['@href']])).toEqual([
      ['self', page.selfUrl],
      ['next', page.nextUrl],
    ]);
  });
  it('on the last page there is no next link', () => {
    const last = samplePage([stateVisit()], { nextUrl: null });
    expect(renderAtom(last)).not.toContain('rel="next"');
    expect(renderRss(last)).not.toContain('rel="next"');
  });
});

describe('F11: RSS <author> must be an e-mail address', () => {
  it('raw feed puts a bare name in <author>', () => {
    expect(rssItem(rawFeed({ title: 't', author: [{ name: 'Tô Lâm' }] }).rss2()).author).toBe(
      'Tô Lâm',
    );
  });
  it('the writer writes <dc:creator> (namespace declared) and no <author>', () => {
    const xml = renderRss(page);
    expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    const item = rssItem(xml);
    expect(item.author).toBeUndefined();
    expect(item['dc:creator']).toEqual(['diplomacy-feed']);
  });
  it('declares xmlns:dc even when no item has content', () => {
    const xml = rssDocument(input({ contentHtml: '' }));
    expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expectXmllint([xml], true);
  });
});
