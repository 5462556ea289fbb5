// `?lang=en` over every format and page: the seeds, and the devset and real news sets of
// ../shared (each skipped where ../shared lacks it), ingested through the real routes
// into one store, then every feed page (Atom, RSS, JSON Feed), the calendar, the home
// page and each event's page and calendar file read in English. What the service writes
// there is English: no Vietnamese word of its own, no person or city the gazetteers know
// in another language's form, no Vietnamese name with its marks; links keep `lang=en`.
// The articles' own words shown as they are (source titles and outlets, the evidence
// sentences, a venue's name) are taken out before looking.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import peopleData from '../../functions/text/data/people.json' with { type: 'json' };
import placesData from '../../functions/text/data/places.json' with { type: 'json' };
import { VIETNAMESE_LETTER } from '../../functions/text/vietnamese.js';
import type { LocalService } from '../../infra/local/runtime.js';
import { allItems, type FeedItem, post, SEEDS_DIR, service } from './harness.js';

const SHARED = resolve(import.meta.dirname, '../../../shared');
const SETS = ['devset', 'realset-vi', 'realset-en'].map((set) => join(SHARED, set, 'articles'));
/** How many pages of one feed the walk follows at most (its items are far fewer). */
const MAX_PAGES = 50;

let s: LocalService;
let items: FeedItem[] = [];
/** every English document the walk read, by path */
const docs = new Map<string, string>();

function articleBodies(): string[] {
  const dirs = [SEEDS_DIR, ...SETS.filter((dir) => existsSync(dir))];
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => readFileSync(join(dir, f), 'utf8')),
  );
}

async function get(path: string): Promise<string> {
  const response = await s.app.request(`http://localhost${path}`);
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  return response.text();
}

/** Every page of a feed, following its rel="next" links (or JSON Feed's next_url). */
async function walk(first: string, next: (doc: string) => string | null): Promise<void> {
  let path: string | null = first;
  for (let n = 0; path !== null && n < MAX_PAGES; n++) {
    const doc = await get(path);
    docs.set(path, doc);
    const url = next(doc);
    const parsed = url === null ? null : new URL(decodeEntities(url), 'http://localhost');
    path = parsed === null ? null : parsed.pathname + parsed.search;
  }
}

const nextLink = (doc: string) =>
  /<(?:atom:)?link[^>]*rel="next"[^>]*>/u.exec(doc)?.[0].match(/href="([^"]*)"/u)?.[1] ?? null;

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/giu, (_, hex: string) =>
      String.fromCodePoint(Number.parseInt(hex, 16)),
    )
    .replace(/&#(\d+);/gu, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/gu, '"')
    .replace(/&#39;|&apos;/gu, "'")
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');
}

/** An iCalendar document's text: lines unfolded, escapes read. */
function icalText(doc: string): string {
  return doc
    .replace(/\r\n[ \t]/gu, '')
    .replace(/\\n/giu, '\n')
    .replace(/\\([,;\\])/gu, '$1');
}

/** The articles' own words the pages show as written, each as it may appear (whitespace folded). */
function quotedStrings(): string[] {
  const out = new Set<string>();
  for (const item of items) {
    const d = item._diplomacy as unknown as {
      sources: { title: string | null; outlet: string | null }[];
      evidence: { text: string }[];
      location: { place: string | null };
    };
    for (const source of d.sources) {
      if (source.title) out.add(source.title);
      if (source.outlet) out.add(source.outlet);
    }
    for (const e of d.evidence) out.add(e.text);
    if (d.location.place) out.add(d.location.place);
  }
  return [...out]
    .map(folded)
    .filter((q) => q.length > 0)
    .sort((a, b) => b.length - a.length);
}

const folded = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** A document's text as the service wrote it, without the articles' own words. */
function ownText(path: string, doc: string, quotes: readonly string[]): string {
  let text: string;
  if (path.includes('feed.json')) {
    const feed = JSON.parse(doc) as {
      title: string;
      description?: string;
      items: { title: string; summary?: string; content_text?: string; content_html?: string }[];
    };
    text = [
      feed.title,
      feed.description ?? '',
      ...feed.items.flatMap((i) => [
        i.title,
        i.summary ?? '',
        i.content_text ?? '',
        i.content_html ?? '',
      ]),
    ].join('\n');
    text = decodeEntities(text);
  } else if (path.includes('.ics')) {
    text = icalText(doc);
  } else {
    // XML and HTML: entities read twice (Atom and RSS carry escaped HTML)
    text = decodeEntities(decodeEntities(doc));
  }
  text = text
    // the sources and the evidence: outlets' names, article titles, quoted sentences
    .replace(/<h3>(?:Sources|Evidence)<\/h3>\s*<ul>[\s\S]*?<\/ul>/gu, ' ')
    .replace(/(?:Sources|Evidence):\n(?:- [^\n]*(?:\n|$))+/gu, ' ')
    .replace(/<q>[\s\S]*?<\/q>/gu, ' ')
    // the link to the other language, named in it ("Tiếng Việt")
    .replace(/<a [^>]*hreflang="vi"[^>]*>[\s\S]*?<\/a>/gu, ' ');
  text = folded(text);
  for (const q of quotes) text = text.split(q).join(' ');
  return text;
}

beforeAll(async () => {
  s = await service();
  for (const body of articleBodies()) {
    const r = await post(s, body);
    expect(r.status, body.slice(0, 120)).toBeLessThan(300);
  }
  items = await allItems(s, '?limit=100');
  const nextJson = (doc: string) => (JSON.parse(doc) as { next_url?: string }).next_url ?? null;
  await walk('/feeds/atom.xml?lang=en&limit=100', nextLink);
  await walk('/feeds/rss.xml?lang=en&limit=100', nextLink);
  await walk('/feeds/feed.json?lang=en&limit=100', nextJson);
  await walk('/?lang=en', nextLink);
  docs.set('/feeds/calendar.ics', await get('/feeds/calendar.ics?lang=en&from=2000-01-01'));
  for (const item of items) {
    const path = new URL(item.url).pathname;
    docs.set(`${path}?lang=en`, await get(`${path}?lang=en`));
    docs.set(`${path}.ics?lang=en`, await get(`${path}.ics?lang=en`));
  }
}, 600_000);

afterAll(async () => {
  await s?.close();
});

describe('English pages', () => {
  it('read every format and page of every event', () => {
    expect(items.length).toBeGreaterThan(0);
    expect(docs.size).toBeGreaterThan(2 * items.length);
  });

  it('write no Vietnamese word and no Vietnamese name with its marks', () => {
    const quotes = quotedStrings();
    const vietnamese = new RegExp(`\\S*${VIETNAMESE_LETTER.source}\\S*`, 'gu');
    const found: string[] = [];
    for (const [path, doc] of docs) {
      const words = ownText(path, doc, quotes).match(vietnamese) ?? [];
      for (const w of words.slice(0, 3)) found.push(`${path}: ${w}`);
    }
    expect(found).toEqual([]);
  });

  it('name people and cities as the gazetteers write them in English', () => {
    const quotes = quotedStrings();
    const otherForms = [
      ...Object.values(peopleData.people)
        .flat()
        .flatMap((p) => ('vi' in p && p.vi && p.vi !== p.en ? [p.vi] : [])),
      ...placesData.places.filter((p) => p.vi !== p.en).map((p) => p.vi),
    ];
    const found: string[] = [];
    for (const [path, doc] of docs) {
      const text = ownText(path, doc, quotes);
      for (const form of otherForms)
        if (new RegExp(`(?<![\\p{L}])${form}(?![\\p{L}])`, 'u').test(text))
          found.push(`${path}: ${form}`);
    }
    expect(found).toEqual([]);
  });

  it('keep lang=en on every link to the service’s own pages and feeds', () => {
    const found: string[] = [];
    for (const [path, doc] of docs) {
      if (path.includes('.ics') || path.includes('feed.json')) continue;
      for (const [tag, href] of doc.matchAll(/<[^>]*href="([^"]*)"[^>]*>/gu)) {
        if (tag.includes('hreflang="vi"')) continue; // the page in Vietnamese, on purpose
        const url = new URL(decodeEntities(href!), 'http://localhost');
        if (url.host !== 'localhost') continue;
        if (!/^\/(?:$|events\/|feeds\/)/u.test(url.pathname) || url.pathname.endsWith('.opml'))
          continue;
        if (url.searchParams.get('lang') !== 'en') found.push(`${path}: ${href}`);
      }
    }
    expect(found.slice(0, 20)).toEqual([]);
  });
});
