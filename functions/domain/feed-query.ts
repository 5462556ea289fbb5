// The feed filters of CONTRACT §1 and the feed views ("postings") that answer them.
//
// Every event is listed in one feed view per combination of: a subset of its
// countries (up to three), its type or its category or neither, its status or not,
// ordered by start; and in one more view, CHANGES_VIEW, ordered by its last change
// (`order=updated`). A filtered page is then one Query on one view (or one per
// requested type, merged), reading only the items it returns.
import * as z from 'zod/mini';
import countryCodes from './data/country-codes.json' with { type: 'json' };
import { addDays, lastDay } from './dates.js';
import {
  CATEGORIES,
  type Category,
  categoryOf,
  type EventFacts,
  EventType,
  STATUSES,
} from './event.js';
import { isTrackingParameter } from './tracking-parameters.js';

const MAX_FILTER_COUNTRIES = 3;
export const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;
/** The calendar lists a window of events, not a page (calendar apps do not page): at
 *  most this many, the latest by start; the window's older events are left out, and
 *  the calendar says so. */
export const CALENDAR_MAX_EVENTS = 1000;
/** The calendar's default window: every upcoming event, and those that started in
 *  the last this many months (from the 1st of the month). */
export const CALENDAR_PAST_MONTHS = 12;

const isoDay = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD'),
  z.refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'is not a real date'),
);

const Kind = z.union([EventType, z.enum(CATEGORIES)]);
const Language = z.optional(z.enum(['en', 'vi']));
/** `upcoming`: events starting today or later (a month-only start counts through its
 *  month); `past`: events that started before today. Today is UTC (dates.ts utcDay). */
export const WHEN = ['upcoming', 'past'] as const;
export type When = (typeof WHEN)[number];
/** `start`: newest event first (the default); `updated`: the latest change first, every
 *  event, no other filter (for keeping a copy in sync). */
export const ORDERS = ['start', 'updated'] as const;
/** The view that lists every event by its last change. Not a filter view's name
 *  (those are `*` or start with `c=`, `k=`, `s=`). */
export const CHANGES_VIEW = 'order=updated';

/**
 * The filters' schema, built on first use (feedQuerySchema): the ingest function shares
 * this module (feed views) but reads no query, and so bundles neither the schema nor
 * the country codes (its bundle is near its 500 KB budget).
 */
function buildFeedQuery() {
  /** The ISO 3166-1 alpha-2 codes a filter may name (data/country-codes.json): any
   *  other code is refused like any other bad value, not answered with an empty feed. */
  const assignedCountries: ReadonlySet<string> = new Set(countryCodes.codes);
  const FilterCountry = z.string().check(
    z.refine((c) => assignedCountries.has(c), {
      error: (issue) =>
        `has ${JSON.stringify(String(issue.input).slice(0, 16))}, which is not an ISO 3166-1 alpha-2 country code (e.g. VN or LA,VN)`,
    }),
  );
  return z
    .object({
      country: z
        .array(FilterCountry)
        .check(z.maxLength(MAX_FILTER_COUNTRIES, `at most ${MAX_FILTER_COUNTRIES} countries`)),
      type: z.array(Kind).check(z.maxLength(8)),
      status: z.optional(z.enum(STATUSES)),
      from: z.optional(isoDay),
      to: z.optional(isoDay),
      limit: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_LIMIT)),
      cursor: z.optional(
        z.string().check(z.regex(/^[A-Za-z0-9_-]{1,200}$/, 'is not a cursor from this feed')),
      ),
      lang: Language,
      when: z.optional(z.enum(WHEN)),
      order: z.optional(z.enum(ORDERS)),
    })
    .check(
      z.refine((q) => !q.from || !q.to || q.from <= q.to, {
        message: 'must not be after `to`',
        path: ['from'],
      }),
      z.refine(
        (q) =>
          q.order !== 'updated' ||
          (!q.country.length && !q.type.length && !q.status && !q.from && !q.to && !q.when),
        {
          message:
            'updated lists every event by its last change and takes no other filter (country, type, status, from, to, when)',
          path: ['order'],
        },
      ),
    );
}
let feedQuery: ReturnType<typeof buildFeedQuery> | undefined;
function feedQuerySchema(): ReturnType<typeof buildFeedQuery> {
  feedQuery ??= buildFeedQuery();
  return feedQuery;
}
export type FeedQuery = z.infer<ReturnType<typeof buildFeedQuery>>;

const FEED_PARAMETERS = [
  'country',
  'type',
  'status',
  'from',
  'to',
  'when',
  'order',
  'limit',
  'cursor',
  'lang',
] as const;
const REPEATABLE: ReadonlySet<string> = new Set(['country', 'type']);

export type QueryProblem = { parameter: string; detail: string };

/** Reads the filters from a query string; names the first offending parameter.
 *  Tracking parameters (`utm_*`, `fbclid`, … : tracking-parameters.ts) are ignored, so
 *  a shared link is the same feed, with the same self link and ETag. Values from a
 *  closed set (country, type, status, when, order, lang) are read in any letter case. */
export function parseFeedQuery(
  params: URLSearchParams,
): { ok: true; query: FeedQuery } | { ok: false; problem: QueryProblem } {
  for (const name of new Set(params.keys())) {
    if (isTrackingParameter(name)) continue;
    if (!(FEED_PARAMETERS as readonly string[]).includes(name)) {
      return {
        ok: false,
        problem: {
          parameter: name,
          detail: `unknown parameter; known: ${FEED_PARAMETERS.join(', ')}`,
        },
      };
    }
    if (!REPEATABLE.has(name) && params.getAll(name).length > 1) {
      return { ok: false, problem: { parameter: name, detail: 'must be given once' } };
    }
  }
  const list = (name: string) =>
    params
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v.length > 0);
  const limitText = params.get('limit');
  const raw = {
    country: [...new Set(list('country').map((c) => c.toUpperCase()))].sort(),
    type: [...new Set(list('type').map((t) => t.toLowerCase()))].sort(),
    status: params.get('status')?.toLowerCase(),
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    limit:
      limitText === null
        ? DEFAULT_LIMIT
        : /^\d{1,4}$/.test(limitText)
          ? Number(limitText)
          : Number.NaN,
    cursor: params.get('cursor') ?? undefined,
    lang: params.get('lang')?.toLowerCase(),
    when: params.get('when')?.toLowerCase(),
    // the default order is no parameter: one spelling per view
    order:
      params.get('order')?.toLowerCase() === 'start'
        ? undefined
        : params.get('order')?.toLowerCase(),
  };
  const parsed = feedQuerySchema().safeParse(raw);
  if (parsed.success) return { ok: true, query: parsed.data };
  const issue = parsed.error.issues[0]!;
  const parameter = String(issue.path[0] ?? 'query');
  const detail = issue.message === 'Invalid input' ? describeInvalid(parameter) : issue.message;
  return { ok: false, problem: { parameter, detail } };
}

/** The `lang` parameter of a page that takes no filters (an event's page): read in any
 *  letter case; every other parameter is left alone. */
export function parseLanguage(
  params: URLSearchParams,
): { ok: true; lang: 'en' | 'vi' | undefined } | { ok: false; problem: QueryProblem } {
  if (params.getAll('lang').length > 1)
    return { ok: false, problem: { parameter: 'lang', detail: 'must be given once' } };
  const parsed = Language.safeParse(params.get('lang')?.toLowerCase());
  return parsed.success
    ? { ok: true, lang: parsed.data }
    : { ok: false, problem: { parameter: 'lang', detail: describeInvalid('lang') } };
}

function describeInvalid(parameter: string): string {
  switch (parameter) {
    case 'country':
      return 'must be ISO 3166-1 alpha-2 codes, e.g. VN or LA,VN';
    case 'type':
      return 'must be event types or categories (CONTRACT §3), e.g. state_visit or meeting';
    case 'status':
      return 'must be announced or held';
    case 'limit':
      return `must be a whole number from 1 to ${MAX_LIMIT}`;
    case 'lang':
      return 'must be en or vi';
    case 'when':
      return 'must be upcoming or past';
    case 'order':
      return 'must be start or updated';
    default:
      return 'is not valid';
  }
}

/** The name of one feed view. */
export function viewName(
  countries: readonly string[],
  kind: string | null,
  status: string | null,
): string {
  const parts: string[] = [];
  if (countries.length > 0) parts.push(`c=${countries.join('+')}`);
  if (kind) parts.push(`k=${kind}`);
  if (status) parts.push(`s=${status}`);
  return parts.length > 0 ? parts.join(';') : '*';
}

function subsets<T>(items: readonly T[], maxSize: number): T[][] {
  const out: T[][] = [[]];
  for (const item of items) {
    const grown = out.filter((s) => s.length < maxSize).map((s) => [...s, item]);
    out.push(...grown);
  }
  return out;
}

/** Every feed view an event with these facts is listed in. */
export function viewsOf(
  facts: Pick<EventFacts, 'countries' | 'type' | 'category' | 'status'>,
): string[] {
  const countries = [...new Set(facts.countries)].sort();
  const kinds = [...new Set<string | null>([null, facts.type, facts.category])];
  const views: string[] = [];
  for (const set of subsets(countries, MAX_FILTER_COUNTRIES)) {
    for (const kind of kinds) {
      for (const status of [null, facts.status]) views.push(viewName(set, kind, status));
    }
  }
  return views;
}

/** The feed views a query reads: one, or one per requested type (any of them). */
export function viewsFor(
  query: Pick<FeedQuery, 'country' | 'type' | 'status' | 'order'>,
): string[] {
  if (query.order === 'updated') return [CHANGES_VIEW];
  const kinds = query.type.length > 0 ? query.type : [null];
  return kinds.map((k) => viewName(query.country, k, query.status ?? null));
}

/** What the store reads for a query: its filters, and the day `when` is counted from
 *  (required with `when`). */
export type FeedSelection = Pick<
  FeedQuery,
  'country' | 'type' | 'status' | 'from' | 'to' | 'limit' | 'when' | 'order'
> & { today?: string };

/** The start days a selection reads (inclusive ISO days, open when absent): its `from`
 *  and `to`, narrowed by `when`. `upcoming` reads from the 1st of today's month (a
 *  month-only start of this month may be to come; matchesQuery drops the days before
 *  today), `past` up to yesterday (matchesQuery drops this month's month-only starts). */
export function startBounds(q: Pick<FeedSelection, 'from' | 'to' | 'when' | 'today'>): {
  from?: string;
  to?: string;
} {
  let { from, to } = q;
  if (q.when) {
    if (!q.today) throw new Error('a `when` filter needs the day it is counted from');
    if (q.when === 'upcoming') {
      const first = `${q.today.slice(0, 7)}-01`;
      if (!from || from < first) from = first;
    } else {
      const yesterday = addDays(q.today, -1);
      if (!to || to > yesterday) to = yesterday;
    }
  }
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/**
 * What the calendar lists for a query on a day: every event in its window, up to
 * CALENDAR_MAX_EVENTS. The window is `from`–`to` when either is given (each open when
 * absent), else every upcoming event and the past CALENDAR_PAST_MONTHS months.
 */
export function calendarWindow(query: FeedQuery, today: string): FeedSelection {
  const given = query.from !== undefined || query.to !== undefined;
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - CALENDAR_PAST_MONTHS;
  const start = new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 10);
  return { ...query, ...(given ? {} : { from: start }), limit: CALENDAR_MAX_EVENTS, today };
}

/** The category a kind (an event type or a category) belongs to; null for none. */
function categoryOfKind(kind: string): Category | null {
  if ((CATEGORIES as readonly string[]).includes(kind)) return kind as Category;
  const type = EventType.safeParse(kind);
  return type.success ? categoryOf(type.data) : null;
}

/**
 * The change marker a view's validators come from: the view of the same countries and
 * of its kind's category, any status. An ingest moves the marker of every view its
 * events are or were listed in, so a view's marker moves whenever an event it may show
 * changes; it also moves, as a spare refetch, for an event of the same countries and
 * category of another type or status. One marker stands for the three to six views of
 * an event's country subset, so an ingest writes a third of the markers it would write
 * with one per view (they were most of the items an article wrote).
 */
export function markerOf(view: string): string {
  const parts: string[] = [];
  for (const part of view.split(';')) {
    if (part.startsWith('c=')) parts.push(part);
    else if (part.startsWith('k=')) {
      const category = categoryOfKind(part.slice(2));
      if (category) parts.push(`k=${category}`);
    }
  }
  return parts.length > 0 ? parts.join(';') : '*';
}

/** The change markers a query's validators come from (one per category it reads). */
export function markersFor(query: Pick<FeedQuery, 'country' | 'type' | 'status'>): string[] {
  return [...new Set(viewsFor(query).map(markerOf))];
}

/** Whether an event belongs in a query's result: checks a posting against its event.
 *  A month-only start counts as before the 1st of its month for `from` and `to` (`from`
 *  on the 1st takes the month in, any later day leaves it out), and through its month
 *  for `when` (this month's is upcoming, not past). */
export function matchesQuery(
  facts: Pick<EventFacts, 'countries' | 'type' | 'category' | 'status' | 'start'>,
  query: Pick<FeedSelection, 'country' | 'type' | 'status' | 'from' | 'to' | 'when' | 'today'>,
): boolean {
  if (!query.country.every((c) => facts.countries.includes(c))) return false;
  if (query.type.length > 0 && !query.type.some((t) => t === facts.type || t === facts.category))
    return false;
  if (query.status && facts.status !== query.status) return false;
  if (query.when && query.today) {
    const upcoming = lastDay(facts.start) >= query.today;
    if (upcoming !== (query.when === 'upcoming')) return false;
  }
  if (facts.start.length === 7) {
    const month = facts.start;
    if (
      query.from &&
      (month < query.from.slice(0, 7) ||
        (month === query.from.slice(0, 7) && !query.from.endsWith('-01')))
    )
      return false;
    if (query.to && month > query.to.slice(0, 7)) return false;
    return true;
  }
  if (query.from && facts.start < query.from) return false;
  if (query.to && facts.start > query.to) return false;
  return true;
}

/** The query string of a feed view in one canonical order, so that equal views have
 *  equal URLs (and ETags), and `next` links are stable. */
export function canonicalQueryString(query: FeedQuery, cursor: string | null = null): string {
  const params = new URLSearchParams();
  if (query.country.length > 0) params.set('country', query.country.join(','));
  if (query.type.length > 0) params.set('type', query.type.join(','));
  if (query.status) params.set('status', query.status);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.limit !== DEFAULT_LIMIT) params.set('limit', String(query.limit));
  if (query.when) params.set('when', query.when);
  if (query.order) params.set('order', query.order);
  if (query.lang) params.set('lang', query.lang);
  if (cursor) params.set('cursor', cursor);
  const s = params.toString();
  return s ? `?${s}` : '';
}
