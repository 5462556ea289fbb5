// Ingesting one article: extract its events, merge each into the event the store
// already holds (or a new one), record the article. Every step can be repeated: a
// retry after a failure anywhere converges to the same state, and concurrent ingests
// of reports of one event serialize on that event's ledger and item versions.
import { createHash, randomUUID } from 'node:crypto';
import type { Article } from '../domain/article.js';
import type { EventFacts, Evidence, ExtractedEvent } from '../domain/event.js';
import { markerOf } from '../domain/feed-query.js';
import { ledgerKey, matchReport, newEntry, newEventId, recordReport } from '../domain/identity.js';
import { type Ledger, type LedgerEntry, ledgerMonths, withEntry } from '../domain/ledger.js';
import { cut, type MergedEvent, mergeReports } from '../domain/merge.js';
import { articleId, REPORT_LIMITS, type Report, reportKeyOf } from '../domain/report.js';
import type { ArticleRecord, ArticleReport, EventHead, StoredEvent } from '../store/items.js';
import { postingsOf, splitPosting } from '../store/postings.js';
import type { EventStore, PostingSync } from '../store/store.js';

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

/** Longest pause, ms, before a claim tries again after a conflict. */
const MAX_CLAIM_PAUSE_MS = 50;

/** A random pause that grows with the attempt (at most MAX_CLAIM_PAUSE_MS): two claims
 *  that fenced each other's months would otherwise retry in step and fail together
 *  again and again. */
function claimPause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(MAX_CLAIM_PAUSE_MS, 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

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
  // the canonical URL: the same text posted under another spelling of its link is no new
  // revision; nor is it under another outlet's name (the name is how a poster labels the
  // article, and two feeds' links to one article, ingested side by side, must give one
  // article, not a revision each)
  return sha256(
    JSON.stringify([
      article.canonicalUrl,
      article.title,
      article.publishedAt,
      article.language,
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
  const extracted = extract(article).slice(0, MAX_EVENTS_PER_ARTICLE);
  // this revision's reports: a new text under the same URL gives new report keys (the
  // event a meeting is part of is known once its visit is claimed, below)
  const revision = hash.slice(0, 12);
  const drafts = extracted.map((found, index) =>
    reportOf(article, reportKeyOf(id, revision, index), found, null),
  );
  const record = (eventIds: string[], reports: ArticleReport[]): ArticleRecord => ({
    key,
    contentHash: hash,
    url: article.url,
    publishedAt: article.publishedAt,
    ingestedAt: now().toISOString(),
    eventIds,
    reports,
    recordedBy: randomUUID(),
  });
  // An article that gives no event and was never recorded: its record, the commit
  // mark, is the whole ingest (one conditional write). One recorded before (a repeat,
  // or a new revision whose earlier reports must leave their events) takes the path
  // below.
  if (drafts.length === 0 && (await store.putArticle(id, record([], []), { onlyNew: true }))) {
    return { created: true, events: [] };
  }
  // One read: the article (is it new? a new revision?) and every ledger its reports
  // may be matched against.
  const read = await store.getArticleAndLedgers(
    id,
    drafts.map((r) => ({ ledger: ledgerKey(r.facts), months: ledgerMonths(r.facts).read })),
  );
  const known = read.article;
  if (known && known.contentHash === hash) {
    return { created: false, events: await store.getEventHeads(known.eventIds) };
  }

  // Each report's event, found or created in its ledger: the reports of one ledger one
  // after the other, in the article's order (the second may be the first's event),
  // the ledgers side by side.
  const claims: { id: string; created: boolean }[] = [];
  const byLedger = new Map<string, number[]>();
  for (const [index, draft] of drafts.entries()) {
    const ledger = ledgerKey(draft.facts);
    byLedger.set(ledger, [...(byLedger.get(ledger) ?? []), index]);
  }
  await settled(
    [...byLedger].map(async ([ledger, indexes]) => {
      for (const index of indexes)
        claims[index] = await claimEvent(store, drafts[index]!, read.ledgers.get(ledger)!);
    }),
  );
  const ids = claims.map((c) => c.id);
  const created = new Set(claims.filter((c) => c.created).map((c) => c.id));
  // a meeting names the visit it is part of, an event claimed before it in the article
  const reports: Report[] = drafts.map((draft, index) => {
    const partOf = extracted[index]!.partOf;
    return { ...draft, partOf: partOf !== null && partOf < index ? ids[partOf]! : null };
  });
  const given: ArticleReport[] = reports.map((r, i) => ({ event: ids[i]!, key: r.key }));
  // Every report item (one batch), and meanwhile each event's reports read; no head
  // is written before the report items it merges are stored.
  const stored =
    reports.length > 0
      ? store.putReports(reports.map((report, i) => ({ eventId: ids[i]!, report })))
      : Promise.resolve();
  const adds = new Map<string, Report[]>();
  for (const [i, report] of reports.entries())
    adds.set(ids[i]!, [...(adds.get(ids[i]!) ?? []), report]);
  const changing = settled(
    [...adds].map(([eventId, add]) =>
      changeEvent(store, eventId, { add, created: created.has(eventId), stored }, now),
    ),
  );
  // both settled before going on (nothing left in flight), then the first failure
  const [changed, written] = await Promise.allSettled([changing, stored]);
  if (changed.status === 'rejected') throw changed.reason;
  if (written.status === 'rejected') throw written.reason;
  const changes = changed.value;
  // A new revision of the article: the reports of the one it replaces leave their
  // events (after this one's joined theirs, so an event both support never lacks it).
  if (known) {
    const current = new Set(given.map((g) => g.key));
    const stale = new Map<string, string[]>();
    for (const r of known.reports ?? []) {
      if (!current.has(r.key)) stale.set(r.event, [...(stale.get(r.event) ?? []), r.key]);
    }
    for (const [eventId, keys] of stale) await store.deleteReports(eventId, keys);
    const removals = await settled(
      [...stale].map(([eventId, remove]) => changeEvent(store, eventId, { remove }, now)),
    );
    for (const removal of removals) {
      if (!removal) continue;
      // an event changed twice by this ingest: all its current postings
      const twice = changes.findIndex((c) => c?.event.id === removal.event.id);
      if (twice >= 0) changes[twice] = { event: removal.event, change: null };
      else changes.push(removal);
    }
  }
  const touched = changes.filter((c): c is PostingSync => c !== null);
  // Before the article is recorded, and whether or not this attempt changed anything,
  // the change markers of every feed view these events are or were listed in (their
  // posting history; one marker per country subset and category, feed-query.ts
  // markerOf) move, so a filtered feed's ETag moves whenever something it may show
  // changed: an earlier attempt may have written the events and died before
  // this point, and a feed whose marker does not move keeps answering 304 with stale
  // content. A spare step costs one refetch; a missed one hides the change. (Every
  // event is listed in the view `*`, so its marker is the store's newest change.)
  await publish(
    store,
    touched,
    (round) => `${now().toISOString()}/${hash.slice(0, 12)}${round > 0 ? `/${round}` : ''}`,
    now,
  );
  const eventIds = [...new Set(ids)];
  // The commit mark: recorded once per content, so of concurrent ingests of the same
  // content exactly one answers 201.
  const recorded = await store.putArticle(id, record(eventIds, given));
  // the events as this ingest left them (a newer state is at their URLs)
  const byId = new Map<string, EventHead>(touched.map((c) => [c.event.id, c.event]));
  const missing = eventIds.filter((e) => !byId.has(e));
  const heads = missing.length > 0 ? await store.getEventHeads(missing) : [];
  for (const e of heads) byId.set(e.id, e);
  return {
    created: recorded,
    events: eventIds.map((e) => byId.get(e)).filter((e): e is EventHead => e !== undefined),
  };
}

/** The values of these concurrent steps once every one has settled, or the first
 *  failure: nothing of an ingest is still in flight when it answers. */
async function settled<T>(steps: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(steps);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
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
      language: article.language,
    },
    facts,
    evidence: boundEvidence(found.evidence),
    partOf,
  };
}

/**
 * Finds or creates the event a report is about. The candidates are the entries of the
 * ledgers of the months near the report's date (domain/ledger.ts), first as the
 * ingest's one read found them (`known`, kept up to date with this ingest's own
 * writes), then, after a conflict, read again. The decision is written to one ledger
 * (the matched entry's, or the report's month for a new event) under its version,
 * after raising the version of every other month the report's one-day window
 * touches: a concurrent report that could be the same event writes or raises one of
 * those too, so of two such claims one fails and retries, seeing the other's (as one
 * ledger per country set serialized them before).
 */
async function claimEvent(
  store: EventStore,
  report: Pick<Report, 'facts' | 'key'>,
  known: Map<string, Ledger>,
): Promise<{ id: string; created: boolean }> {
  const ledger = ledgerKey(report.facts);
  const months = ledgerMonths(report.facts);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (attempt > 0) {
      await claimPause(attempt);
      for (const [month, l] of await store.readLedgers(ledger, months.read)) known.set(month, l);
    }
    const homeOf = new Map<string, string>();
    const entries: LedgerEntry[] = [];
    for (const month of months.read) {
      for (const entry of known.get(month)!.entries) {
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
      const { version, entries: kept } = known.get(month)!;
      if (!(await store.fenceLedger(ledger, month, version))) {
        fenced = false;
        break;
      }
      known.set(month, { version: version + 1, entries: kept });
    }
    if (!fenced) continue;
    const { version, entries: homeEntries } = known.get(home)!;
    const written = withEntry(homeEntries, entry);
    if (await store.writeLedger(ledger, home, written, version)) {
      known.set(home, { version: version + 1, entries: written });
      return { id: entry.id, created: !match };
    }
  }
  throw new ContentionError(`ledger ${ledger} stayed contended`);
}

function sameFacts(a: LedgerEntry, b: LedgerEntry): boolean {
  return (
    JSON.stringify([a.types, a.dates, a.names]) === JSON.stringify([b.types, b.dates, b.names])
  );
}

/**
 * Writes the event's head again, after reports were added to it or removed from it,
 * as the merge of every report the event's partition holds (one Query) and of the
 * ones this ingest adds, under the head's version. The added report items are stored
 * (`stored`) before the head is written, though the Query may run while they are
 * being written: a head written under version v+1 merged every report stored before
 * its writer read version v, and its own; a report stored later belongs to an ingest
 * that has not written its head yet, and that ingest then reads v+1 or later, after
 * its report, or fails its version check and reads again. So whoever writes the head
 * last merged every report whose ingest got this far. An event left with no report
 * is withdrawn: its head stays (the calendar and Atom announce the cancellation),
 * flagged, without sources. Returns the head as written and the postings to write
 * for it, or null when there is nothing (a removal from an event that was never
 * written).
 */
async function changeEvent(
  store: EventStore,
  id: string,
  change: {
    add?: readonly Report[];
    remove?: readonly string[];
    created?: boolean;
    stored?: Promise<void>;
  },
  now: () => Date,
): Promise<PostingSync | null> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // an event this ingest just created in its ledger: first try writing its head from
    // this article's reports alone, on the condition that no head exists (else read and merge)
    const read =
      attempt === 0 && change.created && change.add
        ? { head: null, reports: [] }
        : await store.getEventWithReports(id);
    await change.stored;
    const { head } = read;
    const reports = withReports(read.reports, change.add ?? []);
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
      wasWithdrawn === withdrawn &&
      JSON.stringify(head.event) === JSON.stringify(event)
    ) {
      return { event: head, change: null }; // a retry may find the postings unwritten
    }
    // the public event changed: a new revision, modified now
    const modified = time;
    const current = postingsOf(id, event, modified);
    const next: StoredEvent = {
      id,
      version: (head?.version ?? 0) + 1,
      revision: (head?.revision ?? 0) + 1,
      published: head?.published ?? time,
      modified,
      withdrawn,
      event,
      postings: [...new Set([...current, ...(head?.postings ?? [])])].slice(0, MAX_POSTING_HISTORY),
    };
    if (await store.putEvent(next, head ? head.version : null)) {
      // Only what this change moved: the postings the previous state lacked, and those
      // it had that this one lacks. Older stale postings were the business of the
      // change that left them (and of its retry); a sync that finds a newer version
      // than its own syncs that one whole. A new event, or withdrawal (its postings
      // carry an expiry), syncs all.
      if (!head || (wasWithdrawn === null) !== (withdrawn === null))
        return { event: next, change: null };
      const before = postingsOf(id, head.event, head.modified);
      return {
        event: next,
        change: {
          write: current.filter((p) => !before.includes(p)),
          remove: before.filter((p) => !current.includes(p)),
        },
      };
    }
  }
  throw new ContentionError(`event ${id} stayed contended`);
}

/** The reports read, with the ones added (a report read and added counts once). */
function withReports(read: readonly Report[], added: readonly Report[]): Report[] {
  const keys = new Set(read.map((r) => r.key));
  return [...read, ...added.filter((r) => !keys.has(r.key))];
}

/** The change markers of every view these events are or were listed in. */
function markersListing(events: readonly StoredEvent[]): string[] {
  return [...new Set(events.flatMap((e) => e.postings.map((p) => markerOf(splitPosting(p).view))))];
}

/**
 * Writes the postings of the events' newest versions (one batch for all), then moves
 * the change markers of the views they are or were listed in. Two ingests of one event
 * sync concurrently, and the one that wrote the older version may finish last,
 * deleting postings the newer state needs: so whoever wrote any posting re-reads those
 * events' versions (one read of the keys and versions only, while the markers are
 * written), then reads whole those with a newer version and syncs them again (all
 * their postings), moving their markers once more, until the
 * versions it synced are the newest. The last sync to finish is then always of the
 * current state, and the markers move after it. A sync that wrote nothing cannot have
 * undone anything, and reads nothing.
 */
async function publish(
  store: EventStore,
  syncs: readonly PostingSync[],
  token: (round: number) => string,
  now: () => Date,
): Promise<void> {
  let pending = syncs;
  for (let round = 0; round < MAX_ATTEMPTS; round++) {
    const wrote = await store.syncPostings(pending);
    const synced = new Map(pending.map((s) => [s.event.id, s.event.version]));
    // the versions only: the whole of an event is read again when a newer one is found
    const reading =
      wrote.length > 0 ? store.getEventVersions(wrote) : Promise.resolve(new Map<string, number>());
    await settled([
      reading.then(() => undefined),
      store.touchViews(
        markersListing(pending.map((s) => s.event)),
        token(round),
        now().toISOString(),
      ),
    ]);
    const newer = [...(await reading)]
      .filter(([id, version]) => version > synced.get(id)!)
      .map(([id]) => id);
    if (newer.length === 0) return;
    pending = [...(await store.getEvents(newer)).values()].map((event) => ({
      event,
      change: null,
    }));
  }
  throw new ContentionError(
    `postings of ${syncs.map((s) => s.event.id).join(', ')} stayed contended`,
  );
}
