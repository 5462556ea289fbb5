// Text hygiene shared by every format: the one place that knows which characters a
// document can carry and how to escape them for HTML, XML and iCalendar-free text.
// Pure functions, no I/O.

/**
 * Characters XML 1.0 (§2.2 Char) cannot carry: C0 controls other than TAB/LF/CR,
 * lone surrogates (the `u` flag matches them as single code points), U+FFFE, U+FFFF.
 */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** The same class without the global flag: a test that keeps no state between calls, compiled once. */
const XML_INVALID_ONE = new RegExp(XML_INVALID.source, 'u');

/**
 * Text every format can carry identically: line ends normalized to LF (an XML parser
 * turns CR LF and lone CR into LF anyway, so doing it here keeps JSON and XML equal),
 * and the characters XML 1.0 cannot carry removed.
 */
export function cleanText(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s;
  return s.replace(/\r\n?/g, '\n').replace(XML_INVALID, '');
}

/** What cleanText changes (surrogates all count, paired or not): most text has none,
 *  and one test is far cheaper than two replacing passes (bench render). */
const NEEDS_CLEANING = /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\uD800-\uDFFF\uFFFE\uFFFF]/;

/** What oneLine changes besides: controls, separators, white space other than single
 *  inner spaces. */
const NOT_ONE_LINE =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]|[^\S ]| {2}|^ | $/;

/** Control characters (C0, DEL, C1) and Unicode line/paragraph separators. */
const CONTROL_OR_BREAK = /[\p{Cc}\u2028\u2029]/gu;

/**
 * A one-line display string (titles, labels): cleanText, controls and line breaks
 * become spaces, runs of white space collapse to one space, trimmed. Feed readers
 * show titles on one line and compare them with collapsed white space, so titles
 * are made that way once, here, for every format.
 */
export function oneLine(s: string): string {
  if (!NOT_ONE_LINE.test(s)) return s;
  return cleanText(s).replace(CONTROL_OR_BREAK, ' ').replace(/\s+/g, ' ').trim();
}

/** True when a string contains a character XML 1.0 cannot carry. */
export function hasXmlInvalid(s: string): boolean {
  return XML_INVALID_ONE.test(s);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML and XML element content and for double- or single-quoted
 * attributes. Does NOT clean: call cleanText/oneLine first (the format modules do).
 */
export function escapeHtml(s: string): string {
  // most strings need nothing: one test before building a new one
  return HTML_SPECIAL.test(s) ? s.replace(HTML_SPECIAL_ALL, (c) => HTML_ESCAPES[c]!) : s;
}
const HTML_SPECIAL = /[&<>"']/;
const HTML_SPECIAL_ALL = /[&<>"']/g;

/**
 * Escapes an XML attribute value so that it survives attribute-value normalization
 * (XML 1.0 §3.3.3 turns literal TAB, LF and CR into spaces; character references keep
 * them).
 */
export function escapeXmlAttr(s: string): string {
  return escapeHtml(s).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Only http(s) URLs become links (never `javascript:` or `data:`). */
export function isHttpUrl(s: string | null | undefined): s is string {
  return typeof s === 'string' && /^https?:\/\/[^\s]+$/i.test(s);
}
