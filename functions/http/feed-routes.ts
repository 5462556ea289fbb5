// The read side: feeds, the home page, event pages and the health check. Each feed
// request costs one read of the change markers of the views it shows (at most one a
// second per view set: page-cache.ts), answers a 304 or a HEAD from them, and a 200
// from the page cache while they are unchanged; only a page not rendered under the
// current markers costs one Query per requested view, one BatchGetItem and a render.
import type { Context, Hono } from 'hono';
import {
  canonicalQueryString,
  DEFAULT_LIMIT,
  describeFilters,
  type FeedQuery,
  markersFor,
  parseFeedQuery,
  viewName,
} from '../domain/feed-query.js';
import { allSources } from '../domain/merge.js';
import { renderAtom } from '../render/atom.js';
import { renderEventPage, renderHomePage } from '../render/html.js';
import { renderCalendar } from '../render/ical.js';
import { jsonFeedItem, renderJsonFeed } from '../render/jsonfeed.js';
import { renderRss } from '../render/rss.js';
import type { FeedPage } from '../render/types.js';
import type { ViewMeta } from '../store/items.js';
import { publicEvent } from '../store/items.js';
import type { EventStore } from '../store/store.js';
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
import { problem, problemResponse } from './problem.js';

export interface FeedDeps {
  store: EventStore;
  publicBaseUrl?: string | undefined;
  /** the secret that signs feed cursors (CURSOR_KEY); one per process when absent */
  cursorKey?: string | undefined;
  /** rendered pages kept in memory (a fresh 32 MB cache when absent) */
  pages?: PageCache;
  /** change markers reused for a moment (a fresh 1 s memo when absent) */
  markers?: MarkerMemo<(ViewMeta | null)[]>;
}

/** What the feed routes keep between requests. */
interface FeedState {
  store: EventStore;
  publicBaseUrl: string | undefined;
  cursorKey: Buffer;
  pages: PageCache;
  markers: MarkerMemo<(ViewMeta | null)[]>;
}

interface Format {
  contentType: string;
  render: (page: FeedPage) => string;
}

// The media types of what these routes answer, each written once.
const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

const FORMATS: Record<string, Format> = {
  '/feeds/atom.xml': { contentType: 'application/atom+xml; charset=utf-8', render: renderAtom },
  '/feeds/rss.xml': { contentType: 'application/rss+xml; charset=utf-8', render: renderRss },
  '/feeds/feed.json': {
    contentType: 'application/feed+json; charset=utf-8',
    render: renderJsonFeed,
  },
  '/feeds/calendar.ics': { contentType: 'text/calendar; charset=utf-8', render: renderCalendar },
  '/': { contentType: HTML, render: renderHomePage },
};

const EVENT_ID = /^[A-Za-z0-9]{1,64}$/;

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
  };
  for (const [path, format] of Object.entries(FORMATS)) {
    app.get(path, (c) => serveFeed(c, state, path, format));
    allowOnly(app, path, ['GET', 'HEAD']);
  }

  app.get('/events/:id', async (c) => {
    const id = c.req.param('id');
    if (!EVENT_ID.test(id)) return problemResponse(problem(404, 'no such event'));
    const stored = await deps.store.getEventHead(id);
    if (!stored) return problemResponse(problem(404, `no event ${id}`));
    if (stored.withdrawn) {
      return problemResponse(
        problem(410, `event ${id} was withdrawn: no article reports it any more`),
      );
    }
    const wantsJson = /application\/(feed\+)?json/.test(c.req.header('accept') ?? '');
    const origin = publicOrigin(c, deps.publicBaseUrl);
    const validators = validatorsFor(
      { version: stored.version, modified: stored.modified },
      `event ${id} ${wantsJson ? 'json' : 'html'} ${origin}`,
    );
    const headers = cacheHeaders(validators, { vary: 'Accept' });
    if (notModified(validators, c.req.header('if-none-match'), c.req.header('if-modified-since'))) {
      return new Response(null, { status: 304, headers });
    }
    const page = pageOf(
      origin,
      `${origin}/events/${id}`,
      null,
      null,
      { modified: stored.modified },
      [publicEvent(stored)],
      null,
    );
    if (wantsJson) {
      // every source, from the event's reports; the text parts render the head's
      const item = jsonFeedItem(publicEvent(stored), page);
      const sources = allSources(await deps.store.getReports(id)).map((s) => ({
        url: s.url,
        title: s.title,
        published: s.published,
      }));
      item._diplomacy = { ...item._diplomacy, sources, sources_total: sources.length };
      return new Response(JSON.stringify(item), {
        headers: { ...headers, 'content-type': JSON_TYPE },
      });
    }
    return new Response(renderEventPage(publicEvent(stored), page), {
      headers: { ...headers, 'content-type': HTML },
    });
  });
  allowOnly(app, '/events/:id', ['GET', 'HEAD']);

  app.get('/healthz', async () => {
    // one read of what every feed reads first: the change marker of the view of all events
    await deps.store.getViewMetas([viewName([], null, null)]);
    return new Response(JSON.stringify({ status: 'ok' }), {
      headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store' },
    });
  });
  allowOnly(app, '/healthz', ['GET', 'HEAD']);
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

  const origin = publicOrigin(c, state.publicBaseUrl);
  const selfUrl = `${origin}${path}${canonicalQueryString(query, query.cursor ?? null)}`;
  // the change markers of the views this page reads (feed-query.ts markerOf) decide a
  // 304 in one store read
  const markers = markersFor(query);
  const metas = await state.markers.get(markers.join('\n'), () =>
    state.store.getViewMetas(markers),
  );
  const marker = combineMarkers(metas.map((m) => m && { version: m.token, modified: m.modified }));
  const validators = validatorsFor(marker, selfUrl);
  const headers = cacheHeaders(validators, {
    'content-type': format.contentType,
    vary: 'Accept-Encoding',
  });
  if (notModified(validators, c.req.header('if-none-match'), c.req.header('if-modified-since'))) {
    return new Response(null, { status: 304, headers });
  }
  const key = selfUrl;
  const cached = state.pages.get(key, validators.etag);
  // HEAD: the headers alone, from the markers; the length too when the page is at hand
  if (c.req.method === 'HEAD' && !cached) return new Response(null, { headers });

  const page =
    cached ??
    (await state.pages.obtain(key, validators.etag, () =>
      render(state, query, after, origin, path, selfUrl, marker, format, validators),
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
): Promise<CachedPage> {
  const result = await state.store.queryFeed(query, after);
  const nextUrl = result.nextAfter
    ? `${origin}${path}${canonicalQueryString(query, signCursor(state.cursorKey, cursorFilters(query), result.nextAfter))}`
    : null;
  const page = pageOf(
    origin,
    selfUrl,
    nextUrl,
    query,
    marker,
    result.events.map(publicEvent),
    describeFilters(query),
  );
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
    },
    filterLabel,
  };
}
