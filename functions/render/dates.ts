// Dates as every format writes them: event dates (`YYYY-MM-DD` or month-only `YYYY-MM`)
// shown to people, instants (RFC 3339) for feeds, and iCalendar forms. The arithmetic
// is domain/dates.ts's. No clock: every function is a pure function of its arguments.
import { isoDayOf, parseEventDate } from '../domain/dates.js';
import { rememberedPerLanguage } from './remembered.js';
import type { RenderLanguage } from './types.js';
import { fill, WORDS } from './words.js';

/** vi: `5/2/2026`, `tháng 2/2026`; en: `5 Feb 2026`, `Feb 2026` (words/<lang>.json
 *  `dates`). Unparseable: as is. Remembered: a page shows the same few days many times
 *  (event dates, sources' days), and each is a parse and a template (bench render). */
export const formatEventDate = rememberedPerLanguage(10_000, dateInWords);

function dateInWords(s: string, lang: RenderLanguage): string {
  const d = parseEventDate(s);
  if (!d) return s;
  const w = WORDS[lang].dates;
  const month = w.monthNames[d.month - 1]!;
  return d.day === null
    ? fill(w.month, { month, year: d.year })
    : fill(w.day, { day: d.day, month, year: d.year });
}

/** A date or a range: `5–7/2/2026`, `5–7 Feb 2026`, or both dates in full. */
export function formatDateRange(start: string, end: string | null, lang: RenderLanguage): string {
  if (end === null || end === start) return formatEventDate(start, lang);
  const a = parseEventDate(start);
  const b = parseEventDate(end);
  const w = WORDS[lang].dates;
  if (a && b && a.day !== null && b.day !== null && a.year === b.year && a.month === b.month) {
    return fill(w.daysInMonth, {
      first: a.day,
      last: b.day,
      month: w.monthNames[a.month - 1]!,
      year: a.year,
    });
  }
  return fill(w.span, { start: formatEventDate(start, lang), end: formatEventDate(end, lang) });
}

const RFC3339_DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * The instant a timestamp names. Stored timestamps are RFC 3339; anything Date cannot
 * read falls back to `fallback` (then to the epoch), so a bad value can never make a
 * renderer throw or reach for the clock.
 */
export function toInstant(s: string | null | undefined, fallback?: string): Date {
  for (const candidate of [s, fallback]) {
    if (typeof candidate !== 'string') continue;
    const t = Date.parse(candidate);
    if (!Number.isNaN(t)) return new Date(t);
  }
  return new Date(0);
}

/** An RFC 3339 date-time: the value itself when it already is one, else normalized to UTC. */
export function rfc3339(s: string | null | undefined, fallback?: string): string {
  if (typeof s === 'string' && RFC3339_DATE_TIME.test(s)) return s;
  return toInstant(s, fallback).toISOString();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** iCalendar DATE of a day number: `20260205`. */
export function icalDate(dayNumber: number): string {
  return isoDayOf(dayNumber).replaceAll('-', '');
}

/** iCalendar DATE-TIME in UTC: `20260204T010000Z`. */
export function icalDateTime(instant: Date): string {
  return (
    `${pad(instant.getUTCFullYear(), 4)}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
    `T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
  );
}
