import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datePatternSources, findDates, refDateOf } from '../../functions/extract/dates.js';
import { matchForm } from '../../functions/text/vietnamese.js';

const at = (text: string, published: string, previousDay: string | null = null) =>
  findDates(matchForm(text), refDateOf(published), previousDay).map((d) =>
    d.endValue === null ? d.value : `${d.value}/${d.endValue}`,
  );

describe('findDates', () => {
  it('reads day/month with the year of the publication', () => {
    expect(at('vào ngày 5/2.', '2026-02-04T08:00:00+07:00')).toEqual(['2026-02-05']);
    expect(at('Chiều 20/6, tại Hà Nội', '2025-06-20')).toEqual(['2025-06-20']);
    expect(at('sáng 1/8 (giờ địa phương)', '2024-08-01')).toEqual(['2024-08-01']);
    expect(at('ngày 5-2-2024', '2024-02-01')).toEqual(['2024-02-05']);
  });
  it('reads ranges, compact and cross-month', () => {
    expect(at('trong hai ngày 5-6/2', '2026-02-01')).toEqual(['2026-02-05/2026-02-06']);
    expect(at('từ ngày 10/9 đến ngày 13/9', '2024-09-09')).toEqual(['2024-09-10/2024-09-13']);
    expect(at('từ ngày 10 đến 13/9', '2024-09-09')).toEqual(['2024-09-10/2024-09-13']);
    expect(at('từ 30/9 đến 2/10', '2024-09-25')).toEqual(['2024-09-30/2024-10-02']);
    expect(at('từ ngày 11 đến 12/12/2023', '2023-12-11')).toEqual(['2023-12-11/2023-12-12']);
    expect(at('từ 30/12 đến 2/1', '2025-12-20')).toEqual(['2025-12-30/2026-01-02']);
  });
  it('reads written-out dates and months', () => {
    expect(at('Ngày 5 tháng 3 năm 2025, tại', '2025-03-06')).toEqual(['2025-03-05']);
    expect(at('vào tháng 12/2025', '2025-11-01')).toEqual(['2025-12']);
    expect(at('vào tháng 12.2025 vừa qua', '2026-02-05')).toEqual(['2025-12']);
    expect(at('vào tháng 2 năm 2025', '2024-11-28')).toEqual(['2025-02']);
    // "năm nay" names the year: February of this year, not the nearer one to come
    expect(at('hồi tháng 2 năm nay tại', '2019-11-28')).toEqual(['2019-02']);
    expect(at('vào tháng Ba năm tới', '2025-11-28')).toEqual(['2026-03']);
  });
  it('moves a missing year forward across the new year', () => {
    expect(at('dự kiến vào giữa tháng 1 tới', '2024-12-27')).toEqual(['2025-01']);
    expect(at('ngày 14-15/1', '2024-12-27')).toEqual(['2025-01-14/2025-01-15']);
  });
  it('resolves relative days against the publication date', () => {
    expect(at('Tối hôm qua, Tổng Bí thư', '2025-04-05T07:30:00+07:00')).toEqual(['2025-04-04']);
    expect(at('hôm nay', '2026-01-26T18:00:00+07:00')).toEqual(['2026-01-26']);
    expect(at('chiều nay (19/6) sẽ', '2025-06-19')).toEqual(['2025-06-19']);
    expect(at('ngày mai (11/9), Tổng thống', '2023-09-10')).toEqual(['2023-09-11']);
    expect(at('ngày mai', '2023-09-10')).toEqual(['2023-09-11']);
    expect(at('Chiều cùng ngày', '2023-12-11', '2023-12-11')).toEqual(['2023-12-11']);
    // a sentence opening with "Sau đó," is on the day of the last reported event; inside a sentence it is not a date
    expect(at('Sau đó, Tổng thống hội kiến', '2023-12-12', '2023-12-11')).toEqual(['2023-12-11']);
    expect(at('Ngay sau đó, ngày 12/12, hai bên', '2023-12-12', '2023-12-11')).toEqual([
      '2023-12-11',
      '2023-12-12',
    ]);
    expect(at('hội đàm, sau đó dự tiệc', '2023-12-12', '2023-12-11')).toEqual([]);
  });
  it('keeps years and ignores statistics and fractions of years', () => {
    expect(at('vào năm 2025', '2024-09-12')).toEqual(['2025']);
    expect(at('7 tháng đầu năm 2024 đạt 1,1 tỷ USD, tăng 16,7%', '2024-09-09')).toEqual(['2024']);
    expect(at('giai đoạn 2021 - 2025', '2025-12-02')).toEqual([]);
    // an anniversary span is not a span of days
    expect(at('(18/1/1950 - 18/1/2025)', '2025-04-14')).toEqual([]);
  });
  it('rejects impossible days', () => {
    expect(at('ngày 31/2', '2025-02-01')).toEqual([]);
    expect(at('tỷ lệ 50/50', '2025-02-01')).toEqual([]);
  });
});

describe('date scanning', () => {
  // findDates tries the readers only where DATE_START finds a possible beginning; that
  // must give exactly the matches of trying every reader at every position.
  const sources = datePatternSources();
  const readers = sources.readers.map((r) => ({
    pattern: new RegExp(r.source, 'uy'),
    first: r.first,
  }));
  const start = new RegExp(sources.start, 'gu');
  const matchAt = (text: string, i: number, word?: string) => {
    for (const r of readers) {
      // from a start position, only the readers of the word found there (as findDates does)
      if (word !== undefined && !r.first.includes(/^\d$/.test(word) ? sources.digit : word))
        continue;
      r.pattern.lastIndex = i;
      const m = r.pattern.exec(text);
      if (m !== null) return m;
    }
    return null;
  };
  const everyPosition = (text: string) => {
    const found: string[] = [];
    for (let i = 0; i < text.length; i++) {
      const m = matchAt(text, i);
      if (m === null) continue;
      found.push(`${m.index}:${m[0]}`);
      i = m.index + Math.max(1, m[0].length) - 1;
    }
    return found;
  };
  const candidates = (text: string) => {
    const found: string[] = [];
    start.lastIndex = 0;
    for (let s = start.exec(text); s !== null; s = start.exec(text)) {
      const m = matchAt(text, s.index, s[0]);
      if (m === null) {
        start.lastIndex = s.index + 1;
        continue;
      }
      found.push(`${m.index}:${m[0]}`);
      start.lastIndex = m.index + Math.max(1, m[0].length);
    }
    return found;
  };
  const words = [
    'ngày',
    'tháng',
    'năm',
    'hôm',
    'nay',
    'qua',
    'mai',
    'kia',
    'sau',
    'tới',
    'sắp',
    'cùng',
    'đến',
    'và',
    'rạng',
    'sáng',
    'trưa',
    'chiều',
    'tối',
    'đêm',
    'đầu',
    'giữa',
    'cuối',
    'trung',
    'thượng',
    'hạ',
    'tuần',
    'vừa',
    'rồi',
    'này',
    'ngoái',
    'trước',
    'x',
    'ở',
    'đó',
    'ngay',
    'thứ',
    'hai',
    'ba',
    'tư',
    'sáu',
    'bảy',
    'chủ',
    'nhật',
    'từ',
    'lễ',
    'đón',
    'vào',
  ];
  const pieces = fc.oneof(
    fc.constantFrom(...words),
    fc.integer({ min: 0, max: 2030 }).map(String),
    fc.constantFrom(' ', ' ', ' ', '/', '.', '-', '–', ',', '(', 'x'),
  );
  const texts = fc.array(pieces, { maxLength: 40 }).map((p) => p.join(''));

  it('finds the same matches as trying every position', () => {
    for (const text of [
      'ngày 10 đến ngày 13 tháng 9 năm 2024',
      'xtháng 5',
      'chiều nay, 5/3-6/3 và hôm sau',
      'từ 30/12 đến 2/1 năm tới',
      'vào thứ hai tới, cuối tuần này',
    ]) {
      expect(candidates(text)).toEqual(everyPosition(text));
    }
    fc.assert(
      fc.property(texts, (text) => {
        expect(candidates(text)).toEqual(everyPosition(text));
      }),
      { numRuns: 3000 },
    );
  });
});

// Every relative and partial date form the extractor reads, with what it resolves to
// for an article published at 2026-12-01 (a Tuesday) in its own time zone.
describe('relative and partial dates (publishedAt 2026-12-01T09:00:00+07:00, a Tuesday)', () => {
  const published = '2026-12-01T09:00:00+07:00';
  const table: ReadonlyArray<[phrase: string, expected: string[]]> = [
    ['vào tháng tới', ['2027-01']],
    ['vào tháng sau', ['2027-01']],
    ['trong tháng này', ['2026-12']],
    ['cuối tháng này', ['2026-12']],
    ['đầu tháng 1 tới', ['2027-01']],
    ['giữa tháng 12', ['2026-12']],
    ['ngày 20 tháng này', ['2026-12-20']],
    ['ngày 5 tháng tới', ['2027-01-05']],
    ['vào tuần tới', ['2026-12-07/2026-12-13']],
    // a count of weeks or months after something is no next week or month
    ['chỉ vài tuần sau lễ nhậm chức', []],
    ['hai tháng sau khi ký', []],
    ['3 tuần sau', []],
    ['trong tuần này', ['2026-11-30/2026-12-06']],
    ['đầu tuần tới', ['2026-12-07/2026-12-09']],
    ['vào cuối tuần', ['2026-12-05/2026-12-06']],
    ['vào thứ Hai tới', ['2026-12-07']],
    ['vào thứ Sáu này', ['2026-12-04']],
    ['hôm Chủ nhật vừa qua', ['2026-11-29']],
    ['thứ Năm tới', ['2026-12-03']],
    ['sáng thứ Hai', ['2026-11-30']],
    ['năm nay', ['2026']],
    ['vào năm sau', ['2027']],
    ['vào đầu năm sau', ['2027-01']],
    ['cuối năm nay', ['2026-12']],
    ['hôm kia', ['2026-11-29']],
    ['hôm qua', ['2026-11-30']],
    ['chiều nay', ['2026-12-01']],
    ['ngày mai', ['2026-12-02']],
    ['ngày kia', ['2026-12-03']],
    ['trong 2 ngày 11 và 12-12', ['2026-12-11/2026-12-12']],
    ['từ ngày 10-11/12/2026', ['2026-12-10/2026-12-11']],
    ['từ 13 đến 14-12', ['2026-12-13/2026-12-14']],
    ['từ ngày 26 đến 27-1', ['2027-01-26/2027-01-27']],
    ['từ ngày 30-12 đến 5-1', ['2026-12-30/2027-01-05']],
    ['từ ngày 25- 28/12', ['2026-12-25/2026-12-28']],
    ['ngày 6.12', ['2026-12-06']],
    ['hôm 30-11', ['2026-11-30']],
    ['vào tháng 4-2027', ['2027-04']],
    ['chuyến thăm tháng Tám vừa qua', ['2026-08']],
    ['vào tháng Giêng năm 2027', ['2027-01']],
  ];
  it.each(table)('%s', (phrase, expected) => {
    expect(at(phrase, published)).toEqual(expected);
  });
  it('reads an ordinal as no date', () => {
    expect(at('Kỳ họp lần thứ hai', published)).toEqual([]);
    expect(at('7 tháng đầu năm 2024', published)).toEqual(['2024']);
  });
});
