// An event is shown in its articles' language unless the page asks for one (CONTRACT
// §1 `lang`: "default: each article's language"): an event only English articles
// report reads in English in the default feeds, marked as such in every format.
import { describe, expect, it } from 'vitest';
import type { DiplomaticEvent } from '../../functions/domain/event.js';
import { renderAtom } from '../../functions/render/atom.js';
import { renderEventPage, renderHomePage } from '../../functions/render/html.js';
import { renderCalendar } from '../../functions/render/ical.js';
import { renderJsonFeed } from '../../functions/render/jsonfeed.js';
import { renderRss } from '../../functions/render/rss.js';
import { itemLanguage } from '../../functions/render/text.js';
import { icalEvents, parseXml, prop, validateJsonFeed } from './helpers.js';
import { samplePage, stateVisit, talks } from './samples.js';

/** The sample visit as only English-language articles reported it. */
function reportedInEnglish(event: DiplomaticEvent): DiplomaticEvent {
  return {
    ...event,
    sources: event.sources.map((s) => ({ ...s, title: 'To Lam to visit Laos', language: 'en' })),
  };
}

const english = reportedInEnglish(stateVisit());
const vietnamese = talks();
const page = samplePage([english, vietnamese]);

describe('the language an event is shown in', () => {
  it('is the page’s when it asks for one, else English only when every source is English', () => {
    expect(itemLanguage({ lang: null }, english)).toBe('en');
    expect(itemLanguage({ lang: null }, vietnamese)).toBe('vi');
    expect(itemLanguage({ lang: 'vi' }, english)).toBe('vi');
    expect(itemLanguage({ lang: 'en' }, vietnamese)).toBe('en');
    // reported in both languages: Vietnamese, the feed's own
    const both = { ...english, sources: [...english.sources, ...vietnamese.sources] };
    expect(itemLanguage({ lang: null }, both)).toBe('vi');
    // sources stored before languages were kept were Vietnamese
    expect(itemLanguage({ lang: null }, stateVisit())).toBe('vi');
  });
});

describe('an English event in the default (Vietnamese) feeds', () => {
  it('JSON Feed: the item says its language and is written in it', () => {
    const doc = JSON.parse(renderJsonFeed(page));
    expect(validateJsonFeed(doc)).toEqual([]);
    expect(doc.language).toBe('vi');
    const [en, vi] = doc.items;
    expect(en.language).toBe('en');
    expect(en.title).toContain('State visit');
    expect(en.title).not.toMatch(/Chuyến thăm/);
    expect(vi.language).toBe('vi');
    expect(vi.title).toMatch(/Hội đàm/);
  });

  it('Atom: the entry carries its own xml:lang, the others inherit the feed’s', () => {
    const feed = parseXml(renderAtom(page)).feed;
    expect(feed['@xml:lang']).toBe('vi');
    const [en, vi] = feed.entry;
    expect(en['@xml:lang']).toBe('en');
    expect(vi['@xml:lang']).toBeUndefined();
  });

  it('RSS: the item says its language in Dublin Core, the others inherit the channel’s', () => {
    const channel = parseXml(renderRss(page)).rss.channel;
    expect(channel.language).toBe('vi');
    const [en, vi] = channel.item;
    expect(en['dc:language']).toBe('en');
    expect(vi['dc:language']).toBeUndefined();
  });

  it('iCalendar: the event’s text is marked with its LANGUAGE', () => {
    const [en, vi] = icalEvents(renderCalendar(page));
    expect(prop(en!, 'SUMMARY')?.params.LANGUAGE).toBe('en');
    expect(prop(en!, 'DESCRIPTION')?.params.LANGUAGE).toBe('en');
    expect(prop(vi!, 'SUMMARY')?.params.LANGUAGE).toBeUndefined();
  });

  it('HTML list: the entry is marked lang="en" on a Vietnamese page', () => {
    const html = renderHomePage(page);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<li><article lang="en">');
    expect(html).toContain('<li><article>');
  });

  it('the event’s own page is an English page, linking to its Vietnamese form', () => {
    const html = renderEventPage(english, samplePage([english]));
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/href="[^"]*\/events\/[^"?]+\?lang=vi" hreflang="vi"/);
    const asked = renderEventPage(english, samplePage([english], { lang: 'vi' }));
    expect(asked).toContain('<html lang="vi">');
    expect(asked).toMatch(/href="[^"]*\/events\/[^"?]+\?lang=en" hreflang="en"/);
  });

  it('with lang=en every item is English and none is marked apart', () => {
    const doc = JSON.parse(renderJsonFeed({ ...page, lang: 'en' }));
    expect(doc.items.map((i: { language: string }) => i.language)).toEqual(['en', 'en']);
    const feed = parseXml(renderAtom({ ...page, lang: 'en' })).feed;
    expect(feed.entry.map((e: Record<string, unknown>) => e['@xml:lang'])).toEqual([
      undefined,
      undefined,
    ]);
  });
});
