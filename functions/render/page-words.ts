// The words only the HTML pages use (render/words/<lang>.pages.json): the filter links,
// the language switch, "add to calendar", the OPML link, and the error pages' titles and
// messages. Apart from words.ts so that the ingest function, which renders titles but
// no page, does not bundle them. Checked once at load.
import * as z from 'zod/mini';
import type { RenderLanguage } from './types.js';
import en from './words/en.pages.json' with { type: 'json' };
import vi from './words/vi.pages.json' with { type: 'json' };

const text = z.string();
const pair = z.tuple([text, text]);

export const PageWords = z.object({
  nav: z.object({
    filters: text,
    all: text,
    when: text,
    type: text,
    status: text,
    country: text,
    order: text,
    byChange: text,
    byStart: text,
    otherLanguage: text,
    addToCalendar: text,
    opml: text,
  }),
  /** error pages for browsers: [title, message] by status */
  errors: z.object({
    '400': pair,
    '404': pair,
    '405': pair,
    '410': pair,
    '500': pair,
    '503': pair,
    other: pair,
    parameter: text,
  }),
});
export type PageWords = z.infer<typeof PageWords>;

export const PAGE_WORDS: Record<RenderLanguage, PageWords> = {
  vi: PageWords.parse(vi),
  en: PageWords.parse(en),
};
