// Which language an article is written in, when it does not say or says wrongly. A
// Vietnamese text is full of letters no other Latin-script language uses; an English
// one of a few short function words. Enough to route an article to the tables that
// read it, or to say that none does. Pure.

import { VIETNAMESE_LETTER } from './vietnamese.js';

const VIETNAMESE_LETTERS = new RegExp(VIETNAMESE_LETTER.source, 'gu');
const LETTER = /\p{L}/gu;
const ENGLISH_WORD = /\b(?:the|and|of|to|in|with|was|were|has|have|on|for|said|that|is)\b/giu;
/** Above this share of its letters a text is Vietnamese (an English text quoting a name or two stays far below). */
const VIETNAMESE_SHARE = 0.03;
/** Above this share of its words an English text's function words lie (Vietnamese has none of them). */
const ENGLISH_SHARE = 0.08;
/** Fewer words than this tell nothing of a language. */
const MIN_WORDS = 12;
/** How much text is enough to tell: the opening, whatever the article's length. */
const SAMPLE_CHARS = 4000;

export type Detected = 'vi' | 'en' | null;

/** A language tag's primary subtag, lower case ("vi-VN" → "vi"). */
export function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split('-')[0]!;
}

export function detectLanguage(text: string): Detected {
  const sample = text.slice(0, SAMPLE_CHARS).normalize('NFC');
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters === 0) return null;
  const vietnamese = (sample.match(VIETNAMESE_LETTERS)?.length ?? 0) / letters >= VIETNAMESE_SHARE;
  const words = sample.split(/\s+/u).filter((w) => w.length > 0).length;
  const english =
    words >= MIN_WORDS && (sample.match(ENGLISH_WORD)?.length ?? 0) / words >= ENGLISH_SHARE;
  // a page with each paragraph in both languages is neither: its declared language stands
  if (vietnamese) return english ? null : 'vi';
  return english ? 'en' : null;
}

/**
 * The language an article is read in: the one it declares, unless its text is plainly
 * another (a Vietnamese page labelled "en", an English wire labelled "vi"); the detected
 * one when it declares none; Vietnamese when nothing tells.
 */
export function languageOf(declared: string | null | undefined, text: string): string {
  const detected = detectLanguage(text);
  const primary = declared == null ? null : primaryLanguage(declared);
  if (primary !== null && (detected === null || detected === primary)) return primary;
  return detected ?? primary ?? 'vi';
}
