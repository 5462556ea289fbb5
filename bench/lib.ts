// Shared helpers of the benchmark suite: timing, medians, tables, the machine record
// and the article fixtures. Nothing here asserts anything: figures are reported, and
// goals are compared against, never enforced.

import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../functions/domain/article.js';
import { ArticleInput, toArticle } from '../functions/domain/article.js';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const SEEDS_DIR = join(ROOT, 'seeds');
export const DEVSET_DIR = resolve(ROOT, '../shared/devset/articles');
/** Real news excerpts (third parties' words): read from ../shared at run time, never copied into the repository. */
export const REALSET_DIRS = [
  resolve(ROOT, '../shared/realset-vi/articles'),
  resolve(ROOT, '../shared/realset-en/articles'),
];

/** One measured figure: what, how much, against which baseline of the same run. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** every sample the median was taken from */
  samples?: number[];
  baseline?: { name: string; value: number; unit: string };
  /** value / baseline.value */
  ratio?: number;
  goal?: string;
  met?: boolean;
  extra?: Record<string, unknown>;
}

export interface GroupResult {
  group: string;
  command: string;
  startedAt: string;
  durationMs: number;
  figures: Figure[];
  notes: string[];
  /** free-form extra tables (e.g. bundle contributors) */
  tables?: Record<string, unknown>;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** Runs `fn` back to back for at least `minMs` (and at least once); milliseconds per call. */
export function msPerCall(fn: () => unknown, minMs: number): number {
  let calls = 0;
  const t0 = performance.now();
  let t = t0;
  do {
    fn();
    calls++;
    t = performance.now();
  } while (t - t0 < minMs);
  return (t - t0) / calls;
}

export async function msPerCallAsync(
  fn: () => Promise<unknown>,
  minMs: number,
  minCalls = 1,
): Promise<number> {
  let calls = 0;
  const t0 = performance.now();
  let t = t0;
  do {
    await fn();
    calls++;
    t = performance.now();
  } while (t - t0 < minMs || calls < minCalls);
  return (t - t0) / calls;
}

export function machine(): {
  nproc: number;
  cpu: string;
  node: string;
  platform: string;
  date: string;
} {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1]!.trim();
  } catch {
    // not Linux
  }
  return {
    nproc: availableParallelism(),
    cpu,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    date: new Date().toISOString(),
  };
}

export function fmt(n: number | undefined, digits = 2): string {
  if (n === undefined || Number.isNaN(n)) return '–';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  if (Math.abs(n) >= 100) return n.toFixed(Math.max(0, digits - 2));
  if (Math.abs(n) >= 10) return n.toFixed(Math.max(0, digits - 1));
  return n.toFixed(digits);
}

export function table(title: string, headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [`\n${title}`, line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

export function verdict(met: boolean | undefined): string {
  return met === undefined ? '' : met ? 'met' : 'MISSED';
}

/** Seed articles and development-set articles (CONTRACT §2 JSON), parsed as the API does. */
export async function loadArticles(): Promise<{
  seeds: Article[];
  devset: Article[];
  realset: Article[];
  raw: string[];
}> {
  const read = async (dir: string) => {
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
    return Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
  };
  const seedRaw = await read(SEEDS_DIR);
  let devRaw: string[] = [];
  try {
    devRaw = await read(DEVSET_DIR);
  } catch {
    console.warn(`(no devset at ${DEVSET_DIR}; using the seeds only)`);
  }
  const realRaw: string[] = [];
  for (const dir of REALSET_DIRS) {
    try {
      realRaw.push(...(await read(dir)));
    } catch {
      console.warn(`(no real articles at ${dir})`);
    }
  }
  const parse = (s: string) => toArticle(ArticleInput.parse(JSON.parse(s)));
  return {
    seeds: seedRaw.map(parse),
    devset: devRaw.map(parse),
    realset: realRaw.map(parse),
    raw: [...seedRaw, ...devRaw],
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
