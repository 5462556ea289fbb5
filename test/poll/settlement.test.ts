// Every item settles (issue 12): an attempt is counted before its work; any error in
// one item's work fails that item with its reason and the source goes on with the next;
// the third attempt gives it up. A fixture outlet on 127.0.0.1:4154, polled into the
// local runtime's store; the healthy items are the seed articles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../functions/domain/article.js';
import { articleId } from '../../functions/domain/report.js';
import { extractEvents } from '../../functions/extract/index.js';
import { PoliteFetcher } from '../../functions/poll/fetcher.js';
import { outboundPolicy } from '../../functions/poll/outbound.js';
import { extractPage } from '../../functions/poll/page.js';
import { DEFAULT_LIMITS } from '../../functions/poll/politeness.js';
import { type PollDeps, type PollReport, pollSources } from '../../functions/poll/poll-service.js';
import { runPoll } from '../../functions/poll/run.js';
import type { Source } from '../../functions/poll/sources.js';
import type { LocalService } from '../../infra/local/runtime.js';
import { service } from '../integration/harness.js';
import {
  articlePage,
  type FixtureServer,
  fixtureServer,
  html,
  type Route,
  rssFeed,
  seedArticles,
} from './fixtures.js';

const PORT = 4154;
const base = `http://127.0.0.1:${PORT}`;
const seeds = seedArticles();
const linkOf = (id: string) => `${base}/news/${id}.html`;
/** an article whose text makes the extractor throw: an extraction failure */
const POISON = {
  ...seeds[0]!,
  id: 'poison',
  url: 'https://news.example/news/poison.html',
  text: `${seeds[0]!.text}\n\nPOISON`,
};
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
/** nested <div>s 1,200 deep (~14 KB): about 11 s of Readability unbounded */
const DEEP_PAGE = `<!DOCTYPE html><html><body>${'<div>'.repeat(1_200)}<p>${seeds[2]!.text}</p>${'</div>'.repeat(1_200)}</body></html>`;
/** 2 MB of sibling elements */
const FLAT_PAGE = `<!DOCTYPE html><html><body>${'<div><span>Tin ngắn</span></div>'.repeat(Math.ceil((2 * 1024 * 1024) / 32))}</body></html>`;

let site: FixtureServer;
let clock: Date;
const hour = () => (clock = new Date(clock.getTime() + 3_600_000));

function feedOf(ids: string[]): Route {
  return (_req, res) => {
    const items = ids.map((id, i) => ({
      path: `/news/${id}.html`,
      title: id,
      publishedAt: `2026-02-05T0${9 - i}:00:00+07:00`,
    }));
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('F', base, items));
  };
}

beforeAll(async () => {
  const routes: Record<string, Route> = {
    '/robots.txt': (_req, res) => res.writeHead(404).end(),
    // newest first: seed-0, poison, seed-1, seed-2
    '/poison.rss': feedOf(['seed-0', 'poison', 'seed-1', 'seed-2']),
    '/killed.rss': feedOf(['killed', 'seed-3', 'seed-4']),
    '/one.rss': feedOf(['seed-0']),
    '/news/poison.html': html(() => articlePage(POISON)),
    // newest first: two healthy items, the poison, the deep and the flat page, two more healthy ones
    '/mixed.rss': feedOf(['seed-0', 'seed-1', 'poison', 'deep', 'flat', 'seed-2', 'seed-3']),
    '/news/deep.html': html(() => DEEP_PAGE),
    '/news/flat.html': html(() => FLAT_PAGE),
    '/news/killed.html': html(() =>
      articlePage({ ...seeds[3]!, id: 'killed', url: 'https://news.example/news/killed.html' }),
    ),
  };
  for (const s of seeds) routes[`/news/${s.id}.html`] = html(() => articlePage(s));
  site = await fixtureServer(routes, PORT);
}, 30_000);

afterAll(async () => {
  await site?.close();
});

const source = (name: string, feed: string): Source => ({
  name,
  outlet: 'Báo Fixture',
  feedUrl: `${base}${feed}`,
  language: 'vi',
  canonicalHosts: ['news.example'],
});
const pageRequests = (path: string) => site.requests.filter((p) => p === path).length;

/** One run of the poller over these sources into `store`, at the fixture outlet, on the test clock. */
const pollInto = (
  store: LocalService['store'],
  sources: Source[],
  options: {
    extract?: (article: Article) => ReturnType<typeof extractEvents>;
    timeoutMs?: number;
  } = {},
) =>
  runPoll({
    store,
    extract: options.extract ?? extractEvents,
    sources,
    contactUrl: 'https://example.org/c',
    version: '1.0.0',
    allowHosts: [`127.0.0.1:${PORT}`],
    limits: { hostDelayMs: 1, timeoutMs: options.timeoutMs ?? 2_000 },
    sleep: async () => {},
    now: () => clock,
    log: quiet,
  });

describe('a poison item (its extraction throws)', () => {
  let polled: LocalService;
  const runs: PollReport[] = [];
  const extract = (article: Article) => {
    if (article.text.includes('POISON')) throw new Error('extractor crashed on this article');
    return extractEvents(article);
  };

  beforeAll(async () => {
    polled = await service();
    clock = new Date('2026-02-06T00:00:00Z');
    for (let i = 0; i < 4; i++) {
      runs.push(await pollInto(polled.store, [source('poison', '/poison.rss')], { extract }));
      hour();
    }
  }, 60_000);
  afterAll(() => polled?.close());

  it('fails only that item, with its reason; the items before and after it are ingested in the same run', async () => {
    const first = runs[0]!.sources[0]!;
    expect(first.status).toBe('incomplete');
    expect(first.error).toBeNull();
    expect(first.items).toMatchObject({ ingested: 3, retry: 1, failed: 0 });
    for (const id of ['seed-0', 'seed-1', 'seed-2'])
      expect(
        await polled.store.getArticle(articleId(`https://news.example/news/${id}.html`)),
        id,
      ).not.toBeNull();
    expect(runs.every((r) => r.failedSources === 0)).toBe(true);
  });

  it('counts each attempt and gives the item up after the third, never fetching it again', async () => {
    expect(runs.map((r) => r.sources[0]!.items.retry)).toEqual([1, 1, 0, 0]);
    expect(runs.map((r) => r.sources[0]!.items.failed)).toEqual([0, 0, 1, 0]);
    const state = await polled.store.getFeedItemState(linkOf('poison'));
    expect(state).toMatchObject({ status: 'failed', attempts: 3 });
    expect(state?.reason).toMatch(/extractor crashed on this article/);
    expect(pageRequests('/news/poison.html')).toBe(3);
    expect(runs[3]!.sources[0]!.status).toBe('ok');
  });
});

describe('a poison item, a depth-1,200 page and a flat 2 MB page in one feed', () => {
  let polled: LocalService;
  let report: PollReport;

  beforeAll(async () => {
    polled = await service();
    clock = new Date('2026-02-06T00:00:00Z');
    report = await pollInto(polled.store, [source('mixed', '/mixed.rss')], {
      extract: (article) => {
        if (article.text.includes('POISON')) throw new Error('extractor crashed on this article');
        return extractEvents(article);
      },
      timeoutMs: 5_000,
    });
  }, 60_000);
  afterAll(() => polled?.close());

  it('settles each of them with its reason, within its limits', async () => {
    expect(FLAT_PAGE.length).toBeGreaterThan(2 * 1024 * 1024);
    const deep = await polled.store.getFeedItemState(linkOf('deep'));
    expect(deep).toMatchObject({ status: 'skipped', attempts: 1 });
    expect(deep?.reason).toMatch(/nested more than 200 deep/);
    const flat = await polled.store.getFeedItemState(linkOf('flat'));
    expect(flat).toMatchObject({ status: 'skipped', attempts: 1 });
    expect(flat?.reason).toMatch(/more than 25000 elements/);
    const poison = await polled.store.getFeedItemState(linkOf('poison'));
    expect(poison).toMatchObject({ status: 'seen', attempts: 1 });
    expect(poison?.reason).toMatch(/extractor crashed/);
  });

  it('ingests every healthy item before and after them in the same run; the source is not failed', async () => {
    for (const id of ['seed-0', 'seed-1', 'seed-2', 'seed-3']) {
      expect((await polled.store.getFeedItemState(linkOf(id)))?.status, id).toBe('ingested');
      expect(
        await polled.store.getArticle(articleId(`https://news.example/news/${id}.html`)),
        id,
      ).not.toBeNull();
    }
    expect(report.sources[0]).toMatchObject({
      status: 'incomplete',
      error: null,
      items: { ingested: 4, skipped: 2, retry: 1 },
    });
    expect(report.failedSources).toBe(0);
  });
});

describe('a run killed while it parses a page', () => {
  let polled: LocalService;
  let entered = 0;

  /** A run whose page work never returns for the `killed` page: the Lambda dies there. */
  function deps(signalEntered: () => void): PollDeps {
    const limits = { ...DEFAULT_LIMITS, hostDelayMs: 1, timeoutMs: 2_000 };
    return {
      store: polled.store,
      extract: extractEvents,
      fetcher: new PoliteFetcher({
        userAgent: 'x',
        limits,
        sleep: async () => {},
        now: () => clock.getTime(),
        policy: outboundPolicy([], [`127.0.0.1:${PORT}`]),
      }),
      extractPage: (body, url) => {
        if (!url.endsWith('/killed.html')) return Promise.resolve(extractPage(body, url));
        signalEntered();
        return new Promise(() => {});
      },
      limits,
      now: () => clock,
      log: quiet,
      count: () => {},
      maxItemsPerSource: 50,
    };
  }

  beforeAll(async () => {
    polled = await service();
    clock = new Date('2026-02-06T00:00:00Z');
  });
  afterAll(() => polled?.close());

  it('does not make that page retry forever: three runs die in it, the fourth gives it up and goes on', async () => {
    for (let i = 0; i < 3; i++) {
      // the run is abandoned where it hangs, as a killed Lambda leaves its store
      await new Promise<void>(
        (parsing) => void pollSources([source('killed', '/killed.rss')], deps(parsing)),
      );
      hour();
    }
    const before = await polled.store.getFeedItemState(linkOf('killed'));
    expect(before).toMatchObject({ status: 'seen', attempts: 3 });
    const report = await pollSources(
      [source('killed', '/killed.rss')],
      deps(() => entered++),
    );
    expect(entered).toBe(0);
    expect(pageRequests('/news/killed.html')).toBe(3);
    const state = await polled.store.getFeedItemState(linkOf('killed'));
    expect(state).toMatchObject({ status: 'failed', attempts: 3 });
    expect(state?.reason).toMatch(/given up after 3 attempts/);
    expect(report.sources[0]).toMatchObject({ status: 'ok', items: { failed: 1, ingested: 2 } });
  });
});

describe('a link in two sources, the other one part way through it', () => {
  let polled: LocalService;
  const poll = (name: string) => pollInto(polled.store, [source(name, '/one.rss')]);

  beforeAll(async () => {
    polled = await service();
    clock = new Date('2026-02-06T00:00:00Z');
  });
  afterAll(() => polled?.close());

  it("does not take the other source's mark for its own attempt: the article is that source's, this one's link a duplicate", async () => {
    const first = await poll('first');
    expect(first.sources[0]!.items).toMatchObject({ ingested: 1, duplicate: 0 });
    // the mark as the first source's attempt leaves it between its ingest and its
    // settling, where the second source's attempt (running beside it) reads it
    const mark = await polled.store.getFeedItemState(linkOf('seed-0'));
    expect(mark).toMatchObject({ status: 'ingested', source: 'first' });
    await polled.store.putFeedItemState({ ...mark!, status: 'seen' });
    const second = await poll('second');
    expect(second.sources[0]!.items).toMatchObject({ ingested: 0, duplicate: 1 });
    expect(second.ingested).toBe(0);
  });
});
