// Text hygiene shared by every format: the one place that knows which characters a
// document can carry and how to escape them for HTML, XML and iCalendar-free text.
// Pure functions, no I/O.

/**
 * Characters XML 1.0 (§2.2 Char) cannot carry: C0 controls other than TAB/LF/CR,
 * lone surrogates (the `u` flag matches them as single code points), U+FFFE, U+FFFF.
 */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text every format can carry identically: line ends normalized to LF (an XML parser
 * turns CR LF and lone CR into LF anyway, so doing it here keeps JSON and XML equal),
 * and the characters XML 1.0 cannot carry removed.
 */
export function xmlSafeText(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s;
  return s.replace(/\r\n?/g, '\n').replace(XML_INVALID, '');
}

/** What xmlSafeText changes (surrogates all count, paired or not): most text has none,
 *  and one test is far cheaper than two replacing passes (bench render). */
const NEEDS_CLEANING = /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\uD800-\uDFFF\uFFFE\uFFFF]/;

/** What oneLine changes besides (with a space at either end): controls, separators,
 *  surrogates, white space other than single inner spaces. One character class rather
 *  than alternatives, which the regex engine tries at every position (bench render):
 *  the C0 and C1 controls, then every \s character but the space (ECMAScript's
 *  WhiteSpace and LineTerminator: TAB–CR, NBSP, U+1680, U+2000–U+200A, U+2028/9,
 *  U+202F, U+205F, U+3000, U+FEFF). test/render/text.test.ts checks it against \s. */
const NOT_ONE_LINE_CLASS =
  '\\u0000-\\u001f\\u007f-\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff\\uD800-\\uDFFF\\uFFFE\\uFFFF';
const NOT_ONE_LINE_CHAR = new RegExp(`[${NOT_ONE_LINE_CLASS}]| {2}`);

const SPACE = 0x20;

/** Control characters (C0, DEL, C1) and Unicode line/paragraph separators. */
const CONTROL_OR_BREAK = /[\p{Cc}\u2028\u2029]/gu;

/**
 * A one-line display string (titles, labels): xmlSafeText, controls and line breaks
 * become spaces, runs of white space collapse to one space, trimmed. Feed readers
 * show titles on one line and compare them with collapsed white space, so titles
 * are made that way once, here, for every format.
 */
export function oneLine(s: string): string {
  if (
    !NOT_ONE_LINE_CHAR.test(s) &&
    s.charCodeAt(0) !== SPACE &&
    s.charCodeAt(s.length - 1) !== SPACE
  )
    return s;
  return xmlSafeText(s).replace(CONTROL_OR_BREAK, ' ').replace(/\s+/g, ' ').trim();
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
 * attributes. Does NOT clean: call xmlSafeText/oneLine first (the format modules do).
 */
export function escapeHtml(s: string): string {
  // most strings need nothing: one test before building a new one
  return HTML_SPECIAL.test(s) ? s.replace(HTML_SPECIAL_ALL, (c) => HTML_ESCAPES[c]!) : s;
}
const HTML_SPECIAL = /[&<>"']/;
const HTML_SPECIAL_ALL = /[&<>"']/g;

/** A stored string as a page shows it: one line (oneLine), and that line as HTML
 *  (escapeHtml). */
export interface ShownText {
  text: string;
  html: string;
}

export const NOTHING_SHOWN: ShownText = { text: '', html: '' };

/** oneLine and escapeHtml of a stored string, with one test for the usual string
 *  that needs neither: each string an item shows is tested once, and the text and
 *  HTML built from such strings need no test of their own. */
export function shownLine(s: string): ShownText {
  if (isPlainLine(s)) return { text: s, html: s };
  const text = oneLine(s);
  return { text, html: escapeHtml(text) };
}

/** escapeHtml(oneLine(s)), with the one test of shownLine (evidence sentences are the
 *  longest strings a page shows). */
export function escapeHtmlLine(s: string): string {
  return isPlainLine(s) ? s : escapeHtml(oneLine(s));
}

/** Neither oneLine nor escapeHtml would change it. */
function isPlainLine(s: string): boolean {
  return (
    !ONE_LINE_OR_HTML_SPECIAL.test(s) &&
    s.charCodeAt(0) !== SPACE &&
    s.charCodeAt(s.length - 1) !== SPACE
  );
}
const ONE_LINE_OR_HTML_SPECIAL = new RegExp(`[&<>"'${NOT_ONE_LINE_CLASS}]| {2}`);

/**
 * A string from this project's own tables (labels, headings, country names, codes)
 * with its HTML: few, asked for on every item, so each is escaped once and remembered
 * (bounded: past TABLE_STRINGS_MAX strings, the rest are escaped every time).
 */
export function tableShown(s: string): ShownText {
  let shown = TABLE_STRINGS.get(s);
  if (shown === undefined) {
    shown = { text: s, html: escapeHtml(s) };
    if (TABLE_STRINGS.size < TABLE_STRINGS_MAX) TABLE_STRINGS.set(s, shown);
  }
  return shown;
}
const TABLE_STRINGS_MAX = 4_000;
const TABLE_STRINGS = new Map<string, ShownText>();

/** escapeHtml of a table string (tableShown). */
export function tableHtml(s: string): string {
  return tableShown(s).html;
}

/**
 * Text and its HTML built side by side from shown pieces and separators. The HTML is
 * the text itself until a piece's HTML differs from its text (in most items, never),
 * so usually one string is built, not two.
 */
export class ShownBuilder {
  private text = '';
  /** null while the HTML is the text */
  private html: string | null = null;

  get empty(): boolean {
    return this.text === '';
  }

  /** A separator: a string with nothing to escape (`, `, ` (`). */
  separator(s: string): this {
    this.text += s;
    if (this.html !== null) this.html += s;
    return this;
  }

  add(piece: ShownText): this {
    if (this.html === null && piece.html !== piece.text) this.html = this.text;
    this.text += piece.text;
    if (this.html !== null) this.html += piece.html;
    return this;
  }

  shown(): ShownText {
    return { text: this.text, html: this.html ?? this.text };
  }
}

/** Escapes text for XML element content (`&`, `<`, `>`). Does NOT clean. */
export function escapeXmlText(s: string): string {
  return XML_TEXT_SPECIAL.test(s) ? s.replace(XML_TEXT_SPECIAL_ALL, (c) => HTML_ESCAPES[c]!) : s;
}
const XML_TEXT_SPECIAL = /[&<>]/;
const XML_TEXT_SPECIAL_ALL = /[&<>]/g;

/** A CDATA section holding `s` (clean text): each `]]>` in it is split across two
 *  sections, since it would end the section. */
export function cdataSection(s: string): string {
  const body = s.includes(']]>') ? s.replace(/]]>/g, ']]]]><![CDATA[>') : s;
  return `<![CDATA[${body}]]>`;
}

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
