// The wrapper around the npm `feed` package (6.0) for Atom 1.0 and RSS 2.0.
//
// `feed` builds the document tree and xml-js serializes it; both have faults that make
// real feeds ill-formed or lossy (see ../shared/acceptance/feeds/README.md beside the repository, and
// test/render/feed-package.test.ts, which shows each fault in raw `feed` output next
// to this wrapper's output). What this wrapper does about them:
//
//  F1  Characters XML 1.0 cannot carry (U+0001, lone surrogates, U+FFFF…) are written
//      raw → every string is cleaned first (escape.ts cleanText; CR LF → LF).
//  F2  Atom <title>/<summary> and RSS <description> are type="html"/CDATA copies of
//      the input, so plain text with `&` or `<` is broken HTML (newsboat drops text)
//      → plain text is HTML-escaped for those; the RSS <title> (plain text) is not.
//  F3  Only the first `]]>` in a CDATA section is split (a non-global replace in
//      xml-js), so two `]]>` make the document ill-formed → every `]]>` after the
//      first is split here, and xml-js splits the first.
//  F4  Attribute values: `feed` escapes only `&` and xml-js only `"`, so `<` makes the
//      document ill-formed, and TAB/LF are turned into spaces by every parser → such
//      characters are passed as placeholders that cannot otherwise occur (XML-invalid
//      control characters, removed from all input by F1) and replaced by `&lt;`,
//      `&#9;`, `&#10;` in the serialized document.
//  F5  Atom <category> gets no `term` unless given → term is always set (the code),
//      the human label goes to `label`.
//  F6  Atom ids go through `new URL()` (a non-URL id throws; an IRI is re-encoded in
//      Atom only) → ids must be ASCII URIs that `new URL` leaves unchanged (ids.ts
//      makes `tag:` URIs); this wrapper checks it and fails loudly otherwise.
//  F7  A feed without `id` gets `<id/>` → the id is always passed.
//  F8  `updated`/`lastBuildDate` default to the current time (the body changes on
//      every request) and a missing item date throws → every date is passed
//      explicitly (page.updated, event.modified, event.published).
//  F9  xml-js "desanitizes" text nodes (`&amp;` → `&` before escaping), so a literal
//      `&amp;` in a title, name or guid reads back as `&` → every `&` in text-node
//      values is pre-escaped, which that step exactly undoes.
//  F10 Atom has no `xml:lang` and no rel="next" link (RFC 5005); RSS has no rel="next"
//      → Atom: the root tag gets `xml:lang`, and the `hub` link (the only extra link
//      `feed` can write) is renamed to rel="next"; RSS: the channel's atom:link
//      elements (self, next) are written through an extension. Each post-edit is
//      checked to have happened exactly once.
//  F11 RSS `<author>` must be an e-mail address → names go to <dc:creator>; `feed`
//      declares xmlns:dc only when an item has content, so the wrapper makes sure.
import { Feed } from 'feed';
import { toInstant } from './dates.js';
import type { FeedEntry, FeedMeta } from './entries.js';
import { cleanText, escapeHtml, escapeXmlAttr, hasXmlInvalid } from './escape.js';

export interface XmlFeedInput {
  meta: FeedMeta;
  selfUrl: string;
  nextUrl: string | null;
  entries: FeedEntry[];
}

// F4 placeholders: XML-invalid, so never present after cleanText.
const LT = '\u0001';
const TAB = '\u0002';
const LF = '\u0003';
const PLACEHOLDERS: Record<string, string> = { [LT]: '&lt;', [TAB]: '&#9;', [LF]: '&#10;' };

/** F1 + F9: a value xml-js writes as a text node. */
function textNode(s: string): string {
  return cleanText(s).replace(/&/g, '&amp;');
}

/** F1 + F3: a value xml-js writes as CDATA. */
function cdata(s: string): string {
  const clean = cleanText(s);
  const first = clean.indexOf(']]>');
  if (first < 0) return clean;
  const head = clean.slice(0, first + 3); // xml-js splits this one
  return head + clean.slice(first + 3).replace(/]]>/g, ']]]]><![CDATA[>');
}

/** F2: plain text in a CDATA section that readers take as HTML. */
function cdataHtmlFromText(s: string): string {
  return cdata(escapeHtml(cleanText(s)));
}

/** F1 + F4: an attribute value that `feed` passes through its `&` escaping. */
function attrAmpEscapedByFeed(s: string): string {
  return cleanText(s).replace(/</g, LT).replace(/\t/g, TAB).replace(/\n/g, LF);
}

/** F1 + F4: an attribute value that only xml-js touches (it escapes `"` only). */
function attrVerbatim(s: string): string {
  return escapeXmlAttr(cleanText(s));
}

/** F6: the id must come out of `feed` exactly as it went in. */
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

function replaceOnce(xml: string, find: string, replacement: string, what: string): string {
  const at = xml.indexOf(find);
  if (at < 0) throw new Error(`feed-package: could not ${what}`);
  return xml.slice(0, at) + replacement + xml.slice(at + find.length);
}

/** F4 placeholders back to references; F1 guard: nothing XML cannot carry is left. */
function finish(xml: string): string {
  const out = xml.replace(/[\u0001-\u0003]/g, (c) => PLACEHOLDERS[c]!);
  if (hasXmlInvalid(out))
    throw new Error('feed-package: output still has characters XML 1.0 cannot carry');
  return out;
}

export function atomWithFeedPackage(input: XmlFeedInput): string {
  const { meta } = input;
  const feed = new Feed({
    id: textNode(meta.id), // F7
    title: textNode(meta.title),
    description: textNode(meta.description),
    updated: toInstant(meta.updated), // F8
    generator: false,
    link: meta.homeUrl,
    feedLinks: { atom: input.selfUrl },
    // F10: the only extra <link> `feed` writes; renamed to rel="next" below.
    ...(input.nextUrl ? { hub: input.nextUrl } : {}),
    author: { name: textNode(meta.author.name), link: meta.author.url },
  });
  for (const e of input.entries) {
    feed.addItem({
      id: checkedId(e.id), // F6
      link: e.url,
      title: cdataHtmlFromText(e.title), // F2 + F3
      description: cdataHtmlFromText(e.summary),
      content: cdata(e.contentHtml),
      date: toInstant(e.modified), // F8: <updated>
      published: toInstant(e.published),
      category: e.categories.map((c) => ({
        term: attrAmpEscapedByFeed(c.term), // F5
        name: attrAmpEscapedByFeed(c.label),
        scheme: c.scheme,
      })),
    });
  }
  let xml = feed.atom1();
  const root = '<feed xmlns="http://www.w3.org/2005/Atom">';
  xml = replaceOnce(
    xml,
    root,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXmlAttr(meta.language)}">`,
    'set xml:lang',
  );
  if (input.nextUrl)
    xml = replaceOnce(xml, '<link rel="hub" href=', '<link rel="next" href=', 'write rel="next"');
  return finish(xml);
}

export function rssWithFeedPackage(input: XmlFeedInput): string {
  const { meta } = input;
  const feed = new Feed({
    id: textNode(meta.id),
    title: textNode(meta.title),
    description: textNode(meta.description),
    language: meta.language,
    updated: toInstant(meta.updated), // F8: <lastBuildDate>
    generator: false,
    link: meta.homeUrl,
    feedLinks: { rss: input.selfUrl }, // declares xmlns:atom; the link itself is replaced below
  });
  // F10: <atom:link rel="self"> and rel="next" (RFC 5005), replacing the one `feed` writes.
  const atomLinks = [
    {
      _attributes: { href: attrVerbatim(input.selfUrl), rel: 'self', type: 'application/rss+xml' },
    },
    ...(input.nextUrl
      ? [
          {
            _attributes: {
              href: attrVerbatim(input.nextUrl),
              rel: 'next',
              type: 'application/rss+xml',
            },
          },
        ]
      : []),
  ];
  feed.addExtension({
    name: 'atom:link',
    objects: atomLinks as unknown as Record<string, unknown>,
  });
  for (const e of input.entries) {
    feed.addItem({
      id: textNode(e.id), // <guid isPermaLink="false">, the same string as the Atom id
      link: e.url,
      title: cdata(e.title), // plain text: RSS readers do not read titles as HTML
      description: cdataHtmlFromText(e.summary), // F2
      content: cdata(e.contentHtml),
      date: toInstant(e.modified),
      published: toInstant(e.published), // <pubDate>
      category: e.categories.map((c) => ({
        name: textNode(c.term),
        domain: attrVerbatim(c.scheme),
      })),
      extensions: [{ name: 'dc:creator', objects: { _text: textNode(meta.author.name) } }], // F11
    });
  }
  let xml = feed.rss2();
  if (input.entries.length && !xml.includes('xmlns:dc=')) {
    xml = replaceOnce(
      xml,
      '<rss version="2.0"',
      '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"',
      'declare xmlns:dc',
    );
  }
  return finish(xml);
}
