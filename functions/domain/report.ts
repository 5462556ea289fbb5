// One article's account of one event, as the store keeps it inside the event.
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
  }),
  facts: EventFacts,
  evidence: z.array(Evidence),
  /** id of the visit this meeting belongs to, per this article */
  partOf: z.nullable(z.string()),
});
export type Report = z.infer<typeof Report>;
