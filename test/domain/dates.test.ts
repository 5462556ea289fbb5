// The one home of date arithmetic on event dates (functions/domain/dates.ts).
import { describe, expect, it } from 'vitest';
import {
  dayNumber,
  dayRange,
  daysInMonth,
  isoDayOf,
  parseEventDate,
} from '../../functions/domain/dates.js';

describe('event date arithmetic', () => {
  it('counts days since the epoch, a month from its first day', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-02-05')).toBe(20489);
    expect(dayNumber('2026-02')).toBe(dayNumber('2026-02-01'));
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

  it('reads only real days and months', () => {
    expect(parseEventDate('2026-02')).toEqual({ year: 2026, month: 2, day: null });
    expect(parseEventDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2026-02-29', '2026-13', '2026-00-10', '2026-2-5', '5/2/2026'])
      expect(parseEventDate(bad), bad).toBeNull();
  });
});
