import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../functions/extract/sentences.js';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('splits at full stops before a capital', () => {
    expect(texts('Hai bên hội đàm. Sau đó, hai bên ký văn kiện.')).toEqual([
      'Hai bên hội đàm.',
      'Sau đó, hai bên ký văn kiện.',
    ]);
  });
  it('keeps dates, numbers, initials and abbreviations inside a sentence', () => {
    expect(
      texts(
        'Ngày 5/2 và tháng 12.2025 có 1.200 dự án. Tổng thống Ferdinand Marcos Jr. và ông D. Trump tới TP. Hồ Chí Minh.',
      ),
    ).toEqual([
      'Ngày 5/2 và tháng 12.2025 có 1.200 dự án.',
      'Tổng thống Ferdinand Marcos Jr. và ông D. Trump tới TP. Hồ Chí Minh.',
    ]);
  });
  it('ends sentences at line breaks and after closing quotes', () => {
    const s = splitSentences('"Rất tốt." Ông nói.\n\nĐoạn hai');
    expect(s.map((x) => x.text)).toEqual(['"Rất tốt."', 'Ông nói.', 'Đoạn hai']);
    expect(s.map((x) => x.paragraph)).toEqual([0, 0, 1]);
  });
  it('ends a sentence that a copied page glued to the next, but not inside abbreviations', () => {
    expect(
      texts('They met in Hanoi.The talks lasted an hour. Dr.Smith spoke at 9 a.m.Tuesday.'),
    ).toEqual([
      'They met in Hanoi.',
      'The talks lasted an hour.',
      'Dr.Smith spoke at 9 a.m.Tuesday.',
    ]);
  });
  it('keeps a dateline with an abbreviated month in its sentence', () => {
    expect(texts('OSLO, Feb. 14 (Wire) - The ministers met. They agreed.')).toEqual([
      'OSLO, Feb. 14 (Wire) - The ministers met.',
      'They agreed.',
    ]);
  });
  it('handles empty text', () => {
    expect(splitSentences('')).toEqual([]);
  });
});
