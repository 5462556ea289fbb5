// Reading the whole table back (a test-side Scan through the real SDK, never used by
// the service), checking the store's invariants on it, and normalizing feeds so that
// two runs that should converge can be compared. Shared by test/conformance,
// test/faults and test/hostile.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { mergeReports } from '../../functions/domain/merge.js';
import { articleId, articleOfReport } from '../../functions/domain/report.js';
import { readEventItem, readReportItem } from '../../functions/store/dynamo-store.js';
import {
  ArticleRecord,
  type Ledger,
  LedgerEntry,
  type Report,
  type StoredEvent,
  ViewMeta,
} from '../../functions/store/items.js';
import { postingsOf } from '../../functions/store/postings.js';
import { LOCAL_CREDENTIALS, LOCAL_TABLE, type LocalService } from '../../infra/local/runtime.js';

export type Item = Record<string, unknown> & { pk: string; sk: string };

/** Every item of the table, sorted by key. */
export async function scanTable(endpoint: string, tableName = LOCAL_TABLE): Promise<Item[]> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 3,
  });
  const db = DynamoDBDocumentClient.from(client);
  const items: Item[] = [];
  try {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db.send(
        new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      items.push(...((out.Items ?? []) as Item[]));
      start = out.LastEvaluatedKey;
    } while (start);
  } finally {
    client.destroy();
  }
  return items.sort((a, b) => (`${a.pk}\u0000${a.sk}` < `${b.pk}\u0000${b.sk}` ? -1 : 1));
}

export function endpointOf(s: LocalService, fallback?: string): string {
  const endpoint = s.engine?.endpoint ?? fallback;
  if (!endpoint) throw new Error('no endpoint to scan');
  return endpoint;
}

/** An event's head item with every report item of its partition. */
export type StateEvent = StoredEvent & { reports: Report[] };

export interface TableState {
  events: StateEvent[];
  /** report items of events that have no head (yet) */
  orphanReports: Map<string, Report[]>;
  articles: ArticleRecord[];
  ledgers: Map<string, Ledger>;
  /** `<view>|<sort>` -> event id, from the FEED# items */
  postings: Map<string, string>;
  /** view -> its change marker, from the META#<view> items */
  views: Map<string, ViewMeta>;
}

export function readState(items: Item[]): TableState {
  const state: TableState = {
    events: [],
    orphanReports: new Map(),
    articles: [],
    ledgers: new Map(),
    postings: new Map(),
    views: new Map(),
  };
  const heads = new Map<string, StoredEvent>();
  const reports = new Map<string, Report[]>();
  for (const item of items) {
    if (item.pk.startsWith('EVENT#')) {
      const id = item.pk.slice('EVENT#'.length);
      if (item.sk === 'EVENT') heads.set(id, readEventItem(item));
      else reports.set(id, [...(reports.get(id) ?? []), readReportItem(item)]);
    } else if (item.pk.startsWith('ARTICLE#'))
      state.articles.push(ArticleRecord.parse(JSON.parse(String(item.doc))));
    else if (item.pk.startsWith('CLAIM#')) {
      state.ledgers.set(item.pk, {
        version: Number(item.version),
        entries:
          typeof item.entries === 'string'
            ? z.array(LedgerEntry).parse(JSON.parse(item.entries))
            : [],
      });
    } else if (item.pk.startsWith('FEED#'))
      state.postings.set(`${item.pk.slice('FEED#'.length)}|${item.sk}`, String(item.id));
    else if (item.pk.startsWith('META#')) {
      const meta = ViewMeta.parse(JSON.parse(String(item.doc)));
      state.views.set(meta.view, meta);
    } else throw new Error(`unexpected item ${item.pk} ${item.sk}`);
  }
  for (const [id, head] of heads) state.events.push({ ...head, reports: reports.get(id) ?? [] });
  for (const [id, rs] of reports) if (!heads.has(id)) state.orphanReports.set(id, rs);
  return state;
}

/**
 * What "nothing half-written" means for this design, checked on a whole table. The
 * article record is written last: it is the commit mark of an ingest. So:
 *  1. every event head is whole: its public event is exactly the merge of its report
 *     items (or, while an ingest is in flight, of those of recorded articles), and an
 *     event with no report is withdrawn;
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
export function invariantViolations(state: TableState): {
  violations: string[];
  stalePostings: number;
  pendingArticles: string[];
} {
  const violations: string[] = [];
  const events = new Map(state.events.map((e) => [e.id, e]));
  // by article id (report keys and ARTICLE items name articles by it)
  const articles = new Map(state.articles.map((a) => [articleId(a.key), a]));
  const currentReports = new Set(
    state.articles.flatMap((a) => (a.reports ?? []).map((r) => r.key)),
  );
  const pending = new Set<string>();
  const recorded = (r: Report) => articles.has(articleOfReport(r.key)) && currentReports.has(r.key);

  for (const e of state.events) {
    for (const r of e.reports) if (!recorded(r)) pending.add(articleOfReport(r.key));
    if (e.reports.length === 0) {
      if (!e.withdrawn) violations.push(`event ${e.id}: no report, yet not withdrawn`);
      continue;
    }
    // the head merges every report, or (an ingest in flight) those of recorded articles
    const all = JSON.stringify(mergeReports(e.reports));
    const committed = e.reports.filter(recorded);
    const ok =
      JSON.stringify(e.event) === all ||
      (committed.length > 0 &&
        committed.length < e.reports.length &&
        JSON.stringify(e.event) === JSON.stringify(mergeReports(committed)));
    if (!ok || e.withdrawn)
      violations.push(`event ${e.id}: stored event is not the merge of its reports`);
  }
  for (const [id, rs] of state.orphanReports) {
    for (const r of rs) {
      if (recorded(r))
        violations.push(
          `report ${r.key} of a recorded article sits in event ${id}, which has no head`,
        );
      pending.add(articleOfReport(r.key));
    }
  }
  for (const ledger of state.ledgers.values()) {
    for (const entry of ledger.entries) {
      for (const key of entry.reports) {
        const e = events.get(entry.id);
        if (!e?.reports.some((r) => r.key === key)) {
          // a claim of the article's current revision must be in its event
          if (currentReports.has(key))
            violations.push(
              `ledger claims ${key} for ${entry.id}, but the committed article's report is not in the event`,
            );
          else if (!articles.has(articleOfReport(key))) pending.add(articleOfReport(key));
        }
      }
    }
  }
  for (const a of state.articles) {
    for (const r of a.reports ?? []) {
      const e = events.get(r.event);
      if (!e) {
        violations.push(`article ${a.key} names missing event ${r.event}`);
        continue;
      }
      if (!e.reports.some((x) => x.key === r.key))
        violations.push(`article ${a.key}: event ${r.event} has no report ${r.key}`);
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
    if (e.reports.every(recorded)) {
      violations.push(
        `event ${e.id} (all its articles recorded) lacks ${missing.length} postings, e.g. ${missing[0]}`,
      );
    }
  }
  return { violations, stalePostings: stale, pendingArticles: [...pending].sort() };
}

export interface FeedJsonItem {
  id: string;
  url: string;
  date_published: string;
  date_modified: string;
  _diplomacy: { part_of: string | null; sources: { url: string | null }[] } & Record<
    string,
    unknown
  >;
  [key: string]: unknown;
}

/** Every item of the JSON feed (all pages). */
export async function feedItems(s: LocalService, query = ''): Promise<FeedJsonItem[]> {
  const items: FeedJsonItem[] = [];
  let url: string | null = `http://localhost/feeds/feed.json${query}`;
  for (let pages = 0; url && pages < 1000; pages++) {
    const response = await s.app.request(url);
    if (response.status !== 200)
      throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
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
