// Reading a section feed (RSS 2.0 or Atom 1.0) into its items. Pure.
//
// fast-xml-parser rather than regexes or a DOM: it is small (~100 KB unminified, no
// dependencies but strnum), well kept, does not fetch external entities, and gives a
// plain object tree that zod then validates item by item. It becomes a runtime
// dependency of the poller only (the feed and ingest bundles do not import it).
import { XMLParser } from 'fast-xml-parser';
import * as z from 'zod/mini';

/** One item of a source's feed, as the poller uses it. */
export const SourceItem = z.object({
  /** absolute http(s) link to the article page */
  link: z.url({ protocol: /^https?$/ }),
  title: z.nullable(z.string()),
  /** RFC 3339 (offset kept as the feed wrote it), or null when absent or unreadable */
  published: z.nullable(z.string()),
});
export type SourceItem = z.infer<typeof SourceItem>;

export interface ParsedFeed {
  format: 'rss' | 'atom';
  entries: SourceItem[];
  /** items dropped because they had no usable link */
  rejected: number;
}

export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // numeric character references (&#7899; &#x1EA1;, common in Vietnamese feeds) and
  // the usual HTML named ones (&nbsp; &hellip;), besides XML's five
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The text of an element that may be a string or an object with #text (attributes, CDATA). */
function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (isNode(v)) return text(v['#text']);
  return null;
}

export function parseFeed(xml: string, base: string): ParsedFeed {
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (error) {
    throw new FeedParseError(
      `not well-formed XML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (isNode(doc.rss) && isNode(doc.rss.channel))
    return collect('rss', doc.rss.channel.item, base, rssEntry);
  if (isNode(doc['rdf:RDF'])) return collect('rss', doc['rdf:RDF'].item, base, rssEntry);
  if (isNode(doc.feed)) return collect('atom', doc.feed.entry, base, atomEntry);
  throw new FeedParseError('neither an RSS 2.0 nor an Atom feed');
}

function collect(
  format: 'rss' | 'atom',
  items: unknown,
  base: string,
  read: (item: Node, base: string) => unknown,
): ParsedFeed {
  const entries: SourceItem[] = [];
  let rejected = 0;
  for (const item of Array.isArray(items) ? items : []) {
    const parsed = isNode(item) ? SourceItem.safeParse(read(item, base)) : null;
    if (parsed?.success) entries.push(parsed.data);
    else rejected++;
  }
  return { format, entries, rejected };
}

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

function rssEntry(item: Node, base: string) {
  const links = Array.isArray(item.link) ? item.link : [];
  let link = absolute(
    text(links.find((l) => typeof l === 'string' || (isNode(l) && !l['@_rel'])) ?? null),
    base,
  );
  // a guid with isPermaLink (the default) is the item's address when <link> is missing
  const guid = item.guid;
  if (!link && guid !== undefined && !(isNode(guid) && guid['@_isPermaLink'] === 'false'))
    link = absolute(text(guid), base);
  return {
    link,
    title: text(item.title),
    published: toRfc3339(text(item.pubDate) ?? text(item['dc:date'])),
  };
}

function atomEntry(item: Node, base: string) {
  const links = (Array.isArray(item.link) ? item.link : []).filter(isNode);
  const alternate = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? null;
  const href = alternate && typeof alternate['@_href'] === 'string' ? alternate['@_href'] : null;
  return {
    link: absolute(href, base),
    title: text(item.title),
    published: toRfc3339(text(item.published) ?? text(item.updated)),
  };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2}))?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, string> = {
  UT: '+00:00',
  GMT: '+00:00',
  Z: '+00:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
};

/**
 * RFC 822/1123 (RSS pubDate) or RFC 3339 (Atom) to RFC 3339, keeping the offset the
 * feed gave: relative dates in the text ("hôm nay") resolve against the local day.
 */
export function toRfc3339(value: string | null): string | null {
  if (!value) return null;
  const v = value.trim();
  if (RFC3339.test(v)) {
    if (!realDay(Number(v.slice(0, 4)), Number(v.slice(5, 7)) - 1, Number(v.slice(8, 10))))
      return null;
    if (!/T\d{2}:\d{2}:\d{2}/.test(v) && v.includes('T'))
      return v.replace(/T(\d{2}:\d{2})/, 'T$1:00');
    return Number.isNaN(Date.parse(v)) ? null : v;
  }
  const m =
    /^(?:[A-Za-z]{3,9},\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Z]{1,3})?$/.exec(
      v,
    );
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return null;
  let year = Number(m[3]);
  if (year < 100) year += year < 50 ? 2000 : 1900;
  if (!realDay(year, month, Number(m[1]))) return null;
  const zone = m[7] ?? 'GMT';
  const offset = /^[+-]\d{4}$/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : ZONES[zone];
  if (!offset) return null;
  const pad = (n: number | string) => String(n).padStart(2, '0');
  const out = `${year}-${pad(month + 1)}-${pad(m[1]!)}T${pad(m[4]!)}:${m[5]}:${m[6] ?? '00'}${offset === '+00:00' || offset === '-00:00' ? 'Z' : offset}`;
  return Number.isNaN(Date.parse(out)) ? null : out;
}

/** Date.parse rolls 30 February over into March: a day must exist in its month. */
function realDay(year: number, month: number, day: number): boolean {
  return (
    month >= 0 &&
    month < 12 &&
    day >= 1 &&
    new Date(Date.UTC(year, month, day)).getUTCDate() === day
  );
}
