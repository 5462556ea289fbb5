// Ingesting one article: extract its events, merge each into the event the store
// already holds (or a new one), record the article. Every step can be repeated: a
// retry after a failure anywhere converges to the same state, and concurrent ingests
// of reports of one event serialize on that event's ledger and item versions.
import { createHash, randomUUID } from 'node:crypto';
import type { Article } from '../domain/article.js';
import type { EventFacts, Evidence, ExtractedEvent } from '../domain/event.js';
import { ledgerKey, matchReport, newEntry, newEventId, recordReport } from '../domain/identity.js';
import { type LedgerEntry, ledgerMonths, withEntry } from '../domain/ledger.js';
import { cut, type MergedEvent, mergeReports } from '../domain/merge.js';
import { articleId, REPORT_LIMITS, type Report, reportKeyOf } from '../domain/report.js';
import type { ArticleReport, EventHead, StoredEvent } from '../store/items.js';
import { postingsOf, splitPosting } from '../store/postings.js';
import type { EventStore } from '../store/store.js';

export type Extract = (article: Article) => ExtractedEvent[];

export interface IngestResult {
  /** true when this ingest recorded the article's content (a new article, or a new
   *  revision of one); false when that content was already recorded */
  created: boolean;
  /** the events the article contributed to, as stored now */
  events: EventHead[];
}

/** At most this many events are taken from one article (the first ones the extractor
 *  gives): bounds the work and the answer of one ingest. */
export const MAX_EVENTS_PER_ARTICLE = 50;

/** The postings history an event keeps for clean-up (its current postings first). */
export const MAX_POSTING_HISTORY = 200;

/** Optimistic-lock attempts before giving up on a hot event; each conflict means
 *  another ingest made progress, so this is only reached under extreme contention. */
const MAX_ATTEMPTS = 50;

export class ContentionError extends Error {
  override readonly name = 'ContentionError';
}

/** The article's identity: its (canonical) URL when it has one, else its text. */
export function articleKey(article: Article): string {
  return article.canonicalUrl ?? `sha256:${sha256(article.text)}`;
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

function contentHash(article: Article): string {
  // the canonical URL: the same text posted under another spelling of its link is no new revision
  return sha256(
    JSON.stringify([
      article.canonicalUrl,
      article.title,
      article.publishedAt,
      article.language,
      article.source,
      article.text,
    ]),
  );
}

export async function ingestArticle(
  store: EventStore,
  article: Article,
  extract: Extract,
  now: () => Date,
): Promise<IngestResult> {
  const key = articleKey(article);
  const id = articleId(key);
  const hash = contentHash(article);
  const known = await store.getArticle(id);
  if (known && known.contentHash === hash) {
    return { created: false, events: await store.getEventHeads(known.eventIds) };
  }

  const extracted = extract(article).slice(0, MAX_EVENTS_PER_ARTICLE);
  // this revision's reports: a new text under the same URL gives new report keys
  const revision = hash.slice(0, 12);
  const ids: string[] = [];
  const given: ArticleReport[] = [];
  const touched: StoredEvent[] = [];
  for (const [index, found] of extracted.entries()) {
    const parent = found.partOf === null ? null : (ids[found.partOf] ?? null);
    const report = reportOf(article, reportKeyOf(id, revision, index), found, parent);
    const { id: eventId, created } = await claimEvent(store, report);
    const event = await changeEvent(store, eventId, { add: report, created }, now);
    if (event) touched.push(event);
    ids.push(eventId);
    given.push({ event: eventId, key: report.key });
  }
  // A new revision of the article: the reports of the one it replaces leave their
  // events (after this one's joined theirs, so an event both support never lacks it).
  if (known) {
    const current = new Set(given.map((g) => g.key));
    const stale = new Map<string, string[]>();
    for (const r of known.reports ?? []) {
      if (!current.has(r.key)) stale.set(r.event, [...(stale.get(r.event) ?? []), r.key]);
    }
    for (const [eventId, keys] of stale) {
      const event = await changeEvent(store, eventId, { remove: keys }, now);
      if (event) touched.push(event);
    }
  }

  const eventIds = [...new Set(ids)];
  // Before the article is recorded, and whether or not this attempt changed anything:
  // an earlier attempt may have written the events and died before this point, and a
  // feed whose change marker does not move keeps answering 304 with stale content. A
  // spare step costs one refetch; a missed one hides the change. (Every event is
  // listed in the view `*`, so its marker is the store's newest change.)
  const time = now().toISOString();
  // Every feed view these events are or were listed in (their posting history), so a
  // filtered feed's ETag moves exactly when something it may show changed.
  await store.touchViews(viewsListing(touched), `${time}/${hash.slice(0, 12)}`, time);
  // The commit mark: recorded once per content, so of concurrent ingests of the same
  // content exactly one answers 201.
  const recorded = await store.putArticle(id, {
    key,
    contentHash: hash,
    url: article.url,
    publishedAt: article.publishedAt,
    ingestedAt: now().toISOString(),
    eventIds,
    reports: given,
    recordedBy: randomUUID(),
  });
  // the events as this ingest left them (a newer state is at their URLs)
  const byId = new Map(touched.map((e) => [e.id, e]));
  const missing = eventIds.filter((e) => !byId.has(e));
  const read = missing.length > 0 ? await store.getEventHeads(missing) : [];
  for (const e of read) byId.set(e.id, { ...e, postings: [] });
  return {
    created: recorded,
    events: eventIds.map((e) => byId.get(e)).filter((e): e is StoredEvent => e !== undefined),
  };
}

function boundEvidence(evidence: readonly Evidence[]): Evidence[] {
  const perField = new Map<string, number>();
  const out: Evidence[] = [];
  for (const e of evidence) {
    const n = perField.get(e.field) ?? 0;
    if (n >= REPORT_LIMITS.REPORT_EVIDENCE_PER_FIELD) continue;
    perField.set(e.field, n + 1);
    out.push({ ...e, text: cut(e.text, REPORT_LIMITS.REPORT_EVIDENCE_CHARS) });
  }
  return out;
}

/** One extracted event as the report the store keeps of this article's account
 *  (bounded: domain/report.ts REPORT_LIMITS). */
export function reportOf(
  article: Article,
  key: string,
  found: ExtractedEvent,
  partOf: string | null,
): Report {
  const facts: EventFacts = {
    category: found.category,
    type: found.type,
    status: found.status,
    start: found.start,
    end: found.end,
    countries: [...found.countries].sort(),
    host: found.host,
    guest: found.guest,
    participants: found.participants.slice(0, REPORT_LIMITS.REPORT_PARTICIPANTS).map((p) => ({
      name: cut(p.name, REPORT_LIMITS.NAME_CHARS),
      title: p.title === null ? null : cut(p.title, REPORT_LIMITS.NAME_CHARS),
      country: p.country,
    })),
    location: {
      place:
        found.location.place === null ? null : cut(found.location.place, REPORT_LIMITS.NAME_CHARS),
      city:
        found.location.city === null ? null : cut(found.location.city, REPORT_LIMITS.NAME_CHARS),
      country: found.location.country,
    },
  };
  return {
    key,
    article: {
      url: article.url,
      title: article.title,
      published: article.publishedAt,
      outlet: article.source,
    },
    facts,
    evidence: boundEvidence(found.evidence),
    partOf,
  };
}

/**
 * Finds or creates the event a report is about. The candidates are the entries of the
 * ledgers of the months near the report's date (domain/ledger.ts). The decision is
 * written to one ledger (the matched entry's, or the report's month for a new event)
 * under its version, after raising the version of every other month the report's
 * one-day window touches: a concurrent report that could be the same event writes or
 * raises one of those too, so of two such claims one fails and retries, seeing the
 * other's (as one ledger per country set serialized them before).
 */
async function claimEvent(
  store: EventStore,
  report: Report,
): Promise<{ id: string; created: boolean }> {
  const ledger = ledgerKey(report.facts);
  const months = ledgerMonths(report.facts);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const ledgers = await store.readLedgers(ledger, months.read);
    const homeOf = new Map<string, string>();
    const entries: LedgerEntry[] = [];
    for (const month of months.read) {
      for (const entry of ledgers.get(month)!.entries) {
        homeOf.set(entry.id, month);
        entries.push(entry);
      }
    }
    const match = matchReport(report.facts, report.key, entries);
    if (match?.reports.includes(report.key)) return { id: match.id, created: false };
    const entry = recordReport(match ?? newEntry(newEventId(report.key)), report.facts, report.key);
    // a report that teaches the entry nothing new (types, dates, names) joins it
    // without a ledger write: only its key would be added, and a retry matches the
    // same entry by those facts
    if (match && sameFacts(match, entry)) return { id: match.id, created: false };
    const home = match ? homeOf.get(match.id)! : months.home;
    let fenced = true;
    for (const month of months.window) {
      if (month === home) continue;
      if (!(await store.fenceLedger(ledger, month, ledgers.get(month)!.version))) {
        fenced = false;
        break;
      }
    }
    if (!fenced) continue;
    const { version, entries: homeEntries } = ledgers.get(home)!;
    if (await store.writeLedger(ledger, home, withEntry(homeEntries, entry), version))
      return { id: entry.id, created: !match };
  }
  throw new ContentionError(`ledger ${ledger} stayed contended`);
}

function sameFacts(a: LedgerEntry, b: LedgerEntry): boolean {
  return (
    JSON.stringify([a.types, a.dates, a.names]) === JSON.stringify([b.types, b.dates, b.names])
  );
}

/**
 * Adds a report to the event, or removes reports from it, then writes the head again
 * as the merge of every report the event's partition holds (one Query), under the
 * head's version. The report items are written first: whoever writes the head last
 * read them after its own, so it merged every report whose ingest got this far. An
 * event left with no report is withdrawn: its head stays (the calendar and Atom
 * announce the cancellation), flagged, without sources. Null when there is nothing
 * (a removal from an event that was never written).
 */
async function changeEvent(
  store: EventStore,
  id: string,
  change: { add?: Report; remove?: readonly string[]; created?: boolean },
  now: () => Date,
): Promise<StoredEvent | null> {
  if (change.add) await store.putReport(id, change.add);
  if (change.remove) await store.deleteReports(id, change.remove);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // an event this ingest just created in its ledger: first try writing its head from
    // this report alone, on the condition that no head exists (else read and merge)
    const { head, reports } =
      attempt === 0 && change.created && change.add
        ? { head: null, reports: [change.add] }
        : await store.getEventWithReports(id);
    if (!head && reports.length === 0) return null;
    const time = now().toISOString();
    const withdrawn = reports.length === 0 ? (head?.withdrawn ?? time) : null;
    const event: MergedEvent =
      reports.length > 0
        ? mergeReports(reports)
        : { ...head!.event, sources: [], sources_total: 0, evidence: [] };
    const wasWithdrawn = head?.withdrawn ?? null;
    if (
      head &&
      JSON.stringify(head.event) === JSON.stringify(event) &&
      wasWithdrawn === withdrawn
    ) {
      await syncPostings(store, head, null); // a retry may find the postings unwritten
      return head;
    }
    const publicChanged =
      !head || JSON.stringify(head.event) !== JSON.stringify(event) || wasWithdrawn !== withdrawn;
    const modified = publicChanged ? time : head!.modified;
    const current = postingsOf(id, event, modified);
    const next: StoredEvent = {
      id,
      version: (head?.version ?? 0) + 1,
      revision: (head?.revision ?? 0) + (publicChanged ? 1 : 0),
      published: head?.published ?? time,
      modified,
      withdrawn,
      event,
      postings: [...new Set([...current, ...(head?.postings ?? [])])].slice(0, MAX_POSTING_HISTORY),
    };
    if (await store.putEvent(next, head ? head.version : null)) {
      // only the postings the previous state lacked, unless withdrawal changed them all
      const before =
        head && (wasWithdrawn === null) === (withdrawn === null)
          ? new Set(postingsOf(id, head.event, head.modified))
          : null;
      await syncPostings(store, next, before ? current.filter((p) => !before.has(p)) : null);
      return next;
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
 * again (all its postings) until the version it synced is the newest. The last sync
 * to finish is then always of the current state.
 */
async function syncPostings(
  store: EventStore,
  event: StoredEvent,
  write: readonly string[] | null,
): Promise<void> {
  let synced = event;
  let only = write;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    await store.syncPostings(synced, only);
    const latest = await store.getEvent(synced.id);
    if (!latest || latest.version <= synced.version) return;
    synced = latest;
    only = null;
  }
  throw new ContentionError(`event ${event.id} postings stayed contended`);
}
