import { describe, expect, it } from 'vitest';
import {
  ledgerKey,
  matchReport,
  newEntry,
  newEventId,
  recordReport,
  reportKey,
} from '../../functions/domain/identity.js';
import { facts } from './samples.js';

type Participant = ReturnType<typeof facts>['participants'][number];

function entryFor(id: string, ...reports: [string, ReturnType<typeof facts>][]) {
  return reports.reduce((e, [key, f]) => recordReport(e, f, key), newEntry(id));
}

describe('event identity', () => {
  it('keys the ledger by category and sorted country set', () => {
    expect(ledgerKey(facts({ countries: ['VN', 'LA'] }))).toBe('visit#LA+VN');
    expect(ledgerKey(facts({ category: 'meeting', countries: ['LA', 'VN'] }))).toBe(
      'meeting#LA+VN',
    );
  });

  it('derives a URL-safe id from the first report, another for another report', () => {
    const id = newEventId(reportKey('https://a.test/x', 0));
    expect(id).toBe('NAkGTzMxAAx1r9Dy');
    expect(id).not.toBe(newEventId(reportKey('https://a.test/x', 1)));
  });

  it('matches an announcement and a later report of the same visit', () => {
    const entry = entryFor('e1', ['a#0', facts()]);
    expect(matchReport(facts({ status: 'held' }), 'b#0', [entry])?.id).toBe('e1');
  });

  it('matches a date off by one day, and a month-only date containing the day', () => {
    const entry = entryFor('e1', ['a#0', facts({ start: '2026-02-05' })]);
    expect(matchReport(facts({ start: '2026-02-06' }), 'b#0', [entry])?.id).toBe('e1');
    expect(matchReport(facts({ start: '2026-02' }), 'b#0', [entry])?.id).toBe('e1');
    expect(matchReport(facts({ start: '2026-02-08' }), 'b#0', [entry])).toBeNull();
  });

  it('matches a day inside a multi-day visit', () => {
    const entry = entryFor('e1', ['a#0', facts({ start: '2024-09-10', end: '2024-09-13' })]);
    expect(matchReport(facts({ start: '2024-09-12' }), 'b#0', [entry])?.id).toBe('e1');
  });

  it('keeps two meetings on one day apart when their host-side principals differ', () => {
    const talks = facts({
      category: 'meeting',
      type: 'courtesy_call',
      participants: [
        { name: 'Tô Lâm', title: null, country: 'VN' },
        { name: 'Sonexay Siphandone', title: null, country: 'LA' },
      ],
    });
    const entry = entryFor('e1', ['a#1', talks]);
    const otherCall = facts({
      category: 'meeting',
      type: 'courtesy_call',
      participants: [
        { name: 'Tô Lâm', title: null, country: 'VN' },
        { name: 'Xaysomphone Phomvihane', title: null, country: 'LA' },
      ],
    });
    expect(matchReport(otherCall, 'b#0', [entry])).toBeNull();
  });

  it('takes two reports of one visit naming different hosts as one visit, and visitors who differ as two', () => {
    const entry = entryFor('e1', ['a#0', facts()]);
    const otherHost = facts({
      participants: [
        { name: 'Tô Lâm', title: null, country: 'VN' },
        { name: 'Sonexay Siphandone', title: null, country: 'LA' },
      ],
    });
    expect(matchReport(otherHost, 'b#0', [entry])?.id).toBe('e1');
    const otherVisitor = facts({
      participants: [
        { name: 'Phạm Minh Chính', title: null, country: 'VN' },
        { name: 'Thongloun Sisoulith', title: null, country: 'LA' },
      ],
    });
    expect(matchReport(otherVisitor, 'c#0', [entry])).toBeNull();
  });

  it('takes a Vietnamese and an English report naming one principal two ways as one event', () => {
    const vi = facts({
      category: 'meeting',
      type: 'talks',
      countries: ['CN', 'VN'],
      participants: [
        { name: 'Tập Cận Bình', title: null, country: 'CN' },
        { name: 'Tô Lâm', title: null, country: 'VN' },
      ],
    });
    const en = facts({
      category: 'meeting',
      type: 'talks',
      countries: ['CN', 'VN'],
      participants: [
        { name: 'Xi Jinping', title: null, country: 'CN' },
        { name: 'To Lam', title: null, country: 'VN' },
      ],
    });
    expect(matchReport(en, 'en#0', [entryFor('e1', ['vi#0', vi])])?.id).toBe('e1');
  });

  it('never takes two reports of one article as one event (the article told them apart)', () => {
    const monday = facts({ category: 'meeting', type: 'meeting', start: '2024-07-08' });
    const tuesday = facts({ category: 'meeting', type: 'talks', start: '2024-07-09' });
    const entry = entryFor('e1', ['a#1', monday]);
    expect(matchReport(tuesday, 'a#2', [entry])).toBeNull();
    expect(matchReport(tuesday, 'b#0', [entry])?.id).toBe('e1');
  });

  it('takes one summit called talks by one outlet and a high-level meeting by another as one event', () => {
    const entry = entryFor('e1', ['a#1', facts({ category: 'meeting', type: 'talks' })]);
    expect(
      matchReport(facts({ category: 'meeting', type: 'high_level_meeting' }), 'b#0', [entry])?.id,
    ).toBe('e1');
    expect(matchReport(facts({ category: 'meeting', type: 'meeting' }), 'c#0', [entry])?.id).toBe(
      'e1',
    );
  });

  it('keeps a phone call apart from a meeting in person, and talks apart from a call on someone else', () => {
    const entry = entryFor('e1', ['a#1', facts({ category: 'meeting', type: 'talks' })]);
    expect(
      matchReport(facts({ category: 'meeting', type: 'phone_call' }), 'a#2', [entry]),
    ).toBeNull();
    const other = facts({
      category: 'meeting',
      type: 'courtesy_call',
      participants: [{ name: 'Võ Văn Thưởng', title: null, country: 'VN' }],
    });
    expect(matchReport(other, 'a#3', [entry])).toBeNull();
  });

  it('joins a call that another outlet calls talks: unplaced, the same day, the same two sides', () => {
    const unplaced = { category: 'meeting', host: null, guest: null } as const;
    const call = entryFor('e1', ['a#0', facts({ ...unplaced, type: 'phone_call' })]);
    expect(matchReport(facts({ ...unplaced, type: 'talks' }), 'b#0', [call])?.id).toBe('e1');
    const talks = entryFor('e2', ['a#0', facts({ ...unplaced, type: 'talks' })]);
    expect(matchReport(facts({ ...unplaced, type: 'video_call' }), 'b#0', [talks])?.id).toBe('e2');
    // not the next day, nor with only one side named, nor talks placed in a host country
    const nextDay = facts({ ...unplaced, type: 'talks', start: '2026-02-06' });
    expect(matchReport(nextDay, 'b#0', [call])).toBeNull();
    const oneSide = facts({
      ...unplaced,
      type: 'talks',
      participants: [{ name: 'Tô Lâm', title: null, country: 'VN' }],
    });
    expect(matchReport(oneSide, 'b#0', [call])).toBeNull();
    expect(matchReport(facts({ category: 'meeting', type: 'talks' }), 'b#0', [call])).toBeNull();
  });

  it('keeps a call apart from a meeting in person also called plain "meeting", or held in a host country', () => {
    // one outlet's "met", another's talks: the entry is both; a call still joins neither
    const entry = entryFor(
      'e1',
      ['a#0', facts({ category: 'meeting', type: 'meeting', host: 'VN', guest: 'LA' })],
      ['b#0', facts({ category: 'meeting', type: 'talks', host: 'VN', guest: 'LA' })],
    );
    const call = facts({ category: 'meeting', type: 'phone_call', host: null, guest: null });
    expect(matchReport(call, 'c#0', [entry])).toBeNull();
    const plain = entryFor('e2', [
      'a#1',
      facts({ category: 'meeting', type: 'meeting', host: 'VN', guest: 'LA' }),
    ]);
    expect(matchReport(call, 'c#1', [plain])).toBeNull();
    // and a meeting in a host country does not join a call
    const calls = entryFor('e3', ['d#0', call]);
    const inPerson = facts({ category: 'meeting', type: 'meeting', host: 'VN', guest: 'LA' });
    expect(matchReport(inPerson, 'e#0', [calls])).toBeNull();
  });

  it('keeps a visit and the return visit apart', () => {
    const entry = entryFor('e1', ['a#0', facts({ host: 'LA', guest: 'VN' })]);
    expect(matchReport(facts({ host: 'VN', guest: 'LA' }), 'b#0', [entry])).toBeNull();
    expect(
      matchReport(facts({ host: 'LA', guest: 'VN', type: 'official_visit' }), 'c#0', [entry])?.id,
    ).toBe('e1');
  });

  it('takes a meeting of the same two principals that one report places in the other country as one meeting', () => {
    const met = (host: string, guest: string, participants = facts().participants) =>
      facts({ category: 'meeting', type: 'talks', host, guest, participants });
    const entry = entryFor('e1', ['a#0', met('LA', 'VN')]);
    expect(matchReport(met('VN', 'LA'), 'b#0', [entry])?.id).toBe('e1');
    // (not when the report names the principal of only one side)
    const [lam] = facts().participants as [Participant, Participant];
    expect(matchReport(met('VN', 'LA', [lam]), 'c#0', [entry])).toBeNull();
  });

  it("takes a session of the two countries' committee that one report places in the other country as one session", () => {
    const session = (host: string, guest: string, participants = facts().participants) =>
      facts({ category: 'meeting', type: 'committee_session', host, guest, participants });
    const [lam] = facts().participants as [Participant, Participant];
    const entry = entryFor('e1', ['a#0', session('LA', 'VN', [])]);
    // (one report names no chair, the other one: where it was filed from placed it)
    expect(matchReport(session('VN', 'LA', [lam]), 'b#0', [entry])?.id).toBe('e1');
  });

  it("keeps a committee's session apart from a plain meeting of the two countries the day before", () => {
    const [lam, son] = facts().participants as [Participant, Participant];
    const ministers = facts({
      category: 'meeting',
      type: 'meeting',
      start: '2026-02-04',
      participants: [{ ...lam, name: 'Another Minister' }, son],
    });
    const entry = entryFor('e1', ['a#0', ministers]);
    const session = facts({ category: 'meeting', type: 'committee_session', participants: [] });
    expect(matchReport({ ...session, start: '2026-02-05' }, 'b#0', [entry])).toBeNull();
    // (sessions join sessions, named or not)
    const sessions = entryFor('e2', ['c#0', { ...session, start: '2026-02-05' }]);
    expect(matchReport({ ...session, start: '2026-02-05' }, 'd#0', [sessions])?.id).toBe('e2');
  });

  it('finds the entry a report was already recorded in, whatever it says now', () => {
    const entry = entryFor('e1', ['a#0', facts()]);
    expect(matchReport(facts({ start: '2027-01-01' }), 'a#0', [entry])?.id).toBe('e1');
  });

  it('prefers the closest date, then the smaller id', () => {
    const near = entryFor('z', ['a#0', facts({ start: '2026-02-05' })]);
    const far = entryFor('a', ['b#0', facts({ start: '2026-02-04' })]);
    expect(matchReport(facts({ start: '2026-02-05' }), 'c#0', [far, near])?.id).toBe('z');
    const twin = entryFor('y', ['d#0', facts({ start: '2026-02-05' })]);
    expect(matchReport(facts({ start: '2026-02-05' }), 'c#0', [near, twin])?.id).toBe('y');
  });

  it('between candidates as near in time, takes the one sharing more principals, then the one given the same type, whatever their ids', () => {
    const [lam, thongloun] = facts().participants as [Participant, Participant];
    const meeting = (participants: Participant[], type: 'meeting' | 'talks' = 'meeting') =>
      facts({ category: 'meeting', type, host: null, guest: null, participants });
    const one = entryFor('a', ['a#0', meeting([lam])]);
    const both = entryFor('b', ['b#0', meeting([lam, thongloun])]);
    for (const entries of [
      [one, both],
      [both, one],
    ])
      expect(matchReport(meeting([lam, thongloun]), 'c#0', entries)?.id).toBe('b');
    const talks = entryFor('a', ['a#0', meeting([lam, thongloun], 'talks')]);
    for (const entries of [
      [talks, both],
      [both, talks],
    ])
      expect(matchReport(meeting([lam, thongloun]), 'c#0', entries)?.id).toBe('b');
  });

  it('names principals with either tone placement as one person', () => {
    const entry = entryFor('e1', [
      'a#0',
      facts({ participants: [{ name: 'Nguyễn Văn Hoà', title: null, country: 'VN' }] }),
    ]);
    const f = facts({ participants: [{ name: 'Nguyễn Văn Hòa', title: null, country: 'VN' }] });
    expect(matchReport(f, 'b#0', [entry])?.id).toBe('e1');
  });
});
