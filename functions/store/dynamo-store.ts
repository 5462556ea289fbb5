// The only module that talks to DynamoDB (through table-client.ts). Items keep their
// document as one JSON attribute (`doc`), parsed with the zod schemas of items.ts on
// the way out, plus the few attributes that conditions and key conditions need.
import type { DynamoDBClient, DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import * as z from 'zod/mini';
import { type FeedSelection, matchesQuery, startBounds, viewsFor } from '../domain/feed-query.js';
import {
  ArticleRecord,
  EventHead,
  type EventWithReports,
  FeedItemState,
  type Ledger,
  LedgerEntry,
  Report,
  SourceState,
  type StoredEvent,
  ViewMeta,
} from './items.js';
import { postingsOf, splitPosting } from './postings.js';
import {
  type ArticleAndLedgers,
  type EventStore,
  type FeedPageResult,
  type FeedStore,
  type LedgerRead,
  type PollStateStore,
  type PostingSync,
  StoreUnavailableError,
} from './store.js';
import {
  changeSort,
  EVENT_HEAD_SORT,
  keys,
  postingSort,
  postingSortBounds,
  REPORT_PREFIX,
} from './table.js';
import { type Item, TableClient, type WriteRequest } from './table-client.js';

/** How long a withdrawn event's postings stay (its cancellation shown in the calendar,
 *  its deleted entry in Atom): the table's TTL removes them after, and reads skip
 *  them once past. */
export const WITHDRAWN_SHOWN_DAYS = 30;

const BATCH_GET_MAX = 100;
const BATCH_WRITE_MAX = 25;
const UNPROCESSED_RETRIES = 8;

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** Every SDK failure but a failed condition means the store is unavailable. */
async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isConditionFailure(error)) throw error;
    throw new StoreUnavailableError(
      `${what} failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
}

function parseDoc<S extends z.ZodMiniType>(
  schema: S,
  item: Item | undefined,
  what: string,
): z.infer<S> {
  if (!item || typeof item.doc !== 'string') throw new Error(`${what}: item without a document`);
  return schema.parse(JSON.parse(item.doc));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Batch requests of one call in flight at once, at most (a call's chunks are
 *  independent: a batch has no order within it either). */
const CHUNKS_IN_FLIGHT = 4;

/** `run` over the list cut in chunks of `size`, CHUNKS_IN_FLIGHT at a time; once every
 *  chunk has settled, the first failure if any (nothing is left in flight). */
async function inChunks<T>(
  list: readonly T[],
  size: number,
  run: (chunk: T[]) => Promise<void>,
): Promise<void> {
  const chunks: T[][] = [];
  for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
  let next = 0;
  const failures: unknown[] = [];
  const lane = async () => {
    while (next < chunks.length && failures.length === 0) {
      const chunk = chunks[next++]!;
      try {
        await run(chunk);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHUNKS_IN_FLIGHT, chunks.length) }, lane));
  if (failures.length > 0) throw failures[0];
}

/** `send` over the list in chunks of `size` (as inChunks), each chunk sent again with
 *  what `send` answers was left unprocessed: with backoff, at most UNPROCESSED_RETRIES
 *  times, then StoreUnavailableError(`leftOver`). */
async function sendUntilProcessed<T>(
  list: readonly T[],
  size: number,
  leftOver: string,
  send: (pending: T[]) => Promise<T[]>,
): Promise<void> {
  await inChunks(list, size, async (chunk) => {
    let pending = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > UNPROCESSED_RETRIES) throw new StoreUnavailableError(leftOver);
      if (attempt > 0) await pause(20 * 2 ** attempt);
      pending = await send(pending);
    }
  });
}

/** What the store's SDK client must be configured with: its resolved middleware is
 *  kept per command (a middleware added after its first request is not used). */
export const STORE_CLIENT_CONFIG = {
  cacheMiddleware: true,
} as const satisfies DynamoDBClientConfig;

/** An event's head item: the head the feeds read in `doc`, the postings history beside
 *  it, so a feed page reads and parses only what it renders. */
export function eventItem(event: StoredEvent): Item {
  const { postings, ...head } = event;
  return {
    ...keys.event(event.id),
    version: event.version,
    doc: JSON.stringify(head),
    postings: JSON.stringify(postings),
  };
}

export function readEventItem(item: Item): StoredEvent {
  return {
    ...parseDoc(EventHead, item, 'event'),
    postings: z.array(z.string()).parse(JSON.parse(String(item.postings))),
  };
}

export function reportItem(eventId: string, report: Report): Item {
  return { ...keys.report(eventId, report.key), doc: JSON.stringify(report) };
}

export function readReportItem(item: Item): Report {
  return parseDoc(Report, item, 'report');
}

function readLedgerItem(item: Item): Ledger {
  return {
    version: z.number().parse(item.version),
    entries:
      typeof item.entries === 'string' ? z.array(LedgerEntry).parse(JSON.parse(item.entries)) : [],
  };
}

/** epoch seconds when a withdrawn event's postings may go */
function expiryOf(event: StoredEvent): number | undefined {
  if (!event.withdrawn) return undefined;
  return Math.floor(Date.parse(event.withdrawn) / 1000) + WITHDRAWN_SHOWN_DAYS * 86_400;
}

/** The store as ingestion uses it: events, their reports and ledgers, articles. */
export class DynamoStore implements EventStore {
  protected readonly db: TableClient;

  /** `client` made with STORE_CLIENT_CONFIG */
  constructor(client: DynamoDBClient, tableName: string) {
    this.db = new TableClient(client, tableName);
  }

  /** Consistent read of one item's document, checked against its schema. */
  protected async getDoc<S extends z.ZodMiniType>(
    what: string,
    key: Item,
    schema: S,
  ): Promise<z.infer<S> | null> {
    const item = await call(`GetItem ${what}`, () =>
      this.db.get({ Key: key, ConsistentRead: true }),
    );
    return item ? parseDoc(schema, item, what) : null;
  }

  /** Writes one item's document, unconditionally (the item is its own source of truth). */
  protected async putDoc(what: string, key: Item, doc: unknown): Promise<void> {
    await call(`PutItem ${what}`, () =>
      this.db.put({ Item: { ...key, doc: JSON.stringify(doc) } }),
    );
  }

  getArticle(articleId: string) {
    return this.getDoc('article', keys.article(articleId), ArticleRecord);
  }

  async putArticle(articleId: string, record: ArticleRecord, options: { onlyNew?: boolean } = {}) {
    try {
      await call('PutItem article', () =>
        this.db.put({
          Item: {
            ...keys.article(articleId),
            contentHash: record.contentHash,
            doc: JSON.stringify(record),
          },
          ...(options.onlyNew
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: 'attribute_not_exists(pk) OR contentHash <> :h',
                ExpressionAttributeValues: { ':h': record.contentHash },
              }),
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // the SDK may have retried our own write whose answer was lost
      const stored = await this.getArticle(articleId);
      return record.recordedBy !== undefined && stored?.recordedBy === record.recordedBy;
    }
  }

  /** Every item of these keys (at most BATCH_GET_MAX per request, unprocessed keys
   *  retried with backoff), as the table holds them. */
  protected async batchGet(
    what: string,
    keyList: readonly Item[],
    options: { consistent?: boolean; projection?: string } = {},
  ): Promise<Item[]> {
    const items: Item[] = [];
    await sendUntilProcessed(
      keyList,
      BATCH_GET_MAX,
      'BatchGetItem left keys unprocessed',
      async (pending) => {
        const out = await call(`BatchGetItem ${what}`, () => this.db.batchGet(pending, options));
        items.push(...out.items);
        return out.unprocessed;
      },
    );
    return items;
  }

  async getArticleAndLedgers(
    articleId: string,
    wanted: readonly LedgerRead[],
  ): Promise<ArticleAndLedgers> {
    const ledgers = new Map<string, Map<string, Ledger>>();
    const byPk = new Map<string, [string, string]>();
    for (const { ledger, months } of wanted) {
      const found = ledgers.get(ledger) ?? new Map<string, Ledger>();
      ledgers.set(ledger, found);
      for (const month of months) {
        found.set(month, { version: 0, entries: [] });
        byPk.set(keys.claim(ledger, month).pk, [ledger, month]);
      }
    }
    const articleKey = keys.article(articleId);
    const items = await this.batchGet(
      'article and ledgers',
      [articleKey, ...[...byPk.values()].map(([l, m]) => keys.claim(l, m))],
      {
        consistent: true,
      },
    );
    let article: ArticleRecord | null = null;
    for (const item of items) {
      if (item.pk === articleKey.pk) {
        article = parseDoc(ArticleRecord, item, 'article');
        continue;
      }
      const at = byPk.get(String(item.pk));
      if (at) ledgers.get(at[0])!.set(at[1], readLedgerItem(item));
    }
    return { article, ledgers };
  }

  async readLedgers(ledger: string, months: readonly string[]) {
    const found = new Map<string, Ledger>(months.map((m) => [m, { version: 0, entries: [] }]));
    const byPk = new Map(months.map((m) => [keys.claim(ledger, m).pk, m]));
    const items = await this.batchGet(
      'ledgers',
      months.map((m) => keys.claim(ledger, m)),
      { consistent: true },
    );
    for (const item of items) {
      const month = byPk.get(String(item.pk));
      if (month !== undefined) found.set(month, readLedgerItem(item));
    }
    return found;
  }

  async fenceLedger(ledger: string, month: string, expectedVersion: number) {
    try {
      await call('UpdateItem ledger fence', () =>
        this.db.update({
          Key: keys.claim(ledger, month),
          UpdateExpression: 'SET version = :next',
          ...(expectedVersion === 0
            ? {
                ConditionExpression: 'attribute_not_exists(pk)',
                ExpressionAttributeValues: { ':next': 1 },
              }
            : {
                ConditionExpression: 'version = :v',
                ExpressionAttributeValues: { ':v': expectedVersion, ':next': expectedVersion + 1 },
              }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async writeLedger(
    ledger: string,
    month: string,
    entries: LedgerEntry[],
    expectedVersion: number,
  ) {
    const version = expectedVersion + 1;
    return this.putVersioned(
      'PutItem ledger',
      { ...keys.claim(ledger, month), version, entries: JSON.stringify(entries) },
      expectedVersion === 0 ? null : expectedVersion,
    );
  }

  /** Every item of the event's partition (head and reports), consistently, page by page. */
  protected async queryEvent(id: string, reportsOnly: boolean): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const out = await call('Query event', () =>
        this.db.query({
          KeyConditionExpression: reportsOnly ? 'pk = :pk AND begins_with(sk, :r)' : 'pk = :pk',
          ExpressionAttributeValues: {
            ':pk': keys.eventPartition(id),
            ...(reportsOnly ? { ':r': REPORT_PREFIX } : {}),
          },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...out.items);
      start = out.lastKey ?? undefined;
    } while (start);
    return items;
  }

  async getEventWithReports(id: string): Promise<EventWithReports> {
    let head: StoredEvent | null = null;
    const reports: Report[] = [];
    for (const item of await this.queryEvent(id, false)) {
      if (item.sk === EVENT_HEAD_SORT) head = readEventItem(item);
      else if (String(item.sk).startsWith(REPORT_PREFIX)) reports.push(readReportItem(item));
    }
    return { head, reports };
  }

  async putReports(reports: readonly { eventId: string; report: Report }[]) {
    if (reports.length === 1) {
      const [{ eventId, report }] = reports as [{ eventId: string; report: Report }];
      await call('PutItem report', () => this.db.put({ Item: reportItem(eventId, report) }));
      return;
    }
    await this.batchWrite(
      reports.map(({ eventId, report }) => ({ PutRequest: { Item: reportItem(eventId, report) } })),
    );
  }

  async deleteReports(eventId: string, reportKeys: readonly string[]) {
    await this.batchWrite(
      reportKeys.map((k) => ({ DeleteRequest: { Key: keys.report(eventId, k) } })),
    );
  }

  async getEventHeads(ids: readonly string[]) {
    // the head only: the reports behind it are for ingestion
    const found = await this.eventsById(ids, (item) => parseDoc(EventHead, item, 'event'), {
      projection: 'doc',
    });
    return ids.map((id) => found.get(id)).filter((e): e is EventHead => e !== undefined);
  }

  getEvents(ids: readonly string[]) {
    return this.eventsById(ids, readEventItem, { consistent: true });
  }

  async getEventVersions(ids: readonly string[]) {
    // the key and the version only: not the head's document, nor its postings
    const idOf = new Map(ids.map((id) => [keys.event(id).pk, id]));
    const found = new Map<string, number>();
    for (const item of await this.batchGet(
      'event versions',
      [...idOf.values()].map((id) => keys.event(id)),
      { consistent: true, projection: 'pk, version' },
    )) {
      const id = idOf.get(String(item.pk));
      if (id !== undefined) found.set(id, z.number().parse(item.version));
    }
    return found;
  }

  /** The event items of these ids (each asked for once), read with `read`, by id; an id
   *  with no item is absent. */
  private async eventsById<T extends { id: string }>(
    ids: readonly string[],
    read: (item: Item) => T,
    options: { consistent?: boolean; projection?: string },
  ): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    const keyList = [...new Set(ids)].map((id) => keys.event(id));
    for (const item of await this.batchGet('events', keyList, options)) {
      const event = read(item);
      found.set(event.id, event);
    }
    return found;
  }

  async putEvent(event: StoredEvent, expectedVersion: number | null) {
    return this.putVersioned('PutItem event', eventItem(event), expectedVersion);
  }

  /** Optimistic locking: the write lands only on the version read (null: on no item);
   *  false when someone else wrote first. */
  private async putVersioned(
    what: string,
    item: Item,
    expectedVersion: number | null,
  ): Promise<boolean> {
    try {
      await call(what, () =>
        this.db.put({
          Item: item,
          ...(expectedVersion === null
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: 'version = :v',
                ExpressionAttributeValues: { ':v': expectedVersion },
              }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async syncPostings(syncs: readonly PostingSync[]) {
    const requests: WriteRequest[] = [];
    const wrote: string[] = [];
    for (const { event, change } of syncs) {
      const current = postingsOf(event.id, event.event, event.modified);
      const expires = expiryOf(event);
      const write = change ? change.write : current;
      const remove = change ? change.remove : event.postings.filter((p) => !current.includes(p));
      for (const posting of write) {
        const { view, sort } = splitPosting(posting);
        requests.push({
          PutRequest: {
            Item: {
              pk: keys.feedPartition(view),
              sk: sort,
              id: event.id,
              ...(expires ? { expires } : {}),
            },
          },
        });
      }
      for (const posting of remove) {
        const { view, sort } = splitPosting(posting);
        requests.push({ DeleteRequest: { Key: { pk: keys.feedPartition(view), sk: sort } } });
      }
      if (write.length + remove.length > 0) wrote.push(event.id);
    }
    await this.batchWrite(requests);
    return wrote;
  }

  private async batchWrite(requests: readonly WriteRequest[]) {
    await sendUntilProcessed(
      requests,
      BATCH_WRITE_MAX,
      'BatchWriteItem left items unprocessed',
      (pending) => call('BatchWriteItem', () => this.db.batchWrite(pending)),
    );
  }

  async touchViews(views: readonly string[], token: string, modified: string) {
    await this.batchWrite(
      [...new Set(views)].map((view) => ({
        PutRequest: {
          Item: { ...keys.viewMeta(view), doc: JSON.stringify({ view, token, modified }) },
        },
      })),
    );
  }
}

/** The store with the poller's state besides (functions/poll/): apart, as the feed routes'
 *  reads are, so that the ingest function's bundle leaves it out (its 500 KB budget). */
export class DynamoPollStore extends DynamoStore implements PollStateStore {
  getSourceState(source: string) {
    return this.getDoc('source', keys.source(source), SourceState);
  }

  putSourceState(state: SourceState) {
    const doc = SourceState.parse(state);
    return this.putDoc('source', keys.source(doc.source), doc);
  }

  getFeedItemState(url: string) {
    return this.getDoc('feed item', keys.feedItem(url), FeedItemState);
  }

  putFeedItemState(state: FeedItemState) {
    const doc = FeedItemState.parse(state);
    return this.putDoc('feed item', keys.feedItem(doc.url), doc);
  }
}

/** The store with what only the feed routes read: feed pages, their change markers, one
 *  event's page. Apart so that the ingest function's bundle leaves them out (its 500 KB
 *  budget). It holds the poller's state too, so that the local runtime serves every part
 *  from one store (the feed function's bundle, well under its budget, carries those few
 *  methods unused). */
export class DynamoFeedStore extends DynamoPollStore implements FeedStore {
  async getEvent(id: string) {
    const item = await call('GetItem event', () =>
      this.db.get({ Key: keys.event(id), ConsistentRead: true }),
    );
    return item ? readEventItem(item) : null;
  }

  async getEventHead(id: string) {
    const item = await call('GetItem event head', () =>
      this.db.get({ Key: keys.event(id), ProjectionExpression: 'doc' }),
    );
    return item ? parseDoc(EventHead, item, 'event') : null;
  }

  async getReports(id: string) {
    return (await this.queryEvent(id, true)).map(readReportItem);
  }

  async queryFeed(query: FeedSelection, after: string | null): Promise<FeedPageResult> {
    const byChange = query.order === 'updated';
    // the view by last change reads from its newest end (order=updated takes no date bounds)
    const bounds = byChange ? {} : startBounds(query);
    const [lo, hi] = postingSortBounds(bounds.from, bounds.to);
    const views = viewsFor(query);
    const pages = await Promise.all(
      views.map((view) =>
        call('Query feed view', () =>
          this.db.query({
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi',
            ExpressionAttributeValues: { ':pk': keys.feedPartition(view), ':lo': lo, ':hi': hi },
            ScanIndexForward: false,
            Limit: query.limit + 1,
            ...(after ? { ExclusiveStartKey: { pk: keys.feedPartition(view), sk: after } } : {}),
          }),
        ),
      ),
    );
    // newest first across the views; an event listed in two requested views counts once
    const postings = new Map<string, string>();
    const now = Math.floor(Date.now() / 1000);
    for (const page of pages) {
      for (const item of page.items) {
        // a withdrawn event's posting past its time (TTL deletes it within days)
        if (typeof item.expires === 'number' && item.expires < now) continue;
        const sk = String(item.sk);
        const id = String(item.id);
        if (!postings.has(id) || postings.get(id)! < sk) postings.set(id, sk);
      }
    }
    const ordered = [...postings.entries()].sort((a, b) =>
      a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0,
    );
    const taken = ordered.slice(0, query.limit);
    // each view was asked for one more posting than the page holds: any left over
    // means another page follows
    const truncated = ordered.length > query.limit;
    const events = await this.getEventHeads(taken.map(([id]) => id));
    // A posting can outlive a change of its event for a moment (another ingest is
    // cleaning it up): list an event only where its current state belongs.
    const sortOf = new Map(taken);
    const live = events.filter(
      (e) =>
        sortOf.get(e.id) ===
          (byChange ? changeSort(e.modified, e.id) : postingSort(e.event.start, e.id)) &&
        matchesQuery(e.event, query),
    );
    const last = taken[taken.length - 1];
    return { events: live, nextAfter: truncated && last ? last[1] : null };
  }

  async getViewMetas(views: readonly string[]) {
    const unique = [...new Set(views)];
    if (unique.length > BATCH_GET_MAX) throw new Error(`at most ${BATCH_GET_MAX} views at once`);
    const found = new Map<string, ViewMeta>();
    for (const item of await this.batchGet(
      'view metas',
      unique.map((view) => keys.viewMeta(view)),
    )) {
      const meta = parseDoc(ViewMeta, item, 'view meta');
      found.set(meta.view, meta);
    }
    return views.map((view) => found.get(view) ?? null);
  }
}
