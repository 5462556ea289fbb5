// Text that is not news: nothing must crash, nothing spurious must come out, and the
// work must grow linearly with the length (sizes are compared, never absolute times).
import { describe, expect, it } from 'vitest';
import type { Article } from '../../functions/domain/article.js';
import { extractEvents } from '../../functions/extract/index.js';

const article = (text: string, title: string | null = null): Article => ({
  url: null,
  canonicalUrl: null,
  title,
  publishedAt: '2025-03-10T08:00:00+07:00',
  language: 'vi',
  source: null,
  text,
});

function cpuMs(f: () => void): number {
  const before = process.cpuUsage();
  f();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * The cheapest of a few runs of each text, the two measured in turn: a busy spell on a
 * loaded machine then slows both, not only the one measured during it.
 */
function costs(small: string, large: string): { small: number; large: number } {
  // warmed up: the first run of a size pays for compiling and growing the heap
  extractEvents(article(small));
  extractEvents(article(large));
  let best = { small: Infinity, large: Infinity };
  for (let i = 0; i < 7; i++)
    best = {
      small: Math.min(
        best.small,
        cpuMs(() => extractEvents(article(small))),
      ),
      large: Math.min(
        best.large,
        cpuMs(() => extractEvents(article(large))),
      ),
    };
  return best;
}

describe('hostile input', () => {
  it('returns nothing for empty, blank, non-Vietnamese and binary-looking text', () => {
    for (const text of [
      '',
      '   \n\t ',
      'The quick brown fox jumps over the lazy dog.',
      '这是中文文本，没有越南语。',
      '\u0000\u0001\uffff\ud800',
      '<<<>>>&&&;;;',
      '1/1/1/1/1/1 2/2-3/3',
      '🙂'.repeat(1000),
    ]) {
      expect(extractEvents(article(text))).toEqual([]);
    }
  });

  it('finds no event in a megabyte of filler or of Vietnamese without events', () => {
    expect(extractEvents(article('a'.repeat(1_000_000)))).toEqual([]);
    const prose =
      'Kim ngạch thương mại song phương năm 2024 đạt 86 tỷ USD, tăng 13% so với năm 2023. ';
    expect(extractEvents(article(prose.repeat(12_000)))).toEqual([]);
  });

  it('finds one event in a sentence repeated 200,000 characters long, and none in repeated cues, titles, dates or markup', () => {
    const talks =
      'Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone ngày 5/3. ';
    const events = extractEvents(article(talks.repeat(Math.ceil(200_000 / talks.length))));
    expect(events.map((e) => [e.type, e.countries, e.start])).toEqual([
      ['talks', ['LA', 'VN'], '2025-03-05'],
    ]);
    const noEvent = [
      'thăm thăm hội đàm hội kiến tiếp gặp điện đàm kỳ họp Ủy ban ',
      'Tổng Bí thư, Chủ tịch nước, Thủ tướng, Bộ trưởng, ',
      'ngày 5/3 đến 6/3 tháng 12/2025 hôm nay hôm qua ngày mai (11/9) ',
      '<p class="x">&amp;&lt;&#7871;</p>',
      '((((((((((',
    ];
    for (const unit of noEvent)
      expect(extractEvents(article(unit.repeat(Math.ceil(200_000 / unit.length)))), unit).toEqual(
        [],
      );
  });

  // A CPU measurement can still be disturbed (the garbage collector's helper threads
  // count too, and they suffer most on a busy machine): a quadratic cost fails every try,
  // a disturbed one passes the next.
  it('takes time linear in the length of the text', { retry: 2 }, () => {
    const units = [
      'Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone ngày 5/3. Tổng thống Joe Biden thăm Việt Nam. ',
      'Nguyễn Văn A, Trần Văn B, Lê Thị C và Phạm Văn D ',
      'x<y&z 1/2/3 ',
      'tại Hà Nội, ở ',
    ];
    // Four times the text: linear work costs ~4× (a little more, as the collector
    // copies a larger live heap), a quadratic blow-up ~16×. The bound (10×, and never
    // under 50 ms of CPU) leaves room between the two.
    for (const unit of units) {
      const n = unit.repeat(Math.ceil(30_000 / unit.length));
      const { small, large } = costs(n, n.repeat(4));
      expect(large, JSON.stringify(unit)).toBeLessThan(Math.max(10 * small, 50));
    }
  });

  it('reads the talks under a 5,000-character title, and with a publication date it cannot read', () => {
    const longTitle = extractEvents({
      ...article(
        'Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone.',
        'x'.repeat(5000),
      ),
      publishedAt: '2025-12-31',
    });
    expect(
      longTitle.map((e) => [e.type, e.countries, e.start, e.participants.map((p) => p.name)]),
    ).toEqual([['talks', ['LA', 'VN'], '2025-12-31', ['Phạm Minh Chính', 'Sonexay Siphandone']]]);
    const undated = extractEvents({
      ...article(
        'Hôm nay, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone.',
      ),
      publishedAt: 'not a date',
    });
    expect(undated.map((e) => [e.type, e.countries])).toEqual([['talks', ['LA', 'VN']]]);
  });
});
