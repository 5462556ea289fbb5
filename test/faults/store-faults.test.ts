// The store failing in the middle of an ingest, at every possible point, through the
// real handlers and the real SDK against dynalite. For each crash point:
//   - the answer is 503 with Retry-After, problem+json, and nothing internal in it;
//   - nothing is half-written (test/conformance/state.ts, invariantViolations);
//   - once the store is back, the same POST (the client's retry) converges to exactly
//     the state of a clean ingest: the same feed (timestamps aside), the same items.
// And: with the store down, every read route and /healthz answer 503.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractEvents } from '../../functions/extract/index.js';
import type { Extract } from '../../functions/ingest/ingest-article.js';
import { type LocalEngine, startDynalite } from '../../infra/local/dynalite.js';
import { type LocalService, startLocalService } from '../../infra/local/runtime.js';
import {
  feedItems,
  invariantViolations,
  normalizeFeed,
  readState,
  scanTable,
  type TableState,
} from '../conformance/state.js';
import { seedArticles, statedArticle, statedEvents } from '../integration/harness.js';
import { type FaultMode, FaultSwitch } from './faulty-client.js';

const INTERNALS =
  /ECONNRESET|injected|errno|syscall|GetItem|PutItem|BatchWrite|BatchGet|UpdateItem|Query feed|Dynamo|StoreUnavailable|node_modules|\bat .*:\d+:\d+|\.ts\b/;

let engine: LocalEngine;
let tables = 0;

beforeAll(async () => {
  engine = await startDynalite();
});
afterAll(async () => {
  await engine.close();
});

interface Scenario {
  name: string;
  extract: Extract;
  /** ingested cleanly first */
  before: string[];
  /** the ingest that the store fails in the middle of */
  body: string;
}

async function scenarios(): Promise<Scenario[]> {
  const seeds = await seedArticles();
  const seed = (prefix: string) => seeds.find((x) => x.file.startsWith(prefix))!.body;
  return [
    {
      name: 'two new events (a visit and a call during it) into an empty store',
      extract: statedEvents,
      before: [],
      body: statedArticle('https://b.test/held', '2026-02-05T21:00:00+07:00', [
        { status: 'held' },
        {
          category: 'meeting',
          type: 'courtesy_call',
          status: 'held',
          participants: [{ name: 'Sonexay Siphandone', title: 'Thủ tướng', country: 'LA' }],
          partOf: 0,
        },
      ]),
    },
    {
      name: 'one new event into an empty store',
      extract: statedEvents,
      before: [],
      body: statedArticle('https://a.test/announced', '2026-02-04T08:00:00+07:00', [{}]),
    },
    {
      name: 'seed 004 (held) onto seed 000 (announced), real extractor: merges, moves postings',
      extract: extractEvents,
      before: [seed('000_')],
      body: seed('004_'),
    },
  ];
}

async function fresh(extract: Extract, sw: FaultSwitch): Promise<LocalService> {
  return startLocalService({
    endpoint: engine.endpoint,
    tableName: `faults-${++tables}`,
    extract,
    client: sw.wrap,
  });
}

async function postArticle(s: LocalService, body: string) {
  const r = await s.app.request('/articles', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: r.status, headers: r.headers, text: await r.text() };
}

/** What must be equal between a clean ingest and a faulted-then-retried one. */
function comparable(state: TableState) {
  return {
    events: state.events.map((e) => ({
      id: e.id,
      revision: e.revision,
      event: e.event,
      reports: e.reports,
      postings: [...e.postings].sort(),
    })),
    articles: state.articles.map((a) => ({
      key: a.key,
      contentHash: a.contentHash,
      eventIds: a.eventIds,
    })),
    ledgers: [...state.ledgers].map(([k, l]) => [k, l.entries]),
    postings: [...state.postings].sort(),
  };
}

interface PointResult {
  mode: FaultMode;
  n: number;
  command: string;
  first: number;
  /** HTTP attempts the SDK made during the first POST (more than calls: it retried) */
  retried: boolean;
  firstRetryAfter: string | null;
  firstType: string | null;
  firstLeaks: boolean;
  partialViolations: string[];
  partialFeedsOk: boolean;
  retry: number;
  finalViolations: string[];
  stale: number;
  feedEqual: boolean;
  stateEqual: boolean;
  /** an ETag taken before the ingest still matches after it (a poller would get 304) */
  etagStuck: boolean;
}

const results = new Map<string, { calls: string[]; points: PointResult[] }>();

async function runScenario(sc: Scenario) {
  // the clean run: the reference state, and how many store calls the ingest makes
  const sw = new FaultSwitch();
  const clean = await fresh(sc.extract, sw);
  const cleanTable = `faults-${tables}`;
  for (const b of sc.before) expect([200, 201]).toContain((await postArticle(clean, b)).status);
  sw.reset();
  const cleanAnswer = await postArticle(clean, sc.body);
  expect(cleanAnswer.status).toBe(201);
  const calls = [...sw.log];
  const cleanFeed = normalizeFeed(await feedItems(clean));
  const cleanState = comparable(readState(await scanTable(engine.endpoint, cleanTable)));
  await clean.close();

  const points: PointResult[] = [];
  for (const mode of ['before', 'after', 'transient'] as const) {
    for (let n = 0; n < calls.length; n++) {
      const fsw = new FaultSwitch();
      const s = await fresh(sc.extract, fsw);
      const table = `faults-${tables}`;
      for (const b of sc.before) await postArticle(s, b);
      const etagBefore = (await s.app.request('/feeds/feed.json')).headers.get('etag')!;
      fsw.arm(n, mode);
      const first = await postArticle(s, sc.body);
      fsw.restore();
      let partialViolations: string[] = [];
      let partialFeedsOk = true;
      let retry = first.status;
      if (mode !== 'transient') {
        partialViolations = invariantViolations(
          readState(await scanTable(engine.endpoint, table)),
        ).violations;
        for (const path of [
          '/feeds/feed.json',
          '/feeds/atom.xml',
          '/feeds/rss.xml',
          '/feeds/calendar.ics',
          '/',
        ]) {
          if ((await s.app.request(path)).status !== 200) partialFeedsOk = false;
        }
        retry = (await postArticle(s, sc.body)).status;
      }
      const finalState = readState(await scanTable(engine.endpoint, table));
      const finalCheck = invariantViolations(finalState);
      const after = await s.app.request('/feeds/feed.json', {
        headers: { 'if-none-match': etagBefore },
      });
      points.push({
        mode,
        n,
        command: calls[n]!,
        first: first.status,
        retried: fsw.attempts > fsw.calls,
        firstRetryAfter: first.headers.get('retry-after'),
        firstType: first.headers.get('content-type'),
        firstLeaks: INTERNALS.test(first.text),
        partialViolations,
        partialFeedsOk,
        retry,
        finalViolations: finalCheck.violations,
        stale: finalCheck.stalePostings + finalCheck.pendingArticles.length,
        feedEqual: JSON.stringify(normalizeFeed(await feedItems(s))) === JSON.stringify(cleanFeed),
        stateEqual: JSON.stringify(comparable(finalState)) === JSON.stringify(cleanState),
        etagStuck: after.status === 304,
      });
      await s.close();
    }
  }
  results.set(sc.name, { calls, points });
}

describe('the store failing at every point of an ingest', async () => {
  const all = await scenarios();

  beforeAll(async () => {
    for (const sc of all) await runScenario(sc);
    const rows = [...results].flatMap(([name, r]) =>
      (['before', 'after', 'transient'] as const).map((mode) => {
        const ps = r.points.filter((p) => p.mode === mode);
        return {
          scenario: name.slice(0, 40),
          mode,
          'crash points': ps.length,
          'first answers': [...new Set(ps.map((p) => p.first))].join('/'),
          'SDK retried': ps.filter((p) => p.retried).length,
          'retry answers': [...new Set(ps.map((p) => p.retry))].join('/'),
          'half-written': ps.filter((p) => p.partialViolations.length > 0).length,
          converged: ps.filter((p) => p.feedEqual && p.stateEqual && p.finalViolations.length === 0)
            .length,
          'ETag stuck':
            ps
              .filter((p) => p.etagStuck)
              .map((p) => `${p.n + 1}:${p.command}`)
              .join(' ') || '-',
        };
      }),
    );
    console.log(
      'fault injection: crash points per scenario and mode (n:command = the call that failed)',
    );
    console.table(rows);
  }, 120_000);

  for (const sc of all) {
    describe(sc.name, () => {
      it('answers 503 with Retry-After and a bare problem+json at every crash point', () => {
        const { calls, points } = results.get(sc.name)!;
        expect(calls.length).toBeGreaterThan(5);
        for (const p of points.filter((x) => x.mode !== 'transient')) {
          const at = `${p.mode} call ${p.n + 1} (${p.command})`;
          expect(p.first, at).toBe(503);
          expect(p.firstRetryAfter, at).toMatch(/^\d+$/);
          expect(p.firstType, at).toMatch(/^application\/problem\+json/);
          expect(p.firstLeaks, at).toBe(false);
        }
      });

      it('leaves nothing half-written, and keeps serving feeds, at every crash point', () => {
        for (const p of results.get(sc.name)!.points.filter((x) => x.mode !== 'transient')) {
          const at = `${p.mode} call ${p.n + 1} (${p.command})`;
          expect(p.partialViolations, at).toEqual([]);
          expect(p.partialFeedsOk, at).toBe(true);
        }
      });

      it('converges on retry to exactly the state of a clean ingest', () => {
        for (const p of results.get(sc.name)!.points) {
          const at = `${p.mode} call ${p.n + 1} (${p.command})`;
          expect([200, 201], at).toContain(p.retry);
          expect(p.finalViolations, at).toEqual([]);
          expect(p.stale, `${at}: stale postings or pending articles`).toBe(0);
          expect(p.feedEqual, `${at}: feed`).toBe(true);
          expect(p.stateEqual, `${at}: table`).toBe(true);
        }
      });

      it('answers a transient lost answer (retried by the SDK) as a clean ingest would', () => {
        for (const p of results.get(sc.name)!.points.filter((x) => x.mode === 'transient')) {
          expect(p.first, `transient at call ${p.n + 1} (${p.command})`).toBe(201);
          expect(p.retried, `transient at call ${p.n + 1}: the SDK sent it again`).toBe(true);
        }
      });

      // Regression (found by this suite): META was touched only when *this attempt*
      // changed an event, after putArticle. When an earlier attempt wrote the events and
      // died before that (or the SDK retried a conditional write whose first answer was
      // lost), the retry found nothing to change and never touched META: the feed had
      // changed but its ETag had not, and pollers got 304 for good.
      it('moves the feed ETag once the retried ingest has changed the feed', () => {
        for (const p of results.get(sc.name)!.points) {
          expect(
            p.etagStuck,
            `${p.mode} call ${p.n + 1} (${p.command}): a poller's old ETag still answers 304`,
          ).toBe(false);
        }
      });
    });
  }
});

describe('the store down', () => {
  let sw: FaultSwitch;
  let s: LocalService;
  let eventId: string;

  beforeAll(async () => {
    sw = new FaultSwitch();
    s = await fresh(statedEvents, sw);
    const r = await postArticle(
      s,
      statedArticle('https://a.test/x', '2026-02-04T08:00:00+07:00', [{}]),
    );
    eventId = (
      JSON.parse(r.text) as { events: { _diplomacy: unknown; url: string }[] }
    ).events[0]!.url.split('/').pop()!;
  });
  afterAll(() => s.close());

  it('answers every read route, /healthz and POST /articles with 503, Retry-After and no internals', async () => {
    sw.stop();
    const requests: [string, RequestInit][] = [
      ...[
        '/feeds/atom.xml',
        '/feeds/rss.xml',
        '/feeds/feed.json',
        '/feeds/calendar.ics',
        '/',
        '/healthz',
        `/events/${eventId}`,
      ].map((p) => [p, {}] as [string, RequestInit]),
      ['/feeds/feed.json?country=VN&type=visit&status=announced', {}],
      ['/feeds/atom.xml', { method: 'HEAD' }],
      ['/feeds/feed.json', { headers: { 'if-none-match': '"1-abc"' } }],
      [
        '/articles',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: statedArticle('https://a.test/y', '2026-02-04T08:00:00+07:00', [{}]),
        },
      ],
    ];
    const summary: string[] = [];
    for (const [path, init] of requests) {
      const r = await s.app.request(path, init);
      const text = await r.text();
      const at = `${init.method ?? 'GET'} ${path}`;
      summary.push(`${at} -> ${r.status}`);
      expect(r.status, at).toBe(503);
      expect(r.headers.get('retry-after'), at).toMatch(/^\d+$/);
      expect(r.headers.get('content-type'), at).toMatch(/^application\/problem\+json/);
      if (init.method !== 'HEAD') {
        const body = JSON.parse(text) as Record<string, unknown>;
        expect(body, at).toMatchObject({
          type: expect.any(String),
          title: expect.any(String),
          status: 503,
        });
        expect(text, at).not.toMatch(INTERNALS);
      }
    }
    sw.restore();
    expect((await s.app.request('/healthz')).status).toBe(200);
    expect((await s.app.request('/feeds/feed.json')).status).toBe(200);
    console.log(`store down: ${summary.length} requests, all 503 with Retry-After`);
  });

  it('answers 503 when the engine itself is gone (connection refused, after the SDK retries)', async () => {
    const own = await startDynalite();
    const t = await startLocalService({
      endpoint: own.endpoint,
      tableName: 'gone',
      extract: statedEvents,
    });
    expect((await t.app.request('/healthz')).status).toBe(200);
    await own.close();
    for (const path of ['/healthz', '/feeds/feed.json', '/']) {
      const r = await t.app.request(path);
      const text = await r.text();
      expect(r.status, path).toBe(503);
      expect(r.headers.get('retry-after'), path).toMatch(/^\d+$/);
      expect(text, path).not.toMatch(INTERNALS);
    }
    await t.close();
  });
});
