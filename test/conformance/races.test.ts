// Concurrent ingests of overlapping articles, through the real handlers and the real
// SDK, on two engines: dynalite (in process) and DynamoDB Local (the official engine,
// skipped with a message when its jar or Java is missing). Each burst must end in
// exactly the state of ingesting the same articles one by one — the same events,
// every source kept, no lost update — with the table's invariants whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedEvent } from '../../functions/domain/event.js';
import { type LocalEngine, startDynalite } from '../../infra/local/dynalite.js';
import { type LocalService, startLocalService } from '../../infra/local/runtime.js';
import { statedArticle, statedEvents } from '../integration/harness.js';
import {
  type DynamoDbLocal,
  dynamoDbLocalAvailability,
  startDynamoDbLocal,
} from './dynamodb-local.js';
import {
  type FeedJsonItem,
  feedItems,
  invariantViolations,
  normalizeFeed,
  readState,
  scanTable,
} from './state.js';

const la = (name: string) => ({ name, title: null, country: 'LA' });

/** The articles of one burst: every kind of overlap at once. */
function burst(round: number): {
  bodies: string[];
  expected: { events: number; sources: Record<string, number> };
} {
  const u = (s: string) => `https://${s}.test/r${round}`;
  const bodies: string[] = [];
  // 1. one event (a state visit LA–VN) reported by 6 outlets, announced then held,
  //    on the 5th or the 6th (one day of slack)
  for (let i = 0; i < 6; i++) {
    bodies.push(
      statedArticle(u(`visit${i}`), `2026-02-0${3 + (i % 3)}T08:00:00+07:00`, [
        {
          status: i >= 3 ? 'held' : 'announced',
          start: i % 2 ? '2026-02-06' : '2026-02-05',
          participants: [
            { name: 'Tô Lâm', title: 'Tổng Bí thư', country: 'VN' },
            la('Thongloun Sisoulith'),
          ],
        },
      ]),
    );
  }
  // 2. one article with four events: the visit, a courtesy call and talks during it,
  //    and a phone call with Japan
  const meeting = (
    type: ExtractedEvent['type'],
    leader: string,
    extra: Partial<ExtractedEvent> = {},
  ): Partial<ExtractedEvent> => ({
    category: 'meeting',
    type,
    status: 'held',
    start: '2026-02-05',
    participants: [la(leader)],
    ...extra,
  });
  const call = meeting('phone_call', 'x', {
    countries: ['JP', 'VN'],
    host: null,
    guest: null,
    participants: [{ name: 'Takaichi Sanae', title: null, country: 'JP' }],
    location: { place: null, city: null, country: null },
    start: '2026-02-10',
  });
  bodies.push(
    statedArticle(u('roundup'), '2026-02-06T20:00:00+07:00', [
      { status: 'held', participants: [la('Thongloun Sisoulith')] },
      meeting('courtesy_call', 'Sonexay Siphandone', { partOf: 0 }),
      meeting('talks', 'Thongloun Sisoulith', { partOf: 0 }),
      call,
    ]),
  );
  // ...and each of those three meetings also reported on its own, twice
  for (let i = 0; i < 2; i++) {
    bodies.push(
      statedArticle(u(`courtesy${i}`), '2026-02-06T09:00:00+07:00', [
        meeting('courtesy_call', 'Sonexay Siphandone'),
      ]),
    );
    bodies.push(
      statedArticle(u(`talks${i}`), '2026-02-05T22:00:00+07:00', [
        meeting('talks', 'Thongloun Sisoulith'),
      ]),
    );
    bodies.push(statedArticle(u(`call${i}`), '2026-02-10T12:00:00+07:00', [call]));
  }
  // 3. six distinct visits in the same ledger (LA–VN visits, weeks apart): racing
  //    writes of one ledger item must not lose any of them
  for (let i = 0; i < 6; i++) {
    const month = String(3 + i).padStart(2, '0');
    bodies.push(
      statedArticle(u(`later${i}`), '2026-02-01T08:00:00+07:00', [
        { type: 'official_visit', start: `2026-${month}-15` },
      ]),
    );
  }
  return {
    bodies,
    expected: {
      events: 1 + 3 + 6,
      // sources per event, by type: the visit has 6 + the roundup
      sources: { state_visit: 7, courtesy_call: 3, talks: 3, phone_call: 3, official_visit: 1 },
    },
  };
}

/** Every event the table holds, each read through GET /events/{id} (JSON): unaffected
 *  by the postings race below, which can hide an event from feed views. */
async function storedItems(
  s: LocalService,
  endpoint: string,
  table: string,
): Promise<FeedJsonItem[]> {
  const state = readState(await scanTable(endpoint, table));
  const items: FeedJsonItem[] = [];
  for (const e of state.events) {
    const r = await s.app.request(`http://localhost/events/${e.id}`, {
      headers: { accept: 'application/json' },
    });
    expect(r.status).toBe(200);
    items.push((await r.json()) as FeedJsonItem);
  }
  return items;
}

interface Engine {
  name: string;
  start(table: string): Promise<LocalService>;
  endpoint(s: LocalService): string;
}

interface Figures {
  engine: string;
  rounds: number;
  requests: number;
  events: number;
  sources: number;
  stale: number;
  'events lacking postings': number;
  'views missing an event': number;
}
const figures = new Map<string, Figures>();
/** The figures of one engine, started at zero on its first round. */
function figuresOf(engine: string): Figures {
  let f = figures.get(engine);
  if (f === undefined) {
    f = {
      engine,
      rounds: 0,
      requests: 0,
      events: 0,
      sources: 0,
      stale: 0,
      'events lacking postings': 0,
      'views missing an event': 0,
    };
    figures.set(engine, f);
  }
  return f;
}

async function checkBurst(engine: Engine, round: number, copies: number) {
  const { bodies, expected } = burst(round);
  // the reference: the same articles one by one
  const seq = await engine.start(`races-seq-${round}`);
  for (const b of bodies)
    await seq.app.request('/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: b,
    });
  const reference = normalizeFeed(
    await storedItems(seq, engine.endpoint(seq), `races-seq-${round}`),
    true,
  );
  await seq.close();

  const s = await engine.start(`races-${round}`);
  // every article `copies` times, all at once, in a shuffled order
  const all = Array.from({ length: copies }, () => bodies).flat();
  const order = all
    .map((b, i) => ({ b, k: (i * 7919 + round * 104729) % all.length }))
    .sort((x, y) => x.k - y.k);
  const answers = await Promise.all(
    order.map(({ b }) =>
      s.app.request('/articles', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: b,
      }),
    ),
  );
  const statuses = answers.map((r) => r.status);
  expect(
    statuses.filter((x) => x !== 200 && x !== 201),
    `round ${round}: every ingest succeeds`,
  ).toEqual([]);
  // each article's content is recorded once: one 201 per article, 200 for its copy
  expect(statuses.filter((x) => x === 201).length).toBe(bodies.length);

  const items = await storedItems(s, engine.endpoint(s), `races-${round}`);
  const listed = new Set((await feedItems(s, '?limit=100')).map((i) => i.id));
  const missingFromFeed = items.filter((i) => !listed.has(i.id)).length;
  expect(items, `round ${round}: exactly the right events`).toHaveLength(expected.events);
  for (const item of items) {
    const d = item._diplomacy;
    const urls = d.sources.map((x) => x.url);
    expect(new Set(urls).size, `${String(d.type)}: no duplicate source`).toBe(urls.length);
    expect(urls.length, `${String(d.type)} ${String(d.start)}: every source kept`).toBe(
      expected.sources[String(d.type)],
    );
    if (d.type === 'state_visit') expect(d.status).toBe('held');
  }
  // the meetings of the visit point at it
  const visit = items.find((i) => i._diplomacy.type === 'state_visit')!;
  for (const item of items.filter((i) =>
    ['courtesy_call', 'talks'].includes(String(i._diplomacy.type)),
  )) {
    expect(item._diplomacy.part_of).toBe(visit.id);
  }
  // exactly the sequential outcome
  expect(normalizeFeed(items, true)).toEqual(reference);

  // the table: whole, every article recorded, nothing pending
  const state = readState(await scanTable(engine.endpoint(s), `races-${round}`));
  const check = invariantViolations(state);
  // events lacking postings of their current state: the syncPostings race (see the
  // deterministic test below)
  const unlisted = check.violations.filter((v) => v.includes('postings'));
  expect(check.violations).toEqual([]);
  expect(check.pendingArticles).toEqual([]);
  expect(state.articles).toHaveLength(bodies.length);
  // filtered views that should list an event but do not (the same race)
  let missingFromViews = 0;
  for (const item of items.slice(0, 4)) {
    const d = item._diplomacy as unknown as {
      countries: string[];
      type: string;
      category: string;
      status: string;
    };
    const views = [
      `?country=${d.countries.join(',')}&type=${d.type}&status=${d.status}`,
      `?type=${d.category}`,
      `?country=${d.countries[0]}&status=${d.status}`,
    ];
    for (const q of views)
      if (!(await feedItems(s, q)).some((i) => i.id === item.id)) missingFromViews++;
  }
  expect(missingFromViews + missingFromFeed).toBe(0);
  const f = figuresOf(engine.name);
  f.rounds++;
  f['events lacking postings'] += unlisted.length;
  f['views missing an event'] += missingFromViews + missingFromFeed;
  f.requests += all.length;
  f.events += items.length;
  f.sources += items.reduce((n, i) => n + i._diplomacy.sources.length, 0);
  f.stale += check.stalePostings;
  await s.close();
}

/** The same article, many times at once: one event, one source, exactly one 201. */
async function checkSameArticle(engine: Engine) {
  const s = await engine.start('races-same');
  const body = statedArticle('https://same.test/a', '2026-02-04T08:00:00+07:00', [
    {},
    { type: 'talks', category: 'meeting', status: 'announced' },
  ]);
  const answers = await Promise.all(
    Array.from({ length: 12 }, () =>
      s.app.request('/articles', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }),
    ),
  );
  const statuses = answers.map((r) => r.status);
  expect(
    statuses.every((x) => x === 200 || x === 201),
    statuses.join(),
  ).toBe(true);
  expect(
    statuses.filter((x) => x === 201),
    'exactly one 201',
  ).toHaveLength(1);
  const ids = await Promise.all(
    answers.map(async (r) =>
      ((await r.json()) as { events: { id: string }[] }).events.map((e) => e.id).join(),
    ),
  );
  expect(new Set(ids).size, 'every answer names the same events').toBe(1);
  const items = await feedItems(s);
  expect(items).toHaveLength(2);
  for (const i of items)
    expect(i._diplomacy.sources.map((x) => x.url)).toEqual(['https://same.test/a']);
  const state = readState(await scanTable(engine.endpoint(s), 'races-same'));
  expect(invariantViolations(state).violations).toEqual([]);
  expect(state.articles).toHaveLength(1);
  expect(state.views.get('*'), 'the change marker of the whole feed moved').toBeDefined();
  const f = figuresOf(engine.name);
  f.requests += 12;
  f.events += 2;
  f.sources += 2;
  await s.close();
}

/** Reports on either side of a month's end, many at once: each claim fences the other
 *  month and writes its own, so two of them can fail each other's conditions; retried
 *  in step they did so again and again (503 after 50 attempts). Every answer is 2xx. */
async function checkMonthEnd(engine: Engine) {
  const s = await engine.start('races-month-end');
  const bodies = Array.from({ length: 16 }, (_, i) =>
    statedArticle(`https://month-end.test/${i}`, '2026-03-02T08:00:00+07:00', [
      {
        type: 'official_visit',
        start: i % 2 ? '2026-03-01' : '2026-02-28',
        participants: [la(`Envoy ${i % 4}`)],
      },
    ]),
  );
  const statuses = (
    await Promise.all(
      bodies.map((body) =>
        s.app.request('/articles', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }),
      ),
    )
  ).map((r) => r.status);
  expect(
    statuses.filter((x) => x !== 201),
    statuses.join(),
  ).toEqual([]);
  const state = readState(await scanTable(engine.endpoint(s), 'races-month-end'));
  expect(invariantViolations(state).violations).toEqual([]);
  const f = figuresOf(engine.name);
  f.requests += bodies.length;
  await s.close();
}

afterAll(() => {
  console.log('races: concurrent ingests per engine (sources = sources checked across the events)');
  console.table([...figures.values()]);
});

describe('races on dynalite', () => {
  let dynalite: LocalEngine;
  const engine: Engine = {
    name: 'dynalite 4',
    start: (table) =>
      startLocalService({ endpoint: dynalite.endpoint, tableName: table, extract: statedEvents }),
    endpoint: () => dynalite.endpoint,
  };
  beforeAll(async () => {
    dynalite = await startDynalite();
  });
  afterAll(() => dynalite.close());

  it('the same article 12 times at once', () => checkSameArticle(engine));
  it('reports on either side of a month end, 16 at once', () => checkMonthEnd(engine));
  it.each([0, 1])(
    'a burst of overlapping articles, each posted twice at once (round %i)',
    (round) => checkBurst(engine, round, 2),
  );
});

const available = dynamoDbLocalAvailability();
if (!available.ok) console.warn(`SKIPPED: the DynamoDB Local races — ${available.reason}`);

describe.skipIf(!available.ok)('races on DynamoDB Local (the official engine)', () => {
  let local: DynamoDbLocal;
  const engine: Engine = {
    name: 'DynamoDB Local',
    start: (table) =>
      startLocalService({ endpoint: local.endpoint, tableName: table, extract: statedEvents }),
    endpoint: () => local.endpoint,
  };
  beforeAll(async () => {
    local = await startDynamoDbLocal();
  }, 60_000);
  afterAll(() => local?.stop());

  it('the same article 12 times at once', () => checkSameArticle(engine));
  it('a burst of overlapping articles, each posted twice at once', () => checkBurst(engine, 0, 2));
});

// Regression (found by this suite): each ingest writes the postings of the version it
// wrote and deletes the others that version lists. When two ingests of one event
// overlap, the older version's sync can finish after the newer one's, deleting
// postings the current state needs; the event dropped out of feed views until another
// article came. The fix: whoever finishes a sync re-reads the event and syncs the
// newest version. Forced here with the client hook: B's BatchWriteItem is held until
// C has finished.
describe('the postings race, forced (dynalite)', () => {
  it('keeps the current event listed when an older ingest syncs its postings last', async () => {
    const { FaultSwitch } = await import('../faults/faulty-client.js');
    const sw = new FaultSwitch();
    const dynalite = await startDynalite();
    const s = await startLocalService({
      endpoint: dynalite.endpoint,
      tableName: 'forced',
      extract: statedEvents,
      client: sw.wrap,
    });
    const post = (body: string) =>
      s.app.request('/articles', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    try {
      // A: announced, on the 6th → v1 listed on 2026-02-06
      expect(
        (
          await post(
            statedArticle('https://a.test/1', '2026-02-04T08:00:00+07:00', [
              { start: '2026-02-06' },
            ]),
          )
        ).status,
      ).toBe(201);
      // B: held, on the 5th (published later) → v2 on 2026-02-05; its postings sync is held
      const hold = sw.holdNext('BatchWriteItemCommand');
      const b = post(
        statedArticle('https://b.test/2', '2026-02-05T08:00:00+07:00', [
          { start: '2026-02-05', status: 'held' },
        ]),
      );
      await hold.reached;
      // C: held, on the 4th (published last; the earliest day of it held) → v3 on
      // 2026-02-04, fully synced
      expect(
        (
          await post(
            statedArticle('https://c.test/3', '2026-02-07T08:00:00+07:00', [
              { start: '2026-02-04', status: 'held' },
            ]),
          )
        ).status,
      ).toBe(201);
      hold.release();
      expect((await b).status).toBe(201);

      const items = await feedItems(s);
      const state = readState(await scanTable(dynalite.endpoint, 'forced'));
      expect(state.events).toHaveLength(1);
      expect(state.events[0]!.event.start).toBe('2026-02-04');
      expect(invariantViolations(state).violations).toEqual([]);
      expect(items.map((i) => i._diplomacy.sources.length)).toEqual([3]);
      expect((await feedItems(s, '?status=held&country=LA')).length).toBe(1);
    } finally {
      await s.close();
      await dynalite.close();
    }
  });
});
