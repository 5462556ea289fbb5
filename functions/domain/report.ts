// One article's account of one event, as the store keeps it: its own item beside the
// event's head (functions/store/table.ts).
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { EventFacts, Evidence } from './event.js';

export const Report = z.object({
  /** `<article key>#<index in that article>` */
  key: z.string(),
  article: z.object({
    url: z.nullable(z.string()),
    title: z.nullable(z.string()),
    published: z.string(),
    outlet: z.nullable(z.string()),
    /** the language it was read in (primary subtag, e.g. `en`); absent in reports
     *  stored before languages were kept (their events shown as Vietnamese, the
     *  feeds' own) */
    language: z.optional(z.string()),
  }),
  facts: EventFacts,
  evidence: z.array(Evidence),
  /** id of the visit this meeting belongs to, per this article */
  partOf: z.nullable(z.string()),
});
export type Report = z.infer<typeof Report>;

/** What one report keeps, so that its item stays small whatever the article: at most
 *  REPORT_EVIDENCE_PER_FIELD sentences per field, each cut to REPORT_EVIDENCE_CHARS;
 *  at most REPORT_PARTICIPANTS principals, names and places cut to NAME_CHARS. With a URL of 2,048 characters and a title
 *  of 1,000, a report item stays under 16 KB. */
export const REPORT_LIMITS = {
  REPORT_EVIDENCE_PER_FIELD: 2,
  REPORT_EVIDENCE_CHARS: 300,
  REPORT_PARTICIPANTS: 20,
  /** a participant's name or title, a place or city name */
  NAME_CHARS: 120,
} as const;

/** The article's id in keys: a digest of its identity (canonical URL or text hash), so
 *  a key never nears DynamoDB's limits whatever the URL. 22 base64url characters. */
export function articleId(articleKey: string): string {
  return createHash('sha256').update(articleKey).digest('base64url').slice(0, 22);
}

/** `<article id>:<revision tag>#<index>`: one revision's account of one event. A new
 *  revision of the article (same URL, other content) gives new keys. */
export function reportKeyOf(articleIdValue: string, revisionTag: string, index: number): string {
  return `${articleIdValue}:${revisionTag}#${index}`;
}

const REPORT_KEY = /^([A-Za-z0-9_-]{22}):[0-9a-f]{1,64}#\d+$/;

/** The article (its id) a report key belongs to; for a key of another shape, what
 *  comes before its index. */
export function articleOfReport(key: string): string {
  return REPORT_KEY.exec(key)?.[1] ?? key.slice(0, key.lastIndexOf('#'));
}

/** The revision (`<article id>:<tag>`) of a report key: an article tells each event once. */
export function revisionOfReport(key: string): string {
  return key.slice(0, key.lastIndexOf('#'));
}
