// Words for people: event titles, summaries and fact labels, in Vietnamese (the
// articles' language, the default) or in English built from the structured fields
// (page.lang === 'en'). Every string returned here is already clean (see escape.ts):
// titles are one line, other text keeps its line breaks. Escaping is the formats' job,
// except that each fact also carries its HTML, built from pieces escaped once
// (escape.ts ShownText), which the content shows.
import type { Category, DiplomaticEvent, EventType, Participant, Status } from '../domain/event.js';
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
import type { FeedPage, RenderLanguage } from './types.js';

/** The language a page renders in: `en` on request, else Vietnamese (the articles'). */
export function renderLanguage(page: Pick<FeedPage, 'lang'>): RenderLanguage {
  return page.lang === 'en' ? 'en' : 'vi';
}

const TYPE_LABELS: Record<RenderLanguage, Record<EventType, string>> = {
  vi: {
    state_visit: 'Chuyến thăm cấp Nhà nước',
    official_visit: 'Chuyến thăm chính thức',
    working_visit: 'Chuyến thăm làm việc',
    visit: 'Chuyến thăm',
    talks: 'Hội đàm',
    courtesy_call: 'Hội kiến',
    high_level_meeting: 'Cuộc gặp cấp cao',
    committee_session: 'Kỳ họp Ủy ban',
    phone_call: 'Điện đàm',
    video_call: 'Hội đàm trực tuyến',
    meeting: 'Cuộc gặp',
  },
  en: {
    state_visit: 'State visit',
    official_visit: 'Official visit',
    working_visit: 'Working visit',
    visit: 'Visit',
    talks: 'Talks',
    courtesy_call: 'Courtesy call',
    high_level_meeting: 'High-level meeting',
    committee_session: 'Joint committee session',
    phone_call: 'Phone call',
    video_call: 'Video call',
    meeting: 'Meeting',
  },
};

const CATEGORY_LABELS: Record<RenderLanguage, Record<Category, string>> = {
  vi: { visit: 'Chuyến thăm', meeting: 'Cuộc gặp' },
  en: { visit: 'Visit', meeting: 'Meeting' },
};

const STATUS_LABELS: Record<RenderLanguage, Record<Status, string>> = {
  vi: { announced: 'dự kiến', held: 'đã diễn ra' },
  en: { announced: 'announced', held: 'held' },
};

export function typeLabel(type: EventType, lang: RenderLanguage): string {
  return TYPE_LABELS[lang][type] ?? type;
}
export function categoryLabel(category: Category, lang: RenderLanguage): string {
  return CATEGORY_LABELS[lang][category] ?? category;
}
export function statusLabel(status: Status, lang: RenderLanguage): string {
  return STATUS_LABELS[lang][status] ?? status;
}

const regionNames: Partial<Record<RenderLanguage, Intl.DisplayNames>> = {};
/** names already looked up: Intl.DisplayNames#of was the largest single cost of a render */
const countryNames: Record<RenderLanguage, Map<string, string>> = { vi: new Map(), en: new Map() };

/** A country's name from its ISO 3166-1 code (Intl.DisplayNames; the code when unknown). */
export function countryName(code: string, lang: RenderLanguage): string {
  const known = countryNames[lang].get(code);
  if (known !== undefined) return known;
  let names = regionNames[lang];
  if (names === undefined) {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    regionNames[lang] = names;
  }
  let name: string;
  try {
    name = names.of(code) ?? code;
  } catch {
    name = code; // not a well-formed region code
  }
  // bounded: at most the ~250 well-formed codes, plus whatever malformed ones reach here
  if (countryNames[lang].size < 1000) countryNames[lang].set(code, name);
  return name;
}

/**
 * Vietnamese titles of office and their English names, matched at the start of each
 * comma-separated part of a participant's title; what follows (usually a country name
 * as written) is dropped in English, where the country code follows the name.
 */
const TITLES_EN: ReadonlyArray<readonly [string, string]> = (
  [
    ['Tổng Bí thư', 'General Secretary'],
    ['Chủ tịch nước', 'President'],
    ['Phó Chủ tịch nước', 'Vice President'],
    ['Chủ tịch Quốc hội', 'Chairman of the National Assembly'],
    ['Phó Chủ tịch Quốc hội', 'Vice Chairman of the National Assembly'],
    ['Thủ tướng Chính phủ', 'Prime Minister'],
    ['Thủ tướng', 'Prime Minister'],
    ['Phó Thủ tướng Thường trực', 'Permanent Deputy Prime Minister'],
    ['Phó Thủ tướng', 'Deputy Prime Minister'],
    ['Tổng thống', 'President'],
    ['Phó Tổng thống', 'Vice President'],
    ['Quốc vương', 'King'],
    ['Nhà vua', 'King'],
    ['Nữ hoàng', 'Queen'],
    ['Hoàng đế', 'Emperor'],
    ['Thái tử', 'Crown Prince'],
    ['Ngoại trưởng', 'Foreign Minister'],
    ['Bộ trưởng Ngoại giao', 'Foreign Minister'],
    ['Bộ trưởng Bộ Ngoại giao', 'Foreign Minister'],
    ['Bộ trưởng Quốc phòng', 'Defence Minister'],
    ['Bộ trưởng Bộ Quốc phòng', 'Defence Minister'],
    ['Bộ trưởng', 'Minister'],
    ['Thứ trưởng Ngoại giao', 'Deputy Foreign Minister'],
    ['Thứ trưởng Bộ Ngoại giao', 'Deputy Foreign Minister'],
    ['Thứ trưởng', 'Deputy Minister'],
    ['Chủ tịch Thượng viện', 'President of the Senate'],
    ['Chủ tịch Hạ viện', 'Speaker of the House'],
    ['Chủ tịch', 'Chairman'],
    ['Đại sứ', 'Ambassador'],
  ] as const
)
  .map(([vi, en]) => [vi.normalize('NFC'), en] as const)
  .sort((a, b) => b[0].length - a[0].length); // longest match first

export function officeTitleEn(title: string): string | null {
  const parts = title
    .normalize('NFC')
    .split(/\s*,\s*|\s+và\s+/)
    .map((part) => {
      const hit = TITLES_EN.find(([vi]) => part === vi || part.startsWith(`${vi} `));
      return hit ? hit[1] : null;
    })
    .filter((t): t is string => t !== null);
  const unique = [...new Set(parts)];
  return unique.length ? unique.join(', ') : null;
}

/**
 * A principal as a title shows them. vi: the title and name as written, plus the
 * country in brackets for foreigners when the title does not name it. en: the title in
 * English when known, the name as written, the country code: `General Secretary Tô Lâm (VN)`.
 */
export function personLabel(p: Participant, lang: RenderLanguage): string {
  return shownPersonLabel(shownPerson(p), lang);
}

/** A participant's name and title as shown (see eventStrings). */
export interface ShownPerson {
  name: ShownText;
  title: ShownText;
  country: string | null;
}

function shownPerson(p: Participant): ShownPerson {
  return {
    name: shownLine(p.name),
    title: p.title === null ? NOTHING_SHOWN : shownLine(p.title),
    country: p.country,
  };
}

/** An event's stored strings that its title and facts show, each cleaned once an item
 *  (the participants are named in both). */
export interface EventStrings {
  /** event.participants, in order */
  people: ShownPerson[];
  place: ShownText;
  city: ShownText;
}

export function eventStrings(
  event: Pick<DiplomaticEvent, 'participants' | 'location'>,
): EventStrings {
  const { place, city } = event.location;
  return {
    people: event.participants.map(shownPerson),
    place: place === null ? NOTHING_SHOWN : shownLine(place),
    city: city === null ? NOTHING_SHOWN : shownLine(city),
  };
}

function shownPersonLabel(p: ShownPerson, lang: RenderLanguage): string {
  const name = p.name.text;
  const title = p.title.text;
  if (lang === 'en') {
    const office = title ? officeTitleEn(title) : null;
    return (
      (office && name ? `${office} ${name}` : office || name) + (p.country ? ` (${p.country})` : '')
    );
  }
  const base = title ? `${title} ${name}` : name;
  if (!p.country || p.country === 'VN') return base;
  const country = countryName(p.country, 'vi');
  return title.includes(country) ? base : `${base} (${country})`;
}

function joinList(items: string[], lang: RenderLanguage): string {
  let out = items[0] ?? '';
  for (let i = 1; i < items.length; i++)
    out += `${i < items.length - 1 ? ',' : lang === 'en' ? ' and' : ' và'} ${items[i]}`;
  return out;
}

/** The place as words: city (or place), country. */
export function placeLabel(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  fallbackCountry: string | null = null,
  strings: EventStrings = eventStrings(event),
): string {
  const loc = event.location;
  const country = loc.country ?? fallbackCountry;
  const town = loc.city !== null ? strings.city.text : strings.place.text;
  const land = country ? countryName(country, lang) : ''; // one line already (text.test.ts)
  // each once: a city-state's city is its country
  return town && land && town !== land ? `${town}, ${land}` : town || land;
}

const CALLS: readonly EventType[] = ['phone_call', 'video_call'];

/**
 * The sides of an event: each principal, then each country that has no principal.
 * Meeting titles name both (all) sides.
 */
function sides(event: DiplomaticEvent, lang: RenderLanguage, strings: EventStrings): string[] {
  const all: string[] = [];
  for (const p of strings.people) {
    const label = shownPersonLabel(p, lang);
    if (label) all.push(label);
  }
  for (const c of event.countries) {
    if (strings.people.some((p) => p.country === c)) continue; // a principal speaks for it
    all.push(lang === 'vi' ? `phía ${countryName(c, lang)}` : countryName(c, lang));
  }
  return all.length > 4
    ? [
        ...all.slice(0, 3),
        lang === 'en' ? `${all.length - 3} others` : `${all.length - 3} bên khác`,
      ]
    : all;
}

/** The guest principal of a visit (or the guest country), and where they go. */
function visitParts(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  strings: EventStrings,
): { who: string; where: string } {
  const host =
    event.host ?? event.location.country ?? event.countries.find((c) => c !== event.guest) ?? null;
  const first = strings.people.find((p) =>
    event.guest ? p.country === event.guest : p.country !== host,
  );
  const who = first
    ? shownPersonLabel(first, lang)
    : event.guest
      ? lang === 'vi'
        ? `đoàn ${countryName(event.guest, lang)}`
        : `a delegation of ${countryName(event.guest, lang)}`
      : '';
  const where = placeLabel(event, lang, host, strings);
  return { who, where };
}

/**
 * The title of an event: type, principals, place, dates, and the status when it is
 * only announced.
 * vi: `Chuyến thăm cấp Nhà nước của Tổng Bí thư Tô Lâm tới Lào, 5/2/2026 (dự kiến)`
 * en: `State visit to Laos by General Secretary Tô Lâm (VN), 5 Feb 2026 — announced`
 */
export function eventTitle(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  strings: EventStrings = eventStrings(event),
): string {
  const type = typeLabel(event.type, lang);
  const dates = formatDateRange(event.start, event.end, lang);
  let head: string;
  if (event.category === 'visit') {
    const { who, where } = visitParts(event, lang, strings);
    head =
      lang === 'en'
        ? `${type}${where ? ` to ${where}` : ''}${who ? ` by ${who}` : ''}`
        : `${type}${who ? ` của ${who}` : ''}${where ? ` tới ${where}` : ''}`;
  } else {
    const s = sides(event, lang, strings);
    const between =
      s.length >= 2
        ? lang === 'en'
          ? ` between ${joinList(s, lang)}`
          : ` giữa ${joinList(s, lang)}`
        : s.length === 1
          ? lang === 'en'
            ? ` with ${s[0]}`
            : ` với ${s[0]}`
          : '';
    const where = CALLS.includes(event.type) ? '' : placeLabel(event, lang, null, strings);
    head = `${type}${between}${where ? (lang === 'en' ? ` in ${where}` : ` tại ${where}`) : ''}`;
  }
  const status =
    event.status === 'announced' ? (lang === 'en' ? ' — announced' : ' (dự kiến)') : '';
  return oneLine(`${head}, ${dates}${status}`);
}

export type FactKey =
  | 'type'
  | 'status'
  | 'date'
  | 'countries'
  | 'host'
  | 'guest'
  | 'participants'
  | 'location'
  | 'part_of';

export interface Fact {
  key: FactKey;
  label: string;
  /** clean display text (one line) */
  value: string;
  /** the same as HTML: escapeHtml(value), built from pieces escaped once */
  valueHtml: string;
}

const FACT_LABELS: Record<RenderLanguage, Record<FactKey, string>> = {
  vi: {
    type: 'Loại',
    status: 'Tình trạng',
    date: 'Thời gian',
    countries: 'Quốc gia',
    host: 'Nước chủ nhà',
    guest: 'Nước khách',
    participants: 'Thành phần',
    location: 'Địa điểm',
    part_of: 'Thuộc chuyến thăm',
  },
  en: {
    type: 'Type',
    status: 'Status',
    date: 'Date',
    countries: 'Countries',
    host: 'Host',
    guest: 'Guest',
    participants: 'Participants',
    location: 'Location',
    part_of: 'Part of',
  },
};

export function factLabel(key: FactKey, lang: RenderLanguage): string {
  return FACT_LABELS[lang][key];
}

/** The facts of an event, in display order; empty facts are left out. */
export function eventFacts(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  strings: EventStrings = eventStrings(event),
): Fact[] {
  const facts: Fact[] = [];
  addFact(facts, lang, 'type', tableShown(typeLabel(event.type, lang)));
  addFact(facts, lang, 'status', tableShown(statusLabel(event.status, lang)));
  const date = formatDateRange(event.start, event.end, lang);
  addFact(facts, lang, 'date', { text: date, html: escapeHtml(date) });
  const countries = new ShownBuilder();
  for (const code of event.countries) {
    if (!countries.empty) countries.separator(', ');
    countries
      .add(tableShown(countryName(code, lang)))
      .separator(' (')
      .add(tableShown(code))
      .separator(')');
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

/** A participant as the facts list them: title (in English when known), name, country. */
function addParticipant(out: ShownBuilder, p: ShownPerson, lang: RenderLanguage): void {
  let office = p.title;
  if (lang === 'en') {
    const en = p.title.text ? officeTitleEn(p.title.text) : null;
    office = en ? tableShown(en) : NOTHING_SHOWN;
  }
  out.add(office);
  if (office.text && p.name.text) out.separator(' ');
  out.add(p.name);
  if (p.country)
    out
      .separator(' (')
      .add(tableShown(countryName(p.country, lang)))
      .separator(')');
}

/** One paragraph: `Loại: …. Tình trạng: …. …` (the feed items' summary). */
export function eventSummary(event: DiplomaticEvent, lang: RenderLanguage): string {
  return factsSummary(eventFacts(event, lang));
}

/** The summary of facts already worked out (Atom and RSS show them twice: as the
 *  summary and in the content). */
export function factsSummary(facts: readonly Fact[]): string {
  return facts
    .filter((f) => f.key !== 'part_of')
    .map((f) => `${f.label}: ${f.value}.`)
    .join(' ');
}

const EVIDENCE_LABELS: Record<RenderLanguage, Record<string, string>> = {
  vi: {
    type: 'loại',
    status: 'tình trạng',
    start: 'ngày bắt đầu',
    end: 'ngày kết thúc',
    countries: 'quốc gia',
    host: 'nước chủ nhà',
    guest: 'nước khách',
    participants: 'thành phần',
    location: 'địa điểm',
    part_of: 'thuộc chuyến thăm',
  },
  en: {
    type: 'type',
    status: 'status',
    start: 'start',
    end: 'end',
    countries: 'countries',
    host: 'host',
    guest: 'guest',
    participants: 'participants',
    location: 'location',
    part_of: 'part of',
  },
};

export function evidenceFieldLabel(field: string, lang: RenderLanguage): string {
  return EVIDENCE_LABELS[lang][field] ?? field;
}

/** Section headings and other fixed words of the content and pages. */
export const WORDS = {
  vi: {
    siteTitle: 'Sự kiện ngoại giao song phương',
    siteDescription:
      'Các chuyến thăm và cuộc gặp ngoại giao song phương, trích xuất từ báo chí tiếng Việt.',
    author: 'diplomacy-feed',
    sources: 'Nguồn',
    evidence: 'Căn cứ',
    untitled: '(không có tiêu đề)',
    noEvents: 'Chưa có sự kiện nào.',
    next: 'Trang sau',
    feeds: 'Nguồn cấp',
    home: 'Trang chủ',
    calendar: 'Lịch (iCalendar)',
    theVisit: 'xem chuyến thăm',
    monthOnly: (month: string) => `Ngày chính xác chưa rõ: bài báo chỉ nêu ${month}.`,
  },
  en: {
    siteTitle: 'Bilateral diplomatic events',
    siteDescription:
      'Bilateral diplomatic visits and meetings, extracted from Vietnamese news articles.',
    author: 'diplomacy-feed',
    sources: 'Sources',
    evidence: 'Evidence',
    untitled: '(untitled)',
    noEvents: 'No events yet.',
    next: 'Next page',
    feeds: 'Feeds',
    home: 'Home',
    calendar: 'Calendar (iCalendar)',
    theVisit: 'see the visit',
    monthOnly: (month: string) =>
      `Exact date unknown: the article gives only the month (${month}).`,
  },
} as const;

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
 * The whole event as plain text (the iCalendar DESCRIPTION): the
 * summary, the sources, the evidence sentences. Line breaks separate the parts.
 */
export function eventPlainText(event: DiplomaticEvent, lang: RenderLanguage): string {
  const w = WORDS[lang];
  const lines: string[] = [eventSummary(event, lang)];
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
