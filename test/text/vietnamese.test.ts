import { describe, expect, it } from 'vitest';
import { foldDiacritics, matchForm, modernizeTones } from '../../functions/text/vietnamese.js';

describe('tone placement', () => {
  it('treats old and new placement alike', () => {
    expect(modernizeTones('Uỷ ban hoà bình, thuỷ chung, khoẻ')).toBe(
      'Ủy ban hòa bình, thủy chung, khỏe',
    );
    expect(matchForm('Uỷ ban')).toBe(matchForm('Ủy ban'));
  });
  it('keeps closed syllables and "qu" as they are', () => {
    expect(modernizeTones('hoàn thành, quý, khoảng, HOÀ')).toBe('hoàn thành, quý, khoảng, HÒA');
  });
  it('keeps the length, so offsets stay valid', () => {
    const s = 'Thuỷ Hoà Uỷ ban';
    expect(matchForm(s).length).toBe(s.length);
  });
});

describe('foldDiacritics', () => {
  it('writes a Vietnamese name as other languages do', () => {
    expect(foldDiacritics('Bùi Thanh Sơn')).toBe('bui thanh son');
    expect(foldDiacritics('Đặng Thị Ngọc Thịnh')).toBe('dang thi ngoc thinh');
  });
});
