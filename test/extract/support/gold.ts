// Compares extracted events with gold files the way ../shared/eval/score.mjs does, within
// one article set: gold records of one key are merged; an extracted event matches a gold
// event with the same category and country set and a compatible start (±1 day, or a
// month containing the day); optional gold events are neither missed nor false positives.
import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../../../functions/domain/article.js';
import type { ExtractedEvent } from '../../../functions/domain/event.js';
import { modernizeTones } from '../../../functions/text/vietnamese.js';

export interface GoldEvent {
  key: string;
  optional?: boolean;
  category: string;
  type: string;
  status: string;
  start: string | null;
  end: string | null;
  countries: string[];
  host: string | null;
  guest: string | null;
  participants: Array<{ name: string; country: string | null }>;
  location: { city: string | null; country: string | null };
  part_of: string | null;
}

export interface SetArticle {
  id: string;
  article: Article;
  gold: GoldEvent[];
}

export function loadSet(dir: string): SetArticle[] {
  const files = fs
    .readdirSync(path.join(dir, 'articles'))
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.map((f) => {
    const raw = JSON.parse(fs.readFileSync(path.join(dir, 'articles', f), 'utf8')) as Record<
      string,
      unknown
    >;
    const gold = JSON.parse(fs.readFileSync(path.join(dir, 'gold', f), 'utf8')) as {
      events: GoldEvent[];
    };
    const article: Article = {
      url: (raw.url as string | undefined) ?? null,
      canonicalUrl: (raw.url as string | undefined) ?? null,
      title: (raw.title as string | undefined) ?? null,
      publishedAt: raw.publishedAt as string,
      language: (raw.language as string | undefined) ?? 'vi',
      source: (raw.source as string | undefined) ?? null,
      text: raw.text as string,
    };
    return { id: f.slice(0, -5), article, gold: gold.events };
  });
}

const norm = (s: string) =>
  modernizeTones(s.normalize('NFC').toLowerCase()).replace(/\s+/g, ' ').trim();
const tokens = (n: string) =>
  norm(n)
    .replace(/[.,;:!?"'“”‘’()[\]\-–—]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
export function namesMatch(a: string, b: string): boolean {
  const ta = tokens(a),
    tb = tokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  if (ta.join(' ') === tb.join(' ') || [...ta].sort().join(' ') === [...tb].sort().join(' '))
    return true;
  const [s, l] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (s.length < 2) return false;
  const count = new Map<string, number>();
  for (const t of l) count.set(t, (count.get(t) ?? 0) + 1);
  for (const t of s) {
    const c = count.get(t) ?? 0;
    if (c === 0) return false;
    count.set(t, c - 1);
  }
  return true;
}
const CITY_ALIASES = [
  ['hà nội', 'hanoi'],
  ['new delhi', 'niu đê-li', 'delhi'],
  ['moskva', 'moscow', 'mátxcơva'],
  ['jakarta'],
  ['viêng chăn', 'vientiane'],
  ['bắc kinh', 'beijing'],
];
function cityKey(c: string | null): string | null {
  if (c === null) return null;
  const n = norm(c).replace(/^(thủ đô|thành phố|tp\.?)\s+/u, '');
  return CITY_ALIASES.find((g) => g.includes(n))?.[0] ?? n;
}

const isDay = (s: string | null) => s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s);
const isMonth = (s: string | null) => s !== null && /^\d{4}-\d{2}$/.test(s);
const dayNum = (s: string) =>
  Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86_400_000;
function startCompatible(g: string, p: string): boolean {
  if (isDay(g) && isDay(p)) return Math.abs(dayNum(g) - dayNum(p)) <= 1;
  if (isMonth(g) && isMonth(p)) return g === p;
  if (isMonth(g) && isDay(p)) return p.startsWith(g);
  if (isDay(g) && isMonth(p)) return g.startsWith(p);
  return false;
}

export interface Predicted extends ExtractedEvent {
  article: string;
  /** key of the gold event of the same article this one's partOf points to, resolved after matching */
  parentIndex: number | null;
}

function compatible(g: GoldEvent, p: ExtractedEvent): boolean {
  if (g.category !== p.category) return false;
  if ([...g.countries].sort().join() !== [...p.countries].sort().join()) return false;
  if (g.start === null) {
    if (g.host !== null && g.host !== p.host) return false;
    if (g.guest !== null && g.guest !== p.guest) return false;
    if (g.category === 'meeting' && g.type !== p.type) return false;
    return true;
  }
  return startCompatible(g.start, p.start);
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  fields: Record<string, { correct: number; total: number }>;
  fieldAverage: number;
  problems: string[];
}

const FIELDS = [
  'type',
  'status',
  'start',
  'end',
  'host',
  'guest',
  'location.country',
  'location.city',
  'participants',
  'part_of',
];

/**
 * Scores per article (each article's extraction against its own gold records, with
 * records of a key reported by other articles available for matching duplicates).
 * Participants are scored as the share of right (name, country) pairs (micro F1 over the set).
 */
export function scoreSet(
  set: readonly SetArticle[],
  extract: (a: Article) => ExtractedEvent[],
): Score {
  let tp = 0,
    fp = 0,
    fn = 0;
  const fields: Record<string, { correct: number; total: number }> = Object.fromEntries(
    FIELDS.map((f) => [f, { correct: 0, total: 0 }]),
  );
  let partTp = 0,
    partGold = 0,
    partPred = 0;
  const problems: string[] = [];
  for (const a of set) {
    const preds = extract(a.article);
    const used = new Set<number>();
    const matchOf = new Map<string, number>();
    // greedy by agreement: required events first
    const ordered = [...a.gold].sort(
      (x, y) => Number(x.optional ?? false) - Number(y.optional ?? false),
    );
    for (const g of ordered) {
      let best = -1,
        bestScore = -1;
      preds.forEach((p, i) => {
        if (used.has(i) || !compatible(g, p)) return;
        let s = 0;
        if (p.type === g.type) s++;
        if (p.start === g.start) s++;
        if (p.host === g.host) s++;
        if (s > bestScore) {
          bestScore = s;
          best = i;
        }
      });
      if (best >= 0) {
        used.add(best);
        matchOf.set(g.key, best);
      } else if (!g.optional) {
        fn++;
        problems.push(`${a.id} MISS ${g.key} ${g.category}/${g.type} ${g.start} [${g.countries}]`);
      }
    }
    preds.forEach((p, i) => {
      if (used.has(i)) return;
      fp++;
      problems.push(
        `${a.id} FP ${p.category}/${p.type} ${p.status} ${p.start} [${p.countries}] ${p.participants.map((x) => x.name).join(', ')}`,
      );
    });
    for (const g of a.gold) {
      const i = matchOf.get(g.key);
      if (i === undefined || g.optional) continue;
      tp++;
      const p = preds[i]!;
      const check = (f: string, ok: boolean, exp: unknown, got: unknown) => {
        fields[f]!.total++;
        if (ok) fields[f]!.correct++;
        else
          problems.push(
            `${a.id} FIELD ${g.key} ${f}: expected ${JSON.stringify(exp)}, got ${JSON.stringify(got)}`,
          );
      };
      check('type', g.type === p.type, g.type, p.type);
      check('status', g.status === p.status, g.status, p.status);
      check('start', g.start === p.start, g.start, p.start);
      check('end', (g.end ?? null) === p.end, g.end, p.end);
      check('host', g.host === p.host, g.host, p.host);
      check('guest', g.guest === p.guest, g.guest, p.guest);
      check(
        'location.country',
        g.location.country === p.location.country,
        g.location.country,
        p.location.country,
      );
      if (g.location.city !== null)
        check(
          'location.city',
          cityKey(g.location.city) === cityKey(p.location.city),
          g.location.city,
          p.location.city,
        );
      const free = new Set(p.participants.map((_, k) => k));
      let hit = 0;
      for (const gp of g.participants) {
        const k = [...free].find(
          (j) =>
            p.participants[j]!.country === gp.country &&
            namesMatch(p.participants[j]!.name, gp.name),
        );
        if (k !== undefined) {
          free.delete(k);
          hit++;
        }
      }
      partTp += hit;
      partGold += g.participants.length;
      partPred += p.participants.length;
      if (hit !== g.participants.length || free.size > 0) {
        problems.push(
          `${a.id} FIELD ${g.key} participants: expected ${g.participants.map((x) => `${x.name} (${x.country})`).join(', ')}; got ${p.participants.map((x) => `${x.name} (${x.country})`).join(', ')}`,
        );
      }
      const parent = g.part_of === null ? null : matchOf.get(g.part_of);
      if (g.part_of === null) check('part_of', p.partOf === null, null, p.partOf);
      else if (parent !== undefined) check('part_of', p.partOf === parent, g.part_of, p.partOf);
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const pp = partPred === 0 ? (partGold === 0 ? 1 : 0) : partTp / partPred;
  const pr = partGold === 0 ? 1 : partTp / partGold;
  fields.participants = { correct: pp + pr === 0 ? 0 : (2 * pp * pr) / (pp + pr), total: 1 };
  const accs = FIELDS.map((f) => fields[f]!)
    .filter((x) => x.total > 0)
    .map((x) => x.correct / x.total);
  const fieldAverage = accs.reduce((s, x) => s + x, 0) / Math.max(1, accs.length);
  return { tp, fp, fn, precision, recall, f1, fields, fieldAverage, problems };
}
