// iCalendar (RFC 5545), parsed back: CRLF, folding at 75 octets, unfolding, TEXT
// unescaping, one all-day VEVENT per event.
import { describe, expect, it } from 'vitest';
import {
  allDaySpan,
  escapeIcalText,
  foldLine,
  renderCalendar,
} from '../../functions/render/ical.js';
import { eventFeedId } from '../../functions/render/ids.js';
import {
  icalEvents,
  icalPhysicalLines,
  parseIcalLine,
  prop,
  unescapeIcalText,
  unfold,
} from './helpers.js';
import { phoneCall, samplePage, stateVisit, talks } from './samples.js';

const page = samplePage();
const ics = renderCalendar(page);

describe('iCalendar document', () => {
  it('uses CRLF, folds at 75 octets, and has the calendar properties', () => {
    const physical = icalPhysicalLines(ics);
    for (const l of physical) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true); // something was folded
    const lines = unfold(ics).map(parseIcalLine);
    expect(lines[0]).toMatchObject({ name: 'BEGIN', value: 'VCALENDAR' });
    expect(lines.at(-1)).toMatchObject({ name: 'END', value: 'VCALENDAR' });
    const calname = lines.find((l) => l.name === 'X-WR-CALNAME')!;
    expect(unescapeIcalText(calname.value)).toBe('Sự kiện ngoại giao song phương — Lào');
    expect(lines.find((l) => l.name === 'VERSION')?.value).toBe('2.0');
    expect(lines.find((l) => l.name === 'PRODID')?.value).toBeTruthy();
  });

  it('one VEVENT per event with UID, SEQUENCE, DTSTAMP/LAST-MODIFIED = modified, STATUS', () => {
    const events = icalEvents(ics);
    expect(events).toHaveLength(3);
    const [visit, meeting, call] = events as [any, any, any];
    expect(`urn:uuid:${prop(visit, 'UID')?.value}`).toBe(
      eventFeedId('vn-la-2026-02-05-state-visit'),
    );
    expect(prop(visit, 'SEQUENCE')?.value).toBe('2');
    expect(prop(visit, 'DTSTAMP')?.value).toBe('20260204T023000Z');
    expect(prop(visit, 'LAST-MODIFIED')?.value).toBe('20260204T023000Z');
    expect(prop(visit, 'CREATED')?.value).toBe('20260204T010000Z');
    expect(prop(visit, 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: { VALUE: 'DATE' },
      value: '20260205',
    });
    expect(prop(visit, 'DTEND')).toEqual({
      name: 'DTEND',
      params: { VALUE: 'DATE' },
      value: '20260206',
    });
    expect(prop(visit, 'STATUS')?.value).toBe('TENTATIVE');
    expect(unescapeIcalText(prop(visit, 'SUMMARY')!.value)).toBe(
      'Chuyến thăm cấp Nhà nước của Tổng Bí thư Tô Lâm tới Lào, 5/2/2026 (dự kiến)',
    );
    expect(prop(visit, 'URL')?.value).toBe(
      'https://feeds.example.org/events/vn-la-2026-02-05-state-visit',
    );
    expect(prop(visit, 'CATEGORIES')?.value).toBe('state_visit,visit,announced,LA,VN');
    expect(unescapeIcalText(prop(visit, 'LOCATION')!.value)).toBe('Lào');
    const description = unescapeIcalText(prop(visit, 'DESCRIPTION')!.value);
    expect(description).toContain('Nguồn:\n- Tổng Bí thư Tô Lâm sẽ thăm cấp Nhà nước Lào');
    expect(description).toContain(
      'Căn cứ:\n- “Tổng Bí thư Tô Lâm sẽ thực hiện chuyến thăm cấp Nhà nước tới Lào vào ngày 5/2.” (ngày bắt đầu)',
    );

    expect(prop(meeting, 'STATUS')?.value).toBe('CONFIRMED');
    expect(prop(meeting, 'DTEND')?.value).toBe('20260207'); // end 6 Feb, exclusive
    expect(unescapeIcalText(prop(meeting, 'LOCATION')!.value)).toBe(
      'Phủ Chủ tịch, Viêng Chăn, Lào',
    );

    // month-only: all-day on the 1st, with a note
    expect(prop(call, 'DTSTART')?.value).toBe('20260301');
    expect(prop(call, 'DTEND')?.value).toBe('20260302');
    expect(unescapeIcalText(prop(call, 'DESCRIPTION')!.value)).toMatch(
      /^Ngày chính xác chưa rõ: bài báo chỉ nêu tháng 3\/2026\./,
    );
    expect(prop(call, 'LOCATION')).toBeUndefined();
  });

  it('SEQUENCE follows revision', () => {
    const v = icalEvents(renderCalendar(samplePage([stateVisit({ revision: 7 })])))[0]!;
    expect(prop(v, 'SEQUENCE')?.value).toBe('7');
  });

  it('renders in English', () => {
    const v = icalEvents(renderCalendar({ ...page, lang: 'en' }))[2]!;
    expect(unescapeIcalText(prop(v, 'DESCRIPTION')!.value)).toMatch(
      /^Exact date unknown: the article gives only the month \(Mar 2026\)\./,
    );
  });
});

describe('all-day spans', () => {
  it.each([
    ['2026-02-05', null, '20260205', '20260206', false],
    ['2026-02-28', '2026-03-01', '20260228', '20260302', false],
    ['2024-02-29', null, '20240229', '20240301', false],
    ['2026-12-31', null, '20261231', '20270101', false],
    ['2026-02', null, '20260201', '20260202', true],
    ['2026-02', '2026-03', '20260201', '20260401', true],
    ['2026-02-10', '2026-02-03', '20260210', '20260211', false], // end before start: one day
  ])('%s – %s', (start, end, dtstart, dtend, monthOnly) => {
    expect(allDaySpan({ start, end })).toEqual({ start: dtstart, endExclusive: dtend, monthOnly });
  });
});

describe('TEXT escaping and folding', () => {
  it('escapes backslash, semicolon, comma and newline, and drops controls', () => {
    expect(escapeIcalText('a\\b;c,d\ne\r\nf\u0001g\th')).toBe('a\\\\b\\;c\\,d\\ne\\nfg\th');
    expect(unescapeIcalText(escapeIcalText('a\\b;c,d\ne'))).toBe('a\\b;c,d\ne');
  });

  it('never splits a multi-byte character or an escape pair', () => {
    const value = `SUMMARY:${escapeIcalText('Tổng Bí thư 🇻🇳🤝🌏, '.repeat(20))}`;
    const folded = foldLine(value);
    const lines = folded.split('\r\n');
    for (const l of lines) {
      expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
      expect(l).not.toMatch(/[\uD800-\uDBFF]$/); // no lone high surrogate at a line end
      expect(Buffer.from(l, 'utf8').toString('utf8')).toBe(l);
      expect(l.replace(/\\\\/g, '')).not.toMatch(/\\$/);
    }
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(value);
  });

  it('short lines are left alone', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
    const exactly75 = `X:${'a'.repeat(73)}`;
    expect(foldLine(exactly75)).toBe(exactly75);
    expect(foldLine(`${exactly75}b`)).toBe(`${exactly75}\r\n b`);
  });

  it('events without a parseable start are skipped, not broken', () => {
    const bad = { ...talks(), start: 'not-a-date' };
    expect(icalEvents(renderCalendar(samplePage([bad, phoneCall()])))).toHaveLength(1);
  });
});
