// Calendar arithmetic on the event's ISO dates (`YYYY-MM-DD`, or month-only `YYYY-MM`)
// in whole days since the epoch, UTC (no time zone, no DST). The one home of it:
// identity, ledgers and merging compare dates with it, the renderers format and span
// them with it. Pure.

const DAY_MS = 86_400_000;

export const isDay = (d: string): boolean => d.length === 10;

export interface EventDay {
  year: number;
  month: number;
  /** null when the date gives only the month */
  day: number | null;
}

/** The parts of an event date, or null when it is no real day or month. */
export function parseEventDate(s: string): EventDay | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month < 1 || month > 12) return null;
  if (day !== null && (day < 1 || day > daysInMonth(year, month))) return null;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since the epoch of a `YYYY-MM-DD` date, or of the first day of a `YYYY-MM` month. */
export function dayNumber(d: string): number {
  const day = isDay(d) ? Number(d.slice(8, 10)) : 1;
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, day) / DAY_MS;
}

/** The inclusive range of days a date covers: one day, or the whole month. */
export function dayRange(d: string): [number, number] {
  const first = dayNumber(d);
  if (isDay(d)) return [first, first];
  return [first, first + daysInMonth(Number(d.slice(0, 4)), Number(d.slice(5, 7))) - 1];
}

/** The `YYYY-MM-DD` date of a day number. */
export function isoDayOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The last day a date can stand for: the day itself, or the last day of its month. */
export function lastDay(d: string): string {
  return isDay(d) ? d : isoDayOf(dayRange(d)[1]);
}

/** The `YYYY-MM-DD` day `days` after (or before) a `YYYY-MM-DD` day. */
export function addDays(d: string, days: number): string {
  return isoDayOf(dayNumber(d) + days);
}

/** `YYYY-MM-DD` of an instant, in UTC: the day feeds count "upcoming", "past" and
 *  "no report since" from. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * Whether an announced event's last possible day (its end, else its start; a month-only
 * date through its month) is before `today` while no report has said it was held: the
 * announcement is all that is known.
 */
export function isOverdue(
  event: { status: string; start: string; end: string | null },
  today: string,
): boolean {
  return event.status === 'announced' && lastDay(event.end ?? event.start) < today;
}
