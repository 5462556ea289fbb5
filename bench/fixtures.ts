// Events for the benchmarks: realistic ones (the extractor's output over the seed and
// devset articles, merged as the ingest path merges them) and synthetic stored events
// built from them for the scale group.
import type { Article } from '../functions/domain/article.js';
import {
  categoryOf,
  DiplomaticEvent,
  EventType,
  type EventType as Type,
} from '../functions/domain/event.js';
import { newEventId, reportKey } from '../functions/domain/identity.js';
import { mergeReports } from '../functions/domain/merge.js';
import type { Report } from '../functions/domain/report.js';
import { extractEvents } from '../functions/extract/index.js';
import { articleKey, reportOf } from '../functions/ingest/ingest-article.js';
import { StoredEvent } from '../functions/store/items.js';
import { postingsOf } from '../functions/store/postings.js';

/** One report per extracted event, as ingest-article.ts builds it (partOf resolved to ids). */
export function reportsOf(articles: readonly Article[]): Report[] {
  const reports: Report[] = [];
  for (const article of articles) {
    const key = articleKey(article);
    const ids: string[] = [];
    extractEvents(article).forEach((found, index) => {
      const rk = reportKey(key, index);
      ids.push(newEventId(rk));
      reports.push(
        reportOf(article, rk, found, found.partOf === null ? null : (ids[found.partOf] ?? null)),
      );
    });
  }
  return reports;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `n` public events: the real ones first, then copies of them under new ids and dates. */
export function realisticEvents(articles: readonly Article[], n: number): DiplomaticEvent[] {
  const reports = reportsOf(articles);
  if (reports.length === 0) throw new Error('the articles gave no events');
  const out: DiplomaticEvent[] = [];
  for (let i = 0; i < n; i++) {
    const report = reports[i % reports.length]!;
    const round = Math.floor(i / reports.length);
    const merged = mergeReports([report]);
    const id = newEventId(`${report.key}~${round}`);
    const month = ((i * 7) % 12) + 1;
    const start =
      round === 0 ? merged.start : `${2020 + (i % 6)}-${pad(month)}-${pad((i % 27) + 1)}`;
    const published = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
    out.push(
      DiplomaticEvent.parse({
        id,
        ...merged,
        start,
        end: round === 0 ? merged.end : null,
        published,
        modified: published,
        revision: 1,
      }),
    );
  }
  // newest first, as a page is
  return out.sort((a, b) =>
    a.start < b.start ? 1 : a.start > b.start ? -1 : a.id < b.id ? 1 : -1,
  );
}

const COUNTRIES = [
  'VN',
  'LA',
  'KH',
  'CN',
  'US',
  'JP',
  'KR',
  'IN',
  'RU',
  'FR',
  'DE',
  'GB',
  'AU',
  'SG',
  'TH',
  'ID',
  'MY',
  'PH',
  'CU',
  'BR',
];
const TYPES = EventType.options as readonly Type[];

/** A deterministic pseudo-random generator (mulberry32), so every run fills the same table. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Synthetic stored event number `i`: a real report as template (its evidence and
 * participants, so items have realistic sizes), with its own id, two countries (Viet
 * Nam in 70 % of them, as in Vietnamese news), type, status and a start date spread
 * over 2000–2026. Built like ingest-article.ts builds a new event: version 1,
 * revision 1, one report (its own item), postings of the merged facts.
 */
export function syntheticStoredEvent(
  templates: readonly Report[],
  i: number,
  random: () => number,
): { event: StoredEvent; report: Report } {
  const template = templates[i % templates.length]!;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const a = random() < 0.7 ? 'VN' : pick(COUNTRIES);
  let b = pick(COUNTRIES);
  while (b === a) b = pick(COUNTRIES);
  const type = pick(TYPES);
  const year = 2000 + Math.floor(random() * 27);
  const start = `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
  const key = `https://bench.example/${i}#0`;
  const report: Report = {
    ...template,
    key,
    article: {
      ...template.article,
      url: `https://bench.example/${i}`,
      published: `${start}T08:00:00+07:00`,
    },
    facts: {
      ...template.facts,
      category: categoryOf(type),
      type,
      status: random() < 0.3 ? 'announced' : 'held',
      start,
      end: null,
      countries: [a, b].sort(),
      host: a,
      guest: b,
    },
  };
  const id = newEventId(key);
  const merged = mergeReports([report]);
  const time = `${start}T01:00:00.000Z`;
  return {
    event: {
      id,
      version: 1,
      revision: 1,
      published: time,
      modified: time,
      event: merged,
      postings: postingsOf(id, merged),
    },
    report,
  };
}

export { StoredEvent };
