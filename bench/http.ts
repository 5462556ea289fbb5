// Group "http": the local server (dynalite in process, the same Hono routes as the
// Lambda functions, served on 127.0.0.1) after ingesting the seed and devset articles,
// side by side with the floor: a bare node:http server answering the very same body
// and ETag from memory (200, or 304 to a matching If-None-Match). Request rates at 1
// and 10 connections for an unchanged page, 200 and 304, reported as floor / project;
// then the first 200 after a change (an ingest moved the page's markers: the page is
// read and rendered again) against a 200 from the page cache, one request at a time.
// autocannon runs in a child process; DURATION s per run, interleaved, median of RUNS.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Figure, fmt, type GroupResult, median, table, verdict } from './lib.js';
import { autocannon, benchPort, type Load, serveCorpus } from './server.js';

const RUNS = 3;
const DURATION = 4;
const PATH = '/feeds/feed.json';
const CHANGES = 7;

/** The physical floor: the same bytes and validators from memory, nothing else. */
async function floorServer(
  body: Buffer,
  etag: string,
  contentType: string,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, 'content-length': body.byteLength, etag });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(benchPort(1), '127.0.0.1', () => resolve());
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function http(): Promise<GroupResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const served = await serveCorpus();
  let floor: { server: Server; url: string } | null = null;
  try {
    const first = await fetch(served.url + PATH);
    const etag = first.headers.get('etag') ?? '';
    const body = Buffer.from(await first.arrayBuffer());
    floor = await floorServer(
      body,
      etag,
      first.headers.get('content-type') ?? 'application/octet-stream',
    );
    for (const base of [served.url, floor.url]) {
      const check = await fetch(base + PATH, { headers: { 'if-none-match': etag } });
      if (check.status !== 304)
        throw new Error(`${base}${PATH} with If-None-Match answered ${check.status}, not 304`);
      const full = Buffer.from(await (await fetch(base + PATH)).arrayBuffer());
      if (!full.equals(body)) throw new Error(`${base} does not serve the same bytes`);
    }

    const scenarios = [1, 10].flatMap((connections) =>
      (['200', '304'] as const).flatMap((expect) =>
        (['floor', 'project'] as const).map((who) => ({
          key: `${who} ${expect} ${connections}`,
          who,
          expect,
          connections,
          headers: expect === '304' ? { 'if-none-match': etag } : ({} as Record<string, string>),
        })),
      ),
    );
    const samples = new Map<string, Load[]>(scenarios.map((s) => [s.key, []]));
    await autocannon({ url: served.url + PATH, connections: 10, duration: 2 }); // warm-up
    for (let r = 0; r < RUNS; r++) {
      for (const s of scenarios) {
        const url = (s.who === 'floor' ? floor.url : served.url) + PATH;
        const l = await autocannon({
          url,
          connections: s.connections,
          duration: DURATION,
          headers: s.headers,
        });
        const other = Object.entries(l.statuses).filter(([code]) => code !== s.expect);
        if (other.length > 0 || l.errors > 0)
          throw new Error(
            `${s.key}: unexpected answers ${JSON.stringify(l.statuses)}, ${l.errors} errors`,
          );
        samples.get(s.key)!.push(l);
      }
    }

    const figures: Figure[] = [];
    const rows: (string | number)[][] = [];
    for (const connections of [1, 10]) {
      for (const status of ['200', '304'] as const) {
        const f = samples.get(`floor ${status} ${connections}`)!;
        const p = samples.get(`project ${status} ${connections}`)!;
        const fRate = median(f.map((l) => l.reqPerSec));
        const pRate = median(p.map((l) => l.reqPerSec));
        const ratio = fRate / pRate;
        const goal = status === '200' ? 2 : 3;
        figures.push({
          name: `GET ${PATH} ${status}, unchanged page, ${connections} connection${connections > 1 ? 's' : ''}`,
          value: pRate,
          unit: 'req/s',
          samples: p.map((l) => l.reqPerSec),
          baseline: {
            name: 'floor: bare node:http, same bytes from memory',
            value: fRate,
            unit: 'req/s',
          },
          ratio,
          goal: `floor / project ≤ ${goal}`,
          met: ratio <= goal,
          extra: {
            p50ms: median(p.map((l) => l.p50)),
            p99ms: median(p.map((l) => l.p99)),
            floorP50ms: median(f.map((l) => l.p50)),
            floorSamples: f.map((l) => l.reqPerSec),
            bodyBytes: status === '200' ? body.byteLength : 0,
          },
        });
        rows.push([
          `${status}, ${connections} conn.`,
          fRate,
          pRate,
          median(p.map((l) => l.p50)),
          median(p.map((l) => l.p99)),
          `${fmt(ratio)}×`,
          `≤ ${goal}× ${verdict(ratio <= goal)}`,
          p.map((l) => Math.round(l.reqPerSec)).join(' '),
        ]);
      }
    }

    // The first 200 after a change, against a 200 from the cache, one request at a time.
    const timeGet = async () => {
      const t = performance.now();
      const res = await fetch(served.url + PATH);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET ${PATH} answered ${res.status}`);
      return performance.now() - t;
    };
    const afterChange: number[] = [];
    const cached: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const article = JSON.parse(served.bodies[i % served.bodies.length]!) as {
        url?: string | null;
      };
      article.url = `https://bench.test/http/${i}`;
      const posted = await fetch(`${served.url}/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(article),
      });
      await posted.arrayBuffer();
      afterChange.push(await timeGet());
      cached.push(await timeGet());
    }
    const changeMs = median(afterChange);
    const cachedMs = median(cached);
    figures.push({
      name: `GET ${PATH} 200, first after a change (read + render)`,
      value: changeMs,
      unit: 'ms',
      samples: afterChange,
      baseline: {
        name: 'the next 200 of the same page (from the page cache)',
        value: cachedMs,
        unit: 'ms',
      },
      ratio: changeMs / cachedMs,
    });
    console.log(
      table(
        `http — ${PATH} (${fmt(body.byteLength / 1024, 1)} KB, ${served.events.size} events from ${served.bodies.length} articles), local server vs the floor, autocannon ${DURATION} s, median of ${RUNS} runs`,
        [
          'request',
          'floor req/s',
          'project req/s',
          'p50 ms',
          'p99 ms',
          'floor/project',
          'goal',
          'runs (req/s)',
        ],
        rows,
      ),
    );
    console.log(
      table(
        `http — the first 200 after a change (${CHANGES} ingests), one request at a time`,
        ['request', 'median ms', 'runs (ms)'],
        [
          ['first 200 after a change', changeMs, afterChange.map((x) => fmt(x, 1)).join(' ')],
          ['the next 200 (cached)', cachedMs, cached.map((x) => fmt(x, 1)).join(' ')],
        ],
      ),
    );
    return {
      group: 'http',
      command: 'npm run bench -- http',
      startedAt,
      durationMs: performance.now() - t0,
      figures,
      notes: [
        'server and dynalite share one Node process (as in npm start); the floor server runs in the same process, idle while the project is measured; autocannon runs in a child process on the same 2 cores',
        'autocannon latencies have 1 ms resolution; no Accept-Encoding is sent, so both serve the identity body',
      ],
    };
  } finally {
    if (floor) await new Promise<void>((resolve) => floor!.server.close(() => resolve()));
    await served.close();
  }
}
