// The one home of date arithmetic on event dates (functions/domain/dates.ts).
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayNumber,
  dayNumberOfParts,
  dayRange,
  daysInMonth,
  isoDay,
  isoDayOf,
  isoMonth,
  isValidDay,
  parseEventDate,
} from '../../functions/domain/dates.js';

describe('event date arithmetic', () => {
  it('counts days since the epoch, a month from its first day', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-02-05')).toBe(20489);
    expect(dayNumber('2026-02')).toBe(dayNumber('2026-02-01'));
    expect(dayNumber('2026')).toBe(dayNumber('2026-01-01'));
    expect(dayNumberOfParts(2026, 2, 5)).toBe(20489);
  });

  it('spans a day, or every day of a month (leap years included)', () => {
    expect(dayRange('2026-02-05')).toEqual([20489, 20489]);
    expect(dayRange('2026-02').map(isoDayOf)).toEqual(['2026-02-01', '2026-02-28']);
    expect(dayRange('2024-02').map(isoDayOf)).toEqual(['2024-02-01', '2024-02-29']);
    expect(dayRange('2025-12').map(isoDayOf)).toEqual(['2025-12-01', '2025-12-31']);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it('writes a day number back as the date it counts, across a year end', () => {
    expect(isoDayOf(dayNumber('2025-12-31') + 1)).toBe('2026-01-01');
  });

  it('writes dates from their parts, and moves by whole months across year ends', () => {
    expect(isoDay(2026, 2, 5)).toBe('2026-02-05');
    expect(isoMonth(2026, 12)).toBe('2026-12');
    expect(addMonths(2025, 12, 1)).toEqual({ year: 2026, month: 1 });
    expect(addMonths(2026, 1, -1)).toEqual({ year: 2025, month: 12 });
    expect(addMonths(2026, 3, -14)).toEqual({ year: 2025, month: 1 });
  });

  it('tells real days from parts no calendar has', () => {
    expect(isValidDay(2024, 2, 29)).toBe(true);
    expect(isValidDay(2026, 2, 29)).toBe(false);
    expect(isValidDay(2026, 4, 31)).toBe(false);
    expect(isValidDay(2026, 13, 1)).toBe(false);
    expect(isValidDay(2026, 1, 0)).toBe(false);
  });

  it('reads only real days and months', () => {
    expect(parseEventDate('2026-02')).toEqual({ year: 2026, month: 2, day: null });
    expect(parseEventDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2026-02-29', '2026-13', '2026-00-10', '2026-2-5', '5/2/2026'])
      expect(parseEventDate(bad), bad).toBeNull();
  });
});
