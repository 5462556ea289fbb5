// The public identity of an event and of a feed: the one place that makes ids and
// URLs, so Atom <id>, RSS <guid>, JSON Feed `id` and the HTML links always agree.
import type { DiplomaticEvent } from '../domain/event.js';
import type { FeedPage } from './types.js';

/**
 * The date in every `tag:` URI (RFC 4151). It must never change once published,
 * whatever year it is: ids are compared character by character.
 */
export const TAG_DATE = '2024';

/**
 * encodeURIComponent, safe for any string: a lone surrogate (which would make
 * encodeURIComponent throw) becomes U+FFFD first.
 */
export function encodeIdPart(s: string): string {
  return encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

/** baseUrl without trailing slashes (the type says none; be forgiving). */
export function siteBase(page: Pick<FeedPage, 'baseUrl'>): string {
  return page.baseUrl.replace(/\/+$/, '');
}

/** The host name of the site (no port: RFC 4151 tagging entities are DNS names). */
export function siteHost(page: Pick<FeedPage, 'baseUrl'>): string {
  return new URL(siteBase(page)).hostname;
}

/**
 * The id of an event in every feed format: `tag:<host>,2024:event/<id>` with the
 * stored id percent-encoded, so the string is plain ASCII and `new URL(id).href`
 * leaves it unchanged (the npm `feed` package passes Atom ids through `new URL`).
 */
export function eventFeedId(eventId: string, page: Pick<FeedPage, 'baseUrl'>): string {
  return `tag:${siteHost(page)},${TAG_DATE}:event/${encodeIdPart(eventId)}`;
}

/** The permalink of an event: `${baseUrl}/events/${encodeURIComponent(id)}`. */
export function eventUrl(eventId: string, page: Pick<FeedPage, 'baseUrl'>): string {
  return `${siteBase(page)}/events/${encodeIdPart(eventId)}`;
}

/**
 * The iCalendar UID: `<id>@<host>` (RFC 5545 §3.8.4.7's recommended form). The id is
 * percent-encoded, so the value needs no TEXT escaping (no `,` `;` `\`).
 */
export function eventUid(event: Pick<DiplomaticEvent, 'id'>, page: Pick<FeedPage, 'baseUrl'>): string {
  return `${encodeIdPart(event.id)}@${siteHost(page)}`;
}

/**
 * The id of the feed view (Atom feed <id>): the same for every page of the same
 * filtered view, i.e. the self URL's query without `cursor`.
 */
export function feedViewId(page: Pick<FeedPage, 'baseUrl' | 'selfUrl'>): string {
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
export function vocabularyScheme(
  vocabulary: 'type' | 'category' | 'status' | 'country',
  page: Pick<FeedPage, 'baseUrl'>,
): string {
  return `tag:${siteHost(page)},${TAG_DATE}:${vocabulary}`;
}
