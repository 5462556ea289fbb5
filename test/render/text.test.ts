// Titles, summaries, dates, ids and escaping: the shared helpers.
import { describe, expect, it } from 'vitest';
import {
  formatDateRange,
  formatEventDate,
  rfc3339,
  toInstant,
} from '../../functions/render/dates.js';
import {
  cleanText,
  escapeHtml,
  escapeXmlAttr,
  isHttpUrl,
  oneLine,
} from '../../functions/render/escape.js';
import { eventFeedId, eventUid, eventUrl, feedViewId } from '../../functions/render/ids.js';
import {
  countryName,
  eventSummary,
  eventTitle,
  officeTitleEn,
  personLabel,
} from '../../functions/render/text.js';
import { phoneCall, samplePage, stateVisit, talks } from './samples.js';

describe('titles', () => {
  it('the examples of the brief', () => {
    expect(eventTitle(stateVisit(), 'vi')).toBe(
      'Chuyến thăm cấp Nhà nước của Tổng Bí thư Tô Lâm tới Lào, 5/2/2026 (dự kiến)',
    );
    expect(eventTitle(stateVisit(), 'en')).toBe(
      'State visit to Laos by General Secretary Tô Lâm (VN), 5 Feb 2026 — announced',
    );
  });

  it('meetings name both principals and the place', () => {
    expect(eventTitle(talks(), 'en')).toBe(
      'Talks between General Secretary Tô Lâm (VN) and General Secretary, President Thongloun Sisoulith (LA) in Viêng Chăn, Laos, 5–6 Feb 2026',
    );
  });

  it('a side without a named principal is named by its country; calls have no place', () => {
    expect(eventTitle(phoneCall(), 'vi')).toBe(
      'Điện đàm giữa Thủ tướng Phạm Minh Chính và phía Nhật Bản, tháng 3/2026',
    );
    expect(eventTitle(phoneCall(), 'en')).toBe(
      'Phone call between Prime Minister Phạm Minh Chính (VN) and Japan, Mar 2026',
    );
  });

  it('a visit without principals names the guest country', () => {
    const e = stateVisit({ participants: [], type: 'official_visit', status: 'held' });
    expect(eventTitle(e, 'vi')).toBe('Chuyến thăm chính thức của đoàn Việt Nam tới Lào, 5/2/2026');
    expect(eventTitle(e, 'en')).toBe(
      'Official visit to Laos by a delegation of Vietnam, 5 Feb 2026',
    );
  });

  it('a meeting with no sides at all', () => {
    const e = talks({
      participants: [],
      countries: [],
      location: { place: null, city: null, country: null },
    });
    expect(eventTitle(e, 'vi')).toBe('Hội đàm, 5–6/2/2026');
  });

  it('titles are one line', () => {
    const e = stateVisit({
      participants: [{ name: 'Tô\n\tLâm\u2028', title: 'Tổng  Bí thư', country: 'VN' }],
    });
    expect(eventTitle(e, 'vi')).toBe(
      'Chuyến thăm cấp Nhà nước của Tổng Bí thư Tô Lâm tới Lào, 5/2/2026 (dự kiến)',
    );
  });

  it('office titles in English; unknown ones are left out, names kept as written', () => {
    expect(officeTitleEn('Tổng Bí thư, Chủ tịch nước Lào')).toBe('General Secretary, President');
    expect(officeTitleEn('Thủ tướng Chính phủ')).toBe('Prime Minister');
    expect(officeTitleEn('Bộ trưởng Bộ Ngoại giao')).toBe('Foreign Minister');
    expect(officeTitleEn('Tổng Bí thư'.normalize('NFD'))).toBe('General Secretary');
    expect(officeTitleEn('Giám đốc')).toBeNull();
    expect(personLabel({ name: 'Nguyễn Văn A', title: 'Giám đốc', country: null }, 'en')).toBe(
      'Nguyễn Văn A',
    );
  });

  it('country names from ISO codes', () => {
    expect(countryName('LA', 'vi')).toBe('Lào');
    expect(countryName('LA', 'en')).toBe('Laos');
    expect(countryName('VN', 'en')).toBe('Vietnam');
  });

  it('summaries list the facts', () => {
    expect(eventSummary(stateVisit(), 'en')).toBe(
      'Type: State visit. Status: announced. Date: 5 Feb 2026. Countries: Laos (LA), Vietnam (VN). Host: Laos. Guest: Vietnam. ' +
        'Participants: General Secretary Tô Lâm (Vietnam); General Secretary, President Thongloun Sisoulith (Laos). Location: Laos.',
    );
  });
});

describe('dates', () => {
  it('format days, months and ranges', () => {
    expect(formatEventDate('2026-02-05', 'vi')).toBe('5/2/2026');
    expect(formatEventDate('2026-02', 'vi')).toBe('tháng 2/2026');
    expect(formatEventDate('2026-02', 'en')).toBe('Feb 2026');
    expect(formatDateRange('2026-02-05', '2026-02-07', 'vi')).toBe('5–7/2/2026');
    expect(formatDateRange('2026-02-28', '2026-03-02', 'en')).toBe('28 Feb 2026 – 2 Mar 2026');
    expect(formatDateRange('2026-02-05', '2026-02-05', 'en')).toBe('5 Feb 2026');
  });

  it('instants never come from the clock', () => {
    expect(rfc3339('2026-02-04T08:00:00+07:00')).toBe('2026-02-04T08:00:00+07:00');
    expect(rfc3339('2026-02-04')).toBe('2026-02-04T00:00:00.000Z');
    expect(rfc3339('garbage', '2026-01-01T00:00:00Z')).toBe('2026-01-01T00:00:00.000Z');
    expect(toInstant('garbage').toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('ids', () => {
  const page = samplePage([], { baseUrl: 'http://127.0.0.1:3000' });
  it('tag: ids without the port, encoded urls, UIDs', () => {
    expect(eventFeedId('a/b c')).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(eventFeedId('a/b c')).toBe(eventFeedId('a/b c'));
    expect(eventFeedId('a/b c')).not.toBe(eventFeedId('a/b d'));
    expect(eventUrl('a/b c', page)).toBe('http://127.0.0.1:3000/events/a%2Fb%20c');
    expect(`urn:uuid:${eventUid({ id: 'a,b;c' })}`).toBe(eventFeedId('a,b;c'));
  });
  it('the feed id is the same on every page of a view', () => {
    const a = feedViewId({
      baseUrl: 'https://x.org',
      selfUrl: 'https://x.org/feeds/atom.xml?type=visit&country=VN',
    });
    const b = feedViewId({
      baseUrl: 'https://x.org',
      selfUrl: 'https://x.org/feeds/atom.xml?country=VN&cursor=zz&type=visit',
    });
    expect(a).toBe(b);
    expect(a).toBe('tag:x.org,2024:feed?country=VN&type=visit');
  });
});

describe('escaping', () => {
  it('cleanText removes what XML cannot carry and normalizes line ends', () => {
    expect(cleanText('a\u0000b\u0008c\u000bd\uFFFEe\uFFFFf\uD800g\uDC00h\r\ni\rj😀')).toBe(
      'abcdefgh\ni\nj😀',
    );
  });
  it('oneLine collapses white space and controls', () => {
    expect(oneLine('  a\n\tb\u0085c\u2029d  ')).toBe('a b c d');
  });
  it('escapeHtml and escapeXmlAttr', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
    expect(escapeXmlAttr('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
  });
  it('only http(s) URLs are links', () => {
    expect(isHttpUrl('https://a.b/c')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('https://a.b/ c')).toBe(false);
    expect(isHttpUrl(null)).toBe(false);
  });
});
