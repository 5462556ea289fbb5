// Group "http": the local server (dynalite in process, the same Hono routes as the
// Lambda functions, served on 127.0.0.1 on an ephemeral port) after ingesting the seed
// and devset articles. Request rate and latency of full 200 GETs of the JSON and Atom
// feeds, against conditional GETs (If-None-Match) answered 304 as the baseline.
// autocannon runs in a child process; 10 connections, DURATION s per run.
import { fmt, median, table, type Figure, type GroupResult } from './lib.js';
import { autocannon, serveCorpus, type Load } from './server.js';

const RUNS = 3;
const DURATION = 5;
const CONNECTIONS = 10;

const load = (url: string, headers: Record<string, string>, duration = DURATION) =>
  autocannon({ url, connections: CONNECTIONS, duration, headers });

export async function http(): Promise<GroupResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const served = await serveCorpus();
  try {
    const paths = ['/feeds/feed.json', '/feeds/atom.xml'];
    const etags: Record<string, string> = {};
    const sizes: Record<string, number> = {};
    for (const p of paths) {
      const res = await fetch(served.url + p);
      etags[p] = res.headers.get('etag') ?? '';
      sizes[p] = (await res.arrayBuffer()).byteLength;
      const check = await fetch(served.url + p, { headers: { 'if-none-match': etags[p]! } });
      if (check.status !== 304) throw new Error(`${p} with If-None-Match answered ${check.status}, not 304`);
    }

    const scenarios = paths.flatMap((p) => [
      { key: `${p} 200`, path: p, headers: {} as Record<string, string>, expect: '200' },
      { key: `${p} 304`, path: p, headers: { 'if-none-match': etags[p]! }, expect: '304' },
    ]);
    const samples = new Map<string, Load[]>(scenarios.map((s) => [s.key, []]));
    // warm-up, then interleaved runs
    await load(served.url + paths[0]!, {}, 2);
    for (let r = 0; r < RUNS; r++) {
      for (const s of scenarios) {
        const l = await load(served.url + s.path, s.headers);
        const other = Object.entries(l.statuses).filter(([code]) => code !== s.expect);
        if (other.length > 0 || l.errors > 0) throw new Error(`${s.key}: unexpected answers ${JSON.stringify(l.statuses)}, ${l.errors} errors`);
        samples.get(s.key)!.push(l);
      }
    }

    const figures: Figure[] = [];
    const rows: (string | number)[][] = [];
    for (const p of paths) {
      const full = samples.get(`${p} 200`)!;
      const cond = samples.get(`${p} 304`)!;
      const fullRate = median(full.map((l) => l.reqPerSec));
      const condRate = median(cond.map((l) => l.reqPerSec));
      const summary = (ls: Load[]) => ({
        p50: median(ls.map((l) => l.p50)),
        p99: median(ls.map((l) => l.p99)),
        runs: ls.map((l) => Math.round(l.reqPerSec)),
      });
      const f = summary(full);
      const c = summary(cond);
      figures.push({
        name: `GET ${p} 200 (full body)`,
        value: fullRate,
        unit: 'req/s',
        samples: full.map((l) => l.reqPerSec),
        extra: { p50ms: f.p50, p99ms: f.p99, bodyBytes: sizes[p] },
      });
      figures.push({
        name: `GET ${p} 304 (If-None-Match)`,
        value: condRate,
        unit: 'req/s',
        samples: cond.map((l) => l.reqPerSec),
        baseline: { name: `GET ${p} 200`, value: fullRate, unit: 'req/s' },
        ratio: condRate / fullRate,
        extra: { p50ms: c.p50, p99ms: c.p99 },
      });
      rows.push([`${p} 200`, fullRate, f.p50, f.p99, '', f.runs.join(' '), `${fmt(sizes[p]! / 1024, 1)} KB`]);
      rows.push([`${p} 304`, condRate, c.p50, c.p99, `${fmt(condRate / fullRate)}×`, c.runs.join(' '), '0']);
    }
    console.log(
      table(
        `http — local server, ${served.bodies.length} articles ingested (${served.events.size} events), autocannon ${CONNECTIONS} connections × ${DURATION} s, median of ${RUNS} runs`,
        ['request', 'req/s', 'p50 ms', 'p99 ms', '304/200', 'runs (req/s)', 'body'],
        rows,
      ),
    );
    return {
      group: 'http',
      command: 'npm run bench -- http',
      startedAt,
      durationMs: performance.now() - t0,
      figures,
      notes: [
        'server and dynalite share one Node process (as in npm start); autocannon runs in a child process on the same 2 cores',
        'autocannon latencies have 1 ms resolution',
      ],
    };
  } finally {
    await served.close();
  }
}
