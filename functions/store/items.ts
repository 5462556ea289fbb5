// What the table holds, as zod schemas: every item read back is parsed with these,
// so a malformed or foreign item fails loudly instead of reaching a feed.
import * as z from 'zod/mini';
import { type DiplomaticEvent, Instant, MergedEvent } from '../domain/event.js';
import { Ledger, LedgerEntry } from '../domain/ledger.js';
import { Report } from '../domain/report.js';

export { Ledger, LedgerEntry, Report };

/** What the feeds read of an event: its merged public facts (domain/event.ts
 *  MergedEvent, bounded) and timestamps. */
export const EventHead = z.object({
  id: z.string(),
  /** optimistic-lock counter: every write of the head raises it */
  version: z.number(),
  /** raised only when the public event changes (iCalendar SEQUENCE) */
  revision: z.number(),
  published: Instant,
  modified: Instant,
  /** when its last source was withdrawn; null while it stands */
  withdrawn: z.optional(z.nullable(Instant)),
  event: MergedEvent,
});
export type EventHead = z.infer<typeof EventHead>;

/** The head item: the head, plus the postings history ingestion keeps for clean-up. */
export const StoredEvent = z.object({
  ...EventHead.shape,
  /** postings (`<view>|<sort key>`) written for the event and not known to be gone
   *  (the current ones first; at most MAX_POSTING_HISTORY) */
  postings: z.array(z.string()),
});
export type StoredEvent = z.infer<typeof StoredEvent>;

/** An event's head (null when only reports exist yet) and every report of it. */
export interface EventWithReports {
  head: StoredEvent | null;
  reports: Report[];
}

/** The reports an article revision gave: which event, under which report key. */
export const ArticleReport = z.object({ event: z.string(), key: z.string() });
export type ArticleReport = z.infer<typeof ArticleReport>;

export const ArticleRecord = z.object({
  /** the article's identity: its canonical URL, or `sha256:<text digest>` */
  key: z.string(),
  contentHash: z.string(),
  url: z.nullable(z.string()),
  publishedAt: z.string(),
  ingestedAt: Instant,
  eventIds: z.array(z.string()),
  /** the reports of this revision (at most MAX_EVENTS_PER_ARTICLE) */
  reports: z.optional(z.array(ArticleReport)),
  /** a token of the ingest that recorded it: a retried write whose first answer was
   *  lost recognizes its own record */
  recordedBy: z.optional(z.string()),
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;

/** The newest change of one feed view: any new token means "changed". */
export const ViewMeta = z.object({
  view: z.string(),
  token: z.string(),
  modified: Instant,
});
export type ViewMeta = z.infer<typeof ViewMeta>;

/** A source's failure streak, which spaces out its retries (politeness.ts backoffMs). */
export const SourceFailures = z.object({
  /** consecutive failed polls; 0 after a success */
  failures: z.number(),
  /** no poll before this time; null when due at once */
  retryAfter: z.nullable(Instant),
  lastError: z.nullable(z.string()),
});
export type SourceFailures = z.infer<typeof SourceFailures>;

/** The poller's memory of one source feed (functions/poll/): the validators of the
 *  last feed response whose items were all processed, and the failure streak that
 *  spaces out its retries. */
export const SourceState = z.object({
  source: z.string(),
  etag: z.nullable(z.string()),
  lastModified: z.nullable(z.string()),
  ...SourceFailures.shape,
  polledAt: z.nullable(Instant),
});
export type SourceState = z.infer<typeof SourceState>;

/** One feed item the poller has met, by its link: seen → ingested (or given up on). */
export const FeedItemState = z.object({
  url: z.string(),
  source: z.string(),
  status: z.enum(['seen', 'ingested', 'duplicate', 'skipped', 'failed']),
  /** attempts started so far, counted before each one's work (a run that dies mid-item used one) */
  attempts: z.number(),
  /** the article key it was ingested under (its canonical URL) */
  articleKey: z.nullable(z.string()),
  eventIds: z.array(z.string()),
  reason: z.nullable(z.string()),
  updatedAt: Instant,
});
export type FeedItemState = z.infer<typeof FeedItemState>;

/** The public event (CONTRACT §3) of a stored one. */
export function publicEvent(stored: EventHead): DiplomaticEvent {
  return {
    id: stored.id,
    ...stored.event,
    published: stored.published,
    modified: stored.modified,
    revision: stored.revision,
    withdrawn: stored.withdrawn ?? null,
  };
}
