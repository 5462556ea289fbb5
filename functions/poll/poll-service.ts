// One polling run over every source: conditional GET of each feed, the new items'
// pages fetched and extracted, each article handed to the same ingest path as
// POST /articles. Sources run side by side (the fetcher keeps one request at a time
// per host), and a failing source only backs itself off.
//
// Nothing lost, nothing twice: an item is recorded `seen` before its page is fetched
// and `ingested` (or duplicate / skipped / failed) after; a feed's ETag/Last-Modified
// are stored only once all its items are settled, so a run that dies midway refetches
// the feed next time and resumes with the items still `seen`. An article is identified
// by its canonical URL, and one already stored is not ingested again.
import { ArticleInput, toArticle } from '../domain/article.js';
import { ingestArticle, type Extract } from '../ingest/ingest-article.js';
import type { SourceState } from '../store/items.js';
import type { EventStore, PollStateStore } from '../store/store.js';
import { parseFeed, toRfc3339, type FeedEntry } from './feed.js';
import { FetchError, type PoliteFetcher } from './fetcher.js';
import { extractPage } from './page.js';
import {
  backoffMs,
  chooseCanonical,
  isDue,
  isFeedType,
  isHtml,
  isTransientStatus,
  MAX_ITEM_ATTEMPTS,
  passesUrlFilter,
  selectEntries,
  type PolitenessLimits,
} from './politeness.js';
import type { Source } from './sources.js';

export interface PollLog {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

export interface PollDeps {
  store: EventStore & PollStateStore;
  extract: Extract;
  fetcher: Pick<PoliteFetcher, 'get'>;
  limits: PolitenessLimits;
  now: () => Date;
  log: PollLog;
  /** adds to a counter metric */
  count: (metric: PollMetric, value?: number) => void;
  maxItemsPerSource: number;
  /** true once no new item should be started (the invocation is nearly out of time) */
  outOfTime?: () => boolean;
}

export type PollMetric =
  | 'SourcesPolled'
  | 'SourcesNotModified'
  | 'SourceFailures'
  | 'PagesFetched'
  | 'ArticlesIngested'
  | 'ArticlesWithEvents'
  | 'ItemsDuplicate'
  | 'ItemsSkipped'
  | 'ItemsFailed';

export type ItemOutcome = 'known' | 'ingested' | 'duplicate' | 'skipped' | 'retry' | 'failed';

export interface SourceReport {
  source: string;
  status: 'ok' | 'not-modified' | 'failed' | 'backing-off' | 'incomplete';
  items: Record<ItemOutcome, number>;
  /** event ids the source's new articles contributed to */
  eventIds: string[];
  error: string | null;
}

export interface PollReport {
  sources: SourceReport[];
  ingested: number;
  failedSources: number;
}

export async function pollSources(sources: readonly Source[], deps: PollDeps): Promise<PollReport> {
  const reports = await Promise.all(sources.map((source) => pollSource(source, deps)));
  return {
    sources: reports,
    ingested: reports.reduce((n, r) => n + r.items.ingested, 0),
    failedSources: reports.filter((r) => r.status === 'failed').length,
  };
}

function emptyItems(): Record<ItemOutcome, number> {
  return { known: 0, ingested: 0, duplicate: 0, skipped: 0, retry: 0, failed: 0 };
}

/** Polls one source; never throws (its failure is in the report, the logs and metrics). */
export async function pollSource(source: Source, deps: PollDeps): Promise<SourceReport> {
  const report: SourceReport = { source: source.name, status: 'ok', items: emptyItems(), eventIds: [], error: null };
  let state: SourceState | null = null;
  try {
    state = (await deps.store.getSourceState(source.name)) ?? {
      source: source.name,
      etag: null,
      lastModified: null,
      failures: 0,
      retryAfter: null,
      lastError: null,
      polledAt: null,
    };
    if (!isDue(state.retryAfter, deps.now())) {
      deps.log.info('source backing off', { source: source.name, retryAfter: state.retryAfter, failures: state.failures });
      return { ...report, status: 'backing-off' };
    }
    const feed = await deps.fetcher.get(source.feedUrl, {
      maxBytes: deps.limits.maxFeedBytes,
      etag: state.etag,
      lastModified: state.lastModified,
      accept: isFeedType,
    });
    deps.count('SourcesPolled');
    if (feed.status === 304) {
      deps.count('SourcesNotModified');
      await deps.store.putSourceState({ ...state, failures: 0, retryAfter: null, lastError: null, polledAt: deps.now().toISOString() });
      return { ...report, status: 'not-modified' };
    }
    if (feed.status < 200 || feed.status >= 300) {
      throw new FetchError(`feed answered ${feed.status}`, isTransientStatus(feed.status), feed.status);
    }
    const parsed = parseFeed(feed.body, feed.url);
    if (parsed.rejected > 0) deps.log.warn('feed items without a usable link', { source: source.name, rejected: parsed.rejected });

    let complete = true;
    for (const entry of selectEntries(parsed.entries, source, deps.maxItemsPerSource)) {
      if (deps.outOfTime?.()) {
        complete = false;
        break;
      }
      const outcome = await pollItem(source, entry, deps, report);
      report.items[outcome]++;
      if (outcome === 'retry') complete = false;
    }
    // The validators only once every item is settled: otherwise a 304 next time would
    // hide the items still to do.
    await deps.store.putSourceState({
      ...state,
      ...(complete ? { etag: feed.header('etag'), lastModified: feed.header('last-modified') } : {}),
      failures: 0,
      retryAfter: null,
      lastError: null,
      polledAt: deps.now().toISOString(),
    });
    if (!complete) report.status = 'incomplete';
    deps.log.info('source polled', { ...report });
    return report;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.count('SourceFailures');
    const failures = (state?.failures ?? 0) + 1;
    const retryAfter = new Date(deps.now().getTime() + backoffMs(failures)).toISOString();
    deps.log.error('source failed', { source: source.name, failures, retryAfter, error: message });
    if (state) {
      try {
        await deps.store.putSourceState({ ...state, failures, retryAfter, lastError: message.slice(0, 1000) });
      } catch (stateError) {
        deps.log.error('source state not saved', { source: source.name, error: String(stateError) });
      }
    }
    return { ...report, status: 'failed', error: message };
  }
}

/** One feed item: settled once (ingested, duplicate, skipped, failed) or left to retry. */
async function pollItem(source: Source, entry: FeedEntry, deps: PollDeps, report: SourceReport): Promise<ItemOutcome> {
  const { store } = deps;
  const known = await store.getFeedItemState(entry.link);
  if (known && known.status !== 'seen') return 'known';
  const attempts = known?.attempts ?? 0;
  const settle = async (status: 'ingested' | 'duplicate' | 'skipped' | 'failed', extra: { articleKey?: string; eventIds?: string[]; reason?: string } = {}) => {
    await store.putFeedItemState({
      url: entry.link,
      source: source.name,
      status,
      attempts,
      articleKey: extra.articleKey ?? null,
      eventIds: extra.eventIds ?? [],
      reason: extra.reason ?? null,
      updatedAt: deps.now().toISOString(),
    });
  };
  if (!known) {
    await store.putFeedItemState({
      url: entry.link, source: source.name, status: 'seen', attempts: 0,
      articleKey: null, eventIds: [], reason: null, updatedAt: deps.now().toISOString(),
    });
  }
  const skip = async (reason: string) => {
    deps.count('ItemsSkipped');
    deps.log.warn('item skipped', { source: source.name, url: entry.link, reason });
    await settle('skipped', { reason });
    return 'skipped' as const;
  };

  let page;
  try {
    page = await deps.fetcher.get(entry.link, { maxBytes: deps.limits.maxPageBytes, accept: isHtml });
    deps.count('PagesFetched');
    if (page.status !== 200) throw new FetchError(`page answered ${page.status}`, isTransientStatus(page.status), page.status);
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    if (!error.transient) return skip(error.message);
    if (attempts + 1 >= MAX_ITEM_ATTEMPTS) {
      deps.count('ItemsFailed');
      deps.log.error('item given up', { source: source.name, url: entry.link, attempts: attempts + 1, error: error.message });
      await store.putFeedItemState({
        url: entry.link, source: source.name, status: 'failed', attempts: attempts + 1,
        articleKey: null, eventIds: [], reason: error.message, updatedAt: deps.now().toISOString(),
      });
      return 'failed';
    }
    deps.log.warn('item will be retried', { source: source.name, url: entry.link, attempts: attempts + 1, error: error.message });
    await store.putFeedItemState({
      url: entry.link, source: source.name, status: 'seen', attempts: attempts + 1,
      articleKey: null, eventIds: [], reason: error.message, updatedAt: deps.now().toISOString(),
    });
    return 'retry';
  }

  // a link inside the filter may redirect outside it: the page is judged where it ended
  if (!passesUrlFilter(source, page.url)) return skip(`redirected to ${page.url}, outside the source's urlFilter`);
  const extracted = extractPage(page.body, page.url);
  if (!extracted) return skip('no main text found');
  const key = chooseCanonical(extracted.canonicalUrl, page.url, source);
  const stored = await store.getArticle(key);
  if (stored) {
    // an article already in the store (another feed, another link to it, or this
    // item's own earlier attempt that died before it was marked) is not ingested again;
    // it was this item's own attempt when its `seen` mark names the same article
    const resumed = known?.status === 'seen' && known.articleKey === key;
    if (!resumed) deps.count('ItemsDuplicate');
    await settle(resumed ? 'ingested' : 'duplicate', { articleKey: key, eventIds: stored.eventIds });
    return resumed ? 'ingested' : 'duplicate';
  }
  const publishedAt = toRfc3339(extracted.publishedAt) ?? entry.published;
  if (!publishedAt) return skip('no publication time on the page or in the feed');
  const input = ArticleInput.safeParse({
    url: key,
    title: extracted.title ?? entry.title,
    publishedAt,
    language: source.language,
    source: source.outlet ?? source.name,
    text: extracted.text,
  });
  if (!input.success) {
    return skip(`not a valid article: ${input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  // the article this item is about to become, so that a run resuming after a crash
  // inside the ingest knows the stored article as this item's own (not a duplicate)
  await store.putFeedItemState({
    url: entry.link, source: source.name, status: 'seen', attempts,
    articleKey: key, eventIds: [], reason: null, updatedAt: deps.now().toISOString(),
  });
  const result = await ingestArticle(store, toArticle(input.data), deps.extract, deps.now);
  const eventIds = result.events.map((e) => e.id);
  deps.count('ArticlesIngested');
  if (eventIds.length > 0) deps.count('ArticlesWithEvents');
  report.eventIds.push(...eventIds);
  deps.log.info('article ingested', { source: source.name, url: key, events: eventIds.length });
  await settle('ingested', { articleKey: key, eventIds });
  return 'ingested';
}
