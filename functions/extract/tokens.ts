// Word and punctuation tokens of a sentence, with the offsets that tie the matching
// form (lower case, modern tones) back to the text as written.
import { matchForm } from './normalize.js';

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

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokenize(text: string, lower: string = matchForm(text)): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let previousEnd = -1;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const first = m[0][0]!;
    const word = /[\p{L}\p{M}\p{N}]/u.test(first);
    tokens.push({
      text: m[0],
      key: lower.slice(start, end),
      start,
      end,
      word,
      cap: word && first !== first.toLowerCase(),
      spaced: start !== previousEnd,
    });
    previousEnd = end;
  }
  return tokens;
}

/** The keys of a phrase's tokens, the way gazetteer entries are looked up. */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.key);
}
