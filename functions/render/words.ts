// The words readers see, per language, as data: render/words/<lang>.json. This module
// checks their shape once at load (zod: a missing label fails at start, not on a page)
// and fills their templates. No reader-visible word lives in the renderers' code.
import * as z from 'zod/mini';
import { CATEGORIES, EVIDENCE_FIELDS, EventType, STATUSES } from '../domain/event.js';
import en from './words/en.json' with { type: 'json' };
import vi from './words/vi.json' with { type: 'json' };
import type { RenderLanguage } from './types.js';

const text = z.string();
const pair = z.tuple([text, text]);
const byType = z.record(EventType, text);

export const Words = z.object({
  types: byType,
  categories: z.record(z.enum(CATEGORIES), text),
  statuses: z.record(z.enum(STATUSES), text),
  facts: z.record(z.enum(['type', 'status', 'date', 'countries', 'host', 'guest', 'participants', 'location', 'part_of']), text),
  evidenceFields: z.record(z.enum(EVIDENCE_FIELDS), text),
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
  summary: z.object({
    person: text,
    personOf: text,
    personOfUntitled: text,
    held: byType,
    announced: byType,
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
  /** English names of Vietnamese titles of office (en only) */
  offices: z.optional(z.array(z.tuple([text, text]))),
});
export type Words = z.infer<typeof Words>;

export const WORDS: Record<RenderLanguage, Words> = { vi: Words.parse(vi), en: Words.parse(en) };

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
  for (let i = 1; i < parts.length; i += 2) out += String(slots[parts[i]!] ?? '') + parts[i + 1]!;
  return out.includes('  ') ? out.replace(/ {2,}/g, ' ') : out;
}
