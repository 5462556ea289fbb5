// Group "poll": what one article page costs the poller's page work as the Lambda runs
// it (functions/poll/page-worker.ts: the limits checked, then Readability, in a worker
// thread under the per-page budget), for pathological pages against a normal one, in
// the same run. The worker is started and warmed before timing; each run takes every
// page once, interleaved, so drift hits all alike; median of RUNS. A page's time is
// until it settled: extracted, or refused (over a limit or the budget).
// Baseline: the outlet-shaped article page the poller's tests serve (test/poll/fixtures.ts).
import { extractPage, PAGE_LIMITS } from '../functions/poll/page.js';
import { PAGE_BUDGET_MS, PageWorker } from '../functions/poll/page-worker.js';
import { articlePage, seedArticles } from '../test/poll/fixtures.js';
import { type Figure, fmt, type GroupResult, median, table } from './lib.js';

const RUNS = 7;
const URL_ = 'https://news.example/news/bench.html';

const seed = seedArticles()[0]!;
/** nested <div>s around one short paragraph (~11 bytes a level: depth 1,200 is ~14 KB), the shape of the pages */
const nested = (depth: number) =>
  `<!DOCTYPE html><html><body>${'<div>'.repeat(depth)}<p>Tin ngắn.</p>${'</div>'.repeat(depth)}</body></html>`;
/** html, body and the paragraph count toward the depth too */
const DEEPEST_ALLOWED = PAGE_LIMITS.maxDepth - 3;
const TWO_MB = 2 * 1024 * 1024;
const flat = (unit: string) =>
  `<!DOCTYPE html><html><body><article>${unit.repeat(Math.ceil(TWO_MB / unit.length))}</article></body></html>`;

const PAGES: { name: string; html: string }[] = [
  { name: 'normal: an outlet article page (baseline)', html: articlePage(seed) },
  { name: 'nested <div> depth 1,200', html: nested(1_200) },
  {
    name: `nested <div> depth ${DEEPEST_ALLOWED} (the deepest let through)`,
    html: nested(DEEPEST_ALLOWED),
  },
  { name: 'flat 2 MB of sibling <div><span>', html: flat('<div><span>Tin ngắn</span></div>') },
  { name: 'flat 2 MB of <p> paragraphs', html: flat(`<p>${seed.text.split('\n\n')[0]}</p>`) },
];

async function settle(pages: PageWorker, html: string): Promise<{ ms: number; outcome: string }> {
  const t0 = performance.now();
  let outcome: string;
  try {
    const page = await pages.extract(html, URL_);
    outcome = page
      ? `extracted (${page.text.length.toLocaleString('en-US')} chars)`
      : 'no main text';
  } catch (error) {
    outcome = `refused: ${error instanceof Error ? error.message : String(error)}`;
  }
  return { ms: performance.now() - t0, outcome };
}

export async function pollGroup(): Promise<GroupResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const pages = new PageWorker();
  const samples = new Map(PAGES.map((p) => [p.name, [] as number[]]));
  const outcomes = new Map<string, string>();
  try {
    // worker start-up and JIT warm-up, outside the timings
    for (let i = 0; i < 3; i++) for (const p of PAGES) await settle(pages, p.html);
    for (let r = 0; r < RUNS; r++) {
      for (const p of PAGES) {
        const { ms, outcome } = await settle(pages, p.html);
        samples.get(p.name)!.push(ms);
        outcomes.set(p.name, outcome);
      }
    }
  } finally {
    await pages.close();
  }
  // for reference, once: the depth-1,200 page through Readability with the limits off,
  // on this thread (what every such page cost before the limits)
  const tu = performance.now();
  extractPage(nested(1_200), URL_, { ...PAGE_LIMITS, maxDepth: Number.MAX_SAFE_INTEGER });
  const unboundedMs = performance.now() - tu;

  const base = median(samples.get(PAGES[0]!.name)!);
  const rows = PAGES.map((p) => {
    const s = samples.get(p.name)!;
    return [
      p.name,
      `${fmt(p.html.length / 1024, 0)} KB`,
      median(s),
      median(s) / base,
      outcomes.get(p.name)!,
      s.map((x) => fmt(x, 1)).join(' '),
    ];
  });
  rows.push([
    'unbounded: depth 1,200, limits off (once, this thread)',
    `${fmt(nested(1_200).length / 1024, 0)} KB`,
    unboundedMs,
    unboundedMs / base,
    'ran to the end',
    fmt(unboundedMs, 0),
  ]);
  console.log(
    table(
      `poll — page work per page in the worker (limits, then Readability; budget ${PAGE_BUDGET_MS} ms), median of ${RUNS} runs, interleaved`,
      ['page', 'size', 'ms', '× normal', 'outcome', 'runs (ms)'],
      rows,
    ),
  );

  const figures: Figure[] = PAGES.map((p) => ({
    name: `page work: ${p.name}`,
    value: median(samples.get(p.name)!),
    unit: 'ms',
    samples: samples.get(p.name)!,
    baseline: { name: PAGES[0]!.name, value: base, unit: 'ms' },
    ratio: median(samples.get(p.name)!) / base,
    goal: `settles within the ${PAGE_BUDGET_MS} ms budget`,
    met: median(samples.get(p.name)!) < PAGE_BUDGET_MS,
    extra: { bytes: p.html.length, outcome: outcomes.get(p.name) },
  }));
  figures.push({
    name: 'unbounded Readability, depth 1,200 (reference, one sample)',
    value: unboundedMs,
    unit: 'ms',
    baseline: { name: PAGES[0]!.name, value: base, unit: 'ms' },
    ratio: unboundedMs / base,
  });
  return {
    group: 'poll',
    command: 'npm run bench -- poll',
    startedAt,
    durationMs: performance.now() - t0,
    figures,
    notes: [
      'time until the page settled (extracted or refused), measured in the main thread around PageWorker.extract: the message round trip included',
    ],
  };
}
