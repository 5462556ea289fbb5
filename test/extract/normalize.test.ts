import { describe, expect, it } from 'vitest';
import { cleanText } from '../../functions/extract/normalize.js';

describe('cleanText', () => {
  it('composes NFD text to NFC', () => {
    const nfd = 'Tập Cận Bình thăm Việt Nam'.normalize('NFD');
    expect(cleanText(nfd)).toBe('Tập Cận Bình thăm Việt Nam');
  });
  it('removes tags and decodes entities, also escaped markup', () => {
    expect(
      cleanText(
        '<p><strong>TPO - Sáng&nbsp;nay</strong></p><p>&quot;Đối tác&quot; Việt Nam &ndash; Philippines &amp; ASEAN</p>',
      ),
    ).toBe('TPO - Sáng nay\n\n"Đối tác" Việt Nam – Philippines & ASEAN');
    expect(cleanText('&lt;p&gt;Hà Nội&lt;/p&gt; &#7871; &#x1EBF;')).toBe('Hà Nội\nế ế');
  });
  it('folds whitespace and keeps paragraphs', () => {
    expect(cleanText('  a \t b\r\n\r\n\r\nc  ')).toBe('a b\n\nc');
  });
  it('joins the lines of a text wrapped inside its sentences, and only those', () => {
    expect(
      cleanText('The minister\nwill visit Laos next week, and\nmeet its leaders.\nTalks follow.'),
    ).toBe('The minister will visit Laos next week, and meet its leaders.\nTalks follow.');
    expect(cleanText('<p>the first</p><p>the second</p>')).toBe('the first\n\nthe second');
  });
  it('also joins a line run on before a capital, where the whole text is wrapped at a fixed width', () => {
    const wire = [
      'Premier Meets Visiting Chilean Leader',
      'Prime Minister Kenji Sato met with visiting Chilean',
      'President Rosa Vidal in Tokyo on Monday and both leaders',
      'agreed to widen trade in copper and lithium between the',
      'two countries.',
      'Sato said the talks with his guest had opened',
      'a new chapter.',
    ].join('\n');
    expect(cleanText(wire)).toBe(
      'Premier Meets Visiting Chilean Leader\n' +
        'Prime Minister Kenji Sato met with visiting Chilean President Rosa Vidal in Tokyo on Monday and both leaders agreed to widen trade in copper and lithium between the two countries.\n' +
        'Sato said the talks with his guest had opened a new chapter.',
    );
    // a page of headlines and short lines is not wrapped: its breaks before a capital stay
    expect(cleanText('Leaders meet in Tokyo\nPrime Minister Kenji Sato met his guest.')).toBe(
      'Leaders meet in Tokyo\nPrime Minister Kenji Sato met his guest.',
    );
  });
  it('leaves stray angle brackets and unknown entities alone', () => {
    expect(cleanText('tăng < 5% & giảm > 3% &foo;')).toBe('tăng < 5% & giảm > 3% &foo;');
  });
});
