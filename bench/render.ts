// Group "render": time to render one 50-item page in each format from realistic
// events, against the bare `feed` package (6.0: new Feed, addItem, atom1/rss2/json1)
// given the same items (ids, links, titles, summaries, HTML content, dates,
// categories prepared beforehand). The feed package has no iCalendar or HTML output,
// so those two are compared with its atom1().
import { Feed } from 'feed';
import { renderAtom } from '../functions/render/atom.js';
import { toInstant } from '../functions/render/dates.js';
import { feedEntry, feedMeta, type FeedEntry } from '../functions/render/entries.js';
import { renderHomePage } from '../functions/render/html.js';
import { renderCalendar } from '../functions/render/ical.js';
import { renderJsonFeed } from '../functions/render/jsonfeed.js';
import { renderRss } from '../functions/render/rss.js';
import type { FeedPage } from '../functions/render/types.js';
import { realisticEvents } from './fixtures.js';
import { fmt, loadArticles, median, msPerCall, table, type Figure, type GroupResult } from './lib.js';

const ITEMS = 50;
const RUNS = 7;
const MIN_MS = 250;

function pageOf(events: FeedPage['events']): FeedPage {
  const base = 'https://feeds.example.org';
  return {
    events,
    baseUrl: base,
    selfUrl: `${base}/feeds/atom.xml`,
    nextUrl: `${base}/feeds/atom.xml?cursor=MjAyMC0wMS0wMSNhYmNkZWY`,
    lang: null,
    updated: '2026-11-22T00:00:00.000Z',
    alternates: {
      atom: `${base}/feeds/atom.xml`,
      rss: `${base}/feeds/rss.xml`,
      json: `${base}/feeds/feed.json`,
      ics: `${base}/feeds/calendar.ics`,
      html: `${base}/`,
    },
    filterLabel: null,
  };
}

/** The bare feed package over prepared entries: what a naive renderer would cost. */
function bareFeed(page: FeedPage, entries: FeedEntry[]): Feed {
  const meta = feedMeta(page);
  const feed = new Feed({
    id: meta.id,
    title: meta.title,
    description: meta.description,
    language: meta.language,
    updated: toInstant(meta.updated),
    generator: 'bench',
    link: meta.homeUrl,
    copyright: '',
    feedLinks: { atom: page.selfUrl, rss: page.alternates.rss, json: page.alternates.json },
    author: { name: meta.author.name, link: meta.author.url },
  });
  for (const e of entries) {
    feed.addItem({
      id: e.id,
      link: e.url,
      title: e.title,
      description: e.summary,
      content: e.contentHtml,
      date: toInstant(e.modified),
      published: toInstant(e.published),
      category: e.categories.map((c) => ({ term: c.term, name: c.label, scheme: c.scheme })),
    });
  }
  return feed;
}

export async function render(): Promise<GroupResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const { seeds, devset } = await loadArticles();
  const events = realisticEvents([...seeds, ...devset], ITEMS);
  const page = pageOf(events);
  const entries = events.map((e) => feedEntry(e, page));

  const formats: { name: string; ours: () => string; baseName: string; base: () => string }[] = [
    { name: 'atom', ours: () => renderAtom(page), baseName: 'feed atom1()', base: () => bareFeed(page, entries).atom1() },
    { name: 'rss', ours: () => renderRss(page), baseName: 'feed rss2()', base: () => bareFeed(page, entries).rss2() },
    { name: 'json', ours: () => renderJsonFeed(page), baseName: 'feed json1()', base: () => bareFeed(page, entries).json1() },
    { name: 'ics', ours: () => renderCalendar(page), baseName: 'feed atom1()', base: () => bareFeed(page, entries).atom1() },
    { name: 'html', ours: () => renderHomePage(page), baseName: 'feed atom1()', base: () => bareFeed(page, entries).atom1() },
  ];

  const figures: Figure[] = [];
  const rows: (string | number)[][] = [];
  for (const f of formats) {
    msPerCall(f.ours, 150); // warm-up
    msPerCall(f.base, 150);
    const ours: number[] = [];
    const base: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      ours.push(msPerCall(f.ours, MIN_MS));
      base.push(msPerCall(f.base, MIN_MS));
    }
    const o = median(ours);
    const b = median(base);
    const bytes = Buffer.byteLength(f.ours());
    const baseBytes = Buffer.byteLength(f.base());
    figures.push({
      name: `render ${f.name} (${ITEMS} items)`,
      value: o,
      unit: 'ms/page',
      samples: ours,
      baseline: { name: `bare ${f.baseName} on the same ${ITEMS} items`, value: b, unit: 'ms/page' },
      ratio: o / b,
      extra: { bytes, baselineBytes: baseBytes, baselineSamples: base },
    });
    rows.push([f.name, o, f.baseName, b, `${fmt(o / b)}×`, `${fmt(bytes / 1024, 1)}`, `${fmt(baseBytes / 1024, 1)}`]);
  }
  // where the XML formats' time goes: building the 50 entries (titles, summaries, HTML content)
  const buildEntries = () => events.map((e) => feedEntry(e, page));
  msPerCall(buildEntries, 100);
  const entryRuns: number[] = [];
  for (let r = 0; r < RUNS; r++) entryRuns.push(msPerCall(buildEntries, MIN_MS / 2));
  const entryMs = median(entryRuns);
  figures.push({ name: `feedEntry × ${ITEMS} (inside atom/rss)`, value: entryMs, unit: 'ms/page', samples: entryRuns });
  rows.push([`(feedEntry × ${ITEMS}, inside atom/rss)`, entryMs, '', '', '', '', '']);
  console.log(
    table(
      `render — one page of ${ITEMS} realistic events (from ${seeds.length + devset.length} articles), median of ${RUNS} runs ≥${MIN_MS} ms`,
      ['format', 'ms/page', 'baseline', 'baseline ms', 'ratio', 'KB', 'baseline KB'],
      rows,
    ),
  );
  return {
    group: 'render',
    command: 'npm run bench -- render',
    startedAt,
    durationMs: performance.now() - t0,
    figures,
    notes: [
      'ours = the project renderer from DiplomaticEvents (entries built inside the timing); baseline = bare feed package on entries prepared outside the timing',
      'ics and html have no feed-package counterpart; their baseline is bare feed atom1() on the same items',
    ],
  };
}
