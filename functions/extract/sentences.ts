// Sentence splitting for cleaned Vietnamese news text. A sentence ends at . ! ? …
// followed by a space and a capital letter (or an opening quote), or at a line break.
// Dots inside numbers and dates ("12.2025", "1.200") never have a space after them;
// dots after abbreviations and initials ("Jr.", "TP.", "D. Trump") are not ends. Pages
// copied from the web glue sentences together ("in Hanoi.The talks"): a dot between a
// lower-case word and a capitalized one ends a sentence even without the space.

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
  'mdm',
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
  'rt',
  'pres',
]);

/** Honorifics that stand before a name, capitalized, and so end no sentence even where a
 *  page puts a dot after them ("with the Honorable. Scott Morrison, Prime Minister of …"). */
const HONORIFICS = new Set(['Honorable', 'Honourable']);

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
  if (ABBREVIATIONS.has(word.toLowerCase()) || HONORIFICS.has(word)) return false;
  // "Feb. 14", "Sept. 3": a short capitalized word before a number abbreviates a month
  if (/\d/.test(next) && word.length <= MAX_MONTH_ABBREVIATION && isUpper(word[0])) return false;
  return true;
}

/** The longest abbreviation of a month written with a dot ("Sept."). */
const MAX_MONTH_ABBREVIATION = 4;

/** The shortest word before a glued end: "in Hanoi.The talks" but not "Ph.D" or "a.m.". */
const MIN_GLUED_WORD = 3;

/** A dot with no space after it that still ends a sentence: a word, the dot, a capitalized word. */
function gluedSentenceEnd(text: string, dot: number): boolean {
  const next = text[dot + 1];
  const after = text[dot + 2];
  if (!isUpper(next) || after === undefined || !/\p{Ll}/u.test(after)) return false;
  if (!/\p{Ll}/u.test(text[dot - 1] ?? '')) return false;
  const word = wordBefore(text, dot);
  return word.length >= MIN_GLUED_WORD && !ABBREVIATIONS.has(word.toLowerCase());
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
    if (text[end] !== ' ' && end < text.length && text[end] !== '\n') {
      if (c === DOT && end === i + 1 && gluedSentenceEnd(text, i)) {
        push(end);
        start = end;
      }
      continue;
    }
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
