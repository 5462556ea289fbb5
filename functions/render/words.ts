// The words readers see, per language, as data: render/words/<lang>.json. This module
// checks their shape (zod: a missing label fails at start or at the first page, not
// deep in one) and fills their templates. No reader-visible word lives in the
// renderers' code.
//
// The tables hold the labels of the vocabulary (the CONTRACT §3 codes stay in
// `_diplomacy`, the Atom category terms and the query parameters), the formats of dates,
// the sentence templates of titles and summaries, and the words of pages. A `{name}` in
// a template is a slot; a slot left empty leaves nothing. `offices` names, in the
// table's language, titles of office written in another (matched case-insensitively at
// the start of each part of a title: a comma or "and" separates parts); `homeOffices`
// are tried first for the people of `people.homeCountry`. A title in another language
// that none names is left out.
//
// Three files a language, so that each Lambda bundles only what it shows (the ingest
// bundle is near its 500 KB budget): `<lang>.json`, what an event's title needs (the
// ingest function answers with titles), checked at load; `<lang>.feeds.json`, what only
// feeds and pages show (summaries, facts, evidence, filters, the site's words), read
// and checked on first use (feedWords), so the ingest bundle leaves it out; and
// `<lang>.pages.json` (page-words.ts), what only the HTML pages show. (The tables carry
// no comment of their own: JSON has none.)
import * as z from 'zod/mini';
import { CATEGORIES, EVIDENCE_FIELDS, EventType, STATUSES } from '../domain/event.js';
import type { RenderLanguage } from './types.js';
import enFeeds from './words/en.feeds.json' with { type: 'json' };
import en from './words/en.json' with { type: 'json' };
import viFeeds from './words/vi.feeds.json' with { type: 'json' };
import vi from './words/vi.json' with { type: 'json' };

const text = z.string();
const byType = z.record(EventType, text);

export const Words = z.object({
  types: byType,
  categories: z.record(z.enum(CATEGORIES), text),
  statuses: z.record(z.enum(STATUSES), text),
  dates: z.object({
    day: text,
    month: text,
    daysInMonth: text,
    span: text,
    monthNames: z.array(text).check(z.length(12)),
  }),
  title: z.object({
    visit: text,
    by: text,
    to: text,
    meeting: text,
    between: text,
    with: text,
    at: text,
    whole: text,
    announced: text,
    overdue: text,
  }),
  people: z.object({
    /** the country whose people titles name without it (the articles' own), or null */
    homeCountry: z.nullable(text),
    person: text,
    personAbroad: text,
    delegation: text,
    aDelegation: text,
    side: text,
    others: text,
    and: text,
  }),
  /** names in this language of titles of office written in another ([written, shown]) */
  offices: z.optional(z.array(z.tuple([text, text]))),
  /** the same, tried first for the people of `people.homeCountry` (their President) */
  homeOffices: z.optional(z.array(z.tuple([text, text]))),
});
export type Words = z.infer<typeof Words>;

export const WORDS: Record<RenderLanguage, Words> = { vi: Words.parse(vi), en: Words.parse(en) };

/** The rows of an event's facts (text.ts eventFacts; their labels are `facts` in
 *  `<lang>.feeds.json`): the fields evidence can support, start and end shown as one date. */
export type FactKey = Exclude<(typeof EVIDENCE_FIELDS)[number], 'start' | 'end'> | 'date';

function factKeys(): FactKey[] {
  return EVIDENCE_FIELDS.flatMap((f): FactKey[] =>
    f === 'start' ? ['date'] : f === 'end' ? [] : [f],
  );
}

/** The shape of `<lang>.feeds.json`, built on first use (nothing at load: see above). */
function feedWordsSchema() {
  const text = z.string();
  return z.object({
    facts: z.record(z.enum(factKeys()), text),
    evidenceFields: z.record(z.enum(EVIDENCE_FIELDS), text),
    summary: z.object({
      person: text,
      personOf: text,
      personOfUntitled: text,
      held: z.record(EventType, text),
      announced: z.record(EventType, text),
      place: text,
      onDay: text,
      inMonth: text,
      span: text,
      overdue: text,
    }),
    filters: z.object({
      countries: text,
      countryJoin: text,
      typeJoin: text,
      from: text,
      to: text,
      upcoming: text,
      past: text,
      updated: text,
      join: text,
    }),
    words: z.object({
      siteTitle: text,
      siteDescription: text,
      author: text,
      sources: text,
      evidence: text,
      facts: text,
      untitled: text,
      noEvents: text,
      next: text,
      feeds: text,
      home: text,
      calendar: text,
      theVisit: text,
      monthOnly: text,
      calendarCapped: text,
    }),
  });
}
export type FeedWords = z.infer<ReturnType<typeof feedWordsSchema>>;

let feedWordsRead: Record<RenderLanguage, FeedWords> | undefined;

/** The words only feeds and pages show, in `lang` (`<lang>.feeds.json`), checked the
 *  first time any is asked for. */
export function feedWords(lang: RenderLanguage): FeedWords {
  if (feedWordsRead === undefined) {
    const schema = feedWordsSchema();
    feedWordsRead = { vi: schema.parse(viFeeds), en: schema.parse(enFeeds) };
  }
  return feedWordsRead[lang];
}

/** A template with one slot, cut once: [before, after]; null for any other template. */
const aroundSlot = new Map<string, readonly [string, string] | null>();

/**
 * fill for a template with one slot (` by {who}`, ` tại {place}`), without a slots
 * object: the words before it, the value, the words after (the slot's name is the
 * template's business). A value left empty leaves the words around it. Titles and
 * summaries fill several such templates an item (bench render).
 */
export function fillOne(template: string, value: string): string {
  let around = aroundSlot.get(template);
  if (around === undefined) {
    const parts = template.split(/\{(\w+)\}/);
    around = parts.length === 3 ? [parts[0]!, parts[2]!] : null;
    aroundSlot.set(template, around);
  }
  if (around === null || value === '') {
    const name = /\{(\w+)\}/.exec(template)?.[1];
    return name === undefined ? template : fill(template, { [name]: value });
  }
  return around[0] + value + around[1];
}

/** A template cut at its slots once: literal, slot, literal, … */
const compiled = new Map<string, string[]>();

/**
 * Fills `{slot}`s from `slots` (a slot left out or empty leaves nothing). Runs of spaces
 * an empty slot leaves are folded into one; leading and trailing spaces stay, so parts
 * such as " tại {place}" can be joined.
 */
export function fill(template: string, slots: Readonly<Record<string, string | number>>): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  let out = parts[0]!;
  let emptySlot = false;
  for (let i = 1; i < parts.length; i += 2) {
    const value = slots[parts[i]!];
    if (value === undefined || value === '') emptySlot = true;
    else out += typeof value === 'string' ? value : String(value);
    out += parts[i + 1]!;
  }
  // only an empty slot can leave two spaces side by side (tables and values have none)
  return emptySlot && out.includes('  ') ? out.replace(/ {2,}/g, ' ') : out;
}
