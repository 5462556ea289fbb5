// Group "ingest": the store path of POST /articles.
//  1. Throughput: the local server as `npm start` runs it (dynalite in a thread of its
//     own, keeping the table on disk under a fresh folder; the Lambda functions'
//     routes, on a free loopback port) takes the seed, devset and realset articles (the
//     realset read from ../shared at run time) three times — as published, then twice
//     more under other URLs (more reports of the same events) — from 4 clients in a
//     child process; articles/s, median of RUNS fresh stores (a new table each, in one
//     engine that serves every run, as npm start's serves while it is up; after
//     WARMUP_RUNS such rounds not counted, so that the code is warm), and the
//     same with the table in memory (as the tests run it). Beside it, interleaved in
//     the same run: extractEvents alone over the same articles on one core (the
//     floor). The load average before and after is printed with it, and CPU per article
//     of the whole server process and of its main thread (a figure busy cores change less).
//  2. Scale: a country set's 100 first new events into an empty store, then its
//     ledgers filled to 20,000 events, then 100 more; time and store requests of the
//     last 100 against the first 100 (median of SCALE_RUNS).
//  3. Writes: write requests, items and units, and read requests, per new event and
//     per repeat report (bench/writes.ts).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ArticleInput, toArticle } from '../functions/domain/article.js';
import type { ExtractedEvent } from '../functions/domain/event.js';
import { ledgerKey } from '../functions/domain/identity.js';
import type { LedgerEntry } from '../functions/domain/ledger.js';
import { extractEvents } from '../functions/extract/index.js';
import type { Extract } from '../functions/ingest/ingest-article.js';
import { type LocalEngine, startDynalite } from '../infra/local/dynalite.js';
import { listen, startLocalService } from '../infra/local/runtime.js';
import {
  DEVSET_DIR,
  type Figure,
  fmt,
  type GroupResult,
  median,
  msPerCall,
  ROOT,
  SEEDS_DIR,
  table,
  verdict,
} from './lib.js';
import { counter, countWrites, emptyCounts, readBodies, type WriteCounts } from './writes.js';

const run = promisify(execFile);
const RUNS = 5;
const WARMUP_RUNS = 1;
const SCALE_RUNS = 3;
const CLIENTS = 4;
const COPIES = 3;
const GOAL = 200; // articles/s
const GOAL_RATIO = 1.5;
const REALSET_DIRS = [
  join(ROOT, '../shared/realset-vi/articles'),
  join(ROOT, '../shared/realset-en/articles'),
];

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

/** Where the engine keeps the table: on disk under a fresh folder, as `npm start` runs
 *  it (LevelDB), or in memory, as the tests run it. */
type Engine = 'disk' | 'memory';
const ENGINES: readonly Engine[] = ['disk', 'memory'];

interface Throughput {
  rates: Record<Engine, number[]>;
  statuses: Record<string, number>[];
  /** CPU of the server's main thread (the routes, extraction, the SDK), ms per article */
  mainCpuMs: number[];
  /** CPU of the whole server process (every thread: main, the engine's, LevelDB's pool,
   *  V8's), ms per article: what 2 cores must fit 200 articles/s into */
  processCpuMs: number[];
  /** CPU of the clients' process, ms per article */
  clientCpuMs: number[];
}

/** CPU time of this process's main thread so far, ms (Linux; null elsewhere). */
function mainThreadCpuMs(): number | null {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')
      .split(') ')[1]!
      .split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return null;
  }
}

/** One fresh store (a new table) in `engine`: every body posted by the clients. */
async function ingestAll(engine: LocalEngine, table: string, file: string, expected: number) {
  const service = await startLocalService({ engine, tableName: table });
  const { url, server } = await listen(service.app, 0, '127.0.0.1');
  try {
    const cpu0 = mainThreadCpuMs();
    const whole0 = process.cpuUsage();
    const { stdout } = await run(
      process.execPath,
      [join(ROOT, 'bench/ingest-client.mjs'), url, file, String(CLIENTS)],
      { cwd: ROOT },
    );
    const cpu1 = mainThreadCpuMs();
    const whole = process.cpuUsage(whole0);
    const out = JSON.parse(stdout) as {
      ms: number;
      statuses: Record<string, number>;
      cpuMs: number;
    };
    const ok = (out.statuses['201'] ?? 0) + (out.statuses['200'] ?? 0);
    if (ok !== expected) throw new Error(`ingest answers: ${JSON.stringify(out.statuses)}`);
    return {
      rate: (ok / out.ms) * 1000,
      statuses: out.statuses,
      mainCpuMs: cpu0 !== null && cpu1 !== null ? (cpu1 - cpu0) / ok : null,
      processCpuMs: (whole.user + whole.system) / 1000 / ok,
      clientCpuMs: out.cpuMs / ok,
    };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await service.close();
  }
}

/** WARMUP_RUNS rounds not counted, then RUNS rounds, each one sample of `baseline`
 *  then one fresh store per engine:
 *  interleaved, so that other work on the machine weighs on all alike. Each engine
 *  serves every round, as `npm start`'s serves for as long as the server runs (a
 *  fresh store is a new table in it): its thread's code is as warm as in a server
 *  that has been up a while. */
async function throughput(
  bodies: string[],
  dir: string,
  baseline: () => void,
): Promise<Throughput> {
  const file = join(dir, 'bodies.json');
  await writeFile(file, JSON.stringify(copies(bodies)));
  const result: Throughput = {
    rates: { disk: [], memory: [] },
    statuses: [],
    mainCpuMs: [],
    processCpuMs: [],
    clientCpuMs: [],
  };
  const engines: Record<Engine, LocalEngine> = {
    disk: await startDynalite({ path: await mkdtemp(join(dir, 'dynalite-')) }),
    memory: await startDynalite(),
  };
  try {
    // One round not counted, per engine: the first posts of a fresh process run cold
    // code (its CPU per article fell by a third over the five counted rounds, the
    // first two far above the rest), and a server that has been up a while is warm.
    for (let w = 0; w < WARMUP_RUNS; w++) {
      for (const engine of ENGINES)
        await ingestAll(engines[engine], `warmup-${w}`, file, bodies.length * COPIES);
    }
    for (let r = 0; r < RUNS; r++) {
      baseline();
      for (const engine of ENGINES) {
        const out = await ingestAll(
          engines[engine],
          `throughput-${r}`,
          file,
          bodies.length * COPIES,
        );
        result.rates[engine].push(out.rate);
        if (engine !== 'disk') continue;
        result.statuses.push(out.statuses);
        if (out.mainCpuMs !== null) result.mainCpuMs.push(out.mainCpuMs);
        result.processCpuMs.push(out.processCpuMs);
        result.clientCpuMs.push(out.clientCpuMs);
      }
    }
  } finally {
    await Promise.all(ENGINES.map((e) => engines[e].close()));
  }
  return result;
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
    participants: [{ name: `Envoy ${n}`, title: null, country: 'VN' }],
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
  let counts: WriteCounts = emptyCounts();
  const service = await startLocalService({ extract: stated, client: counter(() => counts) });
  const hundred = async (from: number, months: string[]): Promise<Hundred> => {
    counts = emptyCounts();
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
            names: { VN: [`Filled Envoy ${n}`] },
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
    const loadBefore = loadavg()[0]!;
    const { rates, statuses, mainCpuMs, processCpuMs, clientCpuMs } = await throughput(
      bodies,
      dir,
      () => {
        extractionRates.push((articles.length / msPerCall(extractAll, 400)) * 1000);
      },
    );
    const loadAfter = loadavg()[0]!;
    const extraction = median(extractionRates);
    const rate = median(rates.disk);
    const inMemory = median(rates.memory);

    const scaleRuns: { first: Hundred; last: Hundred }[] = [];
    for (let r = 0; r < SCALE_RUNS; r++) scaleRuns.push(await scaleRun());
    const timeRatio = median(scaleRuns.map((s) => s.last.ms / s.first.ms));
    const requestRatio = median(scaleRuns.map((s) => s.last.requests / s.first.requests));

    const writes = await countWrites(bodies);
    const per = (c: WriteCounts, n: number) => ({
      requests: c.writeRequests / n,
      items: c.writeItems / n,
      units: c.writeUnits / n,
      reads: c.readRequests / n,
    });
    const perNew = per(writes.first, writes.first.newEvents);
    const perRepeat = per(writes.repeat, writes.repeat.articles);

    console.log(
      table(
        `ingest — ${articles.length} articles (seeds, devset, realset) × ${COPIES} through POST /articles, ${CLIENTS} clients, median of ${RUNS} fresh stores after ${WARMUP_RUNS} not counted (load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after)`,
        ['what', 'articles/s', 'runs', 'goal', ''],
        [
          [
            'POST /articles (extract + store), store on disk as npm start keeps it',
            rate,
            rates.disk.map((x) => Math.round(x)).join(' '),
            `≥ ${GOAL}`,
            verdict(rate >= GOAL),
          ],
          [
            'POST /articles, store in memory (as the tests run it)',
            inMemory,
            rates.memory.map((x) => Math.round(x)).join(' '),
            '',
            '',
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
      `CPU per article, store on disk: the whole server process ${fmt(median(processCpuMs))} ms (runs ${processCpuMs.map((x) => fmt(x)).join(' ')}), ` +
        `of which its main thread (routes, extraction, SDK) ${mainCpuMs.length > 0 ? fmt(median(mainCpuMs)) : 'n/a'} ms ` +
        `(runs ${mainCpuMs.map((x) => fmt(x)).join(' ')}; the engine has a thread of its own); the clients' process ${fmt(median(clientCpuMs))} ms`,
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
        ['per', 'write requests', 'write items', 'write units (≈ WCU)', 'read requests'],
        [
          ['new event', perNew.requests, perNew.items, perNew.units, perNew.reads],
          [
            'repeat report (per article)',
            perRepeat.requests,
            perRepeat.items,
            perRepeat.units,
            perRepeat.reads,
          ],
        ],
      ),
    );
    const figures: Figure[] = [
      {
        name: 'POST /articles, 4 clients, store on disk (as npm start)',
        value: rate,
        unit: 'articles/s',
        samples: rates.disk,
        baseline: { name: 'extractEvents alone, one core', value: extraction, unit: 'articles/s' },
        ratio: rate / extraction,
        goal: `≥ ${GOAL} articles/s`,
        met: rate >= GOAL,
        extra: {
          statuses: statuses[0],
          articles: articles.length * COPIES,
          loadAverage: [loadBefore, loadAfter],
          mainThreadCpuMsPerArticle: mainCpuMs,
          processCpuMsPerArticle: processCpuMs,
          clientCpuMsPerArticle: clientCpuMs,
        },
      },
      {
        name: 'POST /articles, 4 clients, store in memory',
        value: inMemory,
        unit: 'articles/s',
        samples: rates.memory,
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
        extra: { writeItems: perNew.items, writeUnits: perNew.units, readRequests: perNew.reads },
      },
      {
        name: 'write requests per repeat report',
        value: perRepeat.requests,
        unit: 'requests',
        extra: {
          writeItems: perRepeat.items,
          writeUnits: perRepeat.units,
          readRequests: perRepeat.reads,
        },
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
        'server and dynalite share one Node process, dynalite in a thread of its own (as in npm start); the 4 clients run in a child process on the same cores',
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
