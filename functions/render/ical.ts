// iCalendar (RFC 5545): one all-day VEVENT per event.
//
// Hand-written rather than with a library: the `ics` package would add yup, nanoid and
// runes2 to the Lambda bundle (tens of KB against a 400 KB budget that the AWS SDK
// mostly fills), and its defaults (DTSTAMP = now, random UIDs) are the opposite of a
// pure renderer. What is needed is small: TEXT escaping (§3.3.11), line folding at 75
// octets without splitting a UTF-8 character (§3.1), CRLF line ends, and DATE /
// DATE-TIME values. test/render/ical.test.ts parses the output back.
//
// Dates: DTSTART;VALUE=DATE is the start day, DTEND the day after the last day
// (exclusive, §3.6.1). A month-only date (`YYYY-MM`) is never shown as a known day: the
// event is an all-day span over the whole month (from the 1st when it is the start,
// through the last day when it is the end or the only date), TRANSP:TRANSPARENT so it
// blocks no time, and the DESCRIPTION begins with a note that the exact day is unknown.
// The event stays visible in calendars (skipping it would hide announced visits) for
// the whole month it may fall in.

import { dayRange, parseEventDate } from '../domain/dates.js';
import type { DiplomaticEvent } from '../domain/event.js';
import { placeIn } from '../text/names.js';
import { formatEventDate, icalDate, icalDateTime, toInstant } from './dates.js';
import { oneLine, xmlSafeText } from './escape.js';
import { eventUid, eventUrl } from './ids.js';
import {
  countryName,
  eventPlainText,
  eventTerms,
  eventTitle,
  feedTitle,
  itemLanguage,
  renderLanguage,
  WORDS,
} from './text.js';
import type { FeedPage, RenderLanguage } from './types.js';
import { fill } from './words.js';

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/**
 * TEXT value escaping (RFC 5545 §3.3.11): `\` `;` `,` and line breaks. Control
 * characters other than TAB are not allowed in TEXT and are removed.
 */
export function escapeIcalText(s: string): string {
  return xmlSafeText(s)
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/**
 * Folds a content line so that no line is longer than 75 octets of UTF-8, the
 * continuation lines starting with one space; a character is never split.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line; // most lines
  let out = '';
  let start = 0; // where the current physical line's text begins in `line`
  let octets = 0;
  for (let i = 0; i < line.length; ) {
    // One unit: a code point, or an escape pair (`\n`, `\,` …) kept whole for
    // readers that unescape before unfolding.
    let end = i;
    let size = 0;
    if (line.charCodeAt(i) === BACKSLASH && i + 1 < line.length) {
      end++;
      size++;
    }
    const c = line.charCodeAt(end);
    if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(line.charCodeAt(end + 1))) {
      end += 2;
      size += 4;
    } else {
      end += 1;
      size += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    if (octets + size > MAX_OCTETS) {
      out += `${line.slice(start, i)}${CRLF} `;
      start = i;
      octets = 1;
    }
    octets += size;
    i = end;
  }
  return out + line.slice(start);
}

const BACKSLASH = 0x5c;

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

interface AllDaySpan {
  start: string;
  endExclusive: string;
  monthOnly: boolean;
}

/** The all-day span of an event, or null when its start is not a date. */
export function allDaySpan(event: Pick<DiplomaticEvent, 'start' | 'end'>): AllDaySpan | null {
  const s = parseEventDate(event.start);
  if (!s) return null;
  const [first, startLast] = dayRange(event.start);
  // to the last day the end covers (a month's last day), unless that is before the start;
  // with no end, through the start's own last day (a month-only start: its whole month)
  const e = event.end === null ? null : parseEventDate(event.end);
  const last = e && event.end !== null ? Math.max(first, dayRange(event.end)[1]) : startLast;
  return {
    start: icalDate(first),
    endExclusive: icalDate(last + 1),
    monthOnly: s.day === null || (e !== null && e.day === null),
  };
}

function locationText(event: DiplomaticEvent, lang: RenderLanguage): string {
  const { place, city, country } = event.location;
  return [
    place,
    city === null ? null : placeIn(city, lang),
    country ? countryName(country, lang) : null,
  ]
    .map((s) => (s === null ? '' : oneLine(s)))
    .filter(Boolean)
    .join(', ');
}

/** CATEGORIES as a calendar shows them: the type, category and status labels and the
 *  country names in the calendar's language (the codes are in the feeds' `_diplomacy`). */
function categoryWords(event: DiplomaticEvent, lang: RenderLanguage): string[] {
  return [...new Set(eventTerms(event, lang).map((t) => t.label))];
}

/** One event in its language (`lang`); its text marked (RFC 5545 LANGUAGE) where that
 *  is not the calendar's. */
function vevent(
  event: DiplomaticEvent,
  page: FeedPage,
  lang: RenderLanguage,
  calendarLang: RenderLanguage,
): string[] | null {
  const span = allDaySpan(event);
  if (!span) return null;
  const modified = icalDateTime(toInstant(event.modified, event.published));
  const url = eventUrl(event.id, page);
  const notes: string[] = [];
  if (span.monthOnly) {
    const months = [event.start, event.end].filter(
      (d): d is string => d !== null && /^\d{4}-\d{2}$/.test(d),
    );
    notes.push(
      fill(WORDS[lang].monthOnly, {
        month: months.map((m) => formatEventDate(m, lang)).join(' – '),
      }),
    );
  }
  notes.push(eventPlainText(event, lang, { today: page.today }), url);
  const sequence = Number.isSafeInteger(event.revision) && event.revision >= 0 ? event.revision : 0;
  const location = locationText(event, lang);
  const marked = lang === calendarLang ? '' : `;LANGUAGE=${lang}`;
  return [
    'BEGIN:VEVENT',
    `UID:${eventUid(event)}`,
    `DTSTAMP:${modified}`,
    `LAST-MODIFIED:${modified}`,
    `CREATED:${icalDateTime(toInstant(event.published, event.modified))}`,
    `SEQUENCE:${sequence}`,
    `DTSTART;VALUE=DATE:${span.start}`,
    `DTEND;VALUE=DATE:${span.endExclusive}`,
    `SUMMARY${marked}:${escapeIcalText(eventTitle(event, lang, { today: page.today }))}`,
    `DESCRIPTION${marked}:${escapeIcalText(notes.join('\n\n'))}`,
    ...(location ? [`LOCATION${marked}:${escapeIcalText(location)}`] : []),
    `URL:${url}`,
    `CATEGORIES${marked}:${categoryWords(event, lang).map(escapeIcalText).join(',')}`,
    // a withdrawn event (no article reports it any more) is cancelled, SEQUENCE raised
    `STATUS:${event.withdrawn ? 'CANCELLED' : event.status === 'announced' ? 'TENTATIVE' : 'CONFIRMED'}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** The calendar's description, and when its window held more events than it lists, that. */
function calendarDescription(page: FeedPage, lang: RenderLanguage): string {
  const w = WORDS[lang];
  return page.listedAtMost
    ? `${w.siteDescription} ${fill(w.calendarCapped, { count: page.listedAtMost.toLocaleString(lang) })}`
    : w.siteDescription;
}

export function renderCalendar(page: FeedPage): string {
  const lang = renderLanguage(page);
  const name = escapeIcalText(feedTitle(page));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//diplomacy-feed//render//${lang.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${name}`,
    `X-WR-CALNAME:${name}`,
    `X-WR-CALDESC:${escapeIcalText(calendarDescription(page, lang))}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...page.events.flatMap((e) => vevent(e, page, itemLanguage(page, e), lang) ?? []),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
