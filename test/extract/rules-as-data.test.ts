// The extractor's rules are data: every cue, title, role and date phrase lives in
// functions/extract/data/<language>/*.json (Vietnamese and English), and no file of code holds one as a string literal.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const extractDir = path.resolve(import.meta.dirname, '../../functions/extract');
const dataRoot = path.join(extractDir, 'data');
const languages = readdirSync(dataRoot, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** Every phrase a table holds: the items of its lists, the keys of its phrase maps and the `phrase`/`name` of its entries. */
function phrasesOf(value: unknown, key = ''): string[] {
  if (key.startsWith('$') || key.startsWith('_')) return [];
  if (typeof value === 'string')
    return key === '' || key === 'phrase' || key === 'name' ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => phrasesOf(v));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    // a map from phrases ("tuần tới": 1) rather than a record of fields
    const phraseMap = entries.some(([k]) => /\s|[^\x00-\x7f]/u.test(k));
    return entries.flatMap(([k, v]) => [
      ...(phraseMap ? [k] : []),
      ...(typeof v === 'string' &&
      !phraseMap &&
      !['kind', 'type', 'needsObject', 'role', 'requires', 'code', 'homeCountry'].includes(k)
        ? [v]
        : []),
      ...phrasesOf(v, typeof v === 'string' ? '#' : k),
    ]);
  }
  return [];
}

/** The string and template literals of a TypeScript file, comments removed. */
function literalsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
  return [...code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)].map((m) =>
    m[0].slice(1, -1),
  );
}

/** A letter only Vietnamese writing uses (ă, ơ, ư, đ and the tone marks). */
const VIETNAMESE_LETTER = /[àáâãèéêìíòóôõùúýăđĩũơưạ-ỹÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠ-Ỹ]/u;

const tables = languages.flatMap((l) =>
  readdirSync(path.join(dataRoot, l))
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(dataRoot, l, f)),
);
/** "(hold|holds|held) talks": the phrases a cue phrase with alternatives stands for. */
const expanded = (p: string): string[] => {
  const m = /^\(([^)]*)\)(.*)$/su.exec(p);
  return m === null ? [p] : m[1]!.split('|').map((first) => `${first}${m[2]}`);
};
const phrases = new Set(
  tables
    .flatMap((f) => phrasesOf(JSON.parse(readFileSync(f, 'utf8'))))
    .flatMap(expanded)
    .map((p) => p.toLowerCase().trim())
    .filter((p) => p.length > 1),
);
const codeFiles = readdirSync(extractDir).filter((f) => f.endsWith('.ts'));

describe('rules as data', () => {
  it('reads its phrases from the tables', () => {
    expect(tables.length).toBeGreaterThanOrEqual(8);
    expect(phrases.has('hội đàm')).toBe(true);
    expect(phrases.has('lời mời của')).toBe(true);
    expect(phrases.has('tuần tới')).toBe(true);
    expect(languages).toEqual(expect.arrayContaining(['vi', 'en']));
    expect(phrases.has('held talks')).toBe(true);
    expect(phrases.has('at the invitation of')).toBe(true);
  });

  it.each(codeFiles)(
    '%s holds no Vietnamese word and no table phrase as a string literal',
    (file) => {
      const offending = literalsOf(readFileSync(path.join(extractDir, file), 'utf8'))
        // a Vietnamese letter, or a phrase of several words that a table holds
        .filter(
          (literal) =>
            VIETNAMESE_LETTER.test(literal) ||
            (/\s/.test(literal.trim()) && phrases.has(literal.toLowerCase().trim())),
        );
      expect(offending).toEqual([]);
    },
  );
});
