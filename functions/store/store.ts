// The store's port: every read and write the domain needs, nothing more. The one
// implementation is DynamoStore (dynamo-store.ts); the same code runs against
// DynamoDB, DynamoDB Local and dynalite.
import type { FeedQuery } from '../domain/feed-query.js';
import type { ArticleRecord, EventHead, FeedItemState, Ledger, Meta, SourceState, StoredEvent, ViewMeta } from './items.js';
import type { LedgerEntry } from '../domain/identity.js';

export interface FeedPageResult {
  events: EventHead[];
  /** sort key of the last posting read, when more follow */
  nextAfter: string | null;
}

export interface EventStore {
  getArticle(key: string): Promise<ArticleRecord | null>;
  putArticle(record: ArticleRecord): Promise<void>;

  /** consistent read of one ledger; version 0 when it does not exist yet */
  readLedger(ledger: string): Promise<Ledger>;
  /** false when someone else wrote the ledger since `expectedVersion` */
  writeLedger(ledger: string, entries: LedgerEntry[], expectedVersion: number): Promise<boolean>;

  getEvent(id: string): Promise<StoredEvent | null>;
  /** the head of one event (what its page renders) */
  getEventHead(id: string): Promise<EventHead | null>;
  /** the heads of these events (what feeds render), in the order asked, the missing left out */
  getEventHeads(ids: readonly string[]): Promise<EventHead[]>;
  /** false when the stored version is not `expectedVersion` (null: must not exist) */
  putEvent(event: StoredEvent, expectedVersion: number | null): Promise<boolean>;
  /** writes the event's current postings and deletes the stale ones it records */
  syncPostings(event: StoredEvent): Promise<void>;

  /** one page of a feed view set, newest first */
  queryFeed(
    query: Pick<FeedQuery, 'country' | 'type' | 'status' | 'from' | 'to' | 'limit'>,
    after: string | null,
  ): Promise<FeedPageResult>;

  getMeta(): Promise<Meta | null>;
  /** records a change: raises the version and sets the time */
  touchMeta(modified: string): Promise<void>;
  /** records a change of these feed views (a new token each) */
  touchViews(views: readonly string[], token: string, modified: string): Promise<void>;
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
