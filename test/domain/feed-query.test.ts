import { describe, expect, it } from 'vitest';
import {
  CALENDAR_MAX_EVENTS,
  calendarWindow,
  canonicalQueryString,
  markerOf,
  markersFor,
  matchesQuery,
  parseFeedQuery,
  startBounds,
  viewsFor,
  viewsOf,
} from '../../functions/domain/feed-query.js';
import { openCursor, signCursor } from '../../functions/http/cursor.js';
import { facts } from './samples.js';

const parse = (qs: string) => parseFeedQuery(new URLSearchParams(qs));

describe('parseFeedQuery', () => {
  it('reads repeated and comma-separated values, normalized and sorted', () => {
    const r = parse(
      'country=vn&country=la&type=talks,state_visit&status=held&from=2026-01-01&to=2026-12-31&limit=10&lang=en',
    );
    expect(r).toEqual({
      ok: true,
      query: {
        country: ['LA', 'VN'],
        type: ['state_visit', 'talks'],
        status: 'held',
        from: '2026-01-01',
        to: '2026-12-31',
        limit: 10,
        lang: 'en',
      },
    });
  });

  it('defaults to 50 items and no filters', () => {
    expect(parse('')).toEqual({ ok: true, query: { country: [], type: [], limit: 50 } });
  });

  it.each([
    ['country=Vietnam', 'country'],
    ['country=VN,LA,TH,KH', 'country'],
    ['type=picnic', 'type'],
    ['status=maybe', 'status'],
    ['from=2026-13-01', 'from'],
    ['from=2026-02-30', 'from'],
    ['from=2026-03-01&to=2026-02-01', 'from'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['limit=1&limit=2', 'limit'],
    ['lang=fr', 'lang'],
    ['cursor=%3Cscript%3E', 'cursor'],
    ['country=ZZ', 'country'],
    ['country=VN,XK', 'country'],
    ['country=UK', 'country'],
  ])('refuses %s, naming %s', (qs, parameter) => {
    const r = parse(qs);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.parameter).toBe(parameter);
  });
});

describe('shared links and letter case', () => {
  it('ignores tracking parameters, whatever their case', () => {
    expect(
      parse('country=VN&utm_source=x&UTM_Medium=y&fbclid=1&gclid=2&mc_cid=3&mc_eid=4'),
    ).toEqual(parse('country=VN'));
  });

  it('reads closed-set values in any letter case', () => {
    expect(parse('lang=EN&status=Held&type=STATE_VISIT,Meeting&country=la,Vn')).toEqual(
      parse('lang=en&status=held&type=state_visit,meeting&country=LA,VN'),
    );
  });

  it('names the unknown country code in the problem', () => {
    const r = parse('country=VN,zz');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.detail).toContain('"ZZ"');
  });
});

describe('feed views', () => {
  it('lists a bilateral event in 24 views, among them the ones its filters read', () => {
    const f = facts({ category: 'meeting', type: 'talks', status: 'held' });
    const views = viewsOf(f);
    expect(views).toHaveLength(24);
    expect(new Set(views).size).toBe(24);
    for (const q of [
      '',
      'country=VN',
      'country=LA,VN&type=talks',
      'type=meeting&status=held',
      'country=LA&type=talks&status=held',
    ]) {
      const parsed = parse(q);
      if (!parsed.ok) throw new Error(q);
      expect(views).toContain(viewsFor(parsed.query)[0]);
      expect(matchesQuery(f, parsed.query)).toBe(true);
    }
  });

  it('reads one view per requested type', () => {
    const parsed = parse('type=talks,courtesy_call&country=VN');
    if (!parsed.ok) throw new Error();
    expect(viewsFor(parsed.query)).toEqual(['c=VN;k=courtesy_call', 'c=VN;k=talks']);
  });

  it('gives the 24 views of a bilateral event 8 change markers: its country subsets, with its category or without', () => {
    const f = facts({ category: 'meeting', type: 'talks', status: 'held' });
    const markers = new Set(viewsOf(f).map(markerOf));
    expect([...markers].sort()).toEqual(
      [
        '*',
        'k=meeting',
        'c=LA',
        'c=LA;k=meeting',
        'c=VN',
        'c=VN;k=meeting',
        'c=LA+VN',
        'c=LA+VN;k=meeting',
      ].sort(),
    );
  });

  it('moves, for any query the event matches, one of the markers the query reads', () => {
    for (const f of [
      facts({ category: 'meeting', type: 'talks', status: 'held' }),
      facts({ category: 'visit', type: 'state_visit', status: 'announced' }),
    ]) {
      const moved = new Set(viewsOf(f).map(markerOf));
      for (const q of [
        '',
        'status=held',
        'country=VN&status=announced',
        'type=talks',
        'type=visit,talks&country=LA',
        'country=LA,VN&type=state_visit&status=announced',
        'country=LA,VN&type=meeting&status=held',
      ]) {
        const parsed = parse(q);
        if (!parsed.ok) throw new Error(q);
        if (!matchesQuery(f, parsed.query)) continue;
        // an event a query may show moves at least one of the markers the query reads
        expect(
          markersFor(parsed.query).some((m) => moved.has(m)),
          q,
        ).toBe(true);
      }
    }
  });

  it('keeps the markers of other countries and of the other category apart', () => {
    const q = (s: string) => {
      const p = parse(s);
      if (!p.ok) throw new Error(s);
      return markersFor(p.query);
    };
    expect(q('country=TH')).toEqual(['c=TH']);
    expect(q('type=talks,phone_call&status=held')).toEqual(['k=meeting']);
    expect(q('type=state_visit,talks&country=VN')).toEqual(['c=VN;k=visit', 'c=VN;k=meeting']);
  });

  it('checks dates against from and to, month-only dates included from the 1st', () => {
    const q = (s: string) => {
      const p = parse(s);
      if (!p.ok) throw new Error(s);
      return p.query;
    };
    expect(matchesQuery(facts({ start: '2026-02-05' }), q('from=2026-02-05&to=2026-02-05'))).toBe(
      true,
    );
    expect(matchesQuery(facts({ start: '2026-02-05' }), q('from=2026-02-06'))).toBe(false);
    expect(matchesQuery(facts({ start: '2026-02' }), q('from=2026-02-01'))).toBe(true);
    expect(matchesQuery(facts({ start: '2026-02' }), q('to=2026-01-31'))).toBe(false);
  });
});

describe('when: upcoming and past, counted from today', () => {
  const today = '2026-03-15';
  const sel = (when: 'upcoming' | 'past') => ({ country: [], type: [], when, today });
  it.each([
    ['2026-03-15', 'upcoming'],
    ['2026-03-14', 'past'],
    ['2027-01-01', 'upcoming'],
    ['2026-03', 'upcoming'], // a month-only start of this month may be to come
    ['2026-02', 'past'],
    ['2026-04', 'upcoming'],
  ] as const)('an event starting %s is %s', (start, expected) => {
    const f = facts({ start });
    expect(matchesQuery(f, sel('upcoming'))).toBe(expected === 'upcoming');
    expect(matchesQuery(f, sel('past'))).toBe(expected === 'past');
  });

  it('narrows the start days the store reads', () => {
    expect(startBounds({ when: 'upcoming', today })).toEqual({ from: '2026-03-01' });
    expect(startBounds({ when: 'upcoming', today, from: '2026-06-01' })).toEqual({
      from: '2026-06-01',
    });
    expect(startBounds({ when: 'past', today })).toEqual({ to: '2026-03-14' });
    expect(startBounds({ when: 'past', today, from: '2025-01-01', to: '2027-01-01' })).toEqual({
      from: '2025-01-01',
      to: '2026-03-14',
    });
    expect(() => startBounds({ when: 'past' })).toThrow();
  });

  it('is read in any letter case, and refused when neither', () => {
    expect(parse('when=Upcoming')).toEqual(parse('when=upcoming'));
    const r = parse('when=soon');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toEqual({ parameter: 'when', detail: 'must be upcoming or past' });
  });
});

describe('the calendar window', () => {
  const q = (s: string) => {
    const p = parse(s);
    if (!p.ok) throw new Error(s);
    return p.query;
  };
  it('is every upcoming event and the past 12 months from the 1st, at most CALENDAR_MAX_EVENTS', () => {
    expect(calendarWindow(q(''), '2026-03-15')).toMatchObject({
      from: '2025-03-01',
      limit: CALENDAR_MAX_EVENTS,
      today: '2026-03-15',
    });
    expect(calendarWindow(q(''), '2026-01-31').from).toBe('2025-01-01');
    expect(calendarWindow(q(''), '2026-03-15').to).toBeUndefined();
  });
  it('is from–to when either is given', () => {
    expect(calendarWindow(q('to=2020-12-31'), '2026-03-15')).toMatchObject({
      to: '2020-12-31',
      limit: CALENDAR_MAX_EVENTS,
    });
    expect(calendarWindow(q('to=2020-12-31'), '2026-03-15').from).toBeUndefined();
    expect(calendarWindow(q('from=2019-01-01&country=LA'), '2026-03-15')).toMatchObject({
      from: '2019-01-01',
      country: ['LA'],
    });
  });
});

describe('cursors and canonical URLs', () => {
  it('round-trips a signed posting sort key and refuses anything else', () => {
    const key = Buffer.from('k'.repeat(32));
    const c = signCursor(key, '?country=VN', '2026-02-05#abc123');
    expect(c).toMatch(/^[A-Za-z0-9_-]{1,200}$/);
    expect(openCursor(key, '?country=VN', c)).toBe('2026-02-05#abc123');
    // another key, other filters, an edited sort key, a bare one, a malformed one
    expect(openCursor(Buffer.from('x'.repeat(32)), '?country=VN', c)).toBeNull();
    expect(openCursor(key, '?country=LA', c)).toBeNull();
    const edited = c.slice(0, 16) + Buffer.from('2026-02-04#abc123').toString('base64url');
    expect(openCursor(key, '?country=VN', edited)).toBeNull();
    expect(
      openCursor(key, '?country=VN', Buffer.from('2026-02-05#abc123').toString('base64url')),
    ).toBeNull();
    expect(openCursor(key, '', signCursor(key, '', '../../etc/passwd'))).toBeNull();
    expect(openCursor(key, '', 'AAAA')).toBeNull();
  });

  it('writes equal views as equal query strings', () => {
    const a = parse('type=talks,courtesy_call&country=vn');
    const b = parse('country=VN&type=courtesy_call&type=talks&limit=50');
    if (!a.ok || !b.ok) throw new Error();
    expect(canonicalQueryString(a.query)).toBe(canonicalQueryString(b.query));
    expect(canonicalQueryString(a.query)).toBe('?country=VN&type=courtesy_call%2Ctalks');
  });
});
