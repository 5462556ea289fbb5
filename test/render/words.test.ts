// Labels, not codes, wherever a person reads: the words are data (render/words/<lang>.json),
// one language per page, and no vocabulary code reaches a title, a summary, an RSS
// category, a calendar's CATEGORIES or a page's text.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEETING_TYPES, STATUSES, VISIT_TYPES } from '../../functions/domain/event.js';
import { renderAtom } from '../../functions/render/atom.js';
import { renderEventPage, renderHomePage } from '../../functions/render/html.js';
import { renderCalendar } from '../../functions/render/ical.js';
import { renderRss } from '../../functions/render/rss.js';
import { describeFilters, feedTitle } from '../../functions/render/text.js';
import { feedWords, fill, fillOne, WORDS } from '../../functions/render/words.js';
import { icalEvents, parseXml, prop, text, unescapeIcalText } from './helpers.js';
import { phoneCall, samplePage, stateVisit, talks } from './samples.js';

const renderDir = path.resolve(import.meta.dirname, '../../functions/render');
/** A letter only Vietnamese writing uses (ă, ơ, ư, đ and the tone marks). */
const VIETNAMESE_LETTER = /[àáâãèéêìíòóôõùúýăđĩũơưạ-ỹÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠ-Ỹ]/u;

/** The string and template literals of a TypeScript file, comments removed. */
function literalsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
  return [...code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)].map((m) =>
    m[0].slice(1, -1),
  );
}

/** Vocabulary codes as a reader would spot them, whole words in their letter case. In
 *  English, codes that are also English words (`visit`, `held`) may stand in running text
 *  ("held talks"); the labels themselves are capitalised ("Visit", "Held"). */
const codeWord = (lang: 'vi' | 'en') => {
  const all = [...VISIT_TYPES, ...MEETING_TYPES, ...STATUSES];
  const codes = [...(lang === 'vi' ? all : all.filter((c) => c.includes('_'))), 'LA', 'VN', 'JP'];
  return new RegExp(`(?<![\\p{L}\\p{N}_])(${codes.join('|')})(?![\\p{L}\\p{N}_])`, 'u');
};

const events = [stateVisit(), talks(), phoneCall()];

describe('words as data', () => {
  it('the renderers hold no Vietnamese word: every label and template is in words/<lang>.json', () => {
    const files = readdirSync(renderDir).filter((f) => f.endsWith('.ts'));
    const offending = files.flatMap((f) =>
      literalsOf(readFileSync(path.join(renderDir, f), 'utf8'))
        .filter((l) => VIETNAMESE_LETTER.test(l))
        .map((l) => `${f}: ${l}`),
    );
    expect(offending).toEqual([]);
  });

  it('both languages label every type, category, status and fact (the shape is checked at load and at first use)', () => {
    for (const lang of ['vi', 'en'] as const) {
      expect(Object.keys(WORDS[lang].types).sort()).toEqual(
        [...VISIT_TYPES, ...MEETING_TYPES].sort(),
      );
      expect(Object.keys(feedWords(lang).summary.held).sort()).toEqual(
        Object.keys(feedWords(lang).summary.announced).sort(),
      );
    }
  });
});

describe('templates', () => {
  it('fillOne fills a one-slot template as fill does, with a value and with none', () => {
    const templates: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'string') templates.push(v);
      else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x);
    };
    collect(WORDS);
    collect({ vi: feedWords('vi'), en: feedWords('en') });
    const oneSlot = templates.filter((t) => (t.match(/\{\w+\}/g) ?? []).length === 1);
    expect(oneSlot.length).toBeGreaterThan(10);
    for (const t of oneSlot) {
      const name = /\{(\w+)\}/.exec(t)![1]!;
      for (const value of ['Hà Nội', ''])
        expect(fillOne(t, value)).toBe(fill(t, { [name]: value }));
    }
    expect(fillOne('no slot', 'x')).toBe('no slot');
    expect(fillOne('{a} and {b}', 'x')).toBe(fill('{a} and {b}', { a: 'x' }));
  });
});

describe('filtered feed titles', () => {
  const filters = { country: ['LA', 'VN'], type: ['visit'], status: 'held' as const };
  it("name the filters in the page's language only", () => {
    expect(feedTitle({ lang: null, filterLabel: describeFilters(filters, 'vi') })).toBe(
      'Sự kiện ngoại giao song phương — Lào + Việt Nam · Chuyến thăm · đã diễn ra',
    );
    expect(feedTitle({ lang: 'en', filterLabel: describeFilters(filters, 'en') })).toBe(
      'Bilateral diplomatic events — Laos + Vietnam · Visit · Held',
    );
    expect(
      describeFilters(
        { country: [], type: ['state_visit', 'talks'], from: '2026-01-01', to: '2026-03-31' },
        'vi',
      ),
    ).toBe('Chuyến thăm cấp Nhà nước / Hội đàm · từ 1/1/2026 đến 31/3/2026');
    expect(describeFilters({ country: [], type: [] }, 'en')).toBeNull();
  });
});

describe('no code where a person reads', () => {
  for (const lang of [null, 'en'] as const) {
    const page = samplePage(events, {
      lang,
      filterLabel: describeFilters(
        { country: ['LA'], type: ['talks'], status: 'held' },
        lang ?? 'vi',
      ),
    });
    const CODE_WORD = codeWord(lang ?? 'vi');

    it(`Atom titles, summaries, labels and feed title (${lang ?? 'vi'})`, () => {
      const feed = parseXml(renderAtom(page)).feed;
      expect(text(feed.title)).not.toMatch(CODE_WORD);
      for (const e of feed.entry) {
        for (const s of [
          text(e.title),
          text(e.summary),
          ...e.category.map((c: any) => c['@label']),
        ])
          expect(s).not.toMatch(CODE_WORD);
      }
    });

    it(`RSS titles, descriptions and categories (${lang ?? 'vi'})`, () => {
      const channel = parseXml(renderRss(page)).rss.channel;
      for (const i of channel.item) {
        for (const s of [
          text(i.title),
          text(i.description),
          ...i.category.map((c: any) => text(c)),
        ])
          expect(s).not.toMatch(CODE_WORD);
      }
    });

    it(`calendar SUMMARY, DESCRIPTION, CATEGORIES, LOCATION (${lang ?? 'vi'})`, () => {
      for (const v of icalEvents(renderCalendar(page))) {
        for (const name of ['SUMMARY', 'CATEGORIES', 'LOCATION']) {
          const p = prop(v, name);
          if (p)
            expect(
              unescapeIcalText(p.value.replace(/\\?,/g, (m) => (m === ',' ? ' ' : m))),
              name,
            ).not.toMatch(CODE_WORD);
        }
        // the description ends with the event's URL; its words come before
        const description = unescapeIcalText(prop(v, 'DESCRIPTION')!.value).replace(
          /https?:\/\/\S+/g,
          '',
        );
        expect(description).not.toMatch(CODE_WORD);
      }
    });

    it(`HTML pages' text (${lang ?? 'vi'})`, () => {
      for (const html of [renderHomePage(page), ...events.map((e) => renderEventPage(e, page))]) {
        const words = html
          .replace(/<style>[\s\S]*?<\/style>/g, '')
          .replace(/<code>[^<]*<\/code>/g, '') // the event's id
          .replace(/<[^>]*>/g, ' ');
        expect(words).not.toMatch(CODE_WORD);
      }
    });
  }
});
