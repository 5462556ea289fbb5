// The feed filters of CONTRACT §1 and the feed views ("postings") that answer them.
//
// Every event is listed in one feed view per combination of: a subset of its
// countries (up to three), its type or its category or neither, its status or not.
// A filtered page is then one Query on one view (or one per requested type, merged),
// reading only the items it returns.
import * as z from 'zod/mini';
import {
  CATEGORIES,
  type Category,
  CountryCode,
  categoryOf,
  type EventFacts,
  EventType,
  STATUSES,
} from './event.js';

const MAX_FILTER_COUNTRIES = 3;
export const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

const isoDay = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD'),
  z.refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'is not a real date'),
);

const Kind = z.union([EventType, z.enum(CATEGORIES)]);

export const FeedQuery = z
  .object({
    country: z
      .array(CountryCode)
      .check(z.maxLength(MAX_FILTER_COUNTRIES, `at most ${MAX_FILTER_COUNTRIES} countries`)),
    type: z.array(Kind).check(z.maxLength(8)),
    status: z.optional(z.enum(STATUSES)),
    from: z.optional(isoDay),
    to: z.optional(isoDay),
    limit: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_LIMIT)),
    cursor: z.optional(
      z.string().check(z.regex(/^[A-Za-z0-9_-]{1,200}$/, 'is not a cursor from this feed')),
    ),
    lang: z.optional(z.enum(['en', 'vi'])),
  })
  .check(
    z.refine((q) => !q.from || !q.to || q.from <= q.to, {
      message: 'must not be after `to`',
      path: ['from'],
    }),
  );
export type FeedQuery = z.infer<typeof FeedQuery>;

const FEED_PARAMETERS = [
  'country',
  'type',
  'status',
  'from',
  'to',
  'limit',
  'cursor',
  'lang',
] as const;
const REPEATABLE: ReadonlySet<string> = new Set(['country', 'type']);

export type QueryProblem = { parameter: string; detail: string };

/** Reads the filters from a query string; names the first offending parameter. */
export function parseFeedQuery(
  params: URLSearchParams,
): { ok: true; query: FeedQuery } | { ok: false; problem: QueryProblem } {
  for (const name of new Set(params.keys())) {
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
    status: params.get('status') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    limit:
      limitText === null
        ? DEFAULT_LIMIT
        : /^\d{1,4}$/.test(limitText)
          ? Number(limitText)
          : Number.NaN,
    cursor: params.get('cursor') ?? undefined,
    lang: params.get('lang') ?? undefined,
  };
  const parsed = FeedQuery.safeParse(raw);
  if (parsed.success) return { ok: true, query: parsed.data };
  const issue = parsed.error.issues[0]!;
  const parameter = String(issue.path[0] ?? 'query');
  const detail = issue.message === 'Invalid input' ? describeInvalid(parameter) : issue.message;
  return { ok: false, problem: { parameter, detail } };
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
export function viewsFor(query: Pick<FeedQuery, 'country' | 'type' | 'status'>): string[] {
  const kinds = query.type.length > 0 ? query.type : [null];
  return kinds.map((k) => viewName(query.country, k, query.status ?? null));
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
 *  A month-only start counts as before the 1st of its month: `from` on the 1st takes
 *  the month in, any later day leaves it out. */
export function matchesQuery(
  facts: Pick<EventFacts, 'countries' | 'type' | 'category' | 'status' | 'start'>,
  query: Pick<FeedQuery, 'country' | 'type' | 'status' | 'from' | 'to'>,
): boolean {
  if (!query.country.every((c) => facts.countries.includes(c))) return false;
  if (query.type.length > 0 && !query.type.some((t) => t === facts.type || t === facts.category))
    return false;
  if (query.status && facts.status !== query.status) return false;
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
  if (query.lang) params.set('lang', query.lang);
  if (cursor) params.set('cursor', cursor);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** A short human description of the filters, or null for the whole feed. */
export function describeFilters(query: FeedQuery): string | null {
  const parts: string[] = [];
  if (query.country.length > 0) parts.push(query.country.join(' + '));
  if (query.type.length > 0) parts.push(query.type.join(' | '));
  if (query.status) parts.push(query.status);
  if (query.from || query.to) parts.push(`${query.from ?? '…'} – ${query.to ?? '…'}`);
  return parts.length > 0 ? parts.join(', ') : null;
}
