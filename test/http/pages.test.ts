// The HTML pages as a browser's parser sees them: autodiscovery of every feed, links
// to event pages, and hostile text kept as text.
import { type DefaultTreeAdapterTypes, parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalService } from '../../infra/local/runtime.js';
import { allItems, post, service, statedArticle, statedEvents } from '../integration/harness.js';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;

function elements(node: Node, tag: string): Element[] {
  const found: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n && n.tagName === tag) found.push(n);
    if ('childNodes' in n) for (const c of n.childNodes) walk(c as Node);
    if ('content' in n && n.content) walk(n.content as unknown as Node);
  };
  walk(node);
  return found;
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;

let s: LocalService;
beforeAll(async () => {
  s = await service({ extract: statedEvents });
  await post(
    s,
    statedArticle('https://news.test/1', '2026-02-04T08:00:00+07:00', [
      { participants: [{ name: '<script>alert("x")</script> & Co', title: null, country: 'VN' }] },
    ]),
  );
});
afterAll(() => s.close());

describe('GET /', () => {
  it('advertises every feed and the calendar for autodiscovery', async () => {
    const doc = parse(await (await s.app.request('http://localhost/?country=VN')).text());
    const alternates = elements(doc, 'link').filter((l) => attr(l, 'rel') === 'alternate');
    const byType = new Map(alternates.map((l) => [attr(l, 'type'), attr(l, 'href')]));
    expect(byType.get('application/atom+xml')).toBe('http://localhost/feeds/atom.xml?country=VN');
    expect(byType.get('application/rss+xml')).toBe('http://localhost/feeds/rss.xml?country=VN');
    expect(byType.get('application/feed+json')).toBe('http://localhost/feeds/feed.json?country=VN');
    expect(byType.get('text/calendar')).toBe('http://localhost/feeds/calendar.ics?country=VN');
    expect(elements(doc, 'html')[0] && attr(elements(doc, 'html')[0]!, 'lang')).toBeTruthy();
  });

  it('links each event to its page, and keeps hostile names as text', async () => {
    const html = await (await s.app.request('http://localhost/')).text();
    const doc = parse(html);
    expect(elements(doc, 'script')).toHaveLength(0);
    const [item] = await allItems(s);
    const hrefs = elements(doc, 'a').map((a) => attr(a, 'href'));
    expect(hrefs).toContain(item!.url);
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('GET /events/{id}', () => {
  it('shows the event with its sources and evidence, escaped', async () => {
    const [item] = await allItems(s);
    const html = await (await s.app.request(item!.url)).text();
    const doc = parse(html);
    expect(elements(doc, 'script')).toHaveLength(0);
    expect(html).toContain('the sentence in https://news.test/1');
    const alternates = elements(doc, 'link').filter((l) => attr(l, 'rel') === 'alternate');
    expect(alternates.length).toBeGreaterThan(0);
  });
});
