// Page furniture and quotations are never evidence: photo captions (with or without a
// credit), related headlines, and someone's quoted words (a commentator's, an
// ambassador's), whose cues make no event of their own.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../functions/domain/article.js';
import { extractEvents } from '../../functions/extract/index.js';
import { furnitureOf, quotationOpening } from '../../functions/extract/noise.js';
import { matchForm } from '../../functions/text/vietnamese.js';

const furniture = (s: string) => furnitureOf(matchForm(s), null);

describe('quotations', () => {
  it.each([
    'Đây sẽ là chuyến thăm đầu tiên của một Bộ trưởng tới nước này sau nhiều năm", ông Andersen nói.',
    '“Hai nước là đối tác tin cậy”, bà Lindqvist cho biết thêm.',
    '"Chúng tôi đang chuẩn bị kỹ cho chuyến thăm.',
  ])('%s is a quotation', (s) => {
    expect(furniture(s)).toBe('quote');
  });

  it.each([
    'Người phát ngôn cho biết hai bên sẽ hội đàm vào ngày 5/3.',
    'Chiều 4/3, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Đan Mạch tại Hà Nội.',
  ])('%s is the story', (s) => {
    expect(furniture(s)).toBeNull();
  });

  it('a quotation that opens a sentence the reporter goes on past its attribution is the story, from the closing mark', () => {
    const s =
      '“We will also visit Japan,” he told reporters in Hanoi after meeting his counterpart.';
    expect(furniture(s)).toBeNull();
    expect(quotationOpening(s)).toBe(s.indexOf('”') + 1);
    // closed by its attribution alone: someone's words
    expect(furniture('“We will also visit Japan,” he told reporters in Hanoi.')).toBe('quote');
    expect(quotationOpening('“We will also visit Japan,” he told reporters in Hanoi.')).toBe(-1);
  });

  it('a caption without a credit: the two leaders posing for a photo', () => {
    expect(furniture('Hai Thủ tướng chụp ảnh chung trước khi hội đàm.')).toBe('caption');
  });
});

describe('evidence of an article with quotations and a caption', () => {
  // written for this test
  const article: Article = {
    url: 'https://fixtures.example/noise-quote',
    canonicalUrl: 'https://fixtures.example/noise-quote',
    title: null,
    publishedAt: '2026-03-04T18:00:00+07:00',
    language: 'vi',
    source: null,
    text: [
      'Chiều 4/3, tại Hà Nội, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Đan Mạch Mette Frederiksen.',
      'Hai Thủ tướng chụp ảnh chung trước khi hội đàm tại Trụ sở Chính phủ.',
      'Trao đổi với phóng viên, Đại sứ Đan Mạch Nils Andersen đánh giá cao kết quả chuyến thăm. "Chuyến thăm chính thức Việt Nam lần này rất quan trọng.',
      'Tôi tin hai nước sẽ tiếp tục hội đàm thường xuyên", ông Andersen nói.',
    ].join('\n\n'),
  };
  const events = extractEvents(article);

  it('cites only the story', () => {
    expect(events.length).toBeGreaterThan(0);
    const cited = events.flatMap((e) => e.evidence.map((x) => x.text));
    expect(cited.length).toBeGreaterThan(0);
    for (const text of cited) {
      expect(text).not.toMatch(/chụp ảnh chung|ông Andersen nói|"Chuyến thăm chính thức/);
    }
  });

  it("makes no event of a quotation: the talks only, no visit from the ambassador's words", () => {
    expect(events.map((e) => e.type)).not.toContain('official_visit');
  });
});

describe('evidence of an article with credited captions and related headlines', () => {
  // written for this test: the story, a caption whose credit follows it (in the same
  // sentence, and as a sentence of its own), and headlines of other stories, each with
  // a cue of its own
  const article: Article = {
    url: 'https://fixtures.example/noise-caption-related',
    canonicalUrl: 'https://fixtures.example/noise-caption-related',
    title: null,
    publishedAt: '2026-05-12T18:00:00+07:00',
    language: 'vi',
    source: null,
    text: [
      'Sáng 12/5, tại Hà Nội, Chủ tịch nước Lương Cường hội đàm với Tổng thống Chile Gabriel Boric.',
      'Chủ tịch nước Lương Cường và Tổng thống Gabriel Boric tại lễ đón chính thức. ẢNH: TTXVN',
      'Chủ tịch nước Lương Cường hội kiến Tổng thống Chile tại Phủ Chủ tịch. (Ảnh: TTXVN)',
      'Xem thêm: Thủ tướng hội đàm với Thủ tướng Thái Lan tại Bangkok',
      'Tin liên quan: Chủ tịch nước sẽ thăm cấp Nhà nước Brazil',
    ].join('\n\n'),
  };
  const events = extractEvents(article);

  it('the credited caption and the related headlines are furniture', () => {
    expect(
      furniture(
        'Chủ tịch nước Lương Cường và Tổng thống Gabriel Boric tại lễ đón chính thức. ẢNH: TTXVN',
      ),
    ).toBe('caption');
    expect(
      furnitureOf(
        matchForm('Chủ tịch nước Lương Cường hội kiến Tổng thống Chile tại Phủ Chủ tịch.'),
        matchForm('(Ảnh: TTXVN)'),
      ),
    ).toBe('caption');
    expect(furniture('Xem thêm: Thủ tướng hội đàm với Thủ tướng Thái Lan tại Bangkok')).toBe(
      'related',
    );
    expect(furniture('Tin liên quan: Chủ tịch nước sẽ thăm cấp Nhà nước Brazil')).toBe('related');
  });

  it('cites only the story, and makes no event of the furniture', () => {
    expect(events.map((e) => e.type)).toEqual(['talks']);
    const cited = events.flatMap((e) => e.evidence.map((x) => x.text));
    expect(cited.length).toBeGreaterThan(0);
    for (const text of cited)
      expect(text).not.toMatch(/TTXVN|lễ đón|Phủ Chủ tịch|Xem thêm|Tin liên quan|Thái Lan|Brazil/i);
  });
});
