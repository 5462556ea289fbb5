// Day arithmetic on the event's ISO dates (`YYYY-MM-DD` or month-only `YYYY-MM`).

const DAY_MS = 86_400_000;

export const isDay = (d: string): boolean => d.length === 10;
export const isMonth = (d: string): boolean => d.length === 7;

/** Days since the epoch of a `YYYY-MM-DD` date. */
export function dayNumber(d: string): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY_MS;
}

/** The inclusive range of days a date covers: one day, or the whole month. */
export function dayRange(d: string): [number, number] {
  if (isDay(d)) return [dayNumber(d), dayNumber(d)];
  const year = Number(d.slice(0, 4));
  const month = Number(d.slice(5, 7));
  const first = Date.UTC(year, month - 1, 1) / DAY_MS;
  const last = Date.UTC(year, month, 0) / DAY_MS;
  return [first, last];
}

/** The `YYYY-MM-DD` date `days` after `d`. */
export function addDays(d: string, days: number): string {
  return new Date((dayNumber(d) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** The last day a date can stand for: the day itself, or the last day of its month. */
export function lastDay(d: string): string {
  return isDay(d) ? d : new Date(dayRange(d)[1] * DAY_MS).toISOString().slice(0, 10);
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
export function isOverdue(event: { status: string; start: string; end: string | null }, today: string): boolean {
  return event.status === 'announced' && lastDay(event.end ?? event.start) < today;
}
