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
  it('leaves stray angle brackets and unknown entities alone', () => {
    expect(cleanText('tăng < 5% & giảm > 3% &foo;')).toBe('tăng < 5% & giảm > 3% &foo;');
  });
});
