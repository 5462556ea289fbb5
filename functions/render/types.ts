// What every renderer receives: one page of events and where it lives. Renderers are
// pure: the same page gives the same bytes (no clock, no randomness).
import type { DiplomaticEvent } from '../domain/event.js';

export type RenderLanguage = 'vi' | 'en';

export interface FeedPage {
  /** events of this page, newest first (by start, then id) */
  events: DiplomaticEvent[];
  /** absolute origin of the public site, no trailing slash, e.g. https://d123.cloudfront.net */
  baseUrl: string;
  /** absolute URL of this very document, query string included */
  selfUrl: string;
  /** absolute URL of the next page of the same feed, or null on the last page */
  nextUrl: string | null;
  /** `en` renders titles and summaries in English from the structured fields;
   *  null keeps each event in its article's language */
  lang: RenderLanguage | null;
  /** when the store last changed (RFC 3339): the feed-level `updated` */
  updated: string;
  /** absolute URLs of the other formats of this same view (for alternate links) */
  alternates: { atom: string; rss: string; json: string; ics: string; html: string; opml?: string };
  /** a human description of the filters in force, in the page's language
   *  (text.ts describeFilters), or null for the unfiltered feed */
  filterLabel: string | null;
  /** today (YYYY-MM-DD) where the page is served: an announced event whose date has
   *  passed says that no report has come since. Renderers have no clock; without it
   *  nothing is said. */
  today?: string | null;
  /** set when the calendar's window held more events than it lists (this many, the
   *  latest): the calendar says so */
  listedAtMost?: number | null;
}
