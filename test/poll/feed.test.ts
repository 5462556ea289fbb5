// Feed parsing (functions/poll/feed.ts): RSS 2.0, RSS 1.0 (RDF) and Atom items into
// absolute links, titles and RFC 3339 dates; malformed input is a FeedParseError.
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed, toRfc3339 } from '../../functions/poll/feed.js';

const rss = (items: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Thế giới</title><link>https://news.example/</link>${items}</channel></rss>`;
const atom = (entries: string) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Thế giới</title>${entries}</feed>`;
const BASE = 'https://news.example/rss/the-gioi.rss';

describe('RSS 2.0', () => {
  it('reads link, title and pubDate (RFC 822, offset kept)', () => {
    const feed = parseFeed(
      rss(`<item><title>Thủ tướng tiếp Đại sứ Lào</title><link>https://news.example/a-1.html</link>
        <pubDate>Mon, 14 Apr 2025 08:30:00 +0700</pubDate></item>`),
      BASE,
    );
    expect(feed).toEqual({
      format: 'rss',
      rejected: 0,
      entries: [
        {
          link: 'https://news.example/a-1.html',
          title: 'Thủ tướng tiếp Đại sứ Lào',
          published: '2025-04-14T08:30:00+07:00',
        },
      ],
    });
  });

  it('resolves relative links against the feed URL and drops fragments', () => {
    const feed = parseFeed(
      rss(`<item><title>a</title><link>/the-gioi/a-2.html#comments</link></item>
           <item><title>b</title><link>b-3.html</link></item>`),
      BASE,
    );
    expect(feed.entries.map((e) => e.link)).toEqual([
      'https://news.example/the-gioi/a-2.html',
      'https://news.example/rss/b-3.html',
    ]);
  });

  it('decodes CDATA, XML entities, numeric character references and HTML named entities', () => {
    const feed = parseFeed(
      rss(`<item><title><![CDATA[Việt Nam & <Lào>]]></title><link>https://news.example/x?a=1&amp;b=2</link></item>
           <item><title>Hợp t&#225;c &#x1EA1; &amp; &quot;đối tác&quot;&nbsp;&hellip;</title><link>https://news.example/y</link></item>`),
      BASE,
    );
    expect(feed.entries[0]).toMatchObject({
      title: 'Việt Nam & <Lào>',
      link: 'https://news.example/x?a=1&b=2',
    });
    expect(feed.entries[1]!.title).toBe('Hợp tác ạ & "đối tác"\u00a0…');
  });

  it('takes a permalink guid when <link> is missing, and rejects items with no usable link', () => {
    const feed = parseFeed(
      rss(`<item><title>guid</title><guid>https://news.example/g-1.html</guid></item>
           <item><title>not a permalink</title><guid isPermaLink="false">id-42</guid></item>
           <item><title>ftp</title><link>ftp://news.example/file</link></item>
           <item><title>empty</title><link></link></item>`),
      BASE,
    );
    expect(feed.entries.map((e) => e.link)).toEqual(['https://news.example/g-1.html']);
    expect(feed.rejected).toBe(3);
  });

  it('gives null for a missing title or date, or an unreadable date; dc:date is a fallback', () => {
    const feed = parseFeed(
      rss(`<item><link>https://news.example/1</link></item>
           <item><title>t</title><link>https://news.example/2</link><pubDate>hôm nay</pubDate></item>
           <item><title>t</title><link>https://news.example/3</link><dc:date>2025-04-14T01:02:03Z</dc:date></item>`),
      BASE,
    );
    expect(feed.entries.map((e) => [e.title, e.published])).toEqual([
      [null, null],
      ['t', null],
      ['t', '2025-04-14T01:02:03Z'],
    ]);
  });

  it('reads a one-item feed, an empty channel, and RSS 1.0 (RDF)', () => {
    expect(
      parseFeed(rss('<item><title>x</title><link>https://news.example/1</link></item>'), BASE)
        .entries,
    ).toHaveLength(1);
    expect(parseFeed(rss(''), BASE)).toEqual({ format: 'rss', entries: [], rejected: 0 });
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <channel><title>x</title></channel><item><title>r</title><link>https://news.example/r</link></item></rdf:RDF>`;
    expect(parseFeed(rdf, BASE).entries.map((e) => e.link)).toEqual(['https://news.example/r']);
  });
});

describe('Atom 1.0', () => {
  it('takes the alternate link (explicit or default rel), relative to the feed, and published before updated', () => {
    const feed = parseFeed(
      atom(`<entry><title type="html">A &lt;b&gt;</title>
              <link rel="enclosure" href="/img/a.jpg"/><link rel="alternate" type="text/html" href="/news/a.html"/>
              <published>2025-04-14T08:30:00+07:00</published><updated>2025-04-15T00:00:00Z</updated></entry>
            <entry><title>b</title><link href="b.html"/><updated>2025-04-14T01:00:00.250Z</updated></entry>
            <entry><title>self only</title><link rel="self" href="/s"/></entry>`),
      'https://news.example/feeds/world.atom',
    );
    expect(feed.format).toBe('atom');
    expect(feed.entries).toEqual([
      {
        link: 'https://news.example/news/a.html',
        title: 'A <b>',
        published: '2025-04-14T08:30:00+07:00',
      },
      {
        link: 'https://news.example/feeds/b.html',
        title: 'b',
        published: '2025-04-14T01:00:00.250Z',
      },
    ]);
    expect(feed.rejected).toBe(1);
  });
});

describe('malformed input', () => {
  it.each([
    ['an unclosed element', rss('<item><title>x</title>')],
    ['mismatched tags', '<rss><channel><item></channel></rss>'],
    ['text that is not XML', 'Service Unavailable'],
    ['an empty body', ''],
    [
      'an external entity',
      '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&x;</title></item></channel></rss>',
    ],
  ])('%s is a FeedParseError saying it is not well-formed', (_what, xml) => {
    expect(() => parseFeed(xml, BASE)).toThrow(FeedParseError);
    expect(() => parseFeed(xml, BASE)).toThrow(/not well-formed XML/);
  });

  it('well-formed XML that is no feed (an HTML page) is a FeedParseError naming the formats', () => {
    expect(() => parseFeed('<html><body><p>Trang chủ</p></body></html>', BASE)).toThrow(
      /neither an RSS 2.0 nor an Atom feed/,
    );
  });
});

describe('toRfc3339', () => {
  it.each([
    ['Mon, 14 Apr 2025 08:30:00 +0700', '2025-04-14T08:30:00+07:00'],
    ['Mon, 14 Apr 2025 01:30:00 GMT', '2025-04-14T01:30:00Z'],
    ['Mon, 14 Apr 2025 01:30:00 UT', '2025-04-14T01:30:00Z'],
    ['14 Apr 2025 08:30 EDT', '2025-04-14T08:30:00-04:00'],
    ['Mon, 14 Apr 25 08:30:00 -0000', '2025-04-14T08:30:00Z'],
    ['Monday, 14 April 2025 08:30:00 +0000', '2025-04-14T08:30:00Z'],
    ['Mon, 14 Apr 2025 08:30:00', '2025-04-14T08:30:00Z'],
    ['2025-04-14T08:30:00+07:00', '2025-04-14T08:30:00+07:00'],
    ['2025-04-14T08:30+07:00', '2025-04-14T08:30:00+07:00'],
    ['2025-04-14T01:30:00.5Z', '2025-04-14T01:30:00.5Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00Z'],
  ])('%s → %s', (input, expected) => {
    expect(toRfc3339(input)).toBe(expected);
  });

  it.each([
    null,
    '',
    'hôm nay',
    '14/04/2025 08:30',
    'Mon, 14 Foo 2025 08:30:00 GMT',
    'Mon, 14 Apr 2025 08:30:00 XYZ',
    '2025-02-30T00:00:00Z',
    'Sun, 30 Feb 2025 08:30:00 GMT',
    '2025-13-01T00:00:00Z',
    '2025-04-14T25:00:00Z',
  ])('%s → null', (input) => {
    expect(toRfc3339(input)).toBeNull();
  });
});
