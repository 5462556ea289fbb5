// The public identity of an event and of a feed: the one place that makes ids and
// URLs, so Atom <id>, RSS <guid>, JSON Feed `id` and the HTML links always agree.
import { createHash } from 'node:crypto';
import type { DiplomaticEvent } from '../domain/event.js';
import type { Vocabulary } from './text.js';
import type { FeedPage, RenderLanguage } from './types.js';

/**
 * The date in the feeds' `tag:` URIs (RFC 4151). It must never change once
 * published, whatever year it is: ids are compared character by character.
 */
export const TAG_DATE = '2024';

/**
 * encodeURIComponent, safe for any string: a lone surrogate (which would make
 * encodeURIComponent throw) becomes U+FFFD first.
 */
export function encodeIdPart(s: string): string {
  try {
    return encodeURIComponent(s); // throws URIError on a lone surrogate, and only then
  } catch {
    return encodeURIComponent(
      s.replace(
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
        '\uFFFD',
      ),
    );
  }
}

/** baseUrl without trailing slashes (the type says none; be forgiving). */
export function siteBase(page: Pick<FeedPage, 'baseUrl'>): string {
  return page.baseUrl.endsWith('/') ? page.baseUrl.replace(/\/+$/, '') : page.baseUrl;
}

/** The host name of the site (no port: RFC 4151 tagging entities are DNS names). */
export function siteHost(page: Pick<FeedPage, 'baseUrl'>): string {
  // asked for every category of every entry, and the same for every page of a
  // deployment: the last answer is remembered
  if (lastHost?.baseUrl !== page.baseUrl)
    lastHost = { baseUrl: page.baseUrl, host: new URL(siteBase(page)).hostname };
  return lastHost.host;
}
let lastHost: { baseUrl: string; host: string } | null = null;

/**
 * The id of an event in every feed format: a name-based UUID (RFC 9562 §5.5) of the
 * stored id, as a `urn:uuid:` URI. It depends on nothing but the event, so it survives
 * a new host name (a custom domain in front of CloudFront, localhost vs 127.0.0.1):
 * a reader never sees an item twice. Plain ASCII, unchanged by `new URL(id).href`
 * (the npm `feed` package passes Atom ids through `new URL`).
 */
export function eventFeedId(eventId: string): string {
  let id = FEED_IDS.get(eventId);
  if (id === undefined) {
    id = `${URN_UUID}${eventUuid(eventId)}`;
    // a pure function of the event id, asked for every item of every page: remembered,
    // and forgotten all at once past a bound so the memory stays small
    if (FEED_IDS.size >= MAX_REMEMBERED_IDS) FEED_IDS.clear();
    FEED_IDS.set(eventId, id);
  }
  return id;
}

/** How many feed ids are remembered (about 100 bytes each). */
const MAX_REMEMBERED_IDS = 10_000;
const FEED_IDS = new Map<string, string>();

/** The namespace of this project's event UUIDs (itself random, fixed forever). */
const EVENT_NAMESPACE = Buffer.from('6c1f0d52a8e34f0b9a4d2f3c5e7b9a11', 'hex');

function eventUuid(eventId: string): string {
  const bytes = createHash('sha1')
    .update(EVENT_NAMESPACE)
    .update(eventId, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Where the site's icon (render/icon.ts) is served. */
export const ICON_PATH = '/favicon.svg';

/** The absolute URL of the site's icon. */
export function iconUrl(page: Pick<FeedPage, 'baseUrl'>): string {
  return `${siteBase(page)}${ICON_PATH}`;
}

/** The home page in a language (Vietnamese is the default, with no parameter). */
export function homeUrl(page: Pick<FeedPage, 'baseUrl'>, lang: RenderLanguage | null): string {
  return `${siteBase(page)}/${languageQuery({ lang })}`;
}

/** The query an English page's links carry, so that a reader stays in English. */
const languageQuery = (page: { lang?: RenderLanguage | null }) =>
  page.lang === 'en' ? '?lang=en' : '';

/** One event as a calendar file: `${baseUrl}/events/${id}.ics`, in the page's language. */
export function eventCalendarUrl(
  eventId: string,
  page: Pick<FeedPage, 'baseUrl'> & { lang?: RenderLanguage | null },
): string {
  return `${siteBase(page)}/events/${encodeIdPart(eventId)}.ics${languageQuery(page)}`;
}

/** The permalink of an event: `${baseUrl}/events/${encodeURIComponent(id)}`, with
 *  `?lang=en` from an English page. */
export function eventUrl(
  eventId: string,
  page: Pick<FeedPage, 'baseUrl'> & { lang?: RenderLanguage | null },
): string {
  return `${siteBase(page)}/events/${encodeIdPart(eventId)}${languageQuery(page)}`;
}

/** The iCalendar UID: the event's UUID, the form RFC 7986 §5.3 recommends; stable
 *  across hosts like the feed ids. */
export function eventUid(event: Pick<DiplomaticEvent, 'id'>): string {
  return eventFeedId(event.id).slice(URN_UUID.length); // the remembered one
}
const URN_UUID = 'urn:uuid:';

/**
 * The id of the feed view (Atom feed <id>): the same for every page of the same
 * filtered view, i.e. the self URL's query without `cursor`.
 */
export function feedViewId(page: Pick<FeedPage, 'baseUrl' | 'selfUrl'>): string {
  if (!page.selfUrl.includes('?')) return `tag:${siteHost(page)},${TAG_DATE}:feed`; // no query to read
  let query = '';
  try {
    const params = new URLSearchParams(new URL(page.selfUrl).search);
    params.delete('cursor');
    params.sort();
    query = params.toString();
  } catch {
    query = '';
  }
  return `tag:${siteHost(page)},${TAG_DATE}:feed${query ? `?${query}` : ''}`;
}

/** The feed's tag scheme for a vocabulary (Atom category scheme, RSS category domain). */
export function vocabularyScheme(vocabulary: Vocabulary, page: Pick<FeedPage, 'baseUrl'>): string {
  return `tag:${siteHost(page)},${TAG_DATE}:${vocabulary}`;
}
