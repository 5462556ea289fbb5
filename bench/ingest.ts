// Group "ingest": the store path of POST /articles.
//  1. Throughput: the local server (dynalite in memory, the Lambda functions' routes,
//     on 127.0.0.1:4242–4299) takes the seed, devset and realset articles (the realset
//     read from ../shared at run time) three times — as published, then twice more
//     under other URLs (more reports of the same events) — from 4 clients in a child
//     process; articles/s, median of RUNS fresh stores. Beside it, in the same run:
//     extractEvents alone over the same articles on one core (the floor).
//  2. Scale: a country set's 100 first new events into an empty store, then its
//     ledgers filled to 20,000 events, then 100 more; time and store requests of the
//     last 100 against the first 100 (median of SCALE_RUNS).
//  3. Writes: write requests and items per new event and per repeat report
//     (bench/writes.ts).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ServerType } from '@hono/node-server';
import { ArticleInput, toArticle } from '../functions/domain/article.js';
import type { ExtractedEvent } from '../functions/domain/event.js';
import { ledgerKey } from '../functions/domain/identity.js';
import type { LedgerEntry } from '../functions/domain/ledger.js';
import { extractEvents } from '../functions/extract/index.js';
import type { Extract } from '../functions/ingest/ingest-article.js';
import { listen, startLocalService } from '../infra/local/runtime.js';
import {
  DEVSET_DIR,
  type Figure,
  type GroupResult,
  median,
  msPerCall,
  ROOT,
  SEEDS_DIR,
  table,
  verdict,
} from './lib.js';
import { counter, countWrites, readBodies, type WriteCounts } from './writes.js';

const run = promisify(execFile);
const RUNS = 5;
const SCALE_RUNS = 3;
const CLIENTS = 4;
const COPIES = 3;
const GOAL = 200; // articles/s
const GOAL_RATIO = 1.5;
const REALSET_DIRS = [
  join(ROOT, '../shared/realset-vi/articles'),
  join(ROOT, '../shared/realset-en/articles'),
];

async function serve(
  service: Awaited<ReturnType<typeof startLocalService>>,
): Promise<{ url: string; server: ServerType }> {
  for (let port = 4242; port < 4300; port++) {
    try {
      return await listen(service.app, port, '127.0.0.1');
    } catch {
      // taken: the next one
    }
  }
  throw new Error('no free port in 4242–4299');
}

function copies(bodies: string[]): string[] {
  const out: string[] = [];
  for (let c = 1; c <= COPIES; c++) {
    for (const body of bodies) {
      const a = JSON.parse(body) as Record<string, unknown>;
      if (c > 1)
        a.url = `${String(a.url ?? `https://no-url.example/${out.length}`)}${String(a.url ?? '').includes('?') ? '&' : '?'}copy=${c}`;
      out.push(JSON.stringify(a));
    }
  }
  return out;
}

async function throughput(
  bodies: string[],
  dir: string,
): Promise<{ rates: number[]; statuses: Record<string, number>[] }> {
  const file = join(dir, 'bodies.json');
  await writeFile(file, JSON.stringify(copies(bodies)));
  const rates: number[] = [];
  const statuses: Record<string, number>[] = [];
  for (let r = 0; r < RUNS; r++) {
    const service = await startLocalService();
    const { url, server } = await serve(service);
    try {
      const { stdout } = await run(
        process.execPath,
        [join(ROOT, 'bench/ingest-client.mjs'), url, file, String(CLIENTS)],
        { cwd: ROOT },
      );
      const out = JSON.parse(stdout) as { ms: number; statuses: Record<string, number> };
      const ok = (out.statuses['201'] ?? 0) + (out.statuses['200'] ?? 0);
      if (ok !== bodies.length * COPIES)
        throw new Error(`ingest answers: ${JSON.stringify(out.statuses)}`);
      rates.push((ok / out.ms) * 1000);
      statuses.push(out.statuses);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.close();
    }
  }
  return { rates, statuses };
}

/** The events an article states as JSON (its text), as the scale test chooses them. */
const stated: Extract = (article) =>
  (JSON.parse(article.text) as { events: ExtractedEvent[] }).events;

function visit(n: number, month: string): string {
  const event: ExtractedEvent = {
    category: 'visit',
    type: 'official_visit',
    status: 'held',
    start: `${month}-${String(1 + (n % 28)).padStart(2, '0')}`,
    end: null,
    countries: ['JP', 'VN'],
    host: 'JP',
    guest: 'VN',
    participants: [{ name: `Envoy ${n}`, title: null, country: 'JP' }],
    location: { place: null, city: 'Tokyo', country: 'JP' },
    evidence: [{ field: 'start', text: `The visit of envoy ${n}.` }],
    partOf: null,
  };
  return JSON.stringify({
    url: `https://scale.example/${n}`,
    publishedAt: `${month}-01T08:00:00+07:00`,
    language: 'en',
    text: JSON.stringify({ events: [event] }),
  });
}

interface Hundred {
  ms: number;
  requests: number;
  readItems: number;
}

async function scaleRun(): Promise<{ first: Hundred; last: Hundred }> {
  let counts: WriteCounts = {
    articles: 0,
    newEvents: 0,
    requests: {},
    writeRequests: 0,
    writeItems: 0,
    readRequests: 0,
  };
  const service = await startLocalService({ extract: stated, client: counter(() => counts) });
  const hundred = async (from: number, months: string[]): Promise<Hundred> => {
    counts = {
      articles: 0,
      newEvents: 0,
      requests: {},
      writeRequests: 0,
      writeItems: 0,
      readRequests: 0,
    };
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) {
      const r = await service.app.request('/articles', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: visit(from + i, months[i % months.length]!),
      });
      if (r.status !== 201) throw new Error(`scale ingest answered ${r.status}`);
    }
    return {
      ms: performance.now() - t0,
      requests: counts.writeRequests + counts.readRequests,
      readItems: counts.readRequests,
    };
  };
  try {
    const first = await hundred(0, ['2026-01', '2026-02', '2026-03', '2026-04']);
    // the country set's ledgers filled to 20,000 events, ~62 a month over 27 years
    const ledger = ledgerKey({ category: 'visit', countries: ['JP', 'VN'] });
    let n = 100;
    for (let year = 2000; year <= 2026; year++) {
      for (let m = 1; m <= 12; m++) {
        const ym = `${year}-${String(m).padStart(2, '0')}`;
        const current = (await service.store.readLedgers(ledger, [ym])).get(ym)!;
        const entries: LedgerEntry[] = [...current.entries];
        while (entries.length < 62 && n < 20_000) {
          entries.push({
            id: `filled${n}`,
            types: ['official_visit'],
            dates: [[`${ym}-${String(1 + (n % 28)).padStart(2, '0')}`, null]],
            names: { JP: [`Filled Envoy ${n}`] },
            reports: [`filled:${n}#0`],
          });
          n++;
        }
        if (!(await service.store.writeLedger(ledger, ym, entries, current.version)))
          throw new Error('ledger fill raced');
      }
    }
    if (n !== 20_000) throw new Error(`filled ${n} events, not 20,000`);
    const last = await hundred(20_000, ['2026-05', '2026-06', '2026-07', '2026-08']);
    return { first, last };
  } finally {
    await service.close();
  }
}

export async function ingest(): Promise<GroupResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const bodies = await readBodies([SEEDS_DIR, DEVSET_DIR, ...REALSET_DIRS]);
  const articles = bodies.map((b) => toArticle(ArticleInput.parse(JSON.parse(b))));
  const dir = await mkdtemp(join(tmpdir(), 'bench-ingest-'));
  try {
    // extraction alone, same articles, one core (warmed up)
    let sink = 0;
    const extractAll = () => {
      for (const a of articles) sink += extractEvents(a).length;
    };
    msPerCall(extractAll, 1000);
    const extractionRates: number[] = [];
    for (let r = 0; r < RUNS; r++)
      extractionRates.push((articles.length / msPerCall(extractAll, 400)) * 1000);
    const extraction = median(extractionRates);

    const { rates, statuses } = await throughput(bodies, dir);
    const rate = median(rates);

    const scaleRuns: { first: Hundred; last: Hundred }[] = [];
    for (let r = 0; r < SCALE_RUNS; r++) scaleRuns.push(await scaleRun());
    const timeRatio = median(scaleRuns.map((s) => s.last.ms / s.first.ms));
    const requestRatio = median(scaleRuns.map((s) => s.last.requests / s.first.requests));

    const writes = await countWrites(bodies);
    const perNew = {
      requests: writes.first.writeRequests / writes.first.newEvents,
      items: writes.first.writeItems / writes.first.newEvents,
    };
    const perRepeat = {
      requests: writes.repeat.writeRequests / writes.repeat.articles,
      items: writes.repeat.writeItems / writes.repeat.articles,
    };

    console.log(
      table(
        `ingest — ${articles.length} articles (seeds, devset, realset) × ${COPIES} through POST /articles, ${CLIENTS} clients, median of ${RUNS} fresh stores`,
        ['what', 'articles/s', 'runs', 'goal', ''],
        [
          [
            'POST /articles (extract + store)',
            rate,
            rates.map((x) => Math.round(x)).join(' '),
            `≥ ${GOAL}`,
            verdict(rate >= GOAL),
          ],
          [
            'baseline: extractEvents alone, one core',
            extraction,
            extractionRates.map((x) => Math.round(x)).join(' '),
            '',
            '',
          ],
        ],
      ),
    );
    console.log(
      table(
        `ingest at scale — 100 new events of one country set, empty vs holding 20,000 events, median of ${SCALE_RUNS}`,
        ['what', 'first 100', 'last 100', 'ratio', 'goal', ''],
        [
          [
            'ms',
            median(scaleRuns.map((s) => s.first.ms)),
            median(scaleRuns.map((s) => s.last.ms)),
            timeRatio,
            `≤ ${GOAL_RATIO}`,
            verdict(timeRatio <= GOAL_RATIO),
          ],
          [
            'store requests',
            median(scaleRuns.map((s) => s.first.requests)),
            median(scaleRuns.map((s) => s.last.requests)),
            requestRatio,
            `≤ ${GOAL_RATIO}`,
            verdict(requestRatio <= GOAL_RATIO),
          ],
        ],
      ),
    );
    console.log(
      table(
        `ingest writes — ${writes.first.articles} articles into an empty store (${writes.first.newEvents} new events), then each again under another URL`,
        ['per', 'write requests', 'write items'],
        [
          ['new event', perNew.requests, perNew.items],
          ['repeat report (per article)', perRepeat.requests, perRepeat.items],
        ],
      ),
    );
    const figures: Figure[] = [
      {
        name: 'POST /articles, 4 clients',
        value: rate,
        unit: 'articles/s',
        samples: rates,
        baseline: { name: 'extractEvents alone, one core', value: extraction, unit: 'articles/s' },
        ratio: rate / extraction,
        goal: `≥ ${GOAL} articles/s`,
        met: rate >= GOAL,
        extra: { statuses: statuses[0], articles: articles.length * COPIES },
      },
      {
        name: 'last 100 new events of a country set holding 20,000 vs first 100 (time)',
        value: median(scaleRuns.map((s) => s.last.ms)),
        unit: 'ms',
        samples: scaleRuns.map((s) => s.last.ms),
        baseline: {
          name: 'first 100',
          value: median(scaleRuns.map((s) => s.first.ms)),
          unit: 'ms',
        },
        ratio: timeRatio,
        goal: `≤ ${GOAL_RATIO}`,
        met: timeRatio <= GOAL_RATIO,
        extra: { requestRatio },
      },
      {
        name: 'write requests per new event',
        value: perNew.requests,
        unit: 'requests',
        extra: { writeItems: perNew.items },
      },
      {
        name: 'write requests per repeat report',
        value: perRepeat.requests,
        unit: 'requests',
        extra: { writeItems: perRepeat.items },
      },
    ];
    if (sink < 0) console.log(sink);
    return {
      group: 'ingest',
      command: 'npm run bench -- ingest',
      startedAt,
      durationMs: performance.now() - t0,
      figures,
      notes: [
        'server and dynalite share one Node process (as in npm start); the 4 clients run in a child process on the same cores',
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
