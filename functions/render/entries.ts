// One event as a feed entry, independent of the format: Atom, RSS and JSON Feed all
// take their ids, links, titles, texts, dates and categories from here, so the three
// formats agree (the acceptance harness compares ids, links and titles across them).
import type { DiplomaticEvent } from '../domain/event.js';
import { contentParts, eventContentHtml } from './content.js';
import { rfc3339 } from './dates.js';
import type { XmlFeedInput } from './feed-xml.js';
import { eventFeedId, eventUrl, feedViewId, homeUrl, iconUrl, vocabularyScheme } from './ids.js';
import {
  eventStrings,
  eventTerms,
  eventTitle,
  feedTitle,
  itemLanguage,
  renderLanguage,
  WORDS,
} from './text.js';
import type { FeedPage, RenderLanguage } from './types.js';

export interface EntryCategory {
  /** machine term: the type, category or status code, or an ISO country code */
  term: string;
  /** human label in the page's language */
  label: string;
  /** the vocabulary the term belongs to (a tag: URI) */
  scheme: string;
}

export interface FeedEntry {
  id: string;
  url: string;
  /** plain text, one line */
  title: string;
  /** plain text: one sentence (two for an announced event whose date has passed) */
  summary: string;
  /** HTML: facts, sources, evidence */
  contentHtml: string;
  /** RFC 3339 date-times */
  published: string;
  modified: string;
  /** JSON Feed tags: type, then the country codes (as in CONTRACT §3) */
  tags: string[];
  categories: EntryCategory[];
  /** the language the entry is written in (the feed's, or the event's own) */
  language: RenderLanguage;
}

export interface FeedMeta {
  id: string;
  title: string;
  description: string;
  language: RenderLanguage;
  homeUrl: string;
  author: { name: string; url: string };
  updated: string;
  /** absolute URL of the site's icon (Atom icon and logo, JSON Feed icon and favicon) */
  icon: string;
}

export function feedMeta(page: FeedPage): FeedMeta {
  const lang = renderLanguage(page);
  const home = homeUrl(page, lang);
  return {
    id: feedViewId(page),
    title: feedTitle(page),
    description: WORDS[lang].siteDescription,
    language: lang,
    homeUrl: home,
    author: { name: WORDS[lang].author, url: home },
    updated: rfc3339(page.updated),
    icon: iconUrl(page),
  };
}

/** What Atom and RSS are written from: the feed's metadata and links, and an entry for
 *  each event of the page that still stands (a withdrawn one is Atom's tombstone). */
export function xmlFeedInput(page: FeedPage): XmlFeedInput {
  return {
    meta: feedMeta(page),
    selfUrl: page.selfUrl,
    nextUrl: page.nextUrl,
    entries: page.events.filter((e) => !e.withdrawn).map((e) => feedEntry(e, page)),
  };
}

export function feedEntry(event: DiplomaticEvent, page: FeedPage): FeedEntry {
  const lang = itemLanguage(page, event);
  const modified = rfc3339(event.modified, event.published);
  const strings = eventStrings(event, lang);
  const parts = contentParts(event, lang, page, strings);
  const categories = eventTerms(event, lang).map(
    ({ vocabulary, term, label }): EntryCategory => ({
      term,
      label,
      scheme: vocabularyScheme(vocabulary, page),
    }),
  );
  return {
    id: eventFeedId(event.id),
    url: eventUrl(event.id, page),
    title: eventTitle(event, lang, { today: page.today, strings }),
    summary: parts.summary,
    contentHtml: eventContentHtml(event, lang, page, parts),
    published: rfc3339(event.published, modified),
    modified,
    tags: entryTags(event),
    categories,
    language: lang,
  };
}

/** JSON Feed tags: the type, then the country codes (as in CONTRACT §3). */
export function entryTags(event: Pick<DiplomaticEvent, 'type' | 'countries'>): string[] {
  return [event.type, ...event.countries];
}
