// Calendar arithmetic on the event's ISO dates (`YYYY-MM-DD`, or month-only `YYYY-MM`)
// in whole days since the epoch, UTC (no time zone, no DST). The one home of it:
// extraction resolves the dates it reads with it, identity, ledgers and merging compare
// dates with it, the renderers format and span them with it. Pure.

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
  // `YYYY-MM` or `YYYY-MM-DD`, read by hand: asked several times for every item a page renders
  if (s.length !== 7 && s.length !== 10) return null;
  const year = asciiDigits(s, 0, 4);
  const month = asciiDigits(s, 5, 2);
  if (year < 0 || month < 0 || s.charCodeAt(4) !== DASH) return null;
  let day: number | null = null;
  if (s.length === 10) {
    day = asciiDigits(s, 8, 2);
    if (day < 0 || s.charCodeAt(7) !== DASH) return null;
  }
  if (month < 1 || month > 12) return null;
  if (day !== null && (day < 1 || day > daysInMonth(year, month))) return null;
  return { year, month, day };
}

const DASH = 0x2d;

/** The number written by `count` ASCII digits at `from`, or -1. */
function asciiDigits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  if (month === 4 || month === 6 || month === 9 || month === 11) return 30;
  if (month >= 1 && month <= 12) return 31;
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since the epoch of a `YYYY-MM-DD` date, or of the first day of a `YYYY-MM` month
 *  (or of a `YYYY` year, as a date read in text may give only that). */
export function dayNumber(d: string): number {
  const month = d.length >= 7 ? Number(d.slice(5, 7)) : 1;
  return dayNumberOfParts(Number(d.slice(0, 4)), month, isDay(d) ? Number(d.slice(8, 10)) : 1);
}

/** Days since the epoch of the day with these parts (month 1–12). */
export function dayNumberOfParts(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Whether these parts name a real day (month 1–12, a day the month has). */
export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The month `months` after (before, when negative) the given one. */
export function addMonths(
  year: number,
  month: number,
  months: number,
): { year: number; month: number } {
  const index = year * 12 + month - 1 + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
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

const pad = (n: number) => String(n).padStart(2, '0');
/** The `YYYY-MM-DD` date with these parts. */
export const isoDay = (year: number, month: number, day: number) =>
  `${year}-${pad(month)}-${pad(day)}`;
/** The `YYYY-MM` month with these parts. */
export const isoMonth = (year: number, month: number) => `${year}-${pad(month)}`;
