// What the table holds, as zod schemas: every item read back is parsed with these,
// so a malformed or foreign item fails loudly instead of reaching a feed.
import * as z from 'zod/mini';
import { CountryCode, EventFacts, EventType, Evidence, Source, type DiplomaticEvent } from '../domain/event.js';
import { Report } from '../domain/report.js';

export { Report };


/** What the feeds read of an event: its merged public facts and timestamps. */
export const EventHead = z.object({
  id: z.string(),
  /** optimistic-lock counter: every write of the item raises it */
  version: z.number(),
  /** raised only when the public event changes (iCalendar SEQUENCE) */
  revision: z.number(),
  published: z.string(),
  modified: z.string(),
  event: z.object({
    ...EventFacts.shape,
    part_of: z.nullable(z.string()),
    cameo: z.enum(['036', '040', '041', '042', '044']),
    sources: z.array(Source),
    evidence: z.array(Evidence),
  }),
});
export type EventHead = z.infer<typeof EventHead>;

/** The whole event item: the head, plus what only ingestion needs. */
export const StoredEvent = z.object({
  ...EventHead.shape,
  reports: z.array(Report),
  /** every posting (`<view>|<sort key>`) ever written for the event, for clean-up */
  postings: z.array(z.string()),
});
export type StoredEvent = z.infer<typeof StoredEvent>;

export const LedgerEntry = z.object({
  id: z.string(),
  sides: z.optional(z.object({ host: CountryCode, guest: CountryCode })),
  types: z.array(EventType),
  dates: z.array(z.tuple([z.string(), z.nullable(z.string())])),
  names: z.record(CountryCode, z.array(z.string())),
  reports: z.array(z.string()),
});

export const Ledger = z.object({
  version: z.number(),
  entries: z.array(LedgerEntry),
});
export type Ledger = z.infer<typeof Ledger>;

export const ArticleRecord = z.object({
  key: z.string(),
  contentHash: z.string(),
  url: z.nullable(z.string()),
  publishedAt: z.string(),
  ingestedAt: z.string(),
  eventIds: z.array(z.string()),
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;

export const Meta = z.object({
  version: z.number(),
  modified: z.string(),
});
export type Meta = z.infer<typeof Meta>;

/** The newest change of one feed view: any new token means "changed". */
export const ViewMeta = z.object({
  view: z.string(),
  token: z.string(),
  modified: z.string(),
});
export type ViewMeta = z.infer<typeof ViewMeta>;

/** The poller's memory of one source feed (functions/poll/): the validators of the
 *  last feed response whose items were all processed, and the failure streak that
 *  spaces out its retries. */
export const SourceState = z.object({
  source: z.string(),
  etag: z.nullable(z.string()),
  lastModified: z.nullable(z.string()),
  /** consecutive failed polls; 0 after a success */
  failures: z.number(),
  /** no poll before this time (ISO); null when due at once */
  retryAfter: z.nullable(z.string()),
  lastError: z.nullable(z.string()),
  polledAt: z.nullable(z.string()),
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
  updatedAt: z.string(),
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
  };
}
