// A poll run that dies midway, then the next run. The store is cut at one point of
// the run (test/faults/faulty-client.ts through startLocalService's `client` hook):
//   'before'  the store is down from command N+1 on: nothing after that point is
//             persisted, as when the Lambda is killed (timeout, crash) mid-run;
//   'after'   command N+1 is applied but its answer is lost, then the store is down:
//             the run cannot know that its last write happened.
// Crash points are spread over the whole run (every command kind is hit). After the
// store is back and the next scheduled run has gone through, for every crash point:
//   - every article is recorded exactly once (the ARTICLE# records equal a clean
//     run's) and the feed equals a clean run's (timestamps and event ids aside), with
//     each article once in its event's sources; nothing is half-written;
//   - every feed item is settled (none left `seen`);
//   - an item settled before the crash is not fetched again; only an item in flight
//     when the run died (at most one per source) is fetched a second time;
//   - a source's stored ETag/Last-Modified is never there while one of its items is
//     unsettled (checked after the crashed run), and is there after the resumed one,
//     so a third run gets 304 for both feeds and fetches no article.
// No real waiting: sleeps are recorded, the clock is injected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractEvents } from '../../functions/extract/index.js';
import type { PollReport } from '../../functions/poll/poll-service.js';
import { runPoll } from '../../functions/poll/run.js';
import type { Source } from '../../functions/poll/sources.js';
import { type LocalEngine, startDynalite } from '../../infra/local/dynalite.js';
import { type LocalService, startLocalService } from '../../infra/local/runtime.js';
import {
  feedItems,
  type Item,
  invariantViolations,
  normalizeFeed,
  readState,
  scanTable,
} from '../conformance/state.js';
import { type FaultMode, FaultSwitch } from '../faults/faulty-client.js';
import {
  articlePage,
  atomFeed,
  cached,
  devsetArticles,
  type FixtureServer,
  fixtureServer,
  html,
  type Route,
  rssFeed,
} from './fixtures.js';

const all = devsetArticles();
const pick = (id: string) => all.find((a) => a.id === id)!;
// feed A: two articles and a second link (a mobile page) to one of them; feed B: three
// articles, one of which has no event
const inA = ['dv-01', 'dv-02'].map(pick);
const inB = ['dv-08', 'dv-09', 'dv-10'].map(pick);
/** crash points per mode, spread evenly over the clean run's store commands */
const POINTS = 10;

let engine: LocalEngine;
let site: FixtureServer;
let tables = 0;
let clock: Date;

function sources(): Source[] {
  return [
    {
      name: 'a',
      outlet: 'Báo A',
      feedUrl: `${site.base}/feeds/a.rss`,
      language: 'vi',
      canonicalHosts: ['news.example'],
    },
    {
      name: 'b',
      outlet: 'Báo B',
      feedUrl: `${site.base}/feeds/b.atom`,
      language: 'vi',
      canonicalHosts: ['news.example'],
    },
  ];
}

const feedLinks = () => ({
  a: [...inA.map((x) => `${site.base}/news/${x.id}.html`), `${site.base}/m/dv-02.html`],
  b: inB.map((x) => `${site.base}/news/${x.id}.html`),
});

function poll(s: LocalService): Promise<PollReport> {
  return runPoll({
    store: s.store,
    extract: extractEvents,
    sources: sources(),
    contactUrl: 'https://example.org/crawler',
    version: '1.0.0',
    limits: { timeoutMs: 2_000, hostDelayMs: 1_000 },
    // the fixture outlet on 127.0.0.1, which the outbound guard refuses otherwise
    allowHosts: [new URL(site.base).host],
    sleep: async () => {},
    now: () => clock,
    log: { info: () => {}, warn: () => {}, error: () => {} },
  });
}

interface Run {
  items: Item[];
  /** page paths requested during the run */
  pages: string[];
  report: PollReport;
}

async function run(s: LocalService, table: string): Promise<Run> {
  const from = site.requests.length;
  const report = await poll(s);
  const pages = site.requests
    .slice(from)
    .filter((p) => p.startsWith('/news/') || p.startsWith('/m/'));
  return { items: await scanTable(engine.endpoint, table), pages, report };
}

const of = (items: Item[], prefix: string) => items.filter((i) => i.pk.startsWith(prefix));
const docOf = (i: Item) => JSON.parse(String(i.doc)) as Record<string, unknown>;
/** the SEEN# records: item URL -> its state */
const seenOf = (items: Item[]) =>
  new Map(
    of(items, 'SEEN#').map((i) => [
      i.pk.slice('SEEN#'.length),
      docOf(i) as { status: string; source: string },
    ]),
  );
const sourceOf = (items: Item[], name: string) => {
  const i = items.find((x) => x.pk === `SOURCE#${name}`);
  return i ? (docOf(i) as { etag: string | null; lastModified: string | null }) : null;
};
/** the articles stored, by their key (URL): items are keyed by a digest of it */
const articleKeys = (items: Item[]) =>
  of(items, 'ARTICLE#')
    .map((i) => `ARTICLE#${(JSON.parse(String(i.doc)) as { key: string }).key}`)
    .sort();
const eventState = (items: Item[]) =>
  readState(items.filter((i) => !i.pk.startsWith('SOURCE#') && !i.pk.startsWith('SEEN#')));
const counts = (paths: string[]) =>
  paths.reduce((m, p) => m.set(p, (m.get(p) ?? 0) + 1), new Map<string, number>());

interface Point {
  mode: FaultMode;
  n: number;
  command: string;
  crashed: Run;
  resumed: Run;
  again: Run;
  feed: unknown[];
}

let clean: { run: Run; again: Run; feed: unknown[]; calls: string[] };
const points: Point[] = [];

async function fresh(sw: FaultSwitch): Promise<{ s: LocalService; table: string }> {
  const table = `crash-${++tables}`;
  return {
    s: await startLocalService({ endpoint: engine.endpoint, tableName: table, client: sw.wrap }),
    table,
  };
}

beforeAll(async () => {
  engine = await startDynalite();
  const routes: Record<string, Route> = {
    '/robots.txt': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n'),
    '/feeds/a.rss': cached(
      () =>
        rssFeed('A', site.base, [
          ...inA.map((x) => ({
            path: `/news/${x.id}.html`,
            title: x.title,
            publishedAt: x.publishedAt,
          })),
          {
            path: '/m/dv-02.html',
            title: pick('dv-02').title,
            publishedAt: pick('dv-02').publishedAt,
          },
        ]),
      'application/rss+xml; charset=utf-8',
      '"a-v1"',
    ),
    '/feeds/b.atom': cached(
      () =>
        atomFeed(
          'B',
          site.base,
          inB.map((x) => ({
            path: `/news/${x.id}.html`,
            title: x.title,
            publishedAt: x.publishedAt,
          })),
        ),
      'application/atom+xml',
      '"b-v1"',
    ),
    '/m/dv-02.html': html(() => articlePage(pick('dv-02'))),
  };
  for (const x of [...inA, ...inB]) routes[`/news/${x.id}.html`] = html(() => articlePage(x));
  site = await fixtureServer(routes);

  // the clean run: the reference, and the store commands a whole run makes
  clock = new Date('2025-04-15T00:00:00Z');
  const sw = new FaultSwitch();
  const c = await fresh(sw);
  const first = await run(c.s, c.table);
  const calls = [...sw.log];
  clock = new Date(clock.getTime() + 3_600_000);
  const again = await run(c.s, c.table);
  clean = { run: first, again, feed: normalizeFeed(await feedItems(c.s), true), calls };
  await c.s.close();

  const step = Math.max(1, Math.floor(calls.length / POINTS));
  for (const mode of ['before', 'after'] as const) {
    // offset per mode so the two modes hit different commands
    for (let n = mode === 'before' ? 0 : Math.floor(step / 2); n < calls.length; n += step) {
      clock = new Date('2025-04-15T00:00:00Z');
      const fsw = new FaultSwitch();
      const f = await fresh(fsw);
      fsw.arm(n, mode);
      const crashed = await run(f.s, f.table);
      fsw.restore();
      // the next scheduled run, past any backoff the failed run may have recorded
      clock = new Date(clock.getTime() + 3_600_000);
      const resumed = await run(f.s, f.table);
      clock = new Date(clock.getTime() + 3_600_000);
      const again = await run(f.s, f.table);
      points.push({
        mode,
        n,
        command: calls[n]!,
        crashed,
        resumed,
        again,
        feed: normalizeFeed(await feedItems(f.s), true),
      });
      await f.s.close();
    }
  }
}, 120_000);

afterAll(async () => {
  await site?.close();
  await engine?.close();
});

describe('the clean run (reference)', () => {
  it('ingests the five articles once, the mobile link as a duplicate, and gets 304s next time', () => {
    const { run: r, again } = clean;
    expect(r.report.failedSources).toBe(0);
    expect(r.report.ingested).toBe(5);
    expect(articleKeys(r.items)).toEqual([...inA, ...inB].map((x) => `ARTICLE#${x.url}`).sort());
    const seen = seenOf(r.items);
    expect(seen.get(`${site.base}/m/dv-02.html`)?.status).toBe('duplicate');
    expect([...seen.values()].filter((v) => v.status === 'ingested')).toHaveLength(5);
    expect(new Set(r.pages).size).toBe(r.pages.length);
    expect(again.report.sources.map((x) => x.status)).toEqual(['not-modified', 'not-modified']);
    expect(again.pages).toEqual([]);
    expect(clean.feed.length).toBeGreaterThan(0);
    expect(clean.calls.length).toBeGreaterThan(POINTS * 2);
  });
});

describe('a run that dies midway, then the next run', () => {
  it('covers crash points all over the run, in both modes', () => {
    expect(points.filter((p) => p.mode === 'before').length).toBeGreaterThanOrEqual(POINTS);
    expect(points.filter((p) => p.mode === 'after').length).toBeGreaterThanOrEqual(POINTS - 1);
    // the crash really stopped work: some runs failed both sources, most left articles to do
    expect(points.filter((p) => p.crashed.report.failedSources > 0).length).toBe(points.length);
    expect(points.filter((p) => articleKeys(p.crashed.items).length < 5).length).toBeGreaterThan(
      points.length / 2,
    );
    const kinds = new Set(points.map((p) => p.command));
    for (const k of ['GetItemCommand', 'PutItemCommand']) expect(kinds, k).toContain(k);
    console.log(
      `crash points: ${clean.calls.length} store commands in a clean run; hit ${[...kinds].join(', ')}`,
    );
    const refetched = points.filter((p) =>
      [...counts([...p.crashed.pages, ...p.resumed.pages]).values()].some((c) => c > 1),
    ).length;
    console.log(
      `${points.length} crash points; ${refetched} of them left an in-flight page to fetch again`,
    );
  });

  it('records every article exactly once and converges to the clean feed', () => {
    const cleanArticles = articleKeys(clean.run.items);
    const cleanHashes = eventState(clean.run.items)
      .articles.map((a) => `${a.key}|${a.contentHash}`)
      .sort();
    for (const p of points) {
      const at = `${p.mode} ${p.n}:${p.command}`;
      expect(articleKeys(p.again.items), at).toEqual(cleanArticles);
      const state = eventState(p.again.items);
      expect(state.articles.map((a) => `${a.key}|${a.contentHash}`).sort(), at).toEqual(
        cleanHashes,
      );
      const check = invariantViolations(state);
      expect(check.violations, at).toEqual([]);
      expect(check.pendingArticles, at).toEqual([]);
      expect(p.feed, at).toEqual(clean.feed);
      // each article once among its event's sources
      for (const item of p.feed as { _diplomacy: { sources: { url: string | null }[] } }[]) {
        const urls = item._diplomacy.sources.map((x) => x.url);
        expect(new Set(urls).size, at).toBe(urls.length);
      }
    }
  });

  it('settles every feed item, as the clean run did', () => {
    const cleanSeen = seenOf(clean.run.items);
    for (const p of points) {
      const at = `${p.mode} ${p.n}:${p.command}`;
      const seen = seenOf(p.again.items);
      expect([...seen.keys()].sort(), at).toEqual([...cleanSeen.keys()].sort());
      for (const [url, v] of seen) {
        expect(v.status, `${at} ${url}`).not.toBe('seen');
        // the mobile link too: a duplicate even when it was in flight at the crash
        expect(v.status, `${at} ${url}`).toBe(cleanSeen.get(url)!.status);
      }
      // no article counted as ingested twice over the two runs
      expect(p.crashed.report.ingested + p.resumed.report.ingested, at).toBeLessThanOrEqual(5);
    }
  });

  it('fetches again only the pages of items that were not settled, at most one per source', () => {
    for (const p of points) {
      const at = `${p.mode} ${p.n}:${p.command}`;
      const settled = new Set(
        [...seenOf(p.crashed.items)]
          .filter(([, v]) => v.status !== 'seen')
          .map(([url]) => new URL(url).pathname),
      );
      for (const path of p.resumed.pages)
        expect(settled.has(path), `${at}: ${path} refetched though settled`).toBe(false);
      const total = counts([...p.crashed.pages, ...p.resumed.pages]);
      const twice = [...total].filter(([, c]) => c > 1).map(([path]) => path);
      for (const [path, c] of total) expect(c, `${at}: ${path}`).toBeLessThanOrEqual(2);
      // in flight when the store went down: at most the current item of each source
      expect(twice.length, `${at}: ${twice.join(' ')}`).toBeLessThanOrEqual(2);
      expect(
        twice.filter((x) => x.includes('dv-01') || x.includes('dv-02')).length,
        at,
      ).toBeLessThanOrEqual(1);
      // nothing else fetched: the union of pages is the clean run's
      expect([...total.keys()].sort(), at).toEqual([...new Set(clean.run.pages)].sort());
      expect(p.again.pages, at).toEqual([]);
    }
  });

  it('stores a feed’s ETag/Last-Modified only once all its items are settled', () => {
    const links = feedLinks();
    let stoppedBeforeValidators = 0;
    for (const p of points) {
      const at = `${p.mode} ${p.n}:${p.command}`;
      const seen = seenOf(p.crashed.items);
      for (const name of ['a', 'b'] as const) {
        const state = sourceOf(p.crashed.items, name);
        const settled = links[name].every(
          (url) => seen.has(url) && seen.get(url)!.status !== 'seen',
        );
        if (state?.etag || state?.lastModified)
          expect(settled, `${at}: ${name} has validators with items unsettled`).toBe(true);
        else stoppedBeforeValidators++;
        // after the resumed run: stored, and the next run is answered 304
        const after = sourceOf(p.resumed.items, name)!;
        expect(after.etag, at).toBe(`"${name}-v1"`);
        expect(after.lastModified, at).toBe('Mon, 14 Apr 2025 15:00:00 GMT');
      }
      expect(
        p.again.report.sources.map((x) => x.status),
        at,
      ).toEqual(['not-modified', 'not-modified']);
    }
    expect(stoppedBeforeValidators).toBeGreaterThan(0);
  });
});
