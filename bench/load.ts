// Group "load": the local server under 50 connections polling filtered feeds — a mix
// of full GETs and conditional GETs with the ETag a poller last saw — for 20 s while
// articles keep being ingested. Every answer must be 200 or 304. Baseline, same run:
// the same mix for 10 s with no ingestion.
import { type Figure, fmt, type GroupResult, table } from './lib.js';
import { autocannon, type Load, type LoadOptions, serveCorpus } from './server.js';

const CONNECTIONS = 50;
const DURATION = 20;
const BASELINE_DURATION = 10;
const INGEST_EVERY_MS = 250;

const VIEWS = [
  '/feeds/feed.json?country=VN',
  '/feeds/atom.xml?type=visit&status=held',
  '/feeds/rss.xml?country=VN&type=talks,courtesy_call',
  '/feeds/feed.json?from=2024-01-01&limit=20',
  '/feeds/calendar.ics?country=LA',
];

const load = (url: string, requests: LoadOptions['requests'], duration: number) =>
  autocannon({ url, connections: CONNECTIONS, duration, ...(requests ? { requests } : {}) });

export async function loadGroup(): Promise<GroupResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const served = await serveCorpus();
  try {
    // each view twice: as a poller with no copy, and one holding the current ETag
    const requests: { method: string; path: string; headers?: Record<string, string> }[] = [];
    for (const path of VIEWS) {
      const etag = (await fetch(served.url + path)).headers.get('etag') ?? '';
      requests.push(
        { method: 'GET', path },
        { method: 'GET', path, headers: { 'if-none-match': etag } },
      );
    }

    const baseline = await load(served.url, requests, BASELINE_DURATION);

    // Ingest new articles (the corpus under new URLs, a day later) during the load.
    let ingested = 0;
    let ingestFailures = 0;
    let stop = false;
    const ingesting = (async () => {
      for (let round = 1; !stop; round++) {
        for (const body of served.bodies) {
          if (stop) break;
          const article = JSON.parse(body) as { url?: string | null; publishedAt: string };
          article.url = `https://load.test/${round}/${ingested}`;
          const res = await fetch(`${served.url}/articles`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(article),
          });
          await res.arrayBuffer();
          if (res.status === 201) ingested++;
          else ingestFailures++;
          await new Promise((r) => setTimeout(r, INGEST_EVERY_MS));
        }
      }
    })();
    const underLoad = await load(served.url, requests, DURATION);
    stop = true;
    await ingesting;

    const bad = (l: Load) =>
      Object.entries(l.statuses)
        .filter(([code]) => code !== '200' && code !== '304')
        .reduce((n, [, c]) => n + c, 0) +
      l.errors +
      l.timeouts;
    const figures: Figure[] = [
      {
        name: `load: ${CONNECTIONS} connections, mixed polls, ingesting (p99)`,
        value: underLoad.p99,
        unit: 'ms',
        baseline: { name: 'same mix, no ingestion (p99)', value: baseline.p99, unit: 'ms' },
        ratio: underLoad.p99 / baseline.p99,
        goal: 'zero errors, p99 ≤ 250 ms',
        met: bad(underLoad) === 0 && ingestFailures === 0 && underLoad.p99 <= 250,
        extra: {
          p50ms: underLoad.p50,
          reqPerSec: underLoad.reqPerSec,
          requests: underLoad.total,
          statuses: underLoad.statuses,
          errors: bad(underLoad),
          articlesIngested: ingested,
          ingestFailures,
          baseline: {
            p50ms: baseline.p50,
            reqPerSec: baseline.reqPerSec,
            requests: baseline.total,
            statuses: baseline.statuses,
            errors: bad(baseline),
          },
        },
      },
    ];
    const row = (name: string, l: Load, extra: string) => [
      name,
      l.total,
      fmt(l.reqPerSec, 0),
      l.p50,
      l.p99,
      Object.entries(l.statuses)
        .map(([k, v]) => `${k}×${v}`)
        .join(' '),
      bad(l),
      extra,
    ];
    console.log(
      table(
        `load — ${CONNECTIONS} connections, ${VIEWS.length} filtered views × (full, conditional), autocannon`,
        ['run', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'answers', 'errors', 'ingested'],
        [
          row(`no ingestion, ${BASELINE_DURATION} s (baseline)`, baseline, '0'),
          row(
            `ingesting, ${DURATION} s`,
            underLoad,
            `${ingested} articles (${ingestFailures} failed)`,
          ),
        ],
      ),
    );
    return {
      group: 'load',
      command: 'npm run bench -- load',
      startedAt,
      durationMs: performance.now() - t0,
      figures,
      notes: ['server, dynalite, the ingesting client and autocannon share the 2 cores'],
    };
  } finally {
    await served.close();
  }
}
