import { describe, expect, it } from 'vitest';
import {
  canonicalQueryString,
  markerOf,
  markersFor,
  matchesQuery,
  parseFeedQuery,
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
    ['utm_source=x', 'utm_source'],
  ])('refuses %s, naming %s', (qs, parameter) => {
    const r = parse(qs);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.parameter).toBe(parameter);
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
