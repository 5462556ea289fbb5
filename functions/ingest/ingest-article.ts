// Ingesting one article: extract its events, merge each into the event the store
// already holds (or a new one), record the article. Every step can be repeated: a
// retry after a failure anywhere converges to the same state, and concurrent ingests
// of reports of one event serialize on that event's ledger and item versions.
import { createHash } from 'node:crypto';
import type { Article } from '../domain/article.js';
import type { ExtractedEvent } from '../domain/event.js';
import { ledgerKey, matchReport, newEntry, newEventId, recordReport, reportKey } from '../domain/identity.js';
import { mergeReports } from '../domain/merge.js';
import type { Report } from '../domain/report.js';
import type { EventHead, StoredEvent } from '../store/items.js';
import { postingsOf, splitPosting } from '../store/postings.js';
import type { EventStore } from '../store/store.js';

export type Extract = (article: Article) => ExtractedEvent[];

export interface IngestResult {
  /** true for an article the store had not seen */
  created: boolean;
  /** the events the article contributed to, as stored now */
  events: EventHead[];
}

/** Optimistic-lock attempts before giving up on a hot event; each conflict means
 *  another ingest made progress, so this is only reached under extreme contention. */
const MAX_ATTEMPTS = 50;

export class ContentionError extends Error {
  override readonly name = 'ContentionError';
}

/** The article's identity: its URL when it has one, else its text. */
export function articleKey(article: Article): string {
  return article.url ?? `sha256:${sha256(article.text)}`;
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

function contentHash(article: Article): string {
  return sha256(JSON.stringify([article.url, article.title, article.publishedAt, article.language, article.source, article.text]));
}

export async function ingestArticle(
  store: EventStore,
  article: Article,
  extract: Extract,
  now: () => Date,
): Promise<IngestResult> {
  const key = articleKey(article);
  const hash = contentHash(article);
  const known = await store.getArticle(key);
  if (known && known.contentHash === hash) {
    return { created: false, events: await store.getEventHeads(known.eventIds) };
  }

  const extracted = extract(article);
  const ids: string[] = [];
  const touched: StoredEvent[] = [];
  for (const [index, found] of extracted.entries()) {
    const parent = found.partOf === null ? null : (ids[found.partOf] ?? null);
    const report = reportOf(article, reportKey(key, index), found, parent);
    const id = await claimEvent(store, report);
    touched.push(await mergeIntoEvent(store, id, report, now));
    ids.push(id);
  }

  const eventIds = [...new Set(ids)];
  // Before the article is recorded, and whether or not this attempt changed anything:
  // an earlier attempt may have written the events and died before this point, and a
  // feed whose version does not move keeps answering 304 with stale content. A spare
  // version step costs one refetch; a missed one hides the change.
  const time = now().toISOString();
  await store.touchMeta(time);
  // Every feed view these events are or were listed in (their posting history), so a
  // filtered feed's ETag moves exactly when something it may show changed.
  await store.touchViews(viewsListing(touched), `${time}/${hash.slice(0, 12)}`, time);
  await store.putArticle({
    key,
    contentHash: hash,
    url: article.url,
    publishedAt: article.publishedAt,
    ingestedAt: now().toISOString(),
    eventIds,
  });
  return { created: known === null, events: await store.getEventHeads(eventIds) };
}

/** One extracted event as the report the store keeps of this article's account. */
export function reportOf(article: Article, key: string, found: ExtractedEvent, partOf: string | null): Report {
  return {
    key,
    article: { url: article.url, title: article.title, published: article.publishedAt, outlet: article.source },
    facts: {
      category: found.category,
      type: found.type,
      status: found.status,
      start: found.start,
      end: found.end,
      countries: [...found.countries].sort(),
      host: found.host,
      guest: found.guest,
      participants: found.participants,
      location: found.location,
    },
    evidence: found.evidence,
    partOf,
  };
}

/** Finds or creates the event a report is about, under the ledger's version lock. */
async function claimEvent(store: EventStore, report: Report): Promise<string> {
  const ledger = ledgerKey(report.facts);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { version, entries } = await store.readLedger(ledger);
    const match = matchReport(report.facts, report.key, entries);
    if (match && match.reports.includes(report.key)) return match.id;
    const entry = recordReport(match ?? newEntry(newEventId(report.key)), report.facts, report.key);
    const next = match ? entries.map((e) => (e.id === entry.id ? entry : e)) : [...entries, entry];
    if (await store.writeLedger(ledger, next, version)) return entry.id;
  }
  throw new ContentionError(`ledger ${ledger} stayed contended`);
}

/** Adds the report to the event (or replaces the article's earlier report of it). */
async function mergeIntoEvent(
  store: EventStore,
  id: string,
  report: Report,
  now: () => Date,
): Promise<StoredEvent> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const existing = await store.getEvent(id);
    const others = existing ? existing.reports.filter((r) => r.key !== report.key) : [];
    const same = existing?.reports.find((r) => r.key === report.key);
    if (existing && same && JSON.stringify(same) === JSON.stringify(report)) {
      await syncPostings(store, existing); // a retry may find the postings unwritten
      return existing;
    }
    const reports = [...others, report];
    const merged = mergeReports(reports);
    const publicChanged = !existing || JSON.stringify(existing.event) !== JSON.stringify(merged);
    const time = now().toISOString();
    const event: StoredEvent = {
      id,
      version: (existing?.version ?? 0) + 1,
      revision: (existing?.revision ?? 0) + (publicChanged ? 1 : 0),
      published: existing?.published ?? time,
      modified: publicChanged ? time : existing!.modified,
      event: merged,
      reports,
      postings: [...new Set([...(existing?.postings ?? []), ...postingsOf(id, merged)])],
    };
    if (await store.putEvent(event, existing ? existing.version : null)) {
      await syncPostings(store, event);
      return event;
    }
  }
  throw new ContentionError(`event ${id} stayed contended`);
}

function viewsListing(events: readonly StoredEvent[]): string[] {
  return [...new Set(events.flatMap((e) => e.postings.map((p) => splitPosting(p).view)))];
}

/**
 * Writes the postings of the event's newest version. Two ingests of one event sync
 * concurrently, and the one that wrote the older version may finish last, deleting
 * postings the newer state needs: so whoever finishes re-reads the event and syncs
 * again until the version it synced is the newest. The last sync to finish is then
 * always of the current state.
 */
async function syncPostings(store: EventStore, event: StoredEvent): Promise<void> {
  let synced = event;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    await store.syncPostings(synced);
    const latest = await store.getEvent(synced.id);
    if (!latest || latest.version <= synced.version) return;
    synced = latest;
  }
  throw new ContentionError(`event ${event.id} postings stayed contended`);
}
