// Group "extraction": articles per second through extractEvents on one core (this
// thread), over the seed, devset and real (../shared/realset-*) texts. Baseline, same texts, same run: the
// extractor's own clean-up (normalize.ts cleanText: NFC, tags, entities, spaces) plus
// one sentence split (sentences.ts splitSentences) — the floor any extraction pays.
import { extractEvents } from '../functions/extract/index.js';
import { cleanText } from '../functions/extract/normalize.js';
import { splitSentences } from '../functions/extract/sentences.js';
import { fmt, type GroupResult, loadArticles, median, msPerCall, table, verdict } from './lib.js';

const RUNS = 7;
const MIN_MS = 400;
const GOAL = 2000; // articles/s

export async function extraction(): Promise<GroupResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const { seeds, devset, realset } = await loadArticles();
  const articles = [...seeds, ...devset, ...realset];
  const chars = articles.reduce((n, a) => n + a.text.length, 0);

  let sink = 0;
  const extractAll = () => {
    for (const a of articles) sink += extractEvents(a).length;
  };
  const baselineAll = () => {
    for (const a of articles) sink += splitSentences(cleanText(a.text)).length;
  };
  // warm-up: JIT and the gazetteers' lazy tables; the optimizing compiler needs about
  // a second of this workload before the rate is steady
  msPerCall(extractAll, 1500);
  msPerCall(baselineAll, 500);

  const rates: number[] = [];
  const baseRates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    // interleaved, so drift hits both alike
    rates.push((articles.length / msPerCall(extractAll, MIN_MS)) * 1000);
    baseRates.push((articles.length / msPerCall(baselineAll, MIN_MS / 2)) * 1000);
  }
  const rate = median(rates);
  const base = median(baseRates);
  const events = articles.reduce((n, a) => n + extractEvents(a).length, 0);
  const met = rate >= GOAL;
  if (sink < 0) console.log(sink);

  console.log(
    table(
      `extraction — ${articles.length} articles (${seeds.length} seeds + ${devset.length} devset + ${realset.length} real, ${chars.toLocaleString('en-US')} chars, ${events} events), median of ${RUNS} runs ≥${MIN_MS} ms, one core`,
      ['what', 'articles/s', 'KB/s', 'runs (articles/s)'],
      [
        [
          'extractEvents',
          rate,
          (rate * chars) / articles.length / 1024,
          rates.map((x) => fmt(x, 0)).join(' '),
        ],
        [
          'baseline: cleanText + splitSentences',
          base,
          (base * chars) / articles.length / 1024,
          baseRates.map((x) => fmt(x, 0)).join(' '),
        ],
      ],
    ),
  );
  console.log(
    `  extractEvents costs ${fmt(base / rate)}× the baseline; goal ≥ ${GOAL.toLocaleString('en-US')} articles/s: ${verdict(met)}`,
  );

  return {
    group: 'extraction',
    command: 'npm run bench -- extraction',
    startedAt,
    durationMs: performance.now() - t0,
    figures: [
      {
        name: 'extractEvents throughput',
        value: rate,
        unit: 'articles/s',
        samples: rates,
        baseline: { name: 'cleanText + splitSentences', value: base, unit: 'articles/s' },
        ratio: rate / base,
        goal: `≥ ${GOAL} articles/s`,
        met,
        extra: {
          articles: articles.length,
          seeds: seeds.length,
          devset: devset.length,
          realset: realset.length,
          chars,
          events,
          msPerArticle: 1000 / rate,
        },
      },
    ],
    notes: [`ratio = extractEvents rate / baseline rate (baseline is ${fmt(base / rate)}× faster)`],
  };
}
