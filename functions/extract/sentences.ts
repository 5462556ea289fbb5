// Sentence splitting for cleaned Vietnamese news text. A sentence ends at . ! ? …
// followed by a space and a capital letter (or an opening quote), or at a line break.
// Dots inside numbers and dates ("12.2025", "1.200") never have a space after them;
// dots after abbreviations and initials ("Jr.", "TP.", "D. Trump") are not ends.

export interface Sentence {
  /** the sentence as written (cleaned text) */
  text: string;
  /** offset of the sentence in the cleaned text */
  start: number;
  /** index of the paragraph (block separated by line breaks) */
  paragraph: number;
  /** index of the sentence in the article */
  index: number;
}

const ABBREVIATIONS = new Set([
  'jr',
  'sr',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'tp',
  'ts',
  'ths',
  'gs',
  'pgs',
  'bs',
  'ks',
  'ls',
  'tt',
  'no',
  'vs',
  'ltd',
  'co',
  'inc',
  'corp',
  'hcm',
  'q',
  'p',
  'tx',
  'mt',
  'prof',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'rev',
  'mg',
  'hon',
]);

const OPENERS = '"“‘\'«([';

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!)) i--;
  return text.slice(i, dot);
}

/** Whether the terminator at `at` ends a sentence; `next` is the first character after the spaces. */
function endsSentence(text: string, at: number, next: string | undefined): boolean {
  if (next === undefined) return true;
  if (!isUpper(next) && !OPENERS.includes(next) && !/\d/.test(next)) return false;
  if (text[at] !== '.') return true;
  const word = wordBefore(text, at);
  if (word.length === 1 && isUpper(word)) return false; // initial: "D. Trump"
  if (word.length === 1 && text[at - 2] === '.') return false; // dotted lower-case abbreviation: "8:50 a.m. (local time)"
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  return true;
}

const NEWLINE = 0x0a;
const DOT = 0x2e;
const EXCLAMATION = 0x21;
const QUESTION = 0x3f;
const ELLIPSIS = 0x2026;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length > 0) {
      sentences.push({ text: body, start: start + lead, paragraph, index: sentences.length });
    }
  };
  for (let i = 0; i < text.length; i++) {
    // by code unit: most characters are none of these, and comparing numbers is cheapest
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      push(i);
      paragraph++;
      while (text[i + 1] === '\n') i++;
      start = i + 1;
      continue;
    }
    if (c !== DOT && c !== EXCLAMATION && c !== QUESTION && c !== ELLIPSIS) continue;
    // a closing quote or bracket may follow the terminator
    let end = i + 1;
    while (end < text.length && '"”’\')»'.includes(text[end]!)) end++;
    if (text[end] !== ' ' && end < text.length && text[end] !== '\n') continue;
    let k = end;
    while (text[k] === ' ') k++;
    if (text[k] === '\n') continue; // the line break ends it anyway
    if (!endsSentence(text, i, text[k])) continue;
    push(end);
    start = k;
    i = k - 1;
  }
  push(text.length);
  return sentences;
}
