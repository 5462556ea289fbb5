import { describe, expect, it } from 'vitest';
import { ArticleInput, MAX_TEXT_CHARS, toArticle } from '../../functions/domain/article.js';

const valid = { text: 'Chủ tịch nước tiếp Thủ tướng.', publishedAt: '2026-02-05T08:00:00+07:00' };

function firstIssuePath(input: unknown): string | null {
  const r = ArticleInput.safeParse(input);
  return r.success ? null : r.error.issues[0]!.path.join('.');
}

describe('ArticleInput', () => {
  it('accepts the contract example with defaults filled in', () => {
    const parsed = ArticleInput.parse({
      ...valid,
      url: 'https://example.org/a',
      language: 'vi',
      source: null,
    });
    expect(toArticle(parsed)).toEqual({
      url: 'https://example.org/a',
      canonicalUrl: 'https://example.org/a',
      title: null,
      publishedAt: valid.publishedAt,
      language: 'vi',
      source: null,
      text: valid.text,
    });
  });

  it('accepts a plain date as publishedAt', () => {
    expect(firstIssuePath({ ...valid, publishedAt: '2026-02-05' })).toBeNull();
  });

  it.each([
    ['text missing', { publishedAt: valid.publishedAt }, 'text'],
    ['text empty', { ...valid, text: '' }, 'text'],
    ['text blank', { ...valid, text: ' \n\t ' }, 'text'],
    ['text too long', { ...valid, text: 'a'.repeat(MAX_TEXT_CHARS + 1) }, 'text'],
    ['text with NUL', { ...valid, text: 'a\u0000b' }, 'text'],
    ['text a number', { ...valid, text: 42 }, 'text'],
    ['publishedAt missing', { text: valid.text }, 'publishedAt'],
    ['publishedAt not a date', { ...valid, publishedAt: 'yesterday' }, 'publishedAt'],
    ['publishedAt impossible', { ...valid, publishedAt: '2026-02-30' }, 'publishedAt'],
    ['url not http', { ...valid, url: 'javascript:alert(1)' }, 'url'],
    ['url relative', { ...valid, url: '/a/b' }, 'url'],
    ['language odd', { ...valid, language: 'Vietnamese!' }, 'language'],
    ['title too long', { ...valid, title: 'x'.repeat(1001) }, 'title'],
  ])('refuses %s, naming the field', (_name, input, field) => {
    expect(firstIssuePath(input)).toBe(field);
  });
});
