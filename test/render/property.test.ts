// Hostile text through every format: each output parses (strict XML checks + xmllint,
// JSON.parse + the JSON Feed schema, iCalendar line rules), and the text comes back
// (minus what XML cannot carry; titles and one-line fields with white space collapsed).
//
// 5 properties × 2,000 runs = 10,000 generated events, each carrying 9 hostile strings
// (id, participant name and title, place, city, source title and outlet, evidence,
// filter label): 18,000 hostile strings per format, 90,000 in all; and a sixth: the
// facts' HTML, built from pieces escaped once, is the escaped text.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DiplomaticEvent } from '../../functions/domain/event.js';
import { renderAtom } from '../../functions/render/atom.js';
import { escapeHtml, oneLine, xmlSafeText } from '../../functions/render/escape.js';
import { renderEventPage, renderHomePage } from '../../functions/render/html.js';
import { renderCalendar } from '../../functions/render/ical.js';
import { eventFeedId } from '../../functions/render/ids.js';
import { renderJsonFeed } from '../../functions/render/jsonfeed.js';
import { renderRss } from '../../functions/render/rss.js';
import { eventFacts, eventTitle, renderLanguage } from '../../functions/render/text.js';
import type { FeedPage } from '../../functions/render/types.js';
import { nameIn } from '../../functions/text/names.js';
import { wellFormed } from '../../functions/text/unicode.js';
import {
  icalEvents,
  icalPhysicalLines,
  parseXml,
  prop,
  text,
  unescapeHtml,
  unescapeIcalText,
  validateJsonFeed,
  XML_INVALID_RE,
  xmllintAll,
} from './helpers.js';
import { samplePage, stateVisit, talks } from './samples.js';

const RUNS_PER_FORMAT = 2_000;

const FRAGMENTS = [
  ']]>',
  ']]>]]>',
  ']]]]>',
  '<![CDATA[',
  '<',
  '>',
  '&',
  '&amp;',
  '&lt;',
  '&#0;',
  '"',
  "'",
  '<script>',
  '-->',
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u009f',
  '\r\n',
  '\r',
  '\n',
  '\t',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDC00',
  '\uDBFF\uDFFF',
  '😀',
  '🇻🇳🤝🌏',
  '👨‍👩‍👧',
  '\u202E',
  '\u200F',
  '\u2028',
  'שלום',
  'مرحبا بكم',
  'Tô Lâm'.normalize('NFD'),
  'Nguyễn',
  '\\',
  ';',
  ',',
  ':',
  ' ',
  '  ',
  '%20',
  '?',
  '#',
  '/',
];

const hostile = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
  fc
    .tuple(
      fc.string({ unit: 'grapheme', maxLength: 10 }),
      fc.constantFrom(...FRAGMENTS),
      fc.string({ unit: 'binary', maxLength: 10 }),
    )
    .map((t) => t.join('')),
);

interface Case {
  event: DiplomaticEvent;
  page: FeedPage;
  strings: {
    name: string;
    /** the name as the page's language writes it */
    shownName: string;
    title: string;
    place: string;
    city: string;
    sourceTitle: string;
    outlet: string;
    evidence: string;
  };
}

const hostileCase: fc.Arbitrary<Case> = fc
  .record({
    id: hostile,
    name: hostile,
    title: hostile,
    place: hostile,
    city: hostile,
    sourceTitle: hostile,
    outlet: hostile,
    evidence: hostile,
    filter: hostile,
    meeting: fc.boolean(),
    en: fc.boolean(),
  })
  .map((r) => {
    const base = r.meeting ? talks() : stateVisit();
    const event = DiplomaticEvent.parse({
      ...base,
      id: r.id,
      participants: [
        { name: r.name, title: r.title, country: 'VN' },
        ...base.participants.slice(1),
      ],
      location: { place: r.place, city: r.city, country: 'LA' },
      sources: [
        {
          url: 'https://news.example.vn/a?b=1&c=2',
          title: r.sourceTitle,
          published: '2026-02-04T08:00:00+07:00',
          outlet: r.outlet,
        },
      ],
      evidence: [{ field: 'participants', text: r.evidence }],
    });
    const page = samplePage([event], { lang: r.en ? 'en' : null, filterLabel: r.filter });
    return {
      event,
      page,
      strings: {
        name: r.name,
        // the name as the page's language writes it (a Vietnamese name without its marks in English)
        shownName: nameIn(r.name, r.en ? 'en' : 'vi'),
        title: r.title,
        place: r.place,
        city: r.city,
        sourceTitle: r.sourceTitle,
        outlet: r.outlet,
        evidence: r.evidence,
      },
    };
  });

/** What must come back, one-line-cleaned; the empty ones are skipped. */
function expectations(c: Case): string[] {
  return [c.strings.shownName, c.strings.place, c.strings.sourceTitle, c.strings.evidence]
    .map(oneLine)
    .filter(Boolean);
}

const xmlDocs: string[] = [];
const keepForXmllint = (doc: string) => {
  if (xmlDocs.length < 1_000) xmlDocs.push(doc);
};

describe('hostile text in every format', () => {
  it('Atom parses and the text round-trips', () => {
    fc.assert(
      fc.property(hostileCase, (c) => {
        const xml = renderAtom(c.page);
        keepForXmllint(xml);
        const feed = parseXml(xml).feed;
        const entry = feed.entry[0];
        const title = unescapeHtml(text(entry.title));
        expect(title).toBe(eventTitle(c.event, renderLanguage(c.page)));
        expect(text(entry.id)).toBe(eventFeedId(c.event.id));
        expect(text(feed.title)).toContain(oneLine(c.page.filterLabel!));
        const content = unescapeHtml(text(entry.content));
        for (const s of expectations(c)) expect(content).toContain(s);
        expect(title).toContain(oneLine(c.strings.shownName));
      }),
      { numRuns: RUNS_PER_FORMAT },
    );
  }, 60_000);

  it('RSS parses and the text round-trips', () => {
    fc.assert(
      fc.property(hostileCase, (c) => {
        const xml = renderRss(c.page);
        keepForXmllint(xml);
        const channel = parseXml(xml).rss.channel;
        const item = channel.item[0];
        expect(text(item.title)).toBe(eventTitle(c.event, renderLanguage(c.page)));
        expect(text(channel.title)).toContain(oneLine(c.page.filterLabel!));
        const content = unescapeHtml(text(item['content:encoded']));
        for (const s of expectations(c)) expect(content).toContain(s);
      }),
      { numRuns: RUNS_PER_FORMAT },
    );
  }, 60_000);

  it('JSON Feed parses, is schema-valid, and _diplomacy is exact (a lone surrogate as U+FFFD)', () => {
    fc.assert(
      fc.property(hostileCase, (c) => {
        const json = renderJsonFeed(c.page);
        // no lone surrogate, raw or escaped: jq and Python's codecs refuse them
        expect(json).toBe(wellFormed(json));
        expect(json).not.toMatch(/(?<!\\)(\\\\)*\\ud[89a-f]/i);
        const doc = JSON.parse(json);
        expect(validateJsonFeed(doc)).toEqual([]);
        const item = doc.items[0];
        expect(item.title).toBe(eventTitle(c.event, renderLanguage(c.page)));
        expect(item._diplomacy.participants[0]).toEqual({
          name: wellFormed(c.strings.name),
          title: wellFormed(c.strings.title),
          country: 'VN',
        });
        expect(item._diplomacy.location.place).toBe(wellFormed(c.strings.place));
        expect(item._diplomacy.evidence[0].text).toBe(wellFormed(c.strings.evidence));
        expect(item._diplomacy.sources[0].title).toBe(wellFormed(c.strings.sourceTitle));
        for (const s of expectations(c)) expect(unescapeHtml(item.content_html)).toContain(s);
        expect(XML_INVALID_RE.test(item.title + item.content_html)).toBe(false);
      }),
      { numRuns: RUNS_PER_FORMAT },
    );
  }, 60_000);

  it('iCalendar keeps its line rules and the text round-trips', () => {
    fc.assert(
      fc.property(hostileCase, (c) => {
        const ics = renderCalendar(c.page);
        for (const line of icalPhysicalLines(ics)) {
          expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
          // no character split across lines (a surrogate pair cut in two), no controls
          if (/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]|[\u0000-\u0008\u000a-\u001f\u007f]/.test(line)) {
            throw new Error(`bad line ${JSON.stringify(line)}`);
          }
        }
        const [v] = icalEvents(ics);
        expect(unescapeIcalText(prop(v!, 'SUMMARY')!.value)).toBe(
          eventTitle(c.event, renderLanguage(c.page)),
        );
        // the summary sentence, the sources and the evidence; the place is the LOCATION
        const description = unescapeIcalText(prop(v!, 'DESCRIPTION')!.value);
        for (const s of expectations(c).filter((x) => x !== oneLine(c.strings.place)))
          expect(description).toContain(s);
        expect(unescapeIcalText(prop(v!, 'LOCATION')!.value)).toContain(oneLine(c.strings.place));
        expect(prop(v!, 'UID')!.value).not.toMatch(/[,;\\\s]/);
      }),
      { numRuns: RUNS_PER_FORMAT },
    );
  }, 60_000);

  const TAG =
    /<(?:!DOCTYPE html|\/?(?:html|head|meta|title|link|style|body|header|h1|h2|h3|p|nav|ul|li|a|main|ol|article|time|span|dl|dt|dd|q|footer|small|code)[\s>])/y;

  it('HTML pages escape everything', () => {
    fc.assert(
      fc.property(hostileCase, (c) => {
        for (const html of [renderHomePage(c.page), renderEventPage(c.event, c.page)]) {
          expect(XML_INVALID_RE.test(html)).toBe(false);
          for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            TAG.lastIndex = i;
            if (!TAG.test(html))
              throw new Error(
                `unexpected markup at ${i}: ${JSON.stringify(html.slice(i, i + 30))}`,
              );
          }
          expect(html).toContain(escapeHtml(eventTitle(c.event, renderLanguage(c.page))));
        }
        const page = renderEventPage(c.event, c.page);
        for (const s of expectations(c)) expect(page).toContain(escapeHtml(s));
        expect(xmlSafeText(page)).toBe(page);
      }),
      { numRuns: RUNS_PER_FORMAT },
    );
  }, 60_000);

  it('every fact carries its text escaped as its HTML', () => {
    fc.assert(
      fc.property(hostileCase, (c) => {
        for (const fact of eventFacts(c.event, renderLanguage(c.page))) {
          expect(fact.valueHtml).toBe(escapeHtml(fact.value));
        }
      }),
      { numRuns: RUNS_PER_FORMAT },
    );
  });

  afterAll(() => {
    // xmllint, a strict parser nobody here wrote, over a sample of the documents above.
    const out = xmllintAll(xmlDocs);
    if (out !== null) expect(out).toBe('');
  });
});
