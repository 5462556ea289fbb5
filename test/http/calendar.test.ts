// The calendar lists every event in a window, not a page: all upcoming events and the
// past 12 months by default, `from`/`to` move the window, `limit`/`cursor` still ask for a
// page; past CALENDAR_MAX_EVENTS the latest are listed and the calendar says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALENDAR_MAX_EVENTS } from '../../functions/domain/feed-query.js';
import type { LocalService } from '../../infra/local/runtime.js';
import { post, service, statedArticle, statedEvents } from '../integration/harness.js';
import { icalEvents, prop, unescapeIcalText } from '../render/helpers.js';

let s: LocalService;
const TODAY = '2026-03-15';
const get = (path: string) => s.app.request(`http://localhost${path}`);
const starts = async (path: string) =>
  icalEvents(await (await get(path)).text())
    .map((v) => prop(v, 'DTSTART')!.value)
    .sort();

/** `n` events a day apart, counted back (negative step) or forward from a day */
function days(from: string, n: number, step: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    new Date(Date.parse(`${from}T00:00:00Z`) + i * step * 86_400_000).toISOString().slice(0, 10),
  );
}

// 140 events in the last 140 days, 20 upcoming a week apart, 5 older than 12 months
const dates = [
  ...days('2026-03-14', 140, -1),
  ...days('2026-03-15', 20, 7),
  ...days('2024-12-01', 5, -30),
];
const between = (from: string, to: string) => dates.filter((d) => d >= from && d <= to).length;

beforeAll(async () => {
  s = await service({ extract: statedEvents, now: () => new Date(`${TODAY}T12:00:00Z`) });
  for (let i = 0; i < dates.length; i += 40) {
    const batch = dates.slice(i, i + 40).map((start, j) => ({
      start,
      status: start < TODAY ? 'held' : 'announced',
      participants: [{ name: `Leader ${i + j}`, title: null, country: 'VN' }],
    }));
    expect(
      (
        await post(
          s,
          statedArticle(`https://news.test/c${i}`, '2026-03-15T08:00:00+07:00', batch as never),
        )
      ).status,
    ).toBe(201);
  }
}, 120_000);
afterAll(() => s.close());

describe('the calendar window', () => {
  it('lists every upcoming event and the past 12 months, more than a feed page holds', async () => {
    const listed = await starts('/feeds/calendar.ics');
    expect(listed).toHaveLength(160);
    expect(listed[0]! >= '20250301').toBe(true);
    expect(listed.at(-1)).toBe('20260726');
  });

  it('moves with from and to', async () => {
    expect(await starts('/feeds/calendar.ics?from=2024-01-01&to=2025-12-31')).toHaveLength(
      between('2024-01-01', '2025-12-31'),
    );
    expect(between('2024-01-01', '2025-12-31')).toBeGreaterThan(5);
    expect(await starts('/feeds/calendar.ics?from=2026-03-15')).toHaveLength(20);
    expect(await starts('/feeds/calendar.ics?to=2024-10-15')).toHaveLength(
      between('0000-01-01', '2024-10-15'),
    );
  });

  it('still gives a page when limit or cursor asks for one', async () => {
    expect(await starts('/feeds/calendar.ics?limit=50')).toHaveLength(50);
    expect(await starts('/feeds/calendar.ics?limit=100')).toHaveLength(100);
  });

  it('a window and a page of the default size are different representations', async () => {
    const window = await get('/feeds/calendar.ics');
    const page = await get('/feeds/calendar.ics?limit=50');
    expect(window.headers.get('etag')).not.toBe(page.headers.get('etag'));
  });

  it('says nothing about a cap it did not reach, and states the cap it has', async () => {
    const ics = await (await get('/feeds/calendar.ics')).text();
    const description = unescapeIcalText(/^X-WR-CALDESC:(.*)$/m.exec(ics)![1]!.trim());
    expect(description).not.toMatch(/chỉ liệt kê/);
    expect(CALENDAR_MAX_EVENTS).toBe(1000);
  });
});
