// The one definition of the DynamoDB table: its key schema and the shape of every
// key in it. The CDK stack (infra/stack.ts) and the local runtime (infra/local/) both
// build the table from TABLE_DEFINITION, and only functions/store/dynamo-store.ts
// reads or writes items. Pure data: no SDK or CDK import, so it bundles into Lambda
// for nothing.
//
// Single-table design. Every item has a partition key `pk` and a sort key `sk`:
//
//   pk                          sk               what
//   EVENT#<id>                  EVENT            the merged event and every report of it
//   FEED#<filter>               <start>#<id>     a posting: the event listed in one feed
//                                                view (all, a country set, a type or
//                                                category, a status, or a combination),
//                                                ordered by start date then id
//   CLAIM#<category>#<countries> CLAIM           the identity ledger of one country set:
//                                                the events it holds, for matching new
//                                                reports; versioned, so concurrent ingests
//                                                of one event serialize here
//   ARTICLE#<key>               ARTICLE          an ingested article and its event ids
//   META                        META             newest change: version and time
//   META#<view>                 META             newest change of one feed view: a change
//                                                token and time, for its ETag
//   SOURCE#<name>               SOURCE           the poller's state of one source feed:
//                                                ETag/Last-Modified, failure streak
//   SEEN#<item url>             SEEN             one feed item the poller met: seen →
//                                                ingested / duplicate / skipped / failed
//
// Feed pages are Queries on one FEED# partition (newest first, `sk` bounds for a date
// range), then one BatchGetItem for the events: O(page) items, never a Scan. No
// secondary index is needed, so the table defines none.

export interface KeyAttribute {
  name: string;
  type: 'S' | 'N' | 'B';
}

export interface IndexDefinition {
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

export interface TableDefinition {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  globalSecondaryIndexes: readonly IndexDefinition[];
}

export const TABLE_DEFINITION: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [],
};

export const keys = {
  event: (id: string) => ({ pk: `EVENT#${id}`, sk: 'EVENT' }),
  posting: (filter: string, start: string, id: string) => ({ pk: `FEED#${filter}`, sk: postingSort(start, id) }),
  feedPartition: (filter: string) => `FEED#${filter}`,
  claim: (ledger: string) => ({ pk: `CLAIM#${ledger}`, sk: 'CLAIM' }),
  article: (key: string) => ({ pk: `ARTICLE#${key}`, sk: 'ARTICLE' }),
  meta: () => ({ pk: 'META', sk: 'META' }),
  viewMeta: (view: string) => ({ pk: `META#${view}`, sk: 'META' }),
  source: (name: string) => ({ pk: `SOURCE#${name}`, sk: 'SOURCE' }),
  feedItem: (url: string) => ({ pk: `SEEN#${url}`, sk: 'SEEN' }),
} as const;

/** Sort key of a posting; month-only dates sort as the first of the month. */
export function postingSort(start: string, id: string): string {
  return `${start.length === 7 ? `${start}-00` : start}#${id}`;
}
