// The one definition of the DynamoDB table: its key schema and the shape of every
// key in it. The CDK stack (infra/constructs/store-table.ts) and the local runtime
// (infra/local/table.ts) both build the table from TABLE_DEFINITION, and only
// functions/store/dynamo-store.ts reads or writes items. Pure data: no SDK or CDK import, so it bundles into Lambda
// for nothing.
import { createHash } from 'node:crypto';
//
// Single-table design. Every item has a partition key `pk` and a sort key `sk`:
//
//   pk                          sk               what
//   EVENT#<id>                  EVENT            the event's head: its merged public facts
//                                                (bounded: domain/merge.ts HEAD_LIMITS),
//                                                what feeds and pages read
//   EVENT#<id>                  REPORT#<key>     one article revision's report of the event
//                                                (`<article id>:<revision>#<index>`); the
//                                                head and every report are one Query
//   FEED#<filter>               <start>#<id>     a posting: the event listed in one feed
//                                                view (all, a country set, a type or
//                                                category, a status, or a combination),
//                                                ordered by start date then id
//   CLAIM#<category>#<countries>#<YYYY-MM>
//                               CLAIM            the identity ledger of one country set and
//                                                month: the events that started then, for
//                                                matching new reports; versioned, so
//                                                concurrent ingests of one event serialize
//   ARTICLE#<article id>        ARTICLE          an ingested article (by a digest of its
//                                                canonical URL or text), its revision and
//                                                the reports it gave
//   META#<view>                 META             newest change of one feed view: a change
//                                                token and time, for its ETag
//   SOURCE#<name>               SOURCE           the poller's state of one source feed:
//                                                ETag/Last-Modified, failure streak
//   SEEN#<item url>             SEEN             one feed item the poller met: seen →
//                                                ingested / duplicate / skipped / failed
//                                                (a digest of the URL when it is too long)
//
// Postings of a withdrawn event carry `expires` (epoch seconds): the table's TTL
// attribute removes them once its cancellation has been shown for a while.
//
// Feed pages are Queries on one FEED# partition (newest first, `sk` bounds for a date
// range), then one BatchGetItem for the events: O(page) items, never a Scan. No
// secondary index is needed, so the table defines none.

export interface KeyAttribute {
  name: string;
  type: 'S' | 'N' | 'B';
}

export interface TableDefinition {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  /** the attribute DynamoDB's TTL reads (epoch seconds) */
  timeToLiveAttribute: string;
}

export const TABLE_DEFINITION: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  timeToLiveAttribute: 'expires',
};

/** DynamoDB's limits on key values, in UTF-8 bytes (as DynamoDB counts them). */
export const KEY_LIMITS = { partitionKeyBytes: 2048, sortKeyBytes: 1024 } as const;

/** A key the table cannot hold: the input that made it is at fault, not the store. */
export class KeyTooLongError extends Error {
  override readonly name = 'KeyTooLongError';
}

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** The key, checked against DynamoDB's limits before any request is sent. */
function checked<K extends { pk: string; sk: string }>(key: K): K {
  if (utf8Bytes(key.pk) > KEY_LIMITS.partitionKeyBytes) {
    throw new KeyTooLongError(
      `partition key of ${utf8Bytes(key.pk)} bytes (at most ${KEY_LIMITS.partitionKeyBytes})`,
    );
  }
  if (utf8Bytes(key.sk) > KEY_LIMITS.sortKeyBytes) {
    throw new KeyTooLongError(
      `sort key of ${utf8Bytes(key.sk)} bytes (at most ${KEY_LIMITS.sortKeyBytes})`,
    );
  }
  return key;
}

export const REPORT_PREFIX = 'REPORT#';
export const EVENT_HEAD_SORT = 'EVENT';

export const keys = {
  event: (id: string) => checked({ pk: `EVENT#${id}`, sk: EVENT_HEAD_SORT }),
  eventPartition: (id: string) => `EVENT#${id}`,
  report: (id: string, reportKey: string) =>
    checked({ pk: `EVENT#${id}`, sk: `${REPORT_PREFIX}${reportKey}` }),
  posting: (filter: string, start: string, id: string) =>
    checked({ pk: `FEED#${filter}`, sk: postingSort(start, id) }),
  feedPartition: (filter: string) => `FEED#${filter}`,
  claim: (ledger: string, month: string) =>
    checked({ pk: `CLAIM#${ledger}#${month}`, sk: 'CLAIM' }),
  article: (articleId: string) => checked({ pk: `ARTICLE#${articleId}`, sk: 'ARTICLE' }),
  viewMeta: (view: string) => checked({ pk: `META#${view}`, sk: 'META' }),
  source: (name: string) => checked({ pk: `SOURCE#${name}`, sk: 'SOURCE' }),
  feedItem: (url: string) => {
    const pk = `SEEN#${url}`;
    return utf8Bytes(pk) <= KEY_LIMITS.partitionKeyBytes
      ? { pk, sk: 'SEEN' }
      : { pk: `SEEN#sha256:${createHash('sha256').update(url).digest('hex')}`, sk: 'SEEN' };
  },
} as const;

// ── postings: their sort key is `<start>#<id>`, defined here only ──

/** Sort key of a posting; month-only dates sort as day 00 of the month. */
export function postingSort(start: string, id: string): string {
  return `${start.length === 7 ? `${start}-00` : start}#${id}`;
}

const POSTING_SORT = /^\d{4}-\d{2}-\d{2}#[A-Za-z0-9]{1,64}$/;

/** Whether a string is a posting sort key (a feed cursor must be one). */
export function isPostingSort(s: string): boolean {
  return POSTING_SORT.test(s);
}

/** Inclusive bounds on the postings' sort key for ISO days `from`/`to`. A month-only
 *  start sorts as day 00 of its month, so `from` on the 1st takes in that month too. */
export function postingSortBounds(
  from: string | undefined,
  to: string | undefined,
): [string, string] {
  const lo = from ? (from.endsWith('-01') ? `${from.slice(0, 8)}00` : from) : '0000';
  const hi = to ? `${to}#\uffff` : '9999\uffff';
  return [lo, hi];
}

// Feed cursors are signed by the feed routes: functions/http/cursor.ts.
