// Word and punctuation tokens of a sentence, with the offsets that tie the matching
// form (lower case, modern tones) back to the text as written.
import { matchForm } from '../text/vietnamese.js';

export interface Token {
  /** as written */
  text: string;
  /** matching form */
  key: string;
  start: number;
  end: number;
  /** a word (letters/digits) rather than one punctuation character */
  word: boolean;
  /** starts with a capital letter */
  cap: boolean;
  /** whitespace separates it from the previous token */
  spaced: boolean;
}

/**
 * Letters (any script), combining marks and digits, by code unit: faster than a Unicode
 * property regex on every character; punctuation and symbol blocks are excluded.
 */
function isWordUnit(c: number): boolean {
  if (c < 0xc0)
    return (
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 0xaa ||
      c === 0xb5 ||
      c === 0xba
    );
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // general punctuation, symbols, arrows, shapes
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  if (c >= 0xfe10 && c <= 0xfe6f) return false; // vertical and small forms
  if (c >= 0xff00 && c <= 0xff0f) return false; // full-width punctuation
  if (c >= 0xff1a && c <= 0xff20) return false;
  if (c >= 0xd800 && c <= 0xdfff) return true; // astral letters: treated as word parts
  return true;
}

/** Double quotation marks, straight and typographic, as tokens write them. */
export const QUOTATION_MARKS: ReadonlySet<string> = new Set(['"', '\u201c', '\u201d']);

/** ’, the typographic apostrophe (and closing single quotation mark) */
const RIGHT_QUOTE = 0x2019;

const isSpace = (c: number) =>
  c === 32 ||
  c === 10 ||
  c === 9 ||
  c === 13 ||
  c === 0xa0 ||
  (c >= 0x2000 && c <= 0x200b) ||
  c === 0x3000;

export function tokenize(text: string, lower: string = matchForm(text)): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -1;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    const word = isWordUnit(c);
    // whether the matching form differs here; most words are written in lower case and
    // modern tones, and then the token's text can serve as its key too
    let changed = c !== lower.charCodeAt(i);
    i++;
    if (word) {
      for (; i < n; i++) {
        const d = text.charCodeAt(i);
        if (!isWordUnit(d)) break;
        if (d !== lower.charCodeAt(i)) changed = true;
      }
    }
    const raw = text.slice(start, i);
    // capitalised: the first unit changes in the matching form
    const cap = word && c !== lower.charCodeAt(start);
    tokens.push({
      text: raw,
      // the typographic apostrophe matches as the plain one ("People’s Party" = "People's Party")
      key: c === RIGHT_QUOTE ? "'" : changed ? lower.slice(start, i) : raw,
      start,
      end: i,
      word,
      cap,
      spaced: start !== previousEnd,
    });
    previousEnd = i;
  }
  return tokens;
}

/** The keys of a phrase's tokens, the way gazetteer entries are looked up. */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.key);
}

/** A phrase with alternatives, written "(hold|holds|held) talks" or "for (his|her)
 *  (two-day|three-day) trip to", as the phrases it stands for (every combination); brackets
 *  without a "|" are part of the phrase ("Cộng hòa Liên bang (CHLB) Đức"). */
export function alternatives(phrase: string): string[] {
  let out = [''];
  for (const part of phrase.split(/(\([^)|]*\|[^)]*\))/)) {
    const options =
      part.startsWith('(') && part.includes('|') ? part.slice(1, -1).split('|') : [part];
    out = out.flatMap((head) => options.map((option) => head + option));
  }
  return out;
}

/** Apostrophes of a possessive ("Xi's", "Xi’s"). */
const POSSESSIVE_APOSTROPHES: ReadonlySet<string> = new Set(["'", '\u2019']);

/** The key of the token at `k`, or '' where there is none (before the first, past the last). */
export const keyAt = (tokens: readonly Token[], k: number): string => tokens[k]?.key ?? '';

/** Whether the key of the token at `k` is one of `words` (none where there is no token). */
export const keyIn = (words: ReadonlySet<string>, tokens: readonly Token[], k: number): boolean =>
  words.has(keyAt(tokens, k));

/** Whether a token from `from` up to `to` (the end where none) has one of `words` for its key. */
export function anyKeyIn(
  words: ReadonlySet<string>,
  tokens: readonly Token[],
  from: number,
  to = tokens.length,
): boolean {
  for (let k = Math.max(0, from); k < Math.min(to, tokens.length); k++)
    if (words.has(tokens[k]!.key)) return true;
  return false;
}

/** The text of the token at `k`, or undefined where there is none. */
export const textAt = (tokens: readonly Token[], k: number): string | undefined => tokens[k]?.text;

/** A possessive ("'s") at token `at`. */
export const possessiveAt = (tokens: readonly Token[], at: number): boolean =>
  POSSESSIVE_APOSTROPHES.has(tokens[at]?.text ?? '') && tokens[at + 1]?.key === 's';
