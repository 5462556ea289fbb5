// Where identity ledger entries live, and what one keeps. Pure.
//
// A ledger holds the entries of one category and country set for one month: the
// month of the start of the report that created each entry (its home). A new report
// reads the ledgers of the months its one-day window touches and the month on each
// side (an entry's dates can run past its home month), so the candidates it is
// matched against are the events near its date, whatever the country set holds in
// other months. See identity.ts for the matching rules themselves.
import * as z from 'zod/mini';
import { dayRange } from './dates.js';
import { type EventFacts, EventType } from './event.js';

export const LedgerEntry = z.object({
  id: z.string(),
  /** the host and the guest a report gave it, when known: a visit and the return visit are two events */
  sides: z.optional(z.object({ host: z.string(), guest: z.string() })),
  /** every type a report gave it */
  types: z.array(EventType),
  /** every [start, end] a report gave it (at most ENTRY_LIMITS.DATES, the latest) */
  dates: z.array(z.tuple([z.string(), z.nullable(z.string())])),
  /** principals named by any report, by country code */
  names: z.record(z.string(), z.array(z.string())),
  /** keys of the latest reports merged into it (at most ENTRY_LIMITS.REPORTS): a
   *  retry of an ingest finds its own claim here */
  reports: z.array(z.string()),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** One ledger item: its entries and the version that serializes writers. */
export const Ledger = z.object({
  version: z.number(),
  entries: z.array(LedgerEntry),
});
export type Ledger = z.infer<typeof Ledger>;

/** What one entry and one ledger keep, so the item never nears 64 KB: an entry is at
 *  most ~2.5 KB, a ledger at most LEDGER_CHARS of JSON (the entries reported least
 *  recently leave first: a report of such an event, weeks later, starts a new one). */
const ENTRY_LIMITS = {
  DATES: 12,
  NAMES_PER_COUNTRY: 8,
  NAME_CHARS: 80,
  REPORTS: 16,
  LEDGER_CHARS: 48_000,
} as const;

function boundEntry(entry: LedgerEntry): LedgerEntry {
  const names: Record<string, string[]> = {};
  for (const [country, list] of Object.entries(entry.names)) {
    names[country] = list
      .slice(0, ENTRY_LIMITS.NAMES_PER_COUNTRY)
      .map((n) => n.slice(0, ENTRY_LIMITS.NAME_CHARS));
  }
  return {
    id: entry.id,
    ...(entry.sides ? { sides: entry.sides } : {}),
    types: entry.types,
    dates: entry.dates.slice(-ENTRY_LIMITS.DATES),
    names,
    reports: entry.reports.slice(-ENTRY_LIMITS.REPORTS),
  };
}

/** The ledger after `entry` was created or updated: the entry moves to the end (most
 *  recently reported), and the oldest entries leave while the whole is over its cap. */
export function withEntry(entries: readonly LedgerEntry[], entry: LedgerEntry): LedgerEntry[] {
  const next = [...entries.filter((e) => e.id !== entry.id), boundEntry(entry)];
  let size = JSON.stringify(next).length;
  while (next.length > 1 && size > ENTRY_LIMITS.LEDGER_CHARS) {
    size -= JSON.stringify(next.shift()).length + 1;
  }
  return next;
}

const DAY_MS = 86_400_000;
const monthOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 7);

function addMonths(month: string, n: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + n;
  const d = new Date(Date.UTC(y, m, 1));
  return d.toISOString().slice(0, 7);
}

function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last && out.length < 12; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** A report's window runs at most this many days past its start (longer spans are
 *  read as this long): bounds the ledgers one report reads. */
const MAX_WINDOW_DAYS = 45;

export interface LedgerMonths {
  /** where a new event's entry lives: the month of the report's start */
  home: string;
  /** the months whose ledgers hold every candidate */
  read: string[];
  /** the months the report's one-day window touches: any concurrent report that could
   *  match it writes or fences one of these, so a claim fences them all */
  window: string[];
}

export function ledgerMonths(facts: Pick<EventFacts, 'start' | 'end'>): LedgerMonths {
  const [first] = dayRange(facts.start);
  const last = Math.min(
    Math.max(dayRange(facts.end ?? facts.start)[1], dayRange(facts.start)[1]),
    first + MAX_WINDOW_DAYS,
  );
  const lo = monthOfDay(first - 1);
  const hi = monthOfDay(last + 1);
  return {
    home: facts.start.slice(0, 7),
    read: monthsBetween(addMonths(lo, -1), addMonths(hi, 1)),
    window: monthsBetween(lo, hi),
  };
}
