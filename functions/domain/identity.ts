// Event identity: deciding whether a newly extracted report is an event the store
// already holds. Reports are matched inside one ledger (one category and one country
// set), so only dates, types and principals remain to compare. Pure.
import { createHash } from 'node:crypto';
import { sameName } from '../text/names.js';
import { dayRange } from './dates.js';
import {
  CALL_TYPES,
  type EventFacts,
  type EventType,
  GENERIC_TYPES,
  isCallType,
  VISIT_TYPES,
} from './event.js';
import type { LedgerEntry } from './ledger.js';
import { revisionOfReport } from './report.js';

/** What the ledger keeps of an event to recognize further reports of it (declared,
 *  with where ledgers live, in ledger.ts). */
export type { LedgerEntry };

export function ledgerKey(facts: Pick<EventFacts, 'category' | 'countries'>): string {
  return `${facts.category}#${[...facts.countries].sort().join('+')}`;
}

/** The id a new event gets: derived from the report that first told of it, so a retry
 *  of the same ingest reaches the same id. */
export function newEventId(reportKey: string): string {
  return createHash('sha256')
    .update(reportKey)
    .digest('base64url')
    .slice(0, 16)
    .replace(/[-_]/g, 'x');
}

export const reportKey = (articleKey: string, index: number): string => `${articleKey}#${index}`;

/**
 * Types that outlets use for one event: a visit's level ("chính thức" here, "cấp Nhà nước"
 * there), a summit one calls talks and another a high-level meeting. A call is never a
 * meeting in person, and a committee's session is its own kind; principals tell the rest apart.
 */
const COMMITTEE = new Set<EventType>(['committee_session']);
const TYPE_FAMILIES: ReadonlyArray<ReadonlySet<EventType>> = [
  new Set(VISIT_TYPES),
  new Set<EventType>(['talks', 'courtesy_call', 'high_level_meeting', 'meeting']),
  CALL_TYPES,
  COMMITTEE,
];
const familyOf = (t: EventType) => TYPE_FAMILIES.find((f) => f.has(t));

/** A call and a meeting in person are two events, whatever plain "meeting" either was also called. */
const callAndInPerson = (a: EventType, b: EventType) =>
  !GENERIC_TYPES.has(a) && !GENERIC_TYPES.has(b) && isCallType(a) !== isCallType(b);

function typesCompatible(a: EventType, known: EventType[]): boolean {
  if (known.some((t) => callAndInPerson(a, t))) return false;
  // (a committee's session is no plain meeting either: not the ministers' meeting the day before)
  return known.some(
    (t) =>
      familyOf(t) === familyOf(a) ||
      ((GENERIC_TYPES.has(t) || GENERIC_TYPES.has(a)) && !COMMITTEE.has(a) && !COMMITTEE.has(t)),
  );
}

/** Distance in days between two date spans, widened by the one-day slack that time
 *  zones and "overnight" reporting cause; null when they are too far apart. */
function dateDistance(a: [string, string | null], b: [string, string | null]): number | null {
  const [a0] = dayRange(a[0]);
  const a1 = dayRange(a[1] ?? a[0])[1];
  const [b0] = dayRange(b[0]);
  const b1 = dayRange(b[1] ?? b[0])[1];
  const gap = Math.max(0, Math.max(a0, b0) - Math.min(a1, b1));
  return gap <= 1 ? gap : null;
}

/** Principals conflict when, for a country both name someone of, they share nobody:
 *  talks with the Prime Minister and a call on the President, same day, are two events.
 *  A visit's hosts are many (the King at the welcome, the Crown Prince at dinner): only
 *  its visitors tell one visit from another. */
function principalsConflict(facts: EventFacts, names: Record<string, string[]>): boolean {
  const byCountry = new Map<string, string[]>();
  for (const p of facts.participants) {
    if (!p.country) continue;
    if (facts.category === 'visit' && p.country === facts.host) continue;
    byCountry.set(p.country, [...(byCountry.get(p.country) ?? []), p.name]);
  }
  for (const [country, ours] of byCountry) {
    const theirs = names[country];
    if (!theirs || theirs.length === 0) continue;
    if (!ours.some((n) => theirs.some((m) => sameName(n, m)))) return true;
  }
  return false;
}

/** Whether the entry already names one of the report's principals of each of its countries. */
function namesEverySide(facts: EventFacts, names: Record<string, string[]>): boolean {
  return facts.countries.every((country) =>
    facts.participants.some(
      (p) => p.country === country && (names[country] ?? []).some((n) => sameName(n, p.name)),
    ),
  );
}

const callOrTalks = (t: EventType) => t === 'talks' || isCallType(t);

/** "A spoke with B on Sunday" here, "talks on Sunday between A and B" there: one call that
 *  an outlet calls talks, where neither report places it, on the same day, between the
 *  same two sides. */
const callToldAsTalks = (facts: EventFacts, entry: LedgerEntry): boolean =>
  callOrTalks(facts.type) &&
  entry.types.every(callOrTalks) &&
  facts.host === null &&
  entry.sides === undefined &&
  entry.dates.some((d) => d[0] === facts.start) &&
  namesEverySide(facts, entry.names);

/** How many of the report's principals the entry already names. */
function sharedPrincipals(facts: EventFacts, names: Record<string, string[]>): number {
  return facts.participants.filter(
    (p) => p.country !== null && (names[p.country] ?? []).some((n) => sameName(n, p.name)),
  ).length;
}

/** How near a candidate is, compared in order: the date distance (smaller first), then
 *  the principals the report shares with it and whether it was given the report's own
 *  type (more first). Two candidates equal on all three are told apart by id. */
type Nearness = [distance: number, shared: number, sameType: number];

function nearer(a: Nearness, b: Nearness): number {
  return a[0] - b[0] || b[1] - a[1] || b[2] - a[2];
}

/** The ledger entry this report is about, or null for a new event. */
export function matchReport(
  facts: EventFacts,
  key: string,
  entries: readonly LedgerEntry[],
): LedgerEntry | null {
  const already = entries.find((e) => e.reports.includes(key));
  if (already) return already;
  let best: { entry: LedgerEntry; nearness: Nearness } | null = null;
  const revision = revisionOfReport(key);
  for (const entry of entries) {
    if (!typesCompatible(facts.type, entry.types) && !callToldAsTalks(facts, entry)) continue;
    // a call has no host: an event held in a host country is met in person, whatever its name
    if (isCallType(facts.type) && entry.sides !== undefined) continue;
    if (facts.host !== null && entry.types.every(isCallType)) continue;
    // an article tells each event once: another report of the same text is another event
    // (the informal meeting on Monday and the talks it announces for Tuesday)
    if (entry.reports.some((r) => revisionOfReport(r) === revision)) continue;
    // the visit to Laos and Laos's visit here a week apart are two visits (not a meeting of
    // the same two principals on the same days, which one report places in the other's
    // country: where two leaders met is read less surely than who met; nor the two
    // countries' committee, which one report places where its story was filed from)
    if (
      entry.sides &&
      facts.host !== null &&
      facts.guest !== null &&
      (entry.sides.host !== facts.host || entry.sides.guest !== facts.guest) &&
      facts.type !== 'committee_session' &&
      !(facts.category === 'meeting' && namesEverySide(facts, entry.names))
    )
      continue;
    if (principalsConflict(facts, entry.names)) continue;
    const distances = entry.dates
      .map((d) => dateDistance([facts.start, facts.end], d))
      .filter((d): d is number => d !== null);
    if (distances.length === 0) continue;
    const nearness: Nearness = [
      Math.min(...distances),
      sharedPrincipals(facts, entry.names),
      entry.types.includes(facts.type) ? 1 : 0,
    ];
    const order =
      best === null ? -1 : nearer(nearness, best.nearness) || (entry.id < best.entry.id ? -1 : 1);
    if (order < 0) best = { entry, nearness };
  }
  return best?.entry ?? null;
}

/** The entry after one more report of its event. */
export function recordReport(entry: LedgerEntry, facts: EventFacts, key: string): LedgerEntry {
  const names: Record<string, string[]> = { ...entry.names };
  for (const p of facts.participants) {
    if (!p.country) continue;
    const list = names[p.country] ?? [];
    if (!list.some((n) => sameName(n, p.name))) names[p.country] = [...list, p.name];
  }
  const span: [string, string | null] = [facts.start, facts.end];
  const sides =
    entry.sides ??
    (facts.host !== null && facts.guest !== null
      ? { host: facts.host, guest: facts.guest }
      : undefined);
  return {
    id: entry.id,
    ...(sides ? { sides } : {}),
    types: entry.types.includes(facts.type) ? entry.types : [...entry.types, facts.type],
    dates: entry.dates.some((d) => d[0] === span[0] && d[1] === span[1])
      ? entry.dates
      : [...entry.dates, span],
    names,
    reports: entry.reports.includes(key) ? entry.reports : [...entry.reports, key],
  };
}

export function newEntry(id: string): LedgerEntry {
  return { id, types: [], dates: [], names: {}, reports: [] };
}
