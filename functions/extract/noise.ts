// Lines of a news page that are not the story (data/noise.json): photo captions and their
// credits, related headlines, keyword lines, and quotations (a sentence that opens with a
// quotation mark, or ends one with its attribution: "…", bà X nói; not an announcement
// quoted: "…," the ministry announced). Their cues make no
// event of their own and they are not evidence; a caption's text may stand as a sentence
// of its own before its credit ("… Sisoulith. (Ảnh: TTXVN)"), so the sentence after it is read too.
import { matchForm } from '../text/vietnamese.js';
import { anyOf } from './patterns.js';
import type { Noise } from './table-schemas.js';
import { TABLES } from './tables.js';

const NOISE = TABLES.noise as Noise;
const CAPTION = anyOf(NOISE.captionMarkers.map(matchForm));
/** Any caption marker anywhere, and any related-headline marker at the start: one scan each. */
const CAPTION_ANYWHERE = new RegExp(CAPTION, 'u');
const CAPTION_AT_START = new RegExp(`^(?:${CAPTION})`, 'u');
const CREDIT =
  (NOISE.creditMarkers ?? []).length > 0
    ? new RegExp(anyOf(NOISE.creditMarkers!.map(matchForm)), 'u')
    : null;
/** A credit line: short, holding a credit (in a longer line, the story may have run into one:
 *  "… VNA/VNS Photo HÀ NỘI — A held talks …"). */
const isCredit = (lower: string) =>
  CREDIT?.test(lower) === true && lower.split(' ').length <= (NOISE.creditWords ?? 0);
/** "A and B (Photo: Reuters) - A has arrived …": a bracketed caption the story runs on from,
 *  past a dash, for longer than a credit line (the line is the story's, its caption aside). */
const CAPTION_RUNS_ON = new RegExp(
  `(?:${CAPTION})[^)]*\\)\\s*[-–—]\\s+(?:\\S+\\s+){${NOISE.creditWords ?? 0}}`,
  'u',
);
const RELATED_AT_START = new RegExp(`^(?:${anyOf(NOISE.relatedMarkers.map(matchForm))})`, 'u');

const QUOTE_MARK = anyOf(NOISE.quoteMarks ?? []);
const QUOTE_OPENS =
  (NOISE.quoteMarks ?? []).length > 0 ? new RegExp(`^\\s*(?:${QUOTE_MARK})`, 'u') : null;
/** a quotation mark, then at most `quoteTailWords` words ending the sentence with one of `verbs` */
function quoteClosedBy(verbs: readonly string[] | undefined): RegExp | null {
  if ((NOISE.quoteMarks ?? []).length === 0 || (verbs ?? []).length === 0) return null;
  const tail = `(?:\\s+\\S+){0,${NOISE.quoteTailWords ?? 0}}?`;
  return new RegExp(
    `(?:${QUOTE_MARK})\\s*,?${tail}\\s+(?:${anyOf(verbs!.map(matchForm))})\\s*[.!]?\\s*$`,
    'u',
  );
}
/** a quotation ended by an attribution ("…", bà X nói.) */
const QUOTE_ATTRIBUTED = quoteClosedBy(NOISE.quoteAttributions);
/** a quotation closed by an announcement: the words of the state, the news itself */
const QUOTE_ANNOUNCED = quoteClosedBy(NOISE.quoteAnnouncements);

export type Furniture = 'caption' | 'related' | 'quote';

const QUOTE_CHARS: ReadonlySet<string> = new Set(NOISE.quoteMarks ?? []);
const QUOTE_CLOSES: ReadonlySet<string> = new Set(NOISE.quoteCloses ?? []);
/** Every quotation mark of a text (its offsets), found by the regular expression engine rather than a
 *  walk over its characters (most sentences hold none). */
const QUOTE_MARKS_ALL =
  QUOTE_CHARS.size > 0
    ? new RegExp(`[${[...QUOTE_CHARS].map((c) => c.replace(/[\\\]^-]/gu, '\\$&')).join('')}]`, 'gu')
    : null;
export const quoteMarksIn = (text: string): number[] =>
  QUOTE_MARKS_ALL === null ? [] : [...text.matchAll(QUOTE_MARKS_ALL)].map((m) => m.index);
const QUOTE_DOCUMENT =
  (NOISE.quoteDocuments ?? []).length > 0
    ? new RegExp(`(?:^|\\s)(?:${anyOf(NOISE.quoteDocuments!.map(matchForm))})(?=$|[\\s.,;])`, 'u')
    : null;

const QUOTE_OPENED =
  (NOISE.quoteOpeners ?? []).length > 0 && QUOTE_CHARS.size > 0
    ? new RegExp(
        `(?<![\\p{L}])(?:${anyOf(NOISE.quoteOpeners!.map(matchForm))})\\s*[,:]?\\s*(?=${QUOTE_MARK})`,
        'u',
      )
    : null;

/** Where a quotation opened right after words of saying begins ("In a post on X, A said, “…"),
 *  in a sentence's matching form, or -1. */
export function saidQuoteAt(lower: string): number {
  return QUOTE_OPENED?.exec(lower)?.index ?? -1;
}

/** Whether the attribution after a sentence's last quotation mark names a government's
 *  document (matching form): the quotation is the announcement itself, not someone's words. */
export function quotesDocument(lower: string): boolean {
  if (QUOTE_DOCUMENT === null) return false;
  const last = quoteMarksIn(lower).at(-1);
  return last !== undefined && QUOTE_DOCUMENT.test(lower.slice(last + 1));
}
/**
 * Where a quotation that opens the sentence closes, when the reporter's words after it run on
 * past its attribution ("“…,” he said at a news conference after meeting B"): the offset
 * after the closing mark, or -1 (no such quotation, or one closed by its attribution alone).
 */
export function quotationOpening(text: string): number {
  let at = 0;
  while (at < text.length && /\s/u.test(text[at]!)) at++;
  let close = at;
  if (QUOTE_CHARS.has(text[at] ?? '')) {
    close = at + 1;
    while (close < text.length && !QUOTE_CHARS.has(text[close]!)) close++;
    if (close >= text.length) return -1;
  } else {
    // ("… of India. The ties will flourish,” A said after meeting B": the sentence opens inside
    // a quotation begun in the one before, closed by its one unpaired closing mark)
    // (a straight mark closes where the quoted words end on their punctuation: `… agreements,"`)
    const marks = quoteMarksIn(text);
    if (
      marks.length % 2 === 0 ||
      !(QUOTE_CLOSES.has(text[marks[0]!]!) || /[,.?!]/u.test(text[marks[0]! - 1] ?? ''))
    )
      return -1;
    close = marks[0]!;
  }
  const tail = text.slice(close + 1).trim();
  return tail.split(/\s+/u).length > (NOISE.quoteTailWords ?? 0) ? close + 1 : -1;
}

/**
 * What page furniture a sentence (matching form) is, or null for the story; `next` is the
 * sentence after it in its paragraph, if any. A caption may still date an event the story
 * tells; a related headline is about another story.
 */
export function furnitureOf(lower: string, next: string | null): Furniture | null {
  if (RELATED_AT_START.test(lower)) return 'related';
  if ((CAPTION_ANYWHERE.test(lower) && !CAPTION_RUNS_ON.test(lower)) || isCredit(lower))
    return 'caption';
  // someone's words quoted (a commentator's, a spokesperson's): what they say is not the report
  // (an announcement quoted is the news: "“A will pay an official visit …,” the office announced")
  // (past a quotation that opens it, a sentence may run on in the reporter's words: its
  // cues there are the story's, the quotation's are dropped where it is read, events.ts)
  if (
    ((QUOTE_OPENS?.test(lower) && quotationOpening(lower) < 0) || QUOTE_ATTRIBUTED?.test(lower)) &&
    !QUOTE_ANNOUNCED?.test(lower) &&
    !quotesDocument(lower) &&
    // (nor where the quotation runs on into the next sentence, which a document's or a
    // ministry's attribution closes: '"A paid a courtesy call on B today. B witnessed the
    // ceremony," tweeted the Ministry of Foreign Affairs.')
    !(next !== null && quoteMarksIn(lower).length % 2 === 1 && quotesDocument(next))
  )
    return 'quote';
  return next !== null &&
    ((CAPTION_AT_START.test(next) && next.split(' ').length <= NOISE.captionTailWords) ||
      isCredit(next))
    ? 'caption'
    : null;
}
