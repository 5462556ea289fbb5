// The diplomatic event: the vocabulary of CONTRACT.md §3 as zod schemas, with the
// TypeScript types inferred from them. `zod/mini` keeps the Lambda bundles small.
import * as z from 'zod/mini';

export const VISIT_TYPES = ['state_visit', 'official_visit', 'working_visit', 'visit'] as const;
export const MEETING_TYPES = [
  'talks',
  'courtesy_call',
  'high_level_meeting',
  'committee_session',
  'phone_call',
  'video_call',
  'meeting',
] as const;
export const CATEGORIES = ['visit', 'meeting'] as const;
export const STATUSES = ['announced', 'held'] as const;

export const Category = z.enum(CATEGORIES);
export const EventType = z.enum([...VISIT_TYPES, ...MEETING_TYPES]);
export const Status = z.enum(STATUSES);
export type Category = z.infer<typeof Category>;
export type EventType = z.infer<typeof EventType>;
export type Status = z.infer<typeof Status>;

/** Calls: met by phone or video, so with no host and no place. */
export const CALL_TYPES: ReadonlySet<EventType> = new Set<EventType>(['phone_call', 'video_call']);
export const isCallType = (type: EventType): boolean => CALL_TYPES.has(type);
/** The types that name no kind of visit or meeting in particular: one report's plain "visit"
 *  or "meeting" is another's state visit or talks. */
export const GENERIC_TYPES: ReadonlySet<EventType> = new Set<EventType>(['visit', 'meeting']);

export function categoryOf(type: EventType): Category {
  return (VISIT_TYPES as readonly string[]).includes(type) ? 'visit' : 'meeting';
}

/** ISO 3166-1 alpha-2, upper case. */
export const CountryCode = z.string().check(z.regex(/^[A-Z]{2}$/));
/** `YYYY-MM-DD`, or `YYYY-MM` when the text gives only a month. */
export const EventDate = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/));
export type EventDate = z.infer<typeof EventDate>;

/** When something happened, as this project records it: `Date#toISOString`
 *  (`2026-11-22T05:30:00.000Z`, RFC 3339 in UTC). An article's own date is kept as the
 *  article gives it instead. */
export const Instant = z.string();

export const Participant = z.object({
  name: z.string().check(z.minLength(1)),
  title: z.nullable(z.string()),
  country: z.nullable(CountryCode),
});
export type Participant = z.infer<typeof Participant>;

export const Location = z.object({
  place: z.nullable(z.string()),
  city: z.nullable(z.string()),
  country: z.nullable(CountryCode),
});
export type Location = z.infer<typeof Location>;

/** The fields an extractor can support with a sentence. */
export const EVIDENCE_FIELDS = [
  'type',
  'status',
  'start',
  'end',
  'countries',
  'host',
  'guest',
  'participants',
  'location',
  'part_of',
] as const;
export const Evidence = z.object({
  field: z.enum(EVIDENCE_FIELDS),
  text: z.string(),
  /** the article (its url, or null when it has none) the sentence comes from */
  source: z.optional(z.nullable(z.string())),
});
export type Evidence = z.infer<typeof Evidence>;

/** The facts of one event, as one article reports them or as merged from several. */
export const EventFacts = z.object({
  category: Category,
  type: EventType,
  status: Status,
  start: EventDate,
  end: z.nullable(EventDate),
  countries: z.array(CountryCode),
  host: z.nullable(CountryCode),
  guest: z.nullable(CountryCode),
  participants: z.array(Participant),
  location: Location,
});
export type EventFacts = z.infer<typeof EventFacts>;

/**
 * What the extractor finds in one article: the facts, the sentences behind them, and
 * `partOf`, the index (in the same article's list) of the visit a meeting belongs to.
 */
export const ExtractedEvent = z.object({
  ...EventFacts.shape,
  evidence: z.array(Evidence),
  partOf: z.nullable(z.number().check(z.int(), z.nonnegative())),
});
export type ExtractedEvent = z.infer<typeof ExtractedEvent>;

/** An article that reported an event, as the event's `sources` cite it. */
export const SourceArticle = z.object({
  url: z.nullable(z.string()),
  title: z.nullable(z.string()),
  published: z.string(),
  outlet: z.optional(z.nullable(z.string())),
  /** the language the article was read in (Report's `article.language`) */
  language: z.optional(z.string()),
});
export type SourceArticle = z.infer<typeof SourceArticle>;

/** CAMEO codes of CONTRACT §3. */
export const Cameo = z.enum(['036', '040', '041', '042', '044']);
export type Cameo = z.infer<typeof Cameo>;

/** The merged event: its facts, the visit it belongs to, its CAMEO code, and a bounded
 *  selection of its sources and evidence (merge.ts says which; `sources_total` counts
 *  every article that reported it). This is the head the store keeps and the feeds
 *  read: declared once here, imported by the store. */
export const MergedEvent = z.object({
  ...EventFacts.shape,
  part_of: z.nullable(z.string()),
  cameo: Cameo,
  sources: z.array(SourceArticle),
  /** every article that reported the event, whether or not `sources` lists it
   *  (absent: `sources` is all of them) */
  sources_total: z.optional(z.number()),
  evidence: z.array(Evidence),
});
export type MergedEvent = z.infer<typeof MergedEvent>;

/** The public event (CONTRACT §3 `_diplomacy`) plus its identity and timestamps. */
export const DiplomaticEvent = z.object({
  id: z.string(),
  ...MergedEvent.shape,
  /** first time this project stored the event */
  published: Instant,
  /** last time any of its facts or sources changed */
  modified: Instant,
  /** rises by one with every change of facts or sources (iCalendar SEQUENCE) */
  revision: z.number(),
  /** when the event lost its last source: withdrawn, shown only as a
   *  cancellation (iCalendar) or a deleted entry (Atom); null while it stands */
  withdrawn: z.optional(z.nullable(Instant)),
});
export type DiplomaticEvent = z.infer<typeof DiplomaticEvent>;
