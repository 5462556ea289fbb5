// Group "render": time to render one 50-item page in each format from realistic
// events, against the bare `feed` package (6.0: new Feed, addItem, atom1/rss2/json1)
// given the same items (ids, links, titles, summaries, HTML content, dates,
// categories prepared beforehand). The feed package has no iCalendar or HTML output,
// so those two are compared with its atom1(). Goals (issue 14): Atom and RSS ≤ 2×, JSON
// Feed ≤ 3× (its items carry `_diplomacy`, which json1() does not write), iCalendar
// and HTML likewise ≤ 2×.

import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Feed } from 'feed';
import { renderAtom } from '../functions/render/atom.js';
import { toInstant } from '../functions/render/dates.js';
import { type FeedEntry, feedEntry, feedMeta } from '../functions/render/entries.js';
import { renderHomePage } from '../functions/render/html.js';
import { renderCalendar } from '../functions/render/ical.js';
import { renderJsonFeed } from '../functions/render/jsonfeed.js';
import { renderRss } from '../functions/render/rss.js';
import type { FeedPage } from '../functions/render/types.js';
import { startLocalService } from '../infra/local/runtime.js';
import { realisticEvents } from './fixtures.js';
import {
  type Figure,
  fmt,
  type GroupResult,
  loadArticles,
  median,
  msPerCall,
  ROOT,
  table,
  verdict,
} from './lib.js';

/** The realsets (third parties' words: read from ../shared at run time, never copied). */
const REALSETS = ['realset-vi', 'realset-en'].map((name) =>
  resolve(ROOT, `../shared/${name}/articles`),
);

/** Every JSON Feed item of the realsets' events, as served: each article ingested
 *  through the local service (so events merge as they do deployed), then every page
 *  of /feeds/feed.json read. Sizes are the items' bytes as the document holds them. */
async function realsetItemSizes(): Promise<{ articles: number; sizes: number[] }> {
  const service = await startLocalService();
  try {
    let articles = 0;
    for (const dir of REALSETS) {
      let names: string[] = [];
      try {
        names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
      } catch {
        console.warn(`(no realset at ${dir})`);
      }
      for (const n of names) {
        const res = await service.app.request('/articles', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: await readFile(join(dir, n), 'utf8'),
        });
        if (res.status !== 201 && res.status !== 200)
          throw new Error(`ingest of ${n} answered ${res.status}`);
        articles++;
      }
    }
    const sizes: number[] = [];
    let url: string | undefined = 'http://localhost/feeds/feed.json?limit=100';
    while (url) {
      const feed = (await (await service.app.request(url)).json()) as {
        items: unknown[];
        next_url?: string;
      };
      for (const item of feed.items) sizes.push(Buffer.byteLength(JSON.stringify(item)));
      url = feed.next_url;
    }
    return { articles, sizes };
  } finally {
    await service.close();
  }
}

const ITEMS = 50;
/** The goal ratio to the baseline of each format. */
const GOALS: Record<string, number> = { atom: 2, rss: 2, json: 3, ics: 2, html: 2 };
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
    {
      name: 'atom',
      ours: () => renderAtom(page),
      baseName: 'feed atom1()',
      base: () => bareFeed(page, entries).atom1(),
    },
    {
      name: 'rss',
      ours: () => renderRss(page),
      baseName: 'feed rss2()',
      base: () => bareFeed(page, entries).rss2(),
    },
    {
      name: 'json',
      ours: () => renderJsonFeed(page),
      baseName: 'feed json1()',
      base: () => bareFeed(page, entries).json1(),
    },
    {
      name: 'ics',
      ours: () => renderCalendar(page),
      baseName: 'feed atom1()',
      base: () => bareFeed(page, entries).atom1(),
    },
    {
      name: 'html',
      ours: () => renderHomePage(page),
      baseName: 'feed atom1()',
      base: () => bareFeed(page, entries).atom1(),
    },
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
    const goal = GOALS[f.name]!;
    figures.push({
      name: `render ${f.name} (${ITEMS} items)`,
      value: o,
      unit: 'ms/page',
      samples: ours,
      baseline: {
        name: `bare ${f.baseName} on the same ${ITEMS} items`,
        value: b,
        unit: 'ms/page',
      },
      ratio: o / b,
      goal: `≤ ${goal}× the baseline`,
      met: o / b <= goal,
      extra: { bytes, baselineBytes: baseBytes, baselineSamples: base },
    });
    rows.push([
      f.name,
      o,
      f.baseName,
      b,
      `${fmt(o / b)}×`,
      `≤ ${goal}× ${verdict(o / b <= goal)}`,
      `${fmt(bytes / 1024, 1)}`,
      `${fmt(baseBytes / 1024, 1)}`,
    ]);
  }
  // where the XML formats' time goes: building the 50 entries (titles, summaries, HTML content)
  const buildEntries = () => events.map((e) => feedEntry(e, page));
  msPerCall(buildEntries, 100);
  const entryRuns: number[] = [];
  for (let r = 0; r < RUNS; r++) entryRuns.push(msPerCall(buildEntries, MIN_MS / 2));
  const entryMs = median(entryRuns);
  figures.push({
    name: `feedEntry × ${ITEMS} (inside atom/rss)`,
    value: entryMs,
    unit: 'ms/page',
    samples: entryRuns,
  });
  rows.push([`(feedEntry × ${ITEMS}, inside atom/rss)`, entryMs, '', '', '', '', '', '']);

  const real = await realsetItemSizes();
  const itemMedian = median(real.sizes);
  const itemMax = Math.max(...real.sizes);
  figures.push(
    {
      name: 'JSON Feed item of the realsets, median',
      value: itemMedian,
      unit: 'bytes',
      goal: '≤ 3 KB',
      met: itemMedian <= 3072,
      extra: { items: real.sizes.length, articles: real.articles },
    },
    {
      name: 'JSON Feed item of the realsets, max',
      value: itemMax,
      unit: 'bytes',
      goal: '≤ 8 KB',
      met: itemMax <= 8192,
    },
  );
  console.log(
    table(
      `JSON Feed items of the realsets — ${real.articles} articles ingested, ${real.sizes.length} items`,
      ['item', 'bytes', 'goal', ''],
      [
        ['median', itemMedian, '≤ 3,072', verdict(itemMedian <= 3072)],
        ['max', itemMax, '≤ 8,192', verdict(itemMax <= 8192)],
      ],
    ),
  );
  console.log(
    table(
      `render — one page of ${ITEMS} realistic events (from ${seeds.length + devset.length} articles), median of ${RUNS} runs ≥${MIN_MS} ms`,
      ['format', 'ms/page', 'baseline', 'baseline ms', 'ratio', 'goal', 'KB', 'baseline KB'],
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
