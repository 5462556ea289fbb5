// JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written here rather than with the
// `feed` package, whose json1() writes JSON Feed 1.0 (singular `author`, no `authors`,
// `language` or `next_url`). The shape is a zod/mini schema; the types come from it,
// and the `_diplomacy` extension is exactly CONTRACT.md §3.
import * as z from 'zod/mini';
import { Category, CountryCode, type DiplomaticEvent, EventType, Status } from '../domain/event.js';
import { wellFormed } from '../text/unicode.js';
import { contentParts, eventContentHtml } from './content.js';
import { rfc3339 } from './dates.js';
import { entryTags, feedMeta } from './entries.js';
import { type EvidenceSentence, evidenceSentences } from './evidence.js';
import { eventFeedId, eventUrl } from './ids.js';
import { eventStrings, eventTitle, itemLanguage } from './text.js';
import type { FeedPage } from './types.js';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** CONTRACT §3 `_diplomacy`: the structured event. */
export const DiplomacyExtension = z.object({
  category: Category,
  type: EventType,
  status: Status,
  start: z.string(),
  end: z.nullable(z.string()),
  countries: z.array(CountryCode),
  host: z.nullable(CountryCode),
  guest: z.nullable(CountryCode),
  participants: z.array(
    z.object({ name: z.string(), title: z.nullable(z.string()), country: z.nullable(CountryCode) }),
  ),
  location: z.object({
    place: z.nullable(z.string()),
    city: z.nullable(z.string()),
    country: z.nullable(CountryCode),
  }),
  part_of: z.nullable(z.string()),
  cameo: z.enum(['036', '040', '041', '042', '044']),
  sources: z.array(
    z.object({ url: z.nullable(z.string()), title: z.nullable(z.string()), published: z.string() }),
  ),
  /** how many articles reported the event: feeds list at most a few of them in
   *  `sources`, GET /events/{id} every one (an addition to CONTRACT §3) */
  sources_total: z.number(),
  /** each sentence once: `field` is the first field it supports (CONTRACT §3), `fields`
   *  every one (an addition); at most EVIDENCE_SENTENCES_MAX sentences beyond one a field */
  evidence: z.array(z.object({ field: z.string(), fields: z.array(z.string()), text: z.string() })),
});
export type DiplomacyExtension = z.infer<typeof DiplomacyExtension>;

export const JsonFeedAuthor = z.object({ name: z.string(), url: z.optional(z.string()) });

export const JsonFeedItem = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  content_html: z.string(),
  date_published: z.string(),
  date_modified: z.string(),
  tags: z.array(z.string()),
  /** the language the item is written in: the feed's `lang`, else the event's own
   *  (text.ts itemLanguage; JSON Feed 1.1's item `language`) */
  language: z.string(),
  _diplomacy: DiplomacyExtension,
});
export type JsonFeedItem = z.infer<typeof JsonFeedItem>;

export const JsonFeed = z.object({
  version: z.literal(JSON_FEED_VERSION),
  title: z.string(),
  home_page_url: z.string(),
  feed_url: z.string(),
  next_url: z.optional(z.string()),
  description: z.string(),
  icon: z.optional(z.string()),
  favicon: z.optional(z.string()),
  language: z.string(),
  authors: z.array(JsonFeedAuthor),
  items: z.array(JsonFeedItem),
});
export type JsonFeed = z.infer<typeof JsonFeed>;

/** The structured event as CONTRACT §3 publishes it (exactly those keys, in that order).
 *  `part_of` names the visit by the same id its own item carries. Stored strings are
 *  given as stored, save a lone surrogate (left in data stored before ingestion replaced
 *  them), written as U+FFFD: JSON.stringify would write it as an escape (`\ud800`) that
 *  jq and Python's UTF-8 codecs refuse. Every other string of a JSON Feed is cleaned by
 *  its renderer (escape.ts), so the document needs no pass of its own. */
export function diplomacyExtension(
  event: DiplomaticEvent,
  evidence: readonly EvidenceSentence[] = evidenceSentences(event),
): DiplomacyExtension {
  return {
    category: event.category,
    type: event.type,
    status: event.status,
    start: event.start,
    end: event.end,
    countries: [...event.countries],
    host: event.host,
    guest: event.guest,
    participants: event.participants.map((p) => ({
      name: wellFormed(p.name),
      title: p.title === null ? null : wellFormed(p.title),
      country: p.country,
    })),
    location: {
      place: event.location.place === null ? null : wellFormed(event.location.place),
      city: event.location.city === null ? null : wellFormed(event.location.city),
      country: event.location.country,
    },
    part_of: event.part_of ? eventFeedId(event.part_of) : null,
    cameo: event.cameo,
    sources: diplomacySources(event.sources),
    sources_total: event.sources_total ?? event.sources.length,
    evidence: evidence.map((e) => ({
      field: e.fields[0]!,
      fields: e.fields,
      text: wellFormed(e.text),
    })),
  };
}

/** Sources as `_diplomacy.sources` lists them (url, title, published), well formed. */
export function diplomacySources(
  sources: readonly DiplomaticEvent['sources'][number][],
): DiplomacyExtension['sources'] {
  return sources.map((s) => ({
    url: s.url === null ? null : wellFormed(s.url),
    title: s.title === null ? null : wellFormed(s.title),
    published: wellFormed(s.published),
  }));
}

/** One event as a JSON Feed 1.1 item (also the body of `GET /events/{id}` as JSON). */
export function jsonFeedItem(event: DiplomaticEvent, page: FeedPage): JsonFeedItem {
  // the entry's parts JSON Feed shows (not the summary and categories of Atom and RSS)
  const lang = itemLanguage(page, event);
  const modified = rfc3339(event.modified, event.published);
  const strings = eventStrings(event, lang);
  const parts = contentParts(event, lang, page, strings);
  return {
    id: eventFeedId(event.id),
    url: eventUrl(event.id, page),
    title: eventTitle(event, lang, { today: page.today, strings }),
    content_html: eventContentHtml(event, lang, page, parts),
    date_published: rfc3339(event.published, modified),
    date_modified: modified,
    tags: entryTags(event),
    language: lang,
    _diplomacy: diplomacyExtension(event, parts.evidence),
  };
}

export function jsonFeed(page: FeedPage): JsonFeed {
  const meta = feedMeta(page);
  return {
    version: JSON_FEED_VERSION,
    title: meta.title,
    home_page_url: meta.homeUrl,
    feed_url: page.selfUrl,
    ...(page.nextUrl ? { next_url: page.nextUrl } : {}),
    description: meta.description,
    icon: meta.icon,
    favicon: meta.icon,
    language: meta.language,
    authors: [{ name: meta.author.name, url: meta.author.url }],
    items: page.events
      .filter((event) => !event.withdrawn)
      .map((event) => jsonFeedItem(event, page)),
  };
}

/** The JSON Feed document (UTF-8 JSON text, no BOM, not indented: whitespace would be
 *  a fifth of the bytes). */
export function renderJsonFeed(page: FeedPage): string {
  return `${JSON.stringify(jsonFeed(page))}\n`;
}
