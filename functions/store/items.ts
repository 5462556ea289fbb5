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
