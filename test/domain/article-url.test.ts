import { describe, expect, it } from 'vitest';
import { ArticleInput, toArticle } from '../../functions/domain/article.js';
import { canonicalArticleUrl, hasCredentials } from '../../functions/domain/article-url.js';

describe('canonicalArticleUrl', () => {
  const canonical = 'https://news.example.vn/2026/02/05/to-lam-lao';
  it.each([
    [
      'tracking parameters',
      'https://news.example.vn/2026/02/05/to-lam-lao?utm_source=facebook&utm_medium=social&fbclid=abc&gclid=x&mc_cid=1&mc_eid=2',
    ],
    ['http', 'http://news.example.vn/2026/02/05/to-lam-lao'],
    ['the default port', 'https://news.example.vn:443/2026/02/05/to-lam-lao'],
    ['a fragment', 'https://news.example.vn/2026/02/05/to-lam-lao#x'],
    ['an upper-case scheme and host', 'HTTPS://NEWS.Example.VN/2026/02/05/to-lam-lao'],
    ['an encoded unreserved character', 'https://news.example.vn/2026/02/05/to-l%61m-lao'],
    ["a fully qualified host's trailing dot", 'https://news.example.vn./2026/02/05/to-lam-lao'],
  ])('drops %s', (_, url) => {
    expect(canonicalArticleUrl(url)).toBe(canonical);
  });

  it('keeps what names another article: path case, other parameters (sorted), another port', () => {
    expect(canonicalArticleUrl('https://a.example/News/A?id=2&b=1')).toBe(
      'https://a.example/News/A?b=1&id=2',
    );
    expect(canonicalArticleUrl('https://a.example:8443/a')).toBe('https://a.example:8443/a');
    expect(canonicalArticleUrl('https://a.example/a?id=1')).not.toBe(
      canonicalArticleUrl('https://a.example/a?id=2'),
    );
  });

  it('writes the remaining escapes in upper-case hex, and non-ASCII percent-encoded', () => {
    expect(canonicalArticleUrl('https://a.example/a%2fb')).toBe('https://a.example/a%2Fb');
    expect(canonicalArticleUrl('https://a.example/đi')).toBe('https://a.example/%C4%91i');
    expect(canonicalArticleUrl('https://a.example/%c4%91i')).toBe('https://a.example/%C4%91i');
  });

  it('is idempotent', () => {
    for (const u of [
      'https://a.example/%C4%91i?x=%20y',
      'http://A.example:80/b/?utm_x=1#f',
      'https://a.example/a%2Fb',
    ]) {
      expect(canonicalArticleUrl(canonicalArticleUrl(u))).toBe(canonicalArticleUrl(u));
    }
  });
});

describe('article URLs at the boundary', () => {
  /** An article input of this URL and nothing else of note. */
  const withUrl = (url: string) => ({ url, publishedAt: '2026-02-05', text: 'x' });

  it('refuses a URL with credentials, naming the field', () => {
    expect(hasCredentials('https://user:pw@a.example/x')).toBe(true);
    expect(hasCredentials('https://a.example/x')).toBe(false);
    const r = ArticleInput.safeParse(withUrl('https://user@a.example/x'));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['url']);
  });

  it('accepts a fully qualified host (a trailing dot) as the same article, and no bare IP or single label', () => {
    const input = ArticleInput.parse(withUrl('https://news.example.vn./a'));
    expect(toArticle(input).canonicalUrl).toBe('https://news.example.vn/a');
    for (const url of ['https://news.example.vn../a', 'https://192.0.2.1/a', 'https://intranet./a'])
      expect(ArticleInput.safeParse(withUrl(url)).success).toBe(false);
  });

  it('identifies the accepted article by its canonical URL, and shows the link as given less its fragment and click ids', () => {
    const input = ArticleInput.parse(
      withUrl('http://A.example/x?b=2&utm_source=y&fbclid=abc&a=1#z'),
    );
    expect(toArticle(input).canonicalUrl).toBe('https://a.example/x?a=1&b=2');
    // the outlet's campaign tag is part of the link it published; a reader's click id is not
    expect(toArticle(input).url).toBe('http://a.example/x?b=2&utm_source=y&a=1');
  });
  it('shows a link with nothing to drop exactly as posted, letters outside ASCII too', () => {
    const posted = 'https://news.example/tags/kênh+liên+lạc.htm';
    const article = toArticle(ArticleInput.parse(withUrl(posted)));
    expect(article.url).toBe(posted);
    expect(article.canonicalUrl).toBe(
      'https://news.example/tags/k%C3%AAnh+li%C3%AAn+l%E1%BA%A1c.htm',
    );
  });
});
