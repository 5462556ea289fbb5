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
import { canonicalArticleUrl } from '../domain/article-url.js';
import { articleId } from '../domain/report.js';
import { type Extract, ingestArticle } from '../ingest/ingest-article.js';
import type { FeedItemState, SourceFailures, SourceState } from '../store/items.js';
import type { EventStore, PollStateStore } from '../store/store.js';
import { parseFeed, type SourceItem, toRfc3339 } from './feed.js';
import { FetchError, type PoliteFetcher } from './fetcher.js';
import { type ExtractedPage, PageRefused } from './page.js';
import {
  backoffMs,
  chooseCanonical,
  isDue,
  isFeedType,
  isHtml,
  isTransientStatus,
  MAX_ITEM_ATTEMPTS,
  type PolitenessLimits,
  passesUrlFilter,
  selectEntries,
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
  /** an article page's main text and metadata, under the page-work limits (page-worker.ts) */
  extractPage: (html: string, url: string) => Promise<ExtractedPage | null>;
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

/** A source that answered (or has never been polled): due at once. */
const NO_FAILURES: SourceFailures = { failures: 0, retryAfter: null, lastError: null };

/** Polls one source; never throws (its failure is in the report, the logs and metrics). */
async function pollSource(source: Source, deps: PollDeps): Promise<SourceReport> {
  const report: SourceReport = {
    source: source.name,
    status: 'ok',
    items: emptyItems(),
    eventIds: [],
    error: null,
  };
  let state: SourceState | null = null;
  try {
    state = (await deps.store.getSourceState(source.name)) ?? {
      source: source.name,
      etag: null,
      lastModified: null,
      ...NO_FAILURES,
      polledAt: null,
    };
    if (!isDue(state.retryAfter, deps.now())) {
      deps.log.info('source backing off', {
        source: source.name,
        retryAfter: state.retryAfter,
        failures: state.failures,
      });
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
      await deps.store.putSourceState({
        ...state,
        ...NO_FAILURES,
        polledAt: deps.now().toISOString(),
      });
      return { ...report, status: 'not-modified' };
    }
    if (feed.status < 200 || feed.status >= 300) {
      throw new FetchError(
        `feed answered ${feed.status}`,
        isTransientStatus(feed.status),
        feed.status,
      );
    }
    const parsed = parseFeed(feed.body, feed.url);
    if (parsed.rejected > 0)
      deps.log.warn('feed items without a usable link', {
        source: source.name,
        rejected: parsed.rejected,
      });

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
      ...(complete
        ? { etag: feed.header('etag'), lastModified: feed.header('last-modified') }
        : {}),
      ...NO_FAILURES,
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
        await deps.store.putSourceState({
          ...state,
          failures,
          retryAfter,
          lastError: message.slice(0, 1000),
        });
      } catch (stateError) {
        deps.log.error('source state not saved', {
          source: source.name,
          error: String(stateError),
        });
      }
    }
    return { ...report, status: 'failed', error: message };
  }
}

/** How one attempt at an item ended, when it did not throw. */
type Settlement =
  | { status: 'ingested' | 'duplicate'; articleKey: string; eventIds: string[] }
  | { status: 'skipped'; reason: string };

/**
 * One feed item: settled once (ingested, duplicate, skipped, failed) or left to retry.
 * The attempt is counted before any work, so a run that dies inside it (a Lambda
 * timeout during parsing, a crash) has used it too; any error in the work fails this
 * attempt with its reason and the source goes on; a permanent one skips the item; the
 * third failed or interrupted attempt gives it up.
 */
async function pollItem(
  source: Source,
  entry: SourceItem,
  deps: PollDeps,
  report: SourceReport,
): Promise<ItemOutcome> {
  const { store } = deps;
  const known = await store.getFeedItemState(entry.link);
  if (known && known.status !== 'seen') return 'known';
  const attempts = (known?.attempts ?? 0) + 1;
  const record = (
    status: FeedItemState['status'],
    extra: Partial<Pick<FeedItemState, 'attempts' | 'articleKey' | 'eventIds' | 'reason'>> = {},
  ) =>
    store.putFeedItemState({
      url: entry.link,
      source: source.name,
      status,
      attempts: extra.attempts ?? attempts,
      articleKey: extra.articleKey ?? null,
      eventIds: extra.eventIds ?? [],
      reason: extra.reason ?? null,
      updatedAt: deps.now().toISOString(),
    });
  const giveUp = async (made: number, reason: string) => {
    deps.count('ItemsFailed');
    deps.log.error('item given up', {
      source: source.name,
      url: entry.link,
      attempts: made,
      error: reason,
    });
    await record('failed', { attempts: made, reason: reason.slice(0, 1000) });
    return 'failed' as const;
  };

  // earlier attempts all ended without settling it (errors, or runs that died inside it)
  if (attempts > MAX_ITEM_ATTEMPTS) {
    return giveUp(
      attempts - 1,
      `given up after ${attempts - 1} attempts: ${known?.reason ?? 'each one ended with its run'}`,
    );
  }
  // the article key of an earlier attempt is kept: a resumed run knows it as its own
  await record('seen', { articleKey: known?.articleKey ?? null, reason: known?.reason ?? null });

  let settlement: Settlement;
  try {
    settlement = await attemptItem(source, entry, deps, report, known, record);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // refused by the guard, a permanent answer, or a page over the page-work limits
    if (error instanceof PageRefused || (error instanceof FetchError && !error.transient)) {
      settlement = { status: 'skipped', reason: message };
    } else {
      // a failure of the store itself shows here too: if this write fails as well, the
      // store is gone and the source's run ends (the next run resumes)
      if (attempts >= MAX_ITEM_ATTEMPTS) return giveUp(attempts, message);
      deps.log.warn('item will be retried', {
        source: source.name,
        url: entry.link,
        attempts,
        error: message,
      });
      await record('seen', {
        articleKey: known?.articleKey ?? null,
        reason: message.slice(0, 1000),
      });
      return 'retry';
    }
  }
  if (settlement.status === 'skipped') {
    deps.count('ItemsSkipped');
    deps.log.warn('item skipped', {
      source: source.name,
      url: entry.link,
      reason: settlement.reason,
    });
    await record('skipped', { reason: settlement.reason.slice(0, 1000) });
    return 'skipped';
  }
  await record(settlement.status, {
    articleKey: settlement.articleKey,
    eventIds: settlement.eventIds,
  });
  return settlement.status;
}

/** One attempt at an item's page: fetch, extract, ingest. Throws what went wrong. */
async function attemptItem(
  source: Source,
  entry: SourceItem,
  deps: PollDeps,
  report: SourceReport,
  known: FeedItemState | null,
  record: (status: 'seen', extra: { articleKey: string }) => Promise<void>,
): Promise<Settlement> {
  const { store } = deps;
  const page = await deps.fetcher.get(entry.link, {
    maxBytes: deps.limits.maxPageBytes,
    accept: isHtml,
  });
  deps.count('PagesFetched');
  if (page.status !== 200)
    throw new FetchError(
      `page answered ${page.status}`,
      isTransientStatus(page.status),
      page.status,
    );
  // a link inside the filter may redirect outside it: the page is judged where it ended
  if (!passesUrlFilter(source, page.url))
    return {
      status: 'skipped',
      reason: `redirected to ${page.url}, outside the source's urlFilter`,
    };

  const extracted = await deps.extractPage(page.body, page.url);
  if (!extracted) return { status: 'skipped', reason: 'no main text found' };
  const key = canonicalArticleUrl(chooseCanonical(extracted.canonicalUrl, page.url, source));
  const stored = await store.getArticle(articleId(key));
  if (stored) {
    // an article already in the store (another feed, another link to it, or this
    // item's own earlier attempt that died before it was marked) is not ingested again;
    // it was this item's own attempt when its `seen` mark is this source's and names the
    // same article (a link in two sources shares one mark: the other source's mark, made
    // by its attempt running beside this one, is not this one's to resume)
    const resumed =
      known?.status === 'seen' && known.source === source.name && known.articleKey === key;
    if (!resumed) deps.count('ItemsDuplicate');
    return {
      status: resumed ? 'ingested' : 'duplicate',
      articleKey: key,
      eventIds: stored.eventIds,
    };
  }
  const publishedAt = toRfc3339(extracted.publishedAt) ?? entry.published;
  if (!publishedAt)
    return { status: 'skipped', reason: 'no publication time on the page or in the feed' };
  const input = ArticleInput.safeParse({
    url: key,
    title: extracted.title ?? entry.title,
    publishedAt,
    language: source.language,
    source: source.outlet ?? source.name,
    text: extracted.text,
  });
  if (!input.success) {
    return {
      status: 'skipped',
      reason: `not a valid article: ${input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    };
  }
  // the article this item is about to become, so that a run resuming after a crash
  // inside the ingest knows the stored article as this item's own (not a duplicate)
  await record('seen', { articleKey: key });
  const result = await ingestArticle(store, toArticle(input.data), deps.extract, deps.now);
  const eventIds = result.events.map((e) => e.id);
  // another ingest recorded the same article meanwhile (the other feed's link to it,
  // ingested side by side): this one is the duplicate
  if (!result.created) {
    deps.count('ItemsDuplicate');
    return { status: 'duplicate', articleKey: key, eventIds };
  }
  deps.count('ArticlesIngested');
  if (eventIds.length > 0) deps.count('ArticlesWithEvents');
  report.eventIds.push(...eventIds);
  deps.log.info('article ingested', { source: source.name, url: key, events: eventIds.length });
  return { status: 'ingested', articleKey: key, eventIds };
}
