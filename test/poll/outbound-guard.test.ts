// The poller tried as a hostile outlet would (issue 12): a fixture outlet on
// 127.0.0.1:4152 (the one host:port the run allows) whose feed links to internal
// addresses in every spelling, redirects to each of them, and a second outlet whose
// robots.txt redirects inside. A canary listens on 127.0.0.1:4151 and [::1]:4151:
// nothing may reach it. Names resolve through an injected resolver, so no DNS query
// leaves the machine; every other request is refused before any connection.
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleId } from '../../functions/domain/report.js';
import { extractEvents } from '../../functions/extract/index.js';
import type { Resolve } from '../../functions/poll/fetcher.js';
import { nodeTransport, type Transport } from '../../functions/poll/http-transport.js';
import type { PollReport } from '../../functions/poll/poll-service.js';
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

const CANARY = 4151;
const SITE = 4152;
const ROBOTS_SITE = 4153;
const base = `http://127.0.0.1:${SITE}`;
const robotsBase = `http://127.0.0.1:${ROBOTS_SITE}`;

/** Every address form of the issue, each aimed at the canary where a port can be named. */
const FORMS = [
  `http://127.0.0.1:${CANARY}/canary`,
  `http://localhost:${CANARY}/canary`,
  `http://[::1]:${CANARY}/canary`,
  `http://0.0.0.0:${CANARY}/canary`,
  `http://2130706433:${CANARY}/canary`,
  `http://0x7f.0.0.1:${CANARY}/canary`,
  `http://0177.0.0.1:${CANARY}/canary`,
  `http://127.1:${CANARY}/canary`,
  `http://[::ffff:127.0.0.1]:${CANARY}/canary`,
  `http://[64:ff9b::7f00:1]:${CANARY}/canary`,
  `http://loopback.fixture.test:${CANARY}/canary`,
  `http://mixed.fixture.test:${CANARY}/canary`,
  `http://10.0.0.1:${CANARY}/canary`,
  `http://100.64.0.1/canary`,
  `http://169.254.169.254/latest/meta-data/`,
  `http://127.0.0.1:9001/2018-06-01/runtime/invocation/next`,
  `http://metadata.google.internal/computeMetadata/v1/`,
];

/** The injected DNS: fixed answers, and no name ever reaches a real resolver. */
const DNS: Record<string, string[]> = {
  localhost: ['127.0.0.1', '::1'],
  'loopback.fixture.test': ['127.0.0.1'],
  // a public answer first, an internal one after: every answer is checked
  'mixed.fixture.test': ['93.184.215.14', '127.0.0.1'],
  'metadata.google.internal': ['169.254.169.254'],
  'pinned.fixture.test': ['127.0.0.1'],
};
const lookups: string[] = [];
const resolve: Resolve = async (hostname) => {
  lookups.push(hostname);
  const answers = DNS[hostname];
  if (!answers) throw new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

/**
 * The real transport, behind a net of the test's own: a connection to anything but
 * this machine's loopback is recorded and never made, so that even a broken guard
 * cannot send this suite's traffic off the machine.
 */
const offMachine: string[] = [];
const loopbackOnly: Transport = (request) => {
  if (!/^(127\.|::1$)/.test(request.to.address)) {
    offMachine.push(`${request.url.href} -> ${request.to.address}`);
    return Promise.reject(new Error('test net: not a loopback address'));
  }
  return nodeTransport(request);
};

let canaryHits = 0;
const canaries: TcpServer[] = [];
let site: FixtureServer;
let robotsSite: FixtureServer;
let polled: LocalService;
let report: PollReport;
const seeds = seedArticles();
const linkOf = (a: { id: string }) => `${base}/news/${a.id}.html`;
const robotsPages = [0, 1].map((i) => `${robotsBase}/news/r-${i}.html`);

function sources(): Source[] {
  return [
    {
      name: 'hostile',
      outlet: 'Báo Fixture',
      feedUrl: `${base}/feed.rss`,
      language: 'vi',
      canonicalHosts: ['news.example'],
    },
    {
      name: 'robots',
      outlet: 'Báo Fixture',
      feedUrl: `${base}/robots-feed.rss`,
      language: 'vi',
      canonicalHosts: ['news.example'],
    },
    {
      name: 'filtered',
      outlet: 'Báo Fixture',
      feedUrl: `${base}/filtered.rss`,
      language: 'vi',
      canonicalHosts: ['news.example'],
      urlFilter: `^http://127\\.0\\.0\\.1:${SITE}/news/`,
    },
    { name: 'internal-feed', feedUrl: 'http://169.254.169.254/latest/feed.rss', language: 'vi' },
    {
      name: 'named-feed',
      feedUrl: `http://loopback.fixture.test:${SITE}/feed.rss`,
      language: 'vi',
    },
  ];
}

async function listenCanary(host: string): Promise<void> {
  const server = createTcpServer((socket) => {
    canaryHits++;
    socket.destroy();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(CANARY, host, ok);
  }).then(
    () => canaries.push(server),
    // a machine without IPv6 loopback cannot be reached there either
    (error: NodeJS.ErrnoException) => {
      if (host !== '::1') throw error;
    },
  );
}

beforeAll(async () => {
  await listenCanary('127.0.0.1');
  await listenCanary('::1');
  const item = (path: string, i: number) => ({
    path,
    title: `Tin ${i}`,
    publishedAt: `2026-02-0${1 + (i % 5)}T08:00:00+07:00`,
  });
  const routes: Record<string, Route> = {
    '/robots.txt': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n'),
    // the feed: healthy seed articles around every internal link and a redirect to each
    '/feed.rss': (_req, res) => {
      const links = [
        `/news/${seeds[0]!.id}.html`,
        ...FORMS.map((_f, i) => `/redirect/${i}`),
        `/news/${seeds[1]!.id}.html`,
      ];
      const xml = rssFeed('Hostile', base, links.map(item)).replace(
        '</channel>',
        `${FORMS.map((f, i) => `<item><title>direct ${i}</title><link>${f.replace(/&/g, '&amp;')}</link><pubDate>Mon, 02 Feb 2026 00:00:00 GMT</pubDate></item>`).join('\n')}\n</channel>`,
      );
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(xml);
    },
    '/robots-feed.rss': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        rssFeed('Robots', base, [
          {
            path: `/news/${seeds[2]!.id}.html`,
            title: 'ok',
            publishedAt: '2026-02-03T08:00:00+07:00',
          },
        ]).replace(
          '</channel>',
          `${robotsPages.map((p) => `<item><title>r</title><link>${p}</link></item>`).join('\n')}\n</channel>`,
        ),
      );
    },
    // a link inside the filter that redirects outside it
    '/filtered.rss': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        rssFeed('Filtered', base, [
          { path: '/news/moved.html', title: 'moved', publishedAt: '2026-02-04T08:00:00+07:00' },
          {
            path: `/news/${seeds[3]!.id}.html`,
            title: 'ok',
            publishedAt: '2026-02-04T09:00:00+07:00',
          },
        ]),
      );
    },
    '/news/moved.html': (_req, res) =>
      res.writeHead(301, { location: `/elsewhere/${seeds[4]!.id}.html` }).end(),
    [`/elsewhere/${seeds[4]!.id}.html`]: html(() => articlePage(seeds[4]!)),
    // compressed, as outlets serve their pages: the transport inflates it
    [`/news/${seeds[1]!.id}.html`]: (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' })
        .end(gzipSync(articlePage(seeds[1]!)));
    },
  };
  for (const s of [seeds[0]!, seeds[2]!, seeds[3]!])
    routes[`/news/${s.id}.html`] = html(() => articlePage(s));
  FORMS.forEach((target, i) => {
    routes[`/redirect/${i}`] = (_req, res) => res.writeHead(302, { location: target }).end();
  });
  site = await fixtureServer(routes, SITE);
  robotsSite = await fixtureServer(
    {
      '/robots.txt': (_req, res) =>
        res.writeHead(302, { location: `http://localhost:${CANARY}/robots.txt` }).end(),
      ...Object.fromEntries(
        robotsPages.map((p) => [new URL(p).pathname, html(() => articlePage(seeds[2]!))]),
      ),
    },
    ROBOTS_SITE,
  );
  polled = await service();
  report = await runPoll({
    store: polled.store,
    extract: extractEvents,
    sources: sources(),
    contactUrl: 'https://example.org/crawler',
    version: '1.0.0',
    limits: { timeoutMs: 2_000, hostDelayMs: 1 },
    allowHosts: [`127.0.0.1:${SITE}`, `127.0.0.1:${ROBOTS_SITE}`, `pinned.fixture.test:${SITE}`],
    resolve,
    transport: loopbackOnly,
    sleep: async () => {},
    log: { info: () => {}, warn: () => {}, error: () => {} },
  });
}, 60_000);

afterAll(async () => {
  await polled?.close();
  await site?.close();
  await robotsSite?.close();
  for (const c of canaries) await new Promise((ok) => c.close(ok));
});

const byName = (name: string) => report.sources.find((s) => s.source === name)!;
const stateOf = (url: string) => polled.store.getFeedItemState(new URL(url).href);

describe('the outbound guard against a hostile outlet', () => {
  it('lets nothing reach the canary, in any spelling, directly, by redirect or by robots.txt', () => {
    expect(canaries.length).toBeGreaterThanOrEqual(1);
    expect(canaryHits).toBe(0);
    expect(offMachine).toEqual([]);
    // the names were answered by the injected resolver only
    for (const name of lookups) expect(Object.keys(DNS)).toContain(name);
    expect(lookups).toContain('metadata.google.internal');
  });

  it('skips each internal link with the reason, and the source goes on', async () => {
    for (const form of FORMS) {
      const state = await stateOf(form);
      expect(state?.status, form).toBe('skipped');
      expect(state?.reason, form).toMatch(
        /refused: .*(a (loopback|unspecified|private|carrierGradeNat|linkLocal|ipv4Mapped|rfc6052) address)/,
      );
    }
    expect((await stateOf(`http://metadata.google.internal/computeMetadata/v1/`))?.reason).toMatch(
      /169\.254\.169\.254, a linkLocal address/,
    );
    expect((await stateOf(`http://mixed.fixture.test:${CANARY}/canary`))?.reason).toMatch(
      /127\.0\.0\.1, a loopback address/,
    );
    const hostile = byName('hostile');
    expect(hostile.status).toBe('ok');
    // the odd IPv4 spellings are one URL once parsed (http://127.0.0.1:4151/canary)
    const distinctLinks = new Set(FORMS.map((f) => new URL(f).href)).size;
    expect(distinctLinks).toBe(FORMS.length - 4);
    expect(hostile.items.skipped).toBe(distinctLinks + FORMS.length);
    expect(hostile.items.ingested).toBe(2);
  });

  it('skips each redirect to an internal address with the reason', async () => {
    for (let i = 0; i < FORMS.length; i++) {
      const state = await stateOf(`${base}/redirect/${i}`);
      expect(state?.status, FORMS[i]).toBe('skipped');
      expect(state?.reason, FORMS[i]).toMatch(/refused: /);
    }
  });

  it('ingests the healthy items around them, a compressed page included', async () => {
    for (const s of [seeds[0]!, seeds[1]!]) {
      expect((await stateOf(linkOf(s)))?.status, s.id).toBe('ingested');
      expect(await polled.store.getArticle(articleId(s.url)), s.id).not.toBeNull();
    }
  });

  it('skips the pages of a host whose robots.txt redirects inside, and requests none of them', async () => {
    for (const page of robotsPages) {
      const state = await stateOf(page);
      expect(state?.status, page).toBe('skipped');
      expect(state?.reason, page).toMatch(
        /robots\.txt: .*refused: localhost is 127\.0\.0\.1, a loopback address/,
      );
    }
    expect(robotsSite.requests).toEqual(['/robots.txt']);
    expect(byName('robots').status).toBe('ok');
    expect(byName('robots').items.ingested).toBe(1);
  });

  it('applies urlFilter to the final URL after redirects', async () => {
    const moved = await stateOf(`${base}/news/moved.html`);
    expect(moved?.status).toBe('skipped');
    expect(moved?.reason).toMatch(/outside the source's urlFilter/);
    expect(
      await polled.store.getArticle(articleId(`${base}/elsewhere/${seeds[4]!.id}.html`)),
    ).toBeNull();
    expect(await polled.store.getArticle(articleId(seeds[4]!.url))).toBeNull();
    expect((await stateOf(linkOf(seeds[3]!)))?.status).toBe('ingested');
  });

  it('fails a source whose own feed is refused, naming why; the others complete', () => {
    expect(byName('internal-feed')).toMatchObject({ status: 'failed' });
    expect(byName('internal-feed').error).toMatch(
      /refused: 169\.254\.169\.254 is 169\.254\.169\.254, a linkLocal address/,
    );
    // the allowed host:port is 127.0.0.1:4152, not every name that resolves to it
    expect(byName('named-feed').error).toMatch(
      /refused: loopback\.fixture\.test is 127\.0\.0\.1, a loopback address/,
    );
    expect(report.failedSources).toBe(2);
  });
});

describe('the connection goes to the checked address', () => {
  it('resolves a name once and connects there, with no second lookup', async () => {
    const before = lookups.length;
    const requests = site.requests.length;
    const pinned = await runPoll({
      store: polled.store,
      extract: extractEvents,
      // a name only the injected resolver knows: reaching the site proves the
      // connection used its answer, not the system's resolver
      sources: [
        {
          name: 'pinned',
          feedUrl: `http://pinned.fixture.test:${SITE}/robots-feed.rss`,
          language: 'vi',
          urlFilter: '^$',
        },
      ],
      contactUrl: 'https://example.org/crawler',
      version: '1.0.0',
      limits: { timeoutMs: 2_000, hostDelayMs: 1 },
      allowHosts: [`pinned.fixture.test:${SITE}`],
      resolve,
      transport: loopbackOnly,
      sleep: async () => {},
      log: { info: () => {}, warn: () => {}, error: () => {} },
    });
    expect(pinned.sources[0]!.status).toBe('ok');
    expect(site.requests.slice(requests)).toEqual(['/robots.txt', '/robots-feed.rss']);
    // one lookup per request: robots.txt, then the feed
    expect(lookups.slice(before)).toEqual(['pinned.fixture.test', 'pinned.fixture.test']);
  });
});
