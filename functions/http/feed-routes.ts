// The read side: feeds, the home page, event pages and the health check. Each feed
// request costs one read of the change markers of the views it shows (at most one a
// second per view set: page-cache.ts), answers a 304 or a HEAD from them, and a 200
// from the page cache while they are unchanged; only a page not rendered under the
// current markers costs one Query per requested view, one BatchGetItem and a render.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { utcDay } from '../domain/dates.js';
import {
  CALENDAR_MAX_EVENTS,
  calendarWindow,
  canonicalQueryString,
  DEFAULT_LIMIT,
  type FeedQuery,
  markersFor,
  parseFeedQuery,
  parseLanguage,
  viewName,
} from '../domain/feed-query.js';
import { allSources } from '../domain/merge.js';
import { renderAtom } from '../render/atom.js';
import { renderErrorPage, renderEventPage, renderHomePage } from '../render/html.js';
import { renderCalendar } from '../render/ical.js';
import { ICON_SVG } from '../render/icon.js';
import { ICON_PATH } from '../render/ids.js';
import { diplomacySources, jsonFeedItem, renderJsonFeed } from '../render/jsonfeed.js';
import { renderOpml } from '../render/opml.js';
import { renderRss } from '../render/rss.js';
import { describeFilters, eventTitle, itemLanguage, renderLanguage } from '../render/text.js';
import type { FeedPage } from '../render/types.js';
import type { ViewMeta } from '../store/items.js';
import { publicEvent } from '../store/items.js';
import type { FeedStore } from '../store/store.js';
import { allowOnly, publicOrigin } from './app.js';
import {
  combineMarkers,
  FEED_CACHE_CONTROL,
  notModified,
  type Validators,
  validatorsFor,
} from './caching.js';
import { cursorKey, openCursor, signCursor } from './cursor.js';
import { type CachedPage, MarkerMemo, negotiateCoding, PageCache } from './page-cache.js';
import { PROBLEM_TYPE, problem, problemResponse } from './problem.js';

export interface FeedDeps {
  store: FeedStore;
  publicBaseUrl?: string | undefined;
  /** the secret that signs feed cursors (CURSOR_KEY); one per process when absent */
  cursorKey?: string | undefined;
  /** rendered pages kept in memory (a fresh 32 MB cache when absent) */
  pages?: PageCache;
  /** change markers reused for a moment (a fresh 1 s memo when absent) */
  markers?: MarkerMemo<(ViewMeta | null)[]>;
  /** the clock: the day `when=upcoming`/`past`, the calendar's window and "no report
   *  since" are counted from (the real one when absent) */
  now?: () => Date;
}

/** What the feed routes keep between requests. */
interface FeedState {
  store: FeedStore;
  publicBaseUrl: string | undefined;
  cursorKey: Buffer;
  pages: PageCache;
  markers: MarkerMemo<(ViewMeta | null)[]>;
  now: () => Date;
}

interface Format {
  contentType: string;
  render: (page: FeedPage) => string;
  /** lists a window of events rather than a page, unless `limit` or `cursor` asks for a
   *  page (calendar apps do not page: domain/feed-query.ts calendarWindow) */
  window?: boolean;
}

// The media types of what these routes answer, each written once.
const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const CALENDAR = 'text/calendar; charset=utf-8';
const OPML = 'text/x-opml; charset=utf-8';
const SVG = 'image/svg+xml; charset=utf-8';

const FORMATS: Record<string, Format> = {
  '/feeds/atom.xml': { contentType: 'application/atom+xml; charset=utf-8', render: renderAtom },
  '/feeds/rss.xml': { contentType: 'application/rss+xml; charset=utf-8', render: renderRss },
  '/feeds/feed.json': {
    contentType: 'application/feed+json; charset=utf-8',
    render: renderJsonFeed,
  },
  '/feeds/calendar.ics': { contentType: CALENDAR, render: renderCalendar, window: true },
  '/': { contentType: HTML, render: renderHomePage },
};

const EVENT_ID = /^[A-Za-z0-9]{1,64}$/;
/** What never changes within a release (the icon): a day in caches. */
const STATIC_CACHE_CONTROL = 'public, max-age=86400';

function cacheHeaders(v: Validators, extra: Record<string, string> = {}): Record<string, string> {
  return {
    etag: v.etag,
    'last-modified': v.lastModified,
    'cache-control': FEED_CACHE_CONTROL,
    'access-control-allow-origin': '*',
    ...extra,
  };
}

function badParameter(name: string, detail: string): Response {
  return problemResponse(
    problem(400, `query parameter \`${name}\` ${detail}`, { name, reason: detail }),
  );
}

export function feedRoutes(app: Hono, deps: FeedDeps): void {
  const state: FeedState = {
    store: deps.store,
    publicBaseUrl: deps.publicBaseUrl,
    cursorKey: cursorKey(deps.cursorKey),
    pages: deps.pages ?? new PageCache(),
    markers: deps.markers ?? new MarkerMemo(),
    now: deps.now ?? (() => new Date()),
  };
  app.use(errorPagesForBrowsers(deps.publicBaseUrl));
  for (const [path, format] of Object.entries(FORMATS)) {
    app.get(path, (c) => serveFeed(c, state, path, format));
    allowOnly(app, path, ['GET', 'HEAD']);
  }

  app.get('/events/:id', async (c) => {
    // `/events/{id}.ics`: the event alone, as a calendar file to add
    const named = c.req.param('id');
    const asCalendar = named.endsWith('.ics');
    const id = asCalendar ? named.slice(0, -'.ics'.length) : named;
    if (!EVENT_ID.test(id)) return problemResponse(problem(404, 'no such event'));
    const stored = await deps.store.getEventHead(id);
    if (!stored) return problemResponse(problem(404, `no event ${id}`));
    if (stored.withdrawn) {
      return problemResponse(
        problem(410, `event ${id} was withdrawn: no article reports it any more`),
      );
    }
    const lang = parseLanguage(new URL(c.req.url).searchParams);
    if (!lang.ok) return badParameter(lang.problem.parameter, lang.problem.detail);
    const wantsJson =
      !asCalendar && /application\/(feed\+)?json/.test(c.req.header('accept') ?? '');
    const form = asCalendar ? 'ics' : wantsJson ? 'json' : 'html';
    const origin = publicOrigin(c, deps.publicBaseUrl);
    // the day is part of the representation: an announced event says when its date has passed
    const today = utcDay(state.now());
    const validators = validatorsFor(
      { version: stored.version, modified: stored.modified },
      `event ${id} ${form} ${lang.lang ?? ''} ${origin} ${today}`,
    );
    const headers = cacheHeaders(validators, asCalendar ? {} : { vary: 'Accept' });
    if (notModified(validators, c.req.header('if-none-match'), c.req.header('if-modified-since'))) {
      return new Response(null, { status: 304, headers });
    }
    // the feeds it links to are in the page's language
    const view: FeedQuery = {
      country: [],
      type: [],
      limit: DEFAULT_LIMIT,
      ...(lang.lang ? { lang: lang.lang } : {}),
    };
    const event = publicEvent(stored);
    const page = pageOf(
      origin,
      `${origin}/events/${id}`,
      null,
      view,
      { modified: stored.modified },
      [event],
      null,
    );
    page.today = today;
    if (asCalendar) {
      page.filterLabel = eventTitle(event, itemLanguage(page, event), { today });
      return new Response(renderCalendar(page), {
        headers: { ...headers, 'content-type': CALENDAR },
      });
    }
    if (wantsJson) {
      // every source, from the event's reports; the text parts render the head's
      const item = jsonFeedItem(event, page);
      const sources = diplomacySources(allSources(await deps.store.getReports(id)));
      item._diplomacy = { ...item._diplomacy, sources, sources_total: sources.length };
      return new Response(JSON.stringify(item), {
        headers: { ...headers, 'content-type': JSON_TYPE },
      });
    }
    return new Response(renderEventPage(event, page), {
      headers: { ...headers, 'content-type': HTML },
    });
  });
  allowOnly(app, '/events/:id', ['GET', 'HEAD']);

  // the site's icon, for browsers and the feeds' icon and logo; /favicon.ico points at it
  app.get(ICON_PATH, () => {
    const validators = validatorsFor(null, `icon ${ICON_SVG}`);
    return new Response(ICON_SVG, {
      headers: {
        ...cacheHeaders(validators),
        'cache-control': STATIC_CACHE_CONTROL,
        'content-type': SVG,
      },
    });
  });
  allowOnly(app, ICON_PATH, ['GET', 'HEAD']);
  app.get(
    '/favicon.ico',
    () =>
      new Response(null, {
        status: 301,
        headers: { location: ICON_PATH, 'cache-control': STATIC_CACHE_CONTROL },
      }),
  );
  allowOnly(app, '/favicon.ico', ['GET', 'HEAD']);

  // OPML of the feeds (render/opml.ts): the filters and language it is asked with apply
  app.get('/feeds.opml', (c) => {
    const parsed = parseFeedQuery(new URL(c.req.url).searchParams);
    if (!parsed.ok) return badParameter(parsed.problem.parameter, parsed.problem.detail);
    const query = parsed.query;
    const origin = publicOrigin(c, deps.publicBaseUrl);
    const validators = validatorsFor(
      null,
      `opml ${origin}${canonicalQueryString({ ...query, cursor: undefined, limit: DEFAULT_LIMIT })}`,
    );
    const headers = cacheHeaders(validators, { 'content-type': OPML });
    if (notModified(validators, c.req.header('if-none-match'), c.req.header('if-modified-since'))) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(renderOpml({ baseUrl: origin, lang: query.lang ?? null, filters: query }), {
      headers,
    });
  });
  allowOnly(app, '/feeds.opml', ['GET', 'HEAD']);

  app.get('/healthz', async () => {
    // one read of what every feed reads first: the change marker of the view of all events
    await deps.store.getViewMetas([viewName([], null, null)]);
    return new Response(JSON.stringify({ status: 'ok' }), {
      headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store' },
    });
  });
  allowOnly(app, '/healthz', ['GET', 'HEAD']);
}

/**
 * A browser (Accept: text/html) gets an error as an HTML page in the language it asked
 * for (`lang`), with the same status and headers; every other client keeps the
 * problem+json body (RFC 9457). Middleware, so every error of every route, and the
 * not-found answer, are covered.
 */
function errorPagesForBrowsers(publicBaseUrl: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (res.status < 400 || !(res.headers.get('content-type') ?? '').startsWith(PROBLEM_TYPE))
      return;
    if (!/\btext\/html\b/.test(c.req.header('accept') ?? '')) return;
    let parameter: string | null = null;
    try {
      const body = (await res.clone().json()) as { 'invalid-params'?: { name?: unknown }[] };
      const name = body['invalid-params']?.[0]?.name;
      parameter = typeof name === 'string' ? name : null;
    } catch {
      parameter = null;
    }
    const lang = parseLanguage(new URL(c.req.url).searchParams);
    const html = renderErrorPage({
      status: res.status,
      lang: lang.ok && lang.lang === 'en' ? 'en' : 'vi',
      baseUrl: publicOrigin(c, publicBaseUrl),
      parameter,
    });
    const headers = new Headers(res.headers);
    headers.set('content-type', HTML);
    headers.append('vary', 'Accept');
    headers.delete('content-length');
    c.res = undefined;
    c.res = new Response(c.req.method === 'HEAD' ? null : html, { status: res.status, headers });
  };
}

/** The filters a cursor is bound to: the query without its cursor, page size and language. */
function cursorFilters(query: FeedQuery): string {
  return canonicalQueryString({
    ...query,
    cursor: undefined,
    limit: DEFAULT_LIMIT,
    lang: undefined,
  });
}

async function serveFeed(
  c: Context,
  state: FeedState,
  path: string,
  format: Format,
): Promise<Response> {
  const params = new URL(c.req.url).searchParams;
  const parsed = parseFeedQuery(params);
  if (!parsed.ok) return badParameter(parsed.problem.parameter, parsed.problem.detail);
  const query = parsed.query;
  const after = query.cursor
    ? openCursor(state.cursorKey, cursorFilters(query), query.cursor)
    : null;
  if (query.cursor && after === null)
    return badParameter('cursor', 'is not a cursor from this feed');

  const windowed =
    format.window === true &&
    !params.has('limit') &&
    !params.has('cursor') &&
    query.order !== 'updated';
  const origin = publicOrigin(c, state.publicBaseUrl);
  const selfUrl = `${origin}${path}${canonicalQueryString(query, query.cursor ?? null)}`;
  // the change markers of the views this page reads (feed-query.ts markerOf) decide a
  // 304 in one store read
  const markers = markersFor(query);
  const metas = await state.markers.get(markers.join('\n'), () =>
    state.store.getViewMetas(markers),
  );
  const marker = combineMarkers(metas.map((m) => m && { version: m.token, modified: m.modified }));
  // the day is part of the representation: `when`, the calendar's window and "no report
  // since" are counted from it, so a page changes at midnight (UTC) even with no ingest
  const today = utcDay(state.now());
  // (a window and a page of the default size have one URL: the key tells them apart)
  const representation = `${selfUrl} ${today}${windowed ? ' window' : ''}`;
  const validators = validatorsFor(marker, representation);
  const headers = cacheHeaders(validators, {
    'content-type': format.contentType,
    vary: 'Accept-Encoding',
  });
  if (notModified(validators, c.req.header('if-none-match'), c.req.header('if-modified-since'))) {
    return new Response(null, { status: 304, headers });
  }
  const key = representation;
  const cached = state.pages.get(key, validators.etag);
  // HEAD: the headers alone, from the markers; the length too when the page is at hand
  if (c.req.method === 'HEAD' && !cached) return new Response(null, { headers });

  const page =
    cached ??
    (await state.pages.obtain(key, validators.etag, () =>
      render(
        state,
        query,
        after,
        origin,
        path,
        selfUrl,
        marker,
        format,
        validators,
        today,
        windowed,
      ),
    ));
  const coding = negotiateCoding(c.req.header('accept-encoding'), page.body.byteLength);
  const body = state.pages.encoded(key, page, coding);
  return new Response(body, {
    headers: {
      ...headers,
      'content-length': String(body.byteLength),
      ...(coding === 'identity' ? {} : { 'content-encoding': coding }),
    },
  });
}

async function render(
  state: FeedState,
  query: FeedQuery,
  after: string | null,
  origin: string,
  path: string,
  selfUrl: string,
  marker: { modified: string },
  format: Format,
  validators: Validators,
  today: string,
  windowed: boolean,
): Promise<CachedPage> {
  const result = await state.store.queryFeed(
    windowed ? calendarWindow(query, today) : { ...query, today },
    after,
  );
  const nextUrl =
    result.nextAfter && !windowed
      ? `${origin}${path}${canonicalQueryString(query, signCursor(state.cursorKey, cursorFilters(query), result.nextAfter))}`
      : null;
  const label = describeFilters(query, renderLanguage({ lang: query.lang ?? null }));
  const page = pageOf(
    origin,
    selfUrl,
    nextUrl,
    query,
    marker,
    result.events.map(publicEvent),
    label,
  );
  page.today = today;
  // a window that held more than the calendar lists: it says so
  if (windowed && result.nextAfter) page.listedAtMost = CALENDAR_MAX_EVENTS;
  return {
    etag: validators.etag,
    lastModified: validators.lastModified,
    contentType: format.contentType,
    body: Buffer.from(format.render(page), 'utf8'),
  };
}

function pageOf(
  origin: string,
  selfUrl: string,
  nextUrl: string | null,
  query: FeedQuery | null,
  meta: { modified: string } | null,
  events: FeedPage['events'],
  filterLabel: string | null,
): FeedPage {
  const view = query ? canonicalQueryString({ ...query, cursor: undefined }) : '';
  return {
    events,
    baseUrl: origin,
    selfUrl,
    nextUrl,
    lang: query?.lang ?? null,
    updated: meta?.modified ?? '1970-01-01T00:00:00.000Z',
    alternates: {
      atom: `${origin}/feeds/atom.xml${view}`,
      rss: `${origin}/feeds/rss.xml${view}`,
      json: `${origin}/feeds/feed.json${view}`,
      ics: `${origin}/feeds/calendar.ics${view}`,
      html: `${origin}/${view}`,
      opml: `${origin}/feeds.opml${query ? canonicalQueryString({ ...query, cursor: undefined, limit: DEFAULT_LIMIT }) : ''}`,
    },
    filterLabel,
  };
}
