import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cameoOf, cut, mergeReports } from '../../functions/domain/merge.js';
import { facts, report } from './samples.js';

describe('mergeReports', () => {
  const announced = report('https://news.test/a#0', '2026-02-04T08:00:00+07:00');
  const held = report('https://news.test/b#0', '2026-02-05T21:00:00+07:00', { status: 'held' });

  it('turns an announced event held when a later article reports it', () => {
    const merged = mergeReports([announced, held]);
    expect(merged.status).toBe('held');
    expect(merged.cameo).toBe('042');
    expect(merged.sources.map((s) => s.url)).toEqual([
      'https://news.test/a',
      'https://news.test/b',
    ]);
  });

  it('is independent of the order reports arrive in', () => {
    expect(mergeReports([held, announced])).toEqual(mergeReports([announced, held]));
  });

  it('lets a day beat a month, and the later article decide between days', () => {
    const month = report('m#0', '2026-01-10T00:00:00Z', { start: '2026-02' });
    const day = report('d#0', '2026-01-05T00:00:00Z', { start: '2026-02-05' });
    expect(mergeReports([month, day]).start).toBe('2026-02-05');
    const later = report('l#0', '2026-02-06T00:00:00Z', { start: '2026-02-06' });
    expect(mergeReports([month, day, later]).start).toBe('2026-02-06');
  });

  it('starts a visit held on the earliest day a report of it held gives, not on the day a later article tells it under way', () => {
    const arrived = report('a#0', '2026-02-05T20:00:00+07:00', {
      start: '2026-02-05',
      status: 'held',
    });
    const underWay = report('u#0', '2026-02-06T20:00:00+07:00', {
      start: '2026-02-06',
      status: 'held',
    });
    expect(mergeReports([arrived, underWay]).start).toBe('2026-02-05');
    expect(mergeReports([underWay, arrived]).start).toBe('2026-02-05');
    // an announcement's day gives way to the day it was held, earlier or later
    const planned = report('p#0', '2026-01-20T00:00:00Z', { start: '2026-02-03' });
    expect(mergeReports([planned, underWay]).start).toBe('2026-02-06');
  });

  it('keeps a range when a later report names only one day inside it', () => {
    const range = report('r#0', '2026-01-10T00:00:00Z', { start: '2026-02-05', end: '2026-02-07' });
    const inside = report('i#0', '2026-02-06T00:00:00Z', { start: '2026-02-06', status: 'held' });
    const merged = mergeReports([range, inside]);
    expect([merged.start, merged.end, merged.status]).toEqual(['2026-02-05', '2026-02-07', 'held']);
    const outside = report('o#0', '2026-02-09T00:00:00Z', { start: '2026-02-09' });
    expect([mergeReports([range, outside]).start, mergeReports([range, outside]).end]).toEqual([
      '2026-02-09',
      null,
    ]);
  });

  it("takes the narrowest range holding the day: a tour's whole span is not its second leg's", () => {
    const leg = report('g#0', '2026-01-10T00:00:00Z', { start: '2026-02-07', end: '2026-02-08' });
    const tour = report('t#0', '2026-01-10T01:00:00Z', { start: '2026-02-05', end: '2026-02-08' });
    const day = report('d#0', '2026-02-07T00:00:00Z', { start: '2026-02-07', status: 'held' });
    const merged = mergeReports([leg, tour, day]);
    expect([merged.start, merged.end]).toEqual(['2026-02-07', '2026-02-08']);
  });

  it('keeps the range a meeting has only as a visit would: a meeting is on the day reported', () => {
    const meeting = { category: 'meeting' as const, type: 'committee_session' as const };
    const range = report('r#0', '2020-12-05T00:00:00Z', {
      ...meeting,
      start: '2020-12-04',
      end: '2020-12-06',
    });
    const day = report('d#0', '2020-12-06T12:00:00Z', {
      ...meeting,
      start: '2020-12-06',
      status: 'held',
    });
    expect([mergeReports([range, day]).start, mergeReports([range, day]).end]).toEqual([
      '2020-12-06',
      null,
    ]);
  });

  it('lets the reports that know the day decide over a later passing mention by month', () => {
    const told = report('t#0', '2017-06-01T00:00:00Z', {
      start: '2017-05-31',
      host: 'US',
      guest: 'VN',
      status: 'held',
    });
    const passing = report('p#0', '2017-09-21T00:00:00Z', {
      start: '2017-05',
      host: 'VN',
      guest: 'US',
      status: 'held',
    });
    const merged = mergeReports([told, passing]);
    expect([merged.start, merged.host, merged.guest]).toEqual(['2017-05-31', 'US', 'VN']);
  });

  it('completes a visit with the day a later report says it ended', () => {
    const began = report('b#0', '2025-08-03T21:00:00Z', { start: '2025-08-03', status: 'held' });
    const ended = report('e#0', '2025-08-06T23:00:00Z', {
      start: '2025-08',
      end: '2025-08-06',
      status: 'held',
    });
    const merged = mergeReports([began, ended]);
    expect([merged.start, merged.end]).toEqual(['2025-08-03', '2025-08-06']);
  });

  it("keeps a visit's level over a later report that gives none", () => {
    const generic = report('g#0', '2026-02-06T00:00:00Z', { type: 'visit' });
    expect(mergeReports([announced, generic]).type).toBe('state_visit');
  });

  it('keeps a state visit one when another report calls it official or working', () => {
    const official = report('o#0', '2026-02-06T00:00:00Z', { type: 'official_visit' });
    const working = report('w#0', '2026-02-07T00:00:00Z', { type: 'working_visit' });
    expect(mergeReports([announced, official]).type).toBe('state_visit');
    expect(mergeReports([official, announced, working]).type).toBe('state_visit');
    // between two lower levels, the later report decides
    expect(mergeReports([official, working]).type).toBe('working_visit');
  });

  it('calls a meeting what its latest report calls it', () => {
    const meeting = { category: 'meeting', host: 'VN', guest: 'LA' } as const;
    const talks = report('https://news.test/t#0', '2026-02-05T08:00:00+07:00', {
      ...meeting,
      type: 'talks',
    });
    const met = report('https://news.test/m#0', '2026-02-05T21:00:00+07:00', {
      ...meeting,
      type: 'meeting',
    });
    expect(mergeReports([met, talks]).type).toBe('meeting');
    expect(mergeReports([talks, met]).type).toBe('meeting');
  });

  it('unions participants by name, and lists each article once among the sources', () => {
    const extra = report('https://news.test/b#0', '2026-02-05T21:00:00+07:00', {
      participants: [
        { name: 'Tô Lâm', title: 'Tổng Bí thư', country: 'VN' },
        { name: 'Sonexay Siphandone', title: 'Thủ tướng', country: 'LA' },
      ],
    });
    const twice = { ...extra, key: 'https://news.test/b#1' };
    const merged = mergeReports([announced, extra, twice]);
    expect(merged.participants.map((p) => p.name)).toEqual([
      'Tô Lâm',
      'Thongloun Sisoulith',
      'Sonexay Siphandone',
    ]);
    expect(merged.sources).toHaveLength(2);
  });

  it('refuses to merge nothing', () => {
    expect(() => mergeReports([])).toThrow();
  });
});

describe('cameoOf', () => {
  it.each([
    [facts({ status: 'announced' }), '036'],
    [facts({ status: 'held' }), '042'],
    [facts({ status: 'held', category: 'meeting', type: 'phone_call', host: null }), '041'],
    [facts({ status: 'held', category: 'meeting', type: 'talks' }), '040'],
    [
      facts({
        status: 'held',
        category: 'meeting',
        type: 'meeting',
        host: null,
        guest: null,
        location: { place: null, city: 'Jakarta', country: 'ID' },
      }),
      '044',
    ],
  ])('codes %#', (f, code) => {
    expect(cameoOf(f)).toBe(code);
  });
});

describe('cut', () => {
  /** what cut must give: the first max - 1 code points and an ellipsis, when longer */
  const byCodePoints = (s: string, max: number) => {
    const chars = Array.from(s);
    return chars.length <= max
      ? s
      : `${chars
          .slice(0, max - 1)
          .join('')
          .trimEnd()}…`;
  };

  it('keeps code points whole, counts them rather than UTF-16 units, and trims before the ellipsis', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', ' ', 'ệ', '😀', '\ud800', '\udc00'),
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 30 }),
        (s, max) => {
          expect(cut(s, max)).toBe(byCodePoints(s, max));
        },
      ),
    );
  });
});
