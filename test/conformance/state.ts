// Reading the whole table back (a test-side Scan through the real SDK, never used by
// the service), checking the store's invariants on it, and normalizing feeds so that
// two runs that should converge can be compared. Shared by test/conformance,
// test/faults and test/hostile.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mergeReports } from '../../functions/domain/merge.js';
import { readEventItem } from '../../functions/store/dynamo-store.js';
import { ArticleRecord, Ledger, ViewMeta, type StoredEvent } from '../../functions/store/items.js';
import { postingsOf } from '../../functions/store/postings.js';
import { LOCAL_CREDENTIALS, LOCAL_TABLE, type LocalService } from '../../infra/local/runtime.js';

export type Item = Record<string, unknown> & { pk: string; sk: string };

/** Every item of the table, sorted by key. */
export async function scanTable(endpoint: string, tableName = LOCAL_TABLE): Promise<Item[]> {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS, maxAttempts: 3 });
  const db = DynamoDBDocumentClient.from(client);
  const items: Item[] = [];
  try {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }));
      items.push(...((out.Items ?? []) as Item[]));
      start = out.LastEvaluatedKey;
    } while (start);
  } finally {
    client.destroy();
  }
  return items.sort((a, b) => (a.pk + '\u0000' + a.sk < b.pk + '\u0000' + b.sk ? -1 : 1));
}

export function endpointOf(s: LocalService, fallback?: string): string {
  const endpoint = s.engine?.endpoint ?? fallback;
  if (!endpoint) throw new Error('no endpoint to scan');
  return endpoint;
}

export interface TableState {
  events: StoredEvent[];
  articles: ArticleRecord[];
  ledgers: Map<string, Ledger>;
  /** `<view>|<sort>` -> event id, from the FEED# items */
  postings: Map<string, string>;
  meta: { version: number; modified: string } | null;
  /** view -> its change marker, from the META#<view> items */
  views: Map<string, ViewMeta>;
}

export function readState(items: Item[]): TableState {
  const state: TableState = { events: [], articles: [], ledgers: new Map(), postings: new Map(), meta: null, views: new Map() };
  for (const item of items) {
    if (item.pk.startsWith('EVENT#')) state.events.push(readEventItem(item));
    else if (item.pk.startsWith('ARTICLE#')) state.articles.push(ArticleRecord.parse(JSON.parse(String(item.doc))));
    else if (item.pk.startsWith('CLAIM#')) state.ledgers.set(item.pk, Ledger.parse(JSON.parse(String(item.doc))));
    else if (item.pk.startsWith('FEED#')) state.postings.set(`${item.pk.slice('FEED#'.length)}|${item.sk}`, String(item.id));
    else if (item.pk === 'META') state.meta = { version: Number(item.version), modified: String(item.modified) };
    else if (item.pk.startsWith('META#')) {
      const meta = ViewMeta.parse(JSON.parse(String(item.doc)));
      state.views.set(meta.view, meta);
    }
    else throw new Error(`unexpected item ${item.pk} ${item.sk}`);
  }
  return state;
}

const articleOfReport = (key: string) => key.slice(0, key.lastIndexOf('#'));

/**
 * What "nothing half-written" means for this design, checked on a whole table. The
 * article record is written last: it is the commit mark of an ingest. So:
 *  1. every event item is whole: its public event is exactly the merge of its reports;
 *  2. a recorded (committed) article is complete: every event it names exists, holds
 *     a report from it, and has every posting its current state needs;
 *  3. an event whose articles are all recorded has every posting its current state
 *     needs (one with a pending article may lack some: it is not yet listed there);
 *  4. every posting points at an existing event (no dangling posting);
 *  5. a ledger claim whose event is missing, or lacks the report, comes only from an
 *     article that is not recorded (a retry finishes it; nothing reads it meanwhile);
 *  6. every report in an event belongs to a recorded article, or to one not yet
 *     recorded (then a retry of that article completes it).
 * Returns the violations (empty when whole), and the stale postings (postings of an
 * event's earlier state, which the feed filters out on read) as a count.
 */
export function invariantViolations(state: TableState): { violations: string[]; stalePostings: number; pendingArticles: string[] } {
  const violations: string[] = [];
  const events = new Map(state.events.map((e) => [e.id, e]));
  const articles = new Map(state.articles.map((a) => [a.key, a]));
  const pending = new Set<string>();

  for (const e of state.events) {
    const merged = mergeReports(e.reports);
    if (JSON.stringify(merged) !== JSON.stringify(e.event)) violations.push(`event ${e.id}: stored event is not the merge of its reports`);
    for (const r of e.reports) if (!articles.has(articleOfReport(r.key))) pending.add(articleOfReport(r.key));
  }
  for (const ledger of state.ledgers.values()) {
    for (const entry of ledger.entries) {
      for (const key of entry.reports) {
        const e = events.get(entry.id);
        if (!e || !e.reports.some((r) => r.key === key)) {
          if (articles.has(articleOfReport(key))) violations.push(`ledger claims ${key} for ${entry.id}, but the committed article's report is not in the event`);
          pending.add(articleOfReport(key));
        }
      }
    }
  }
  for (const a of state.articles) {
    for (const id of a.eventIds) {
      const e = events.get(id);
      if (!e) {
        violations.push(`article ${a.key} names missing event ${id}`);
        continue;
      }
      if (!e.reports.some((r) => articleOfReport(r.key) === a.key)) violations.push(`article ${a.key}: event ${id} has no report from it`);
    }
  }
  let stale = 0;
  for (const [posting, id] of state.postings) {
    const e = events.get(id);
    if (!e) {
      violations.push(`posting ${posting} points at missing event ${id}`);
      continue;
    }
    if (!postingsOf(id, e.event).includes(posting)) stale++;
  }
  for (const e of state.events) {
    const missing = postingsOf(e.id, e.event).filter((p) => state.postings.get(p) !== e.id);
    if (missing.length === 0) continue;
    // an event whose articles are all recorded must be fully listed; one with a
    // pending article may lack postings (invisible there until the retry re-syncs)
    if (e.reports.every((r) => articles.has(articleOfReport(r.key)))) {
      violations.push(`event ${e.id} (all its articles recorded) lacks ${missing.length} postings, e.g. ${missing[0]}`);
    }
  }
  return { violations, stalePostings: stale, pendingArticles: [...pending].sort() };
}

export interface FeedJsonItem {
  id: string;
  url: string;
  date_published: string;
  date_modified: string;
  _diplomacy: { part_of: string | null; sources: { url: string | null }[] } & Record<string, unknown>;
  [key: string]: unknown;
}

/** Every item of the JSON feed (all pages). */
export async function feedItems(s: LocalService, query = ''): Promise<FeedJsonItem[]> {
  const items: FeedJsonItem[] = [];
  let url: string | null = `http://localhost/feeds/feed.json${query}`;
  for (let pages = 0; url && pages < 1000; pages++) {
    const response = await s.app.request(url);
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
    const feed = (await response.json()) as { items: FeedJsonItem[]; next_url?: string };
    items.push(...feed.items);
    url = feed.next_url ?? null;
  }
  return items;
}

/**
 * The feed with what legitimately differs between two runs of the same ingests taken
 * out: timestamps (date_published, date_modified), and, when `relabel` is set, event
 * ids (under a race the report that creates an event, hence its id, is whichever wins
 * the ledger) replaced by a label made of the event's type, start and source URLs.
 */
export function normalizeFeed(items: FeedJsonItem[], relabel = false): unknown[] {
  const label = new Map<string, string>();
  for (const item of items) {
    const d = item._diplomacy;
    const l = `${String(d.type)}@${String(d.start)}<${d.sources.map((x) => x.url).join(' ')}>`;
    // the feed id (a URN derived from the event id, also used by part_of) and the raw
    // event id (the last segment of the item's url)
    label.set(item.id, l);
    label.set(item.url.slice(item.url.lastIndexOf('/') + 1), l);
  }
  const swap = (s: string) => {
    if (!relabel) return s;
    let out = s;
    for (const [id, l] of label) out = out.split(id).join(l);
    return out;
  };
  const normalized = items.map((item) => {
    const { date_published: _p, date_modified: _m, ...rest } = item;
    return JSON.parse(swap(JSON.stringify(rest))) as FeedJsonItem;
  });
  if (relabel) normalized.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return normalized;
}
