// Day arithmetic on the event's ISO dates (`YYYY-MM-DD` or month-only `YYYY-MM`).

const DAY_MS = 86_400_000;

export const isDay = (d: string): boolean => d.length === 10;
export const isMonth = (d: string): boolean => d.length === 7;

/** Days since the epoch of a `YYYY-MM-DD` date. */
export function dayNumber(d: string): number {
  return (
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY_MS
  );
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
