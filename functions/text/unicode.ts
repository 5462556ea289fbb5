// Unicode hygiene for text from outside: what an article may carry that no reader should
// see. Used at the ingest boundary (domain/article.ts), so stored data is clean, and
// again by the renderers (render/escape.ts), as a defence for data stored before. Pure.

/**
 * Invisible format characters that change how text around them is shown or compared:
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069, which
 * can make a title read backwards), directional marks (U+200E, U+200F, U+061C),
 * zero-width space, non-joiner and joiner (U+200B–U+200D), word joiner and invisible
 * operators (U+2060–U+2064), and the zero-width no-break space (U+FEFF). Vietnamese and
 * the other Latin-script text this service reads needs none of them.
 */
const INVISIBLE_FORMAT = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** One cheap test for both (a surrogate of any kind, or an invisible format character):
 *  most text has neither. */
const NEEDS_HYGIENE =
  /[\uD800-\uDFFF\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** Lone surrogates (half of a surrogate pair standing alone: no character, and JSON
 *  parsers such as jq and Python's codecs, and XML, refuse it) become U+FFFD REPLACEMENT
 *  CHARACTER; paired ones stay. String.prototype.toWellFormed (ES2024; Node 20 has it). */
export function wellFormed(s: string): string {
  return s.isWellFormed() ? s : s.toWellFormed();
}

/** Without the invisible format characters above. */
export function withoutInvisible(s: string): string {
  return s.replace(INVISIBLE_FORMAT, '');
}

/** Text fit to store and show: well formed, no invisible format characters. */
export function cleanInput(s: string): string {
  return NEEDS_HYGIENE.test(s) ? withoutInvisible(wellFormed(s)) : s;
}
