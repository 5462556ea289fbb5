import { describe, expect, it } from 'vitest';
import { detectLanguage, languageOf } from '../../functions/text/language.js';

// Sentences written for this test (not taken from any outlet).
const vietnamese =
  'Chiều 5/2, Tổng Bí thư đã hội đàm với Thủ tướng Lào tại Viêng Chăn, hai bên nhất trí tăng cường hợp tác.';
const english =
  'The prime minister held talks with his Lao counterpart in Vientiane on Thursday, and the two sides agreed to deepen ties.';

describe('detectLanguage', () => {
  it('tells Vietnamese and English apart, and says nothing of what it cannot tell', () => {
    expect(detectLanguage(vietnamese)).toBe('vi');
    expect(detectLanguage(english)).toBe('en');
    expect(detectLanguage('12345 !!!')).toBeNull();
    expect(detectLanguage('Bonjour à tous, merci beaucoup')).toBeNull();
  });

  it('keeps an English text that quotes a Vietnamese name English', () => {
    expect(detectLanguage(`${english} Phạm Minh Chính said so.`)).toBe('en');
  });

  it('tells nothing of a page that gives each paragraph in both languages', () => {
    expect(detectLanguage(`${english}\n\n${vietnamese}\n\n${english}\n\n${vietnamese}`)).toBeNull();
  });
});

describe('languageOf', () => {
  it('takes the declared language unless the text is plainly another', () => {
    expect(languageOf('vi', vietnamese)).toBe('vi');
    expect(languageOf('en', vietnamese)).toBe('vi');
    expect(languageOf('vi', english)).toBe('en');
    expect(languageOf(null, english)).toBe('en');
    expect(languageOf('fr', 'Bonjour à tous, merci beaucoup')).toBe('fr');
    expect(languageOf(undefined, '12345')).toBe('vi');
    expect(languageOf('en', `${english}\n\n${vietnamese}`)).toBe('en');
  });
});
