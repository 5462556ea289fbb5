import { describe, expect, it } from 'vitest';
import { cleanInput, wellFormed, withoutInvisible } from '../../functions/text/unicode.js';

describe('text hygiene', () => {
  it('turns lone surrogates into U+FFFD and keeps pairs', () => {
    expect(wellFormed('a\uD800b\uDC00c')).toBe('a\uFFFDb\uFFFDc');
    expect(wellFormed('x\uDBFF')).toBe('x\uFFFD');
    expect(wellFormed('🇻🇳 😀')).toBe('🇻🇳 😀');
    expect(wellFormed('\uDC00\uD800')).toBe('\uFFFD\uFFFD'); // reversed: no pair
  });

  it('removes bidirectional controls and zero-width characters', () => {
    const hidden = [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
      '\u061C',
      '\u200B',
      '\u200C',
      '\u200D',
      '\u2060',
      '\uFEFF',
    ];
    for (const c of hidden)
      expect(withoutInvisible(`Tô${c} Lâm`), `U+${c.codePointAt(0)!.toString(16)}`).toBe('Tô Lâm');
    expect(cleanInput('Sonexay\u202E Siphandone\uD800')).toBe('Sonexay Siphandone\uFFFD');
  });

  it('leaves ordinary text as it is (the same string)', () => {
    const s = 'Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào tại Viêng Chăn.';
    expect(cleanInput(s)).toBe(s);
  });
});
