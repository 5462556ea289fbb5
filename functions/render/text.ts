// Words for people: event titles, one-sentence summaries, fact labels and filter
// descriptions, in Vietnamese (the articles' language, the default) or in English built
// from the structured fields (page.lang === 'en'). The words and sentence templates are
// data (words/<lang>.json through words.ts); this module only chooses and fills them.
// Every string returned here is already clean (see escape.ts): titles are one line,
// other text keeps its line breaks. Escaping is the formats' job, except that each fact
// also carries its HTML, built from pieces escaped once (escape.ts ShownText), which the
// content shows.

import { isOverdue as announcedAndPast, isDay } from '../domain/dates.js';
import {
  type Category,
  type DiplomaticEvent,
  type EventType,
  isCallType,
  type Participant,
  type Status,
} from '../domain/event.js';
import { nameIn, placeIn } from '../text/names.js';
import { VIETNAMESE_LETTER } from '../text/vietnamese.js';
import { formatDateRange, formatEventDate } from './dates.js';
import {
  escapeHtml,
  NOTHING_SHOWN,
  oneLine,
  ShownBuilder,
  type ShownText,
  shownLine,
  tableShown,
  xmlSafeText,
} from './escape.js';
import { evidenceSentences } from './evidence.js';
import { rememberedPerLanguage } from './remembered.js';
import type { FeedPage, RenderLanguage } from './types.js';
import {
  WORDS as ALL_WORDS,
  type FactKey,
  type FeedWords,
  feedWords,
  fill,
  fillOne,
} from './words.js';

/** The language a page's own words render in: `en` on request, else Vietnamese. */
export function renderLanguage(page: Pick<FeedPage, 'lang'>): RenderLanguage {
  return page.lang === 'en' ? 'en' : 'vi';
}

/**
 * The language one event renders in: the page's when it asks for one (`lang`), else
 * the event's own (CONTRACT §1: "default: each article's language") — English when
 * every article that reported it is English, else Vietnamese, the feeds' own (for an
 * event reported in both, and for a source stored before sources kept their language).
 */
export function itemLanguage(
  page: Pick<FeedPage, 'lang'>,
  event: Pick<DiplomaticEvent, 'sources'>,
): RenderLanguage {
  if (page.lang) return page.lang;
  const { sources } = event;
  return sources.length > 0 && sources.every((s) => articleLanguage(s.language) === 'en')
    ? 'en'
    : 'vi';
}

/** The language an article's events are written in for it: English for an English
 *  article, else Vietnamese (the feeds' own, also where the language is not known). */
export function articleLanguage(language: string | undefined): RenderLanguage {
  return language === 'en' ? 'en' : 'vi';
}

/** Section headings and other fixed words of the content and pages. */
export const WORDS: Readonly<Record<RenderLanguage, FeedWords['words']>> = {
  // getters, so that a bundle that shows no feed (ingest) reads no feed words
  get vi() {
    return feedWords('vi').words;
  },
  get en() {
    return feedWords('en').words;
  },
};

export function typeLabel(type: EventType, lang: RenderLanguage): string {
  return ALL_WORDS[lang].types[type] ?? type;
}
export function categoryLabel(category: Category, lang: RenderLanguage): string {
  return ALL_WORDS[lang].categories[category] ?? category;
}
export function statusLabel(status: Status, lang: RenderLanguage): string {
  return ALL_WORDS[lang].statuses[status] ?? status;
}

/** The vocabularies an event is filed under (each a tag: scheme, ids.ts vocabularyScheme). */
export type Vocabulary = 'type' | 'category' | 'status' | 'country';

/** A code of one of an event's vocabularies, with its label in the page's language. */
export interface EventTerm {
  vocabulary: Vocabulary;
  term: string;
  label: string;
}

/** What an event is filed under, as the Atom and RSS categories and the iCalendar
 *  CATEGORIES list it: its type, category and status, then each of its countries. */
export function eventTerms(
  event: Pick<DiplomaticEvent, 'type' | 'category' | 'status' | 'countries'>,
  lang: RenderLanguage,
): EventTerm[] {
  return [
    { vocabulary: 'type', term: event.type, label: typeLabel(event.type, lang) },
    { vocabulary: 'category', term: event.category, label: categoryLabel(event.category, lang) },
    { vocabulary: 'status', term: event.status, label: statusLabel(event.status, lang) },
    ...event.countries.map(
      (c): EventTerm => ({ vocabulary: 'country', term: c, label: countryName(c, lang) }),
    ),
  ];
}
/** A `type` filter value (an event type or a category) as words. */
export function kindLabel(kind: string, lang: RenderLanguage): string {
  const w = ALL_WORDS[lang];
  return (
    (w.types as Record<string, string>)[kind] ??
    (w.categories as Record<string, string>)[kind] ??
    kind
  );
}

const regionNames: Partial<Record<RenderLanguage, Intl.DisplayNames>> = {};

/** A country's name from its ISO 3166-1 code (Intl.DisplayNames; the code when unknown).
 *  Remembered: Intl.DisplayNames#of was the largest single cost of a render; at most the
 *  ~250 well-formed codes, plus whatever malformed ones reach here. */
export const countryName = rememberedPerLanguage(1000, (code, lang): string => {
  let names = regionNames[lang];
  if (names === undefined) {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    regionNames[lang] = names;
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code; // not a well-formed region code
  }
});

/** Each language's names of titles of office written in another (words/<lang>.json
 *  `offices`, `homeOffices` first for the home country's people), longest first. */
const byLength = (pairs: readonly (readonly [string, string])[]) =>
  pairs
    .map(([from, to]) => [from.normalize('NFC').toLowerCase(), to] as const)
    .sort((a, b) => b[0].length - a[0].length);
const OFFICES: Record<
  RenderLanguage,
  {
    abroad: ReadonlyArray<readonly [string, string]>;
    home: ReadonlyArray<readonly [string, string]>;
  }
> = {
  vi: {
    abroad: byLength(ALL_WORDS.vi.offices ?? []),
    home: byLength([...(ALL_WORDS.vi.homeOffices ?? []), ...(ALL_WORDS.vi.offices ?? [])]),
  },
  en: {
    abroad: byLength(ALL_WORDS.en.offices ?? []),
    home: byLength([...(ALL_WORDS.en.homeOffices ?? []), ...(ALL_WORDS.en.offices ?? [])]),
  },
};
/** The parts of a title: separated by commas or the word for "and" of either language. */
const TITLE_PARTS = new RegExp(
  `\\s*,\\s*|\\s+(?:${ALL_WORDS.vi.people.and}|${ALL_WORDS.en.people.and})\\s+`,
  'i',
);

/** A title of office in `lang`: each part that starts with a title the table names, by
 *  that name; null when none does. */
function officeIn(title: string, lang: RenderLanguage, atHome: boolean): string | null {
  const table = OFFICES[lang][atHome ? 'home' : 'abroad'];
  const parts = title
    .normalize('NFC')
    .split(TITLE_PARTS)
    .map((part) => {
      const lower = part.toLowerCase();
      const hit = table.find(([from]) => lower === from || lower.startsWith(`${from} `));
      return hit ? hit[1] : null;
    })
    .filter((t): t is string => t !== null);
  const unique = [...new Set(parts)];
  return unique.length ? unique.join(', ') : null;
}

/** A Vietnamese title of office in English (words/en.json `offices`), or null. */
export function officeTitleEn(title: string): string | null {
  return officeIn(title, 'en', false);
}

/** Titles already shown in another language, by language and by whether the person is
 *  of the home country: officeIn splits and scans a table, and the same few titles recur
 *  on every page. Bounded like the names (remembered.ts). */
const officesShown: Record<RenderLanguage, [Map<string, ShownText>, Map<string, ShownText>]> = {
  vi: [new Map(), new Map()],
  en: [new Map(), new Map()],
};

/**
 * A principal's title as a page in `lang` shows it: as written when it is in that
 * language (Vietnamese letters tell a Vietnamese title), else by the page language's name
 * for it, else not at all (one language per page: an English 'counterpart' is not shown
 * on a Vietnamese page, nor an unknown Vietnamese title on an English one).
 */
function shownTitle(p: Participant, lang: RenderLanguage): ShownText {
  if (p.title === null) return NOTHING_SHOWN;
  const written = shownLine(p.title);
  if (!written.text) return NOTHING_SHOWN;
  if (VIETNAMESE_LETTER.test(written.text) === (lang === 'vi')) return written;
  const atHome = p.country !== null && p.country === ALL_WORDS[lang].people.homeCountry;
  const known = officesShown[lang][atHome ? 1 : 0];
  let shown = known.get(written.text);
  if (shown === undefined) {
    const office = officeIn(written.text, lang, atHome);
    shown = office === null ? NOTHING_SHOWN : tableShown(office);
    if (known.size < 1000) known.set(written.text, shown);
  }
  return shown;
}

/** A participant's name and title as a page in one language shows them (see eventStrings). */
export interface ShownPerson {
  name: ShownText;
  /** the title in the page's language (shownTitle), or nothing */
  title: ShownText;
  country: string | null;
  /** title and name as words/<lang>.json `people.person` joins them: the facts, and the
   *  title and summary wherever the country is not named */
  named: string;
  /** the country's name when titles and summaries name it with the person (namesCountry),
   *  else null */
  countryNamed: string | null;
}

/** People's names as a page in each language writes them (nameIn: the people
 *  gazetteer's, else a Vietnamese name without its marks in English), remembered: the
 *  same few recur on every page. */
const shownName = rememberedPerLanguage(2000, (name, lang) => shownLine(nameIn(name, lang)));

function shownPerson(p: Participant, lang: RenderLanguage): ShownPerson {
  const name = shownName(p.name, lang);
  const title = shownTitle(p, lang);
  const named = fillLine(ALL_WORDS[lang].people.person, { title: title.text, name: name.text });
  return { name, title, country: p.country, named, countryNamed: namesCountry(p, title, lang) };
}

/** Cities as a page in each language names them (placeIn), remembered: the same few
 *  recur on every page. */
const shownCity = rememberedPerLanguage(2000, (city, lang) => shownLine(placeIn(city, lang)));

/** An event's stored strings that its title, summary and facts show, each cleaned (and
 *  put in the page's language) once an item: the participants are named in all three,
 *  the dates in the title and the facts. */
export interface EventStrings {
  /** event.participants, in order */
  people: ShownPerson[];
  place: ShownText;
  /** the city as the page's language names it */
  city: ShownText;
  /** formatDateRange(event.start, event.end) */
  dates: string;
}

export function eventStrings(
  event: Pick<DiplomaticEvent, 'participants' | 'location' | 'start' | 'end'>,
  lang: RenderLanguage,
): EventStrings {
  const { place, city } = event.location;
  return {
    people: event.participants.map((p) => shownPerson(p, lang)),
    place: place === null ? NOTHING_SHOWN : shownLine(place),
    city: city === null ? NOTHING_SHOWN : shownCity(city, lang),
    dates: formatDateRange(event.start, event.end, lang),
  };
}

/** The name of a person's country when they are named with it, else null: not for the
 *  articles' own country (vi), nor where the title already names it. */
function namesCountry(p: Participant, title: ShownText, lang: RenderLanguage): string | null {
  if (!p.country || p.country === ALL_WORDS[lang].people.homeCountry) return null;
  const country = countryName(p.country, lang);
  return title.text.includes(country) ? null : country;
}

/**
 * A principal as a title shows them. vi: the title and name as written, plus the
 * country in brackets for foreigners when the title does not name it. en: the title in
 * English when known, the name as written, the country: `General Secretary Tô Lâm (Vietnam)`.
 */
export function personLabel(p: Participant, lang: RenderLanguage): string {
  return shownPersonLabel(shownPerson(p, lang), lang);
}

/** A template filled with shown (one-line) text: only the ends can need trimming, where
 *  a slot was left empty (fill folds the spaces within). */
function fillLine(template: string, slots: Readonly<Record<string, string>>): string {
  return fill(template, slots).trim();
}

function shownPersonLabel(p: ShownPerson, lang: RenderLanguage): string {
  const people = ALL_WORDS[lang].people;
  const title = p.title.text;
  const name = p.name.text;
  return p.countryNamed === null
    ? p.named
    : fillLine(people.personAbroad, { title, name, country: p.countryNamed });
}

/** Whether summaryPerson names anything for a participant (a name or a title). */
function namedInSummary(p: ShownPerson): boolean {
  return p.name.text !== '' || p.title.text !== '';
}

/** A principal as a summary sentence names them: `Thủ tướng Lào Sonexay Siphandone`,
 *  `Prime Minister Sonexay Siphandone of Laos`. */
function summaryPerson(p: ShownPerson, lang: RenderLanguage): string {
  const summary = feedWords(lang).summary;
  const title = p.title.text;
  const name = p.name.text;
  const country = p.countryNamed;
  if (country === null)
    // as the facts name them (ShownPerson.named) when the templates are the same
    return summary.person === ALL_WORDS[lang].people.person
      ? p.named
      : fillLine(summary.person, { title, name });
  return fillLine(title ? summary.personOf : summary.personOfUntitled, { title, name, country });
}

function joinList(items: readonly string[], lang: RenderLanguage): string {
  const and = ` ${ALL_WORDS[lang].people.and}`;
  let out = items[0] ?? '';
  for (let i = 1; i < items.length; i++) out += `${i < items.length - 1 ? ',' : and} ${items[i]}`;
  return out;
}

/** The place as words: city (or place), country. */
function placeLabel(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  fallbackCountry: string | null,
  strings: EventStrings,
): string {
  const loc = event.location;
  const country = loc.country ?? fallbackCountry;
  const town = loc.city !== null ? strings.city.text : strings.place.text;
  const land = country ? countryName(country, lang) : ''; // one line already (text.test.ts)
  // each once: a city-state's city is its country
  return town && land && town !== land ? `${town}, ${land}` : town || land;
}

/** At most this many sides are named; the rest are counted. */
const MAX_SIDES = 4;

/**
 * The sides of a meeting: each principal, then each country that has no principal.
 * Meeting titles name both (all) sides.
 */
function sides(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  strings: EventStrings,
  person: (p: ShownPerson, lang: RenderLanguage) => string,
): string[] {
  const people = ALL_WORDS[lang].people;
  const all: string[] = [];
  for (const p of strings.people) {
    const label = person(p, lang);
    if (label) all.push(label);
  }
  for (const c of event.countries) {
    if (strings.people.some((p) => p.country === c)) continue; // a principal speaks for it
    all.push(fillOne(people.side, countryName(c, lang)));
  }
  return all.length > MAX_SIDES
    ? [...all.slice(0, MAX_SIDES - 1), fill(people.others, { count: all.length - (MAX_SIDES - 1) })]
    : all;
}

/** The host of a visit: its host, else where it took place, else the country that is not the guest. */
function visitHost(event: DiplomaticEvent): string | null {
  return (
    event.host ?? event.location.country ?? event.countries.find((c) => c !== event.guest) ?? null
  );
}

/** The guest principal of a visit, or null when no participant is a guest. */
function guestPerson(event: DiplomaticEvent, strings: EventStrings): ShownPerson | null {
  const host = visitHost(event);
  for (const p of strings.people)
    if (event.guest ? p.country === event.guest : p.country !== host) return p;
  return null;
}

/** The guest principal of a visit (or the guest country's delegation), as `person` names them. */
function visitor(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  strings: EventStrings,
  person: (p: ShownPerson, lang: RenderLanguage) => string,
): string {
  const first = guestPerson(event, strings);
  if (first) return person(first, lang);
  return event.guest
    ? fill(ALL_WORDS[lang].people.delegation, { country: countryName(event.guest, lang) })
    : '';
}

/** A sentence starts with a capital letter: the words that may begin one (a delegation,
 *  a side) are capitalized there; a name is left as written. */
function capitalized(words: string, lang: RenderLanguage): string {
  return words.charAt(0).toLocaleUpperCase(lang) + words.slice(1);
}

/**
 * Whether an announced event's last possible day is before `today` (YYYY-MM-DD) and no
 * report has said it was held: the announcement is all that is known. Always false
 * without a day to compare with (renderers have no clock: the page brings `today`).
 */
export function isOverdue(
  event: Pick<DiplomaticEvent, 'status' | 'start' | 'end'>,
  today: string | null | undefined,
): boolean {
  return today ? announcedAndPast(event, today) : false;
}

/** What the words about an event take besides the event and the language: the page's
 *  day (FeedPage.today; without it nothing is said of an announcement whose date has
 *  passed) and the event's shown strings, when the caller has them already. */
export interface EventTextOptions {
  today?: string | null | undefined;
  strings?: EventStrings | undefined;
}

/**
 * The title of an event: type, principals, place, dates, and the status when it is
 * only announced (and that no report has come since its date, once it has passed).
 * vi: `Chuyến thăm cấp Nhà nước của Tổng Bí thư Tô Lâm tới Lào, 5/2/2026 (dự kiến)`
 * en: `State visit to Laos by General Secretary Tô Lâm (Vietnam), 5 Feb 2026 — announced`
 */
export function eventTitle(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  { today = null, strings = eventStrings(event, lang) }: EventTextOptions = {},
): string {
  const t = ALL_WORDS[lang].title;
  const type = typeLabel(event.type, lang);
  let head: string;
  if (event.category === 'visit') {
    const who = visitor(event, lang, strings, shownPersonLabel);
    const where = placeLabel(event, lang, visitHost(event), strings);
    head = fill(t.visit, {
      type,
      by: who ? fillOne(t.by, who) : '',
      to: where ? fillOne(t.to, where) : '',
    });
  } else {
    const s = sides(event, lang, strings, shownPersonLabel);
    const withWhom =
      s.length >= 2
        ? fillOne(t.between, joinList(s, lang))
        : s.length === 1
          ? fillOne(t.with, s[0]!)
          : '';
    const where = isCallType(event.type) ? '' : placeLabel(event, lang, null, strings);
    head = fill(t.meeting, { type, with: withWhom, at: where ? fillOne(t.at, where) : '' });
  }
  const status =
    event.status !== 'announced' ? '' : isOverdue(event, today) ? t.overdue : t.announced;
  return oneLine(fill(t.whole, { head, dates: strings.dates, status }));
}

/** When an event took place, as the end of a summary sentence: ` ngày 6/1/2024`,
 *  ` trong tháng 2/2026`, ` from 30 Dec 2025 to 2 Jan 2026`. */
function datePhrase(event: Pick<DiplomaticEvent, 'start' | 'end'>, lang: RenderLanguage): string {
  const s = feedWords(lang).summary;
  const { start, end } = event;
  const single = end === null || end === start;
  if (single)
    return isDay(start)
      ? fillOne(s.onDay, formatEventDate(start, lang))
      : fillOne(s.inMonth, formatEventDate(start, lang));
  if (isDay(start) && isDay(end) && start.slice(0, 7) === end.slice(0, 7)) {
    return fillOne(s.onDay, formatDateRange(start, end, lang));
  }
  return fill(s.span, { start: formatEventDate(start, lang), end: formatEventDate(end, lang) });
}

/**
 * One sentence a reader would write, in the page's language, from the structured
 * fields: `Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone tại
 * Viêng Chăn, Lào ngày 6/1/2024.` An announced event whose date has passed with no
 * report since says so in a second sentence. An event whose sides are not known well
 * enough for a sentence is summed up by its title.
 */
export function eventSummary(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  { today = null, strings = eventStrings(event, lang) }: EventTextOptions = {},
): string {
  const s = feedWords(lang).summary;
  const template = s[event.status][event.type];
  let a: string;
  let b: string;
  let place = '';
  if (event.category === 'visit') {
    const guest = guestPerson(event, strings);
    a = guest
      ? summaryPerson(guest, lang)
      : capitalized(
          visitor(event, lang, strings, summaryPerson) || ALL_WORDS[lang].people.aDelegation,
          lang,
        );
    const host = visitHost(event);
    b = host ? countryName(host, lang) : '';
  } else {
    const all = sides(event, lang, strings, summaryPerson);
    // the first side is a person's when any person is named (sides lists them first)
    const byName = strings.people.some(namedInSummary);
    a = byName ? (all[0] ?? '') : capitalized(all[0] ?? '', lang);
    b = joinList(all.slice(1), lang);
    const where = isCallType(event.type) ? '' : placeLabel(event, lang, null, strings);
    if (where) place = fillOne(s.place, where);
  }
  let sentence =
    a && b
      ? // one line already: every piece is (shown text, table words), and a and b are not empty
        fill(template, { a, b, place, date: datePhrase(event, lang) })
      : `${eventTitle(event, lang, { strings })}.`;
  if (isOverdue(event, today)) sentence += ` ${fill(s.overdue, { date: datePhrase(event, lang) })}`;
  return sentence;
}

export interface Fact {
  key: FactKey;
  label: string;
  /** clean display text (one line) */
  value: string;
  /** the same as HTML: escapeHtml(value), built from pieces escaped once */
  valueHtml: string;
}

export function factLabel(key: FactKey, lang: RenderLanguage): string {
  return feedWords(lang).facts[key];
}

/** The facts of an event, in display order; empty facts are left out. */
export function eventFacts(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  strings: EventStrings = eventStrings(event, lang),
): Fact[] {
  const facts: Fact[] = [];
  addFact(facts, lang, 'type', tableShown(typeLabel(event.type, lang)));
  addFact(facts, lang, 'status', tableShown(statusLabel(event.status, lang)));
  addFact(facts, lang, 'date', { text: strings.dates, html: escapeHtml(strings.dates) });
  const countries = new ShownBuilder();
  for (const code of event.countries) {
    if (!countries.empty) countries.separator(', ');
    countries.add(tableShown(countryName(code, lang)));
  }
  addFact(facts, lang, 'countries', countries.shown());
  if (event.host) addFact(facts, lang, 'host', tableShown(countryName(event.host, lang)));
  if (event.guest) addFact(facts, lang, 'guest', tableShown(countryName(event.guest, lang)));
  const people = new ShownBuilder();
  strings.people.forEach((p, i) => {
    if (i) people.separator('; ');
    addParticipant(people, p, lang);
  });
  addFact(facts, lang, 'participants', people.shown());
  const { country } = event.location;
  const where = new ShownBuilder();
  for (const part of [
    strings.place,
    strings.city,
    tableShown(country ? countryName(country, lang) : ''),
  ]) {
    if (!part.text) continue;
    if (!where.empty) where.separator(', ');
    where.add(part);
  }
  addFact(facts, lang, 'location', where.shown());
  // the id means nothing to a reader: the fact is a link to the visit's page
  if (event.part_of) addFact(facts, lang, 'part_of', tableShown(WORDS[lang].theVisit));
  return facts;
}

function addFact(facts: Fact[], lang: RenderLanguage, key: FactKey, value: ShownText): void {
  if (value.text)
    facts.push({ key, label: factLabel(key, lang), value: value.text, valueHtml: value.html });
}

/** Whether each language's person template has a character HTML escapes (then a
 *  person's HTML is escaped whole rather than built from pieces). */
const PERSON_TEMPLATE_SPECIAL: Record<RenderLanguage, boolean> = {
  vi: /[&<>"']/.test(ALL_WORDS.vi.people.person),
  en: /[&<>"']/.test(ALL_WORDS.en.people.person),
};

/** A participant as the facts list them: the person (title in the page's language, name),
 *  then the country. */
function addParticipant(out: ShownBuilder, p: ShownPerson, lang: RenderLanguage): void {
  const text = p.named;
  const plain =
    !PERSON_TEMPLATE_SPECIAL[lang] && p.title.html === p.title.text && p.name.html === p.name.text;
  out.add({ text, html: plain ? text : escapeHtml(text) });
  if (p.country)
    out
      .separator(' (')
      .add(tableShown(countryName(p.country, lang)))
      .separator(')');
}

export function evidenceFieldLabel(field: string, lang: RenderLanguage): string {
  return (feedWords(lang).evidenceFields as Record<string, string>)[field] ?? field;
}

/** The filters of a feed view, as its title and page describe them. */
export interface FilterWords {
  country: readonly string[];
  type: readonly string[];
  status?: Status | undefined;
  from?: string | undefined;
  to?: string | undefined;
  when?: 'upcoming' | 'past' | undefined;
  order?: 'start' | 'updated' | undefined;
}

/** The filters in force in words of one language (`Lào + Việt Nam · Chuyến thăm · đã
 *  diễn ra`), or null for the whole feed. No code reaches a reader. */
export function describeFilters(filters: FilterWords, lang: RenderLanguage): string | null {
  const f = feedWords(lang).filters;
  const parts: string[] = [];
  if (filters.country.length > 0)
    parts.push(filters.country.map((c) => countryName(c, lang)).join(f.countryJoin));
  if (filters.type.length > 0)
    parts.push(filters.type.map((t) => kindLabel(t, lang)).join(f.typeJoin));
  if (filters.status) parts.push(statusLabel(filters.status, lang));
  if (filters.when) parts.push(f[filters.when]);
  const range = [
    filters.from ? fill(f.from, { date: formatEventDate(filters.from, lang) }) : '',
    filters.to ? fill(f.to, { date: formatEventDate(filters.to, lang) }) : '',
  ].filter(Boolean);
  if (range.length) parts.push(range.join(' '));
  if (filters.order === 'updated') parts.push(f.updated);
  return parts.length > 0 ? parts.join(f.join) : null;
}

/** The title of a feed or page: the site title, plus the filters in force. */
export function feedTitle(page: Pick<FeedPage, 'lang' | 'filterLabel'>): string {
  const lang = renderLanguage(page);
  const label = page.filterLabel === null ? '' : oneLine(page.filterLabel);
  return label ? `${WORDS[lang].siteTitle} — ${label}` : WORDS[lang].siteTitle;
}

/** A source as text: its title, else its outlet, else its URL. */
export function sourceLabel(
  source: DiplomaticEvent['sources'][number],
  lang: RenderLanguage,
): string {
  return shownSourceLabel(source, lang).text;
}

/** sourceLabel, and the same as HTML. */
export function shownSourceLabel(
  source: DiplomaticEvent['sources'][number],
  lang: RenderLanguage,
): ShownText {
  for (const s of [source.title, source.outlet, source.url]) {
    const shown = s == null ? NOTHING_SHOWN : shownLine(s);
    if (shown.text) return shown;
  }
  return tableShown(WORDS[lang].untitled);
}

/** The day a source was published, for display (`5/2/2026`), or '' when unreadable. */
export function sourceDay(
  source: DiplomaticEvent['sources'][number],
  lang: RenderLanguage,
): string {
  const day = source.published.slice(0, 10);
  return DAY_SHAPE.test(day) ? formatEventDate(day, lang) : '';
}
const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The whole event as plain text (the iCalendar DESCRIPTION): the one-sentence
 * summary, the sources, each evidence sentence once. The facts themselves are the
 * calendar's own properties (dates, place, categories). Line breaks separate the parts.
 */
export function eventPlainText(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  { today = null, strings = eventStrings(event, lang) }: EventTextOptions = {},
): string {
  const w = WORDS[lang];
  const lines: string[] = [eventSummary(event, lang, { today, strings })];
  if (event.sources.length) {
    lines.push('', `${w.sources}:`);
    for (const s of event.sources) {
      const day = sourceDay(s, lang);
      const label = sourceLabel(s, lang);
      const url = s.url && oneLine(s.url) !== label ? ` <${oneLine(s.url)}>` : '';
      lines.push(`- ${label}${day ? ` (${day})` : ''}${url}`);
    }
  }
  const sentences = evidenceSentences(event);
  if (sentences.length) {
    lines.push('', `${w.evidence}:`);
    for (const e of sentences)
      lines.push(
        `- “${oneLine(e.text)}” (${e.fields.map((f) => evidenceFieldLabel(f, lang)).join(', ')})`,
      );
  }
  return xmlSafeText(lines.join('\n'));
}
