// The store's port: every read and write the domain needs, nothing more. EventStore is
// what ingestion needs, FeedStore what the feed routes read besides; their one
// implementation is DynamoStore / DynamoFeedStore (dynamo-store.ts), and the same code
// runs against DynamoDB, DynamoDB Local and dynalite.
import type { FeedSelection } from '../domain/feed-query.js';
import type {
  ArticleRecord,
  EventHead,
  EventWithReports,
  FeedItemState,
  Ledger,
  LedgerEntry,
  Report,
  SourceState,
  StoredEvent,
  ViewMeta,
} from './items.js';

export interface FeedPageResult {
  events: EventHead[];
  /** sort key of the last posting read, when more follow */
  nextAfter: string | null;
}

/** The ledgers of one country set (domain/identity.ts ledgerKey) for these months. */
export interface LedgerRead {
  ledger: string;
  months: readonly string[];
}

export interface ArticleAndLedgers {
  article: ArticleRecord | null;
  /** by ledger, then month: version 0 and no entries for one that does not exist yet */
  ledgers: Map<string, Map<string, Ledger>>;
}

/** One event's postings to sync: all its current ones written and every stale one its
 *  history records deleted (`change` null), or only what one change of it moved. */
export interface PostingSync {
  event: StoredEvent;
  change: { write: readonly string[]; remove: readonly string[] } | null;
}

export interface EventStore {
  getArticle(articleId: string): Promise<ArticleRecord | null>;
  /** an article and the ledgers its reports are matched against: one consistent read */
  getArticleAndLedgers(
    articleId: string,
    ledgers: readonly LedgerRead[],
  ): Promise<ArticleAndLedgers>;
  /** records the article; false when it already holds `record.contentHash` (another
   *  ingest of the same content recorded it first), or, with `onlyNew`, when it holds
   *  any record */
  putArticle(
    articleId: string,
    record: ArticleRecord,
    options?: { onlyNew?: boolean },
  ): Promise<boolean>;

  /** consistent reads of one country set's ledgers for these months (version 0 and no
   *  entries for one that does not exist yet) */
  readLedgers(ledger: string, months: readonly string[]): Promise<Map<string, Ledger>>;
  /** raises a ledger's version without changing it; false when it is not at `expectedVersion` */
  fenceLedger(ledger: string, month: string, expectedVersion: number): Promise<boolean>;
  /** false when someone else wrote the ledger since `expectedVersion` */
  writeLedger(
    ledger: string,
    month: string,
    entries: LedgerEntry[],
    expectedVersion: number,
  ): Promise<boolean>;

  /** the head items of these events (consistent), by id; the missing left out */
  getEvents(ids: readonly string[]): Promise<Map<string, StoredEvent>>;
  /** the versions of these events' heads (consistent), by id; the missing left out */
  getEventVersions(ids: readonly string[]): Promise<Map<string, number>>;
  /** the head and every report of an event: one consistent Query (paged by size) */
  getEventWithReports(id: string): Promise<EventWithReports>;
  /** writes these report items (one request for up to 25) */
  putReports(reports: readonly { eventId: string; report: Report }[]): Promise<void>;
  deleteReports(eventId: string, keys: readonly string[]): Promise<void>;
  /** the heads of these events (what feeds render), in the order asked, the missing left out */
  getEventHeads(ids: readonly string[]): Promise<EventHead[]>;
  /** false when the stored version is not `expectedVersion` (null: must not exist) */
  putEvent(event: StoredEvent, expectedVersion: number | null): Promise<boolean>;
  /** writes and deletes the postings of these events (batched); the ids of the events
   *  it wrote or deleted any posting of */
  syncPostings(syncs: readonly PostingSync[]): Promise<string[]>;

  /** records a change of these feed views (a new token each) */
  touchViews(views: readonly string[], token: string, modified: string): Promise<void>;
}

/** The store as the feed routes read it: events, and feed pages with their change markers. */
export interface FeedStore extends EventStore {
  /** the head item (consistent) */
  getEvent(id: string): Promise<StoredEvent | null>;
  /** the head of one event (what its page renders) */
  getEventHead(id: string): Promise<EventHead | null>;
  /** every report of an event (for its page) */
  getReports(id: string): Promise<Report[]>;
  /** one page of a feed view set, newest first */
  queryFeed(query: FeedSelection, after: string | null): Promise<FeedPageResult>;
  /** the newest change of each view, in order; null for a view never changed */
  getViewMetas(views: readonly string[]): Promise<(ViewMeta | null)[]>;
}

/** What the poller (functions/poll/) keeps between runs, beside the events. */
export interface PollStateStore {
  getSourceState(source: string): Promise<SourceState | null>;
  putSourceState(state: SourceState): Promise<void>;
  getFeedItemState(url: string): Promise<FeedItemState | null>;
  putFeedItemState(state: FeedItemState): Promise<void>;
}

/** The store could not be reached or failed; the request may be retried. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
