// Titles, summaries, dates, ids and escaping: the shared helpers.
import { describe, expect, it } from 'vitest';
import {
  formatDateRange,
  formatEventDate,
  rfc3339,
  toInstant,
} from '../../functions/render/dates.js';
import {
  escapeHtml,
  escapeHtmlLine,
  escapeXmlAttr,
  isHttpUrl,
  oneLine,
  xmlSafeText,
} from '../../functions/render/escape.js';
import { eventFeedId, eventUid, eventUrl, feedViewId } from '../../functions/render/ids.js';
import {
  countryName,
  eventFacts,
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

  it('every country name is one line already (titles use them as they are)', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (let a = 65; a <= 90; a++) {
        for (let b = 65; b <= 90; b++) {
          const name = countryName(String.fromCharCode(a, b), lang);
          expect(oneLine(name)).toBe(name);
        }
      }
    }
  });

  it("facts carry their HTML too, country names escaped ('&' in some)", () => {
    const facts = eventFacts(
      stateVisit({
        countries: ['BA', 'VN'],
        host: 'BA',
        location: { place: null, city: null, country: 'BA' },
      }),
      'en',
    );
    const byKey = Object.fromEntries(facts.map((f) => [f.key, f]));
    expect(byKey.countries!.value).toBe('Bosnia & Herzegovina (BA), Vietnam (VN)');
    expect(byKey.countries!.valueHtml).toBe('Bosnia &amp; Herzegovina (BA), Vietnam (VN)');
    expect(byKey.host!.valueHtml).toBe('Bosnia &amp; Herzegovina');
    expect(byKey.location!.valueHtml).toBe('Bosnia &amp; Herzegovina');
    for (const f of facts) expect(f.valueHtml).toBe(escapeHtml(f.value));
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
  it("an event's item id is a version-5 urn:uuid of its id, its URL encodes the id, its calendar UID is the same uuid", () => {
    expect(eventFeedId('a/b c')).toBe('urn:uuid:9d019a72-c771-579f-8528-a2d97b4381e0');
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
  it('xmlSafeText removes what XML cannot carry and normalizes line ends', () => {
    expect(xmlSafeText('a\u0000b\u0008c\u000bd\uFFFEe\uFFFFf\uD800g\uDC00h\r\ni\rj😀')).toBe(
      'abcdefgh\ni\nj😀',
    );
  });
  it('oneLine collapses white space and controls', () => {
    expect(oneLine('  a\n\tb\u0085c\u2029d  ')).toBe('a b c d');
  });
  it('oneLine (and escapeHtmlLine) return a string unchanged only when the full clean-up would not change it', () => {
    // the clean-up oneLine skips for strings its one test finds clean
    const full = (s: string) =>
      xmlSafeText(s)
        .replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [`a${ch}b`, `${ch}b`, `a${ch}`, `a ${ch}b`]) {
        if (oneLine(s) !== full(s)) throw new Error(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
        if (escapeHtmlLine(s) !== escapeHtml(full(s)))
          throw new Error(`escapeHtmlLine: U+${c.toString(16)} in ${JSON.stringify(s)}`);
      }
    }
    for (const s of ['a  b', ' a', 'a ', 'a b', '😀 x', '\uD83D\uDE00', `<a href="x">'&'</a>  `]) {
      expect(oneLine(s)).toBe(full(s));
      expect(escapeHtmlLine(s)).toBe(escapeHtml(full(s)));
    }
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
