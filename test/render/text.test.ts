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
import { cleanInput } from '../../functions/text/unicode.js';
import { phoneCall, samplePage, stateVisit, talks } from './samples.js';

describe('titles', () => {
  it('the examples of the brief', () => {
    expect(eventTitle(stateVisit(), 'vi')).toBe(
      'Chuyến thăm cấp Nhà nước của Tổng Bí thư Tô Lâm tới Lào, 5/2/2026 (dự kiến)',
    );
    expect(eventTitle(stateVisit(), 'en')).toBe(
      'State visit to Laos by General Secretary To Lam (Vietnam), 5 Feb 2026 — announced',
    );
  });

  it('meetings name both principals and the place', () => {
    expect(eventTitle(talks(), 'en')).toBe(
      'Talks between General Secretary To Lam (Vietnam) and General Secretary, President Thongloun Sisoulith (Laos) in Vientiane, Laos, 5–6 Feb 2026',
    );
  });

  it('a side without a named principal is named by its country; calls have no place', () => {
    expect(eventTitle(phoneCall(), 'vi')).toBe(
      'Điện đàm giữa Thủ tướng Phạm Minh Chính và phía Nhật Bản, tháng 3/2026',
    );
    expect(eventTitle(phoneCall(), 'en')).toBe(
      'Phone call between Prime Minister Pham Minh Chinh (Vietnam) and Japan, Mar 2026',
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

  it('office titles in English; unknown ones are left out, Vietnamese names as the English-language press writes them (no marks)', () => {
    expect(officeTitleEn('Tổng Bí thư, Chủ tịch nước Lào')).toBe('General Secretary, President');
    expect(officeTitleEn('Thủ tướng Chính phủ')).toBe('Prime Minister');
    expect(officeTitleEn('Bộ trưởng Bộ Ngoại giao')).toBe('Foreign Minister');
    expect(officeTitleEn('Tổng Bí thư'.normalize('NFD'))).toBe('General Secretary');
    expect(officeTitleEn('Giám đốc')).toBeNull();
    expect(personLabel({ name: 'Nguyễn Văn A', title: 'Giám đốc', country: null }, 'en')).toBe(
      'Nguyen Van A',
    );
  });

  it("titles and cities in the page's language: one language per page", () => {
    // principals an English article names, on a Vietnamese page and an English one
    const e = talks({
      participants: [
        { name: 'Narendra Modi', title: 'Prime Minister', country: 'IN' },
        { name: 'Vladimir Putin', title: 'President', country: 'RU' },
        { name: 'Võ Văn Thưởng', title: 'President', country: 'VN' },
        { name: 'Someone Else', title: 'counterpart', country: 'LK' },
      ],
      countries: ['IN', 'LK', 'RU', 'VN'],
      location: { place: null, city: 'Vientiane', country: 'LA' },
    });
    expect(eventTitle(e, 'vi')).toBe(
      'Hội đàm giữa Thủ tướng Narendra Modi (Ấn Độ), Tổng thống Vladimir Putin (Nga), Chủ tịch nước Võ Văn Thưởng và Someone Else (Sri Lanka) tại Viêng Chăn, Lào, 5–6/2/2026',
    );
    expect(eventTitle(e, 'en')).toBe(
      'Talks between Prime Minister Narendra Modi (India), President Vladimir Putin (Russia), President Vo Van Thuong (Vietnam) and counterpart Someone Else (Sri Lanka) in Vientiane, Laos, 5–6 Feb 2026',
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
    expect(byKey.countries!.value).toBe('Bosnia & Herzegovina, Vietnam');
    expect(byKey.countries!.valueHtml).toBe('Bosnia &amp; Herzegovina, Vietnam');
    expect(byKey.host!.valueHtml).toBe('Bosnia &amp; Herzegovina');
    expect(byKey.location!.valueHtml).toBe('Bosnia &amp; Herzegovina');
    for (const f of facts) expect(f.valueHtml).toBe(escapeHtml(f.value));
  });

  it("summaries are one sentence a reader would write, in the page's language", () => {
    expect(eventSummary(stateVisit(), 'vi')).toBe(
      'Tổng Bí thư Tô Lâm sẽ thăm cấp Nhà nước Lào ngày 5/2/2026.',
    );
    expect(eventSummary(stateVisit(), 'en')).toBe(
      'General Secretary To Lam of Vietnam is to pay a state visit to Laos on 5 Feb 2026.',
    );
    const pm = talks({
      start: '2024-01-06',
      end: null,
      participants: [
        { name: 'Phạm Minh Chính', title: 'Thủ tướng', country: 'VN' },
        { name: 'Sonexay Siphandone', title: 'Thủ tướng', country: 'LA' },
      ],
      location: { place: null, city: 'Viêng Chăn', country: null },
    });
    expect(eventSummary(pm, 'vi')).toBe(
      'Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone tại Viêng Chăn ngày 6/1/2024.',
    );
    expect(eventSummary(pm, 'en')).toBe(
      'Prime Minister Pham Minh Chinh of Vietnam held talks with Prime Minister Sonexay Siphandone of Laos in Vientiane on 6 Jan 2024.',
    );
  });

  it('summaries tell a month as a month, and a span as a span', () => {
    expect(eventSummary(phoneCall(), 'vi')).toBe(
      'Thủ tướng Phạm Minh Chính điện đàm với phía Nhật Bản trong tháng 3/2026.',
    );
    expect(eventSummary(phoneCall(), 'en')).toBe(
      'Prime Minister Pham Minh Chinh of Vietnam held a phone call with Japan in Mar 2026.',
    );
    const span = stateVisit({ start: '2025-12-30', end: '2026-01-02', status: 'held' });
    expect(eventSummary(span, 'vi')).toBe(
      'Tổng Bí thư Tô Lâm thăm cấp Nhà nước Lào từ 30/12/2025 đến 2/1/2026.',
    );
    expect(eventSummary(span, 'en')).toBe(
      'General Secretary To Lam of Vietnam paid a state visit to Laos from 30 Dec 2025 to 2 Jan 2026.',
    );
  });

  it('a sentence that begins with words, not a name, begins with a capital letter', () => {
    const e = stateVisit({ participants: [], type: 'official_visit', status: 'held' });
    expect(eventSummary(e, 'vi')).toBe('Đoàn Việt Nam thăm chính thức Lào ngày 5/2/2026.');
    expect(eventSummary(e, 'en')).toBe(
      'A delegation of Vietnam paid an official visit to Laos on 5 Feb 2026.',
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
  it('xmlSafeText removes what XML cannot carry, a lone surrogate as U+FFFD, and normalizes line ends', () => {
    expect(xmlSafeText('a\u0000b\u0008c\u000bd\uFFFEe\uFFFFf\uD800g\uDC00h\r\ni\rj😀')).toBe(
      'abcdef\uFFFDg\uFFFDh\ni\nj😀',
    );
  });
  it('oneLine collapses white space and controls', () => {
    expect(oneLine('  a\n\tb\u0085c\u2029d  ')).toBe('a b c d');
  });
  it('oneLine (and escapeHtmlLine) return a string unchanged only when the full clean-up would not change it', () => {
    // the clean-up oneLine skips for strings its one test finds clean (invisible format
    // characters removed too: text/unicode.ts)
    const full = (s: string) =>
      cleanInput(xmlSafeText(s))
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
