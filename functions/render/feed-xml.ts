// Atom 1.0 and RSS 2.0 documents from feed entries, written directly as strings.
//
// Why not the npm `feed` package (6.0), which this module replaces: `feed` builds a
// document tree and xml-js serializes it, which was half the time of a page (bench
// render), and both have faults that make real feeds ill-formed or lossy — each one is
// shown in raw `feed` output, next to this module's output, in
// test/render/feed-package.test.ts (see also ../shared/acceptance/feeds/README.md
// beside the repository). What this writer does instead:
//
//  F1  Characters XML 1.0 cannot carry are written raw by `feed` → every string is
//      cleaned here (escape.ts xmlSafeText: a lone surrogate as U+FFFD, the rest
//      removed; CR LF → LF) before it is escaped.
//  F2  Atom <title>/<summary> and RSS <description> are type="html"/CDATA copies of
//      the input in `feed`, so plain text with `&` or `<` is broken HTML → plain text
//      is HTML-escaped for those; the RSS <title> (plain text) is not.
//  F3  xml-js splits only the first `]]>` of a CDATA section → every one is split.
//  F4  `feed`/xml-js leave `<` raw in attribute values, and TAB/LF in them are read
//      back as spaces → attributes are written with escapeXmlAttr.
//  F5  `feed` writes an Atom <category> without `term` unless given → term is always
//      the code, the human label goes to `label`.
//  F6  `feed` passes Atom ids through `new URL()` → ids must be ASCII URIs that
//      `new URL` leaves unchanged (ids.ts makes `urn:uuid:` URIs); checked here, and
//      anything else fails loudly.
//  F7  `feed` writes `<id/>` for a feed without id → the view id is always written.
//  F8  `feed` defaults `updated`/`lastBuildDate` to the clock → every date comes from
//      the page or the event (page.updated, event.modified, event.published).
//  F9  xml-js turns a literal `&amp;` in text into `&` → text is escaped once, here.
//  F10 `feed` has no Atom `xml:lang` and no rel="next" link (RFC 5005) in either
//      format → both are written.
//  F11 RSS `<author>` must be an e-mail address → the name goes to <dc:creator>, and
//      xmlns:dc is declared whenever there are items.
//  F12 `feed` has no per-entry language → an Atom entry in another language than its
//      feed's (an English event in the default feed) carries its own `xml:lang`, an RSS
//      item its `dc:language`.
//
// The layout is the one `feed` wrote (four-space indentation, the same element and
// attribute order, links normalized by the WHATWG URL parser as `feed` did), so the
// documents are byte for byte those of the wrapper this module replaced.
import { toInstant } from './dates.js';
import type { FeedEntry, FeedMeta } from './entries.js';
import { cdataSection, escapeHtml, escapeXmlAttr, escapeXmlText, xmlSafeText } from './escape.js';

export interface XmlFeedInput {
  meta: FeedMeta;
  selfUrl: string;
  nextUrl: string | null;
  entries: FeedEntry[];
}

/** An RFC 6721 tombstone: an entry that was withdrawn (Atom only). */
export interface DeletedEntry {
  /** the withdrawn entry's id */
  ref: string;
  /** RFC 3339 */
  when: string;
  /** the event's permalink */
  url: string;
}

export interface AtomInput extends XmlFeedInput {
  deleted: DeletedEntry[];
}

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const TOMBSTONES_NS = 'http://purl.org/atompub/tombstones/1.0';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
const RSS_DOCS = 'https://validator.w3.org/feed/docs/rss2.html';
const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** A link as `feed` wrote it: normalized by the WHATWG URL parser, which
 *  percent-encodes white space, controls, `"`, `<` and `>` in http(s) URLs. */
function normalizedUrl(url: string): string {
  return new URL(url).href;
}

/** A normalized link as an attribute value (`<` too, which an opaque URL may keep). */
function linkAttr(url: string): string {
  return normalizedUrl(url).replace(/[&"<]/g, (c) =>
    c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&lt;',
  );
}

/** A normalized link as element text. */
function linkText(url: string): string {
  return escapeXmlText(normalizedUrl(url));
}

/** F6: an id `new URL` leaves unchanged, in printable ASCII. */
function checkedId(id: string): string {
  let href: string;
  try {
    href = new URL(id).href;
  } catch {
    throw new Error(`feed id is not a URI: ${JSON.stringify(id)}`);
  }
  if (href !== id || !/^[\x21-\x7e]+$/.test(id))
    throw new Error(`feed id is not a plain ASCII URI: ${JSON.stringify(id)}`);
  return id;
}

/** A text-only element; empty text makes an empty element. */
function textElement(name: string, text: string): string {
  return text === '' ? `<${name}/>` : `<${name}>${escapeXmlText(text)}</${name}>`;
}

/** A CDATA element; `attributes` is written as given. */
function cdataElement(name: string, attributes: string, content: string): string {
  return `<${name}${attributes}>${cdataSection(content)}</${name}>`;
}

/** F2: plain text that readers take as HTML. */
function htmlFromText(s: string): string {
  return escapeHtml(xmlSafeText(s));
}

/** Category schemes repeat on every entry: each is checked and escaped once a document. */
function memoized(write: (s: string) => string): (s: string) => string {
  const known = new Map<string, string>();
  return (s) => {
    let out = known.get(s);
    if (out === undefined) {
      out = write(s);
      known.set(s, out);
    }
    return out;
  };
}

export function atomDocument(input: AtomInput): string {
  const { meta } = input;
  const I1 = '\n    ';
  const I2 = '\n        ';
  const root =
    `<feed xmlns="${ATOM_NS}"` +
    (input.deleted.length ? ` xmlns:at="${TOMBSTONES_NS}"` : '') +
    ` xml:lang="${escapeXmlAttr(meta.language)}">`; // F10
  const parts: string[] = [
    XML_DECLARATION,
    '\n',
    root,
    I1,
    textElement('id', xmlSafeText(meta.id)), // F7
    I1,
    textElement('title', xmlSafeText(meta.title)),
    I1,
    textElement('updated', toInstant(meta.updated).toISOString()), // F8
    I1,
    '<author>',
    I2,
    textElement('name', xmlSafeText(meta.author.name)),
    I2,
    textElement('uri', normalizedUrl(meta.author.url)),
    I1,
    '</author>',
    I1,
    `<link rel="alternate" href="${linkAttr(meta.homeUrl)}"/>`,
  ];
  if (input.selfUrl) parts.push(I1, `<link rel="self" href="${linkAttr(input.selfUrl)}"/>`);
  if (input.nextUrl) parts.push(I1, `<link rel="next" href="${linkAttr(input.nextUrl)}"/>`); // F10
  const description = xmlSafeText(meta.description);
  if (description) parts.push(I1, textElement('subtitle', description));
  const icon = xmlSafeText(meta.icon);
  if (icon) parts.push(I1, textElement('logo', icon), I1, textElement('icon', icon));
  const scheme = memoized(linkAttr);
  for (const e of input.entries) {
    parts.push(
      I1,
      e.language === meta.language ? '<entry>' : `<entry xml:lang="${escapeXmlAttr(e.language)}">`, // F12
      I2,
      cdataElement('title', ' type="html"', htmlFromText(e.title)), // F2
      I2,
      textElement('id', checkedId(e.id)), // F6
      I2,
      `<link href="${linkAttr(e.url)}"/>`,
      I2,
      textElement('updated', toInstant(e.modified).toISOString()), // F8
    );
    const summary = htmlFromText(e.summary);
    if (summary) parts.push(I2, cdataElement('summary', ' type="html"', summary));
    const content = xmlSafeText(e.contentHtml);
    if (content) parts.push(I2, cdataElement('content', ' type="html"', content));
    for (const c of e.categories) {
      // F5: term always set
      parts.push(
        I2,
        `<category label="${escapeXmlAttr(xmlSafeText(c.label))}" scheme="${scheme(c.scheme)}" term="${escapeXmlAttr(xmlSafeText(c.term))}"/>`,
      );
    }
    parts.push(I2, textElement('published', toInstant(e.published).toISOString()), I1, '</entry>');
  }
  parts.push('\n');
  for (const d of input.deleted) {
    parts.push(
      `<at:deleted-entry ref="${escapeXmlAttr(d.ref)}" when="${escapeXmlAttr(d.when)}">`,
      `<link rel="alternate" href="${escapeXmlAttr(d.url)}"/></at:deleted-entry>\n`,
    );
  }
  parts.push('</feed>');
  return parts.join('');
}

export function rssDocument(input: XmlFeedInput): string {
  const { meta, entries } = input;
  const I1 = '\n    ';
  const I2 = '\n        ';
  const I3 = '\n            ';
  const items: string[] = [];
  let anyContent = false;
  const domain = memoized((s) => escapeXmlAttr(xmlSafeText(s)));
  const creator = `<dc:creator>${escapeXmlText(xmlSafeText(meta.author.name))}</dc:creator>`; // F11
  for (const e of entries) {
    items.push(I2, '<item>');
    const title = xmlSafeText(e.title); // plain text: RSS readers do not read titles as HTML
    if (title) items.push(I3, cdataElement('title', '', title));
    items.push(
      I3,
      `<link>${linkText(e.url)}</link>`,
      I3,
      `<guid isPermaLink="false">${escapeXmlText(xmlSafeText(e.id))}</guid>`, // the same string as the Atom id
      I3,
      `<pubDate>${toInstant(e.published).toUTCString()}</pubDate>`,
    );
    const summary = htmlFromText(e.summary); // F2
    if (summary) items.push(I3, cdataElement('description', '', summary));
    const content = xmlSafeText(e.contentHtml);
    if (content) {
      anyContent = true;
      items.push(I3, cdataElement('content:encoded', '', content));
    }
    // the words a reader sees; the code is the Atom category's term and in the JSON Feed
    for (const c of e.categories) {
      items.push(
        I3,
        `<category domain="${domain(c.scheme)}">${escapeXmlText(xmlSafeText(c.label))}</category>`,
      );
    }
    items.push(I3, creator);
    // F12: RSS 2.0 has no item language; Dublin Core's says it where the channel's does not
    if (e.language !== meta.language)
      items.push(I3, `<dc:language>${escapeXmlText(e.language)}</dc:language>`);
    items.push(I2, '</item>');
  }
  const namespaces =
    (entries.length ? ` xmlns:dc="${DC_NS}"` : '') + // F11
    (anyContent ? ` xmlns:content="${CONTENT_NS}"` : '') +
    ` xmlns:atom="${ATOM_NS}"`;
  const links = [
    `<atom:link href="${escapeXmlAttr(xmlSafeText(input.selfUrl))}" rel="self" type="application/rss+xml"/>`,
    ...(input.nextUrl
      ? [
          `<atom:link href="${escapeXmlAttr(xmlSafeText(input.nextUrl))}" rel="next" type="application/rss+xml"/>`,
        ]
      : []), // F10
  ];
  return [
    XML_DECLARATION,
    '\n',
    `<rss version="2.0"${namespaces}>`,
    I1,
    '<channel>',
    I2,
    `<title>${escapeXmlText(xmlSafeText(meta.title))}</title>`,
    I2,
    `<link>${linkText(meta.homeUrl)}</link>`,
    I2,
    `<description>${escapeXmlText(xmlSafeText(meta.description))}</description>`,
    I2,
    `<lastBuildDate>${toInstant(meta.updated).toUTCString()}</lastBuildDate>`, // F8
    I2,
    `<docs>${RSS_DOCS}</docs>`,
    ...(meta.language ? [I2, `<language>${escapeXmlText(meta.language)}</language>`] : []),
    ...links.flatMap((l) => [I2, l]),
    ...items,
    I1,
    '</channel>',
    '\n',
    '</rss>',
  ].join('');
}
