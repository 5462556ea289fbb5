// Words for people: event titles, summaries and fact labels, in Vietnamese (the
// articles' language, the default) or in English built from the structured fields
// (page.lang === 'en'). Every string returned here is already clean (see escape.ts):
// titles are one line, other text keeps its line breaks. Escaping is the formats' job.
import type { Category, DiplomaticEvent, EventType, Participant, Status } from '../domain/event.js';
import { formatDateRange, formatEventDate } from './dates.js';
import { cleanText, oneLine } from './escape.js';
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
  const names = (regionNames[lang] ??= new Intl.DisplayNames([lang], {
    type: 'region',
    fallback: 'code',
  }));
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
  const name = oneLine(p.name);
  const title = p.title === null ? '' : oneLine(p.title);
  if (lang === 'en') {
    const office = title ? officeTitleEn(title) : null;
    return [office, name].filter(Boolean).join(' ') + (p.country ? ` (${p.country})` : '');
  }
  const base = title ? `${title} ${name}` : name;
  if (!p.country || p.country === 'VN') return base;
  const country = countryName(p.country, 'vi');
  return title.includes(country) ? base : `${base} (${country})`;
}

function joinList(items: string[], lang: RenderLanguage): string {
  const and = lang === 'en' ? 'and' : 'và';
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** The place as words: city (or place), country. */
export function placeLabel(
  event: DiplomaticEvent,
  lang: RenderLanguage,
  fallbackCountry: string | null = null,
): string {
  const loc = event.location;
  const country = loc.country ?? fallbackCountry;
  const parts = [loc.city ?? loc.place, country ? countryName(country, lang) : null]
    .map((s) => (s === null ? '' : oneLine(s)))
    .filter(Boolean);
  return [...new Set(parts)].join(', ');
}

const CALLS: readonly EventType[] = ['phone_call', 'video_call'];

/**
 * The sides of an event: each principal, then each country that has no principal.
 * Meeting titles name both (all) sides.
 */
function sides(event: DiplomaticEvent, lang: RenderLanguage): string[] {
  const people = event.participants.map((p) => personLabel(p, lang)).filter(Boolean);
  const represented = new Set(event.participants.map((p) => p.country));
  const countries = event.countries
    .filter((c) => !represented.has(c))
    .map((c) => (lang === 'vi' ? `phía ${countryName(c, lang)}` : countryName(c, lang)));
  const all = [...people, ...countries];
  return all.length > 4
    ? [
        ...all.slice(0, 3),
        lang === 'en' ? `${all.length - 3} others` : `${all.length - 3} bên khác`,
      ]
    : all;
}

/** The guest principal of a visit (or the guest country), and where they go. */
function visitParts(event: DiplomaticEvent, lang: RenderLanguage): { who: string; where: string } {
  const host =
    event.host ?? event.location.country ?? event.countries.find((c) => c !== event.guest) ?? null;
  const guestPeople = event.participants.filter((p) =>
    event.guest ? p.country === event.guest : p.country !== host,
  );
  const first = guestPeople[0];
  const who = first
    ? personLabel(first, lang)
    : event.guest
      ? lang === 'vi'
        ? `đoàn ${countryName(event.guest, lang)}`
        : `a delegation of ${countryName(event.guest, lang)}`
      : '';
  const where = placeLabel(event, lang, host);
  return { who, where };
}

/**
 * The title of an event: type, principals, place, dates, and the status when it is
 * only announced.
 * vi: `Chuyến thăm cấp Nhà nước của Tổng Bí thư Tô Lâm tới Lào, 5/2/2026 (dự kiến)`
 * en: `State visit to Laos by General Secretary Tô Lâm (VN), 5 Feb 2026 — announced`
 */
export function eventTitle(event: DiplomaticEvent, lang: RenderLanguage): string {
  const type = typeLabel(event.type, lang);
  const dates = formatDateRange(event.start, event.end, lang);
  let head: string;
  if (event.category === 'visit') {
    const { who, where } = visitParts(event, lang);
    head =
      lang === 'en'
        ? `${type}${where ? ` to ${where}` : ''}${who ? ` by ${who}` : ''}`
        : `${type}${who ? ` của ${who}` : ''}${where ? ` tới ${where}` : ''}`;
  } else {
    const s = sides(event, lang);
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
    const where = CALLS.includes(event.type) ? '' : placeLabel(event, lang);
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
export function eventFacts(event: DiplomaticEvent, lang: RenderLanguage): Fact[] {
  const facts: Fact[] = [];
  const add = (key: FactKey, value: string) => {
    if (value) facts.push({ key, label: factLabel(key, lang), value });
  };
  add('type', typeLabel(event.type, lang));
  add('status', statusLabel(event.status, lang));
  add('date', formatDateRange(event.start, event.end, lang));
  add('countries', event.countries.map((c) => `${countryName(c, lang)} (${c})`).join(', '));
  if (event.host) add('host', countryName(event.host, lang));
  if (event.guest) add('guest', countryName(event.guest, lang));
  add(
    'participants',
    event.participants
      .map((p) => {
        const title = p.title === null ? '' : oneLine(p.title);
        const name = oneLine(p.name);
        const who =
          lang === 'en'
            ? [title ? officeTitleEn(title) : null, name].filter(Boolean).join(' ')
            : [title, name].filter(Boolean).join(' ');
        return p.country ? `${who} (${countryName(p.country, lang)})` : who;
      })
      .join('; '),
  );
  add(
    'location',
    [
      event.location.place,
      event.location.city,
      event.location.country ? countryName(event.location.country, lang) : null,
    ]
      .map((s) => (s === null ? '' : oneLine(s)))
      .filter(Boolean)
      .join(', '),
  );
  // the id means nothing to a reader: the fact is a link to the visit's page
  if (event.part_of) add('part_of', WORDS[lang].theVisit);
  return facts;
}

/** One paragraph: `Loại: …. Tình trạng: …. …` (the feed items' summary). */
export function eventSummary(event: DiplomaticEvent, lang: RenderLanguage): string {
  return eventFacts(event, lang)
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
  const text = [source.title, source.outlet, source.url]
    .map((s) => (s == null ? '' : oneLine(s)))
    .find(Boolean);
  return text ?? WORDS[lang].untitled;
}

/** The day a source was published, for display (`5/2/2026`), or '' when unreadable. */
export function sourceDay(
  source: DiplomaticEvent['sources'][number],
  lang: RenderLanguage,
): string {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(source.published);
  return m ? formatEventDate(m[1]!, lang) : '';
}

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
  return cleanText(lines.join('\n'));
}
