// English dates in news text ("March 5", "5-7 March", "Dec. 12-13", "on Tuesday", "next
// month", "this week", "in November"), resolved against the publication day the way the
// Vietnamese reader resolves its own: a day without a year is the occurrence nearest to
// publication, a bare weekday the last one unless the sentence looks ahead, a week only
// roughly. Works on the matching form (lower case). The words are data
// (data/en/dates.json); each pattern is a fixed sequence of bounded pieces, so scanning
// stays linear. (chrono-node reads these too, but it would add 47 KB to the ingest bundle,
// which holds the 500 KB budget only without it.)
import { addMonths, dayNumber, isoDay, isoDayOf, isoMonth, isValidDay } from '../domain/dates.js';
import datesData from './data/en/dates.json' with { type: 'json' };
import {
  type DateMention,
  isDay,
  mondayOf,
  nearestYearOfDay,
  nearestYearOfMonth,
  type RefDate,
  refDayNumber,
  shiftDays,
  weekdayOf,
} from './dates.js';
import { LEX } from './lexicon.js';
import { quoteMarksIn } from './noise.js';
import { anyOf } from './patterns.js';
import type { EnglishDates } from './table-schemas.js';
import { spelledOut } from './tables.js';

const DATES = spelledOut(datesData) as EnglishDates;
/** The lists read in several places, by name (as `…Words` where a name of this module's own is taken). */
const {
  dayJoiner,
  months,
  rangeJoiners,
  relativeDays,
  week,
  weekdayForward,
  weekdayForwardAfter,
  weekdayForwardLead,
  weekdays,
  shift: shiftWords,
  ago: agoWords,
} = DATES;

const word = (alternation: string) => `(?<![\\p{L}\\d])(?:${alternation})(?![\\p{L}])`;
const MONTH = `(${anyOf(Object.keys(months))})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)';
const YEAR = '(?:,?\\s*(\\d{4})(?!\\d))?';
const TO = `\\s*(?:${anyOf(rangeJoiners)})\\s*`;
const AND = `\\s+(?:${anyOf([dayJoiner])})\\s+`;
/** a weekday written before its day of the month ("Monday 6 May"), read for the day */
const WEEKDAY_BEFORE = `(?:(?<![\\p{L}])(?:${anyOf(Object.keys(weekdays))}),?\\s+)?`;
const MONTH_WORD = `(?<![\\p{L}])${MONTH}(?![\\p{L}])`;
/** "(Thu)", "(Sat.)", "(Friday)": a weekday in brackets, as a ministry's itinerary writes it after its day. */
const BRACKETED_WEEKDAY = new RegExp(
  `\\((?:${anyOf([...new Set(Object.keys(weekdays).map((w) => w.slice(0, 3)))])})[\\p{L}]*\\.?\\)`,
  'gu',
);

/** "(2:10 a.m., September 21, Japan time)": the same moment in another time zone, in brackets */
const BRACKETED_TIME_GLOSS = new RegExp(
  `\\([^()]{0,60}\\b(?:${anyOf(DATES.timeGlossEnd)})\\)`,
  'gu',
);

/** "today (Monday)": a relative day with a weekday in brackets right after it */
const RELATIVE_DAY_BRACKETED = new RegExp(
  `(?<!\\p{L})(${anyOf(Object.keys(relativeDays))})(\\s*\\()(${anyOf(Object.keys(weekdays))})\\)`,
  'gu',
);

/** Whether offset `at` of a sentence is inside a quotation: an odd number of quotation marks before it. */
const quoted = (text: string, at: number): boolean =>
  quoteMarksIn(text).filter((k) => k < at).length % 2 === 1;

/** What a reading makes of a date phrase: a mention without its offsets. */
type DateReading = Omit<DateMention, 'start' | 'end'>;
/** One reading of a date phrase: what it matched, and the mention it makes (or null for none). */
interface Reading {
  pattern: RegExp;
  read: (m: RegExpExecArray, ctx: Context) => DateReading | null;
}
interface Context {
  ref: RefDate;
  forward: boolean;
  /** the sentence says a span starts ahead ("to visit Laos from Sunday") */
  leadAhead: boolean;
  previousDay: string | null;
  /** a past verb governs the weekday being read ("arrived this Sunday") */
  toldPast?: boolean;
}

const flags = { relative: false, approximate: false, anchored: false };

/** A date told from the story's day ("yesterday", "two weeks ago", "next month"). */
const relativeDate = (value: string, precision: DateReading['precision'] = 'day'): DateReading => ({
  value,
  endValue: null,
  precision,
  ...flags,
  relative: true,
});
const month = (name: string) => months[name]!;
const num = (s: string | undefined) => (s === undefined ? null : Number(s));

function dayOf(d: number, m: number, y: number | null, ref: RefDate): string | null {
  const year = y ?? nearestYearOfDay(d, m, ref);
  if (year === null) return null;
  return isValidDay(year, m, d) ? isoDay(year, m, d) : null;
}

/** A span of days: the end after the start, in the next year across a year end. */
function span(
  d1: number,
  m1: number,
  d2: number,
  m2: number,
  y: number | null,
  ref: RefDate,
): DateReading | null {
  const first = dayOf(d1, m1, y, ref);
  if (first === null) return null;
  const year1 = Number(first.slice(0, 4));
  const last = dayOf(d2, m2, m2 < m1 ? year1 + 1 : year1, ref);
  if (last === null || last <= first) return null;
  return { value: first, endValue: last, precision: 'day', ...flags, yearGuessed: y === null };
}

/** One day (as `dayOf` resolves it; `year` as written), or null where there is none. */
function single(value: string | null, year: number | null): DateReading | null {
  return value === null
    ? null
    : { value, endValue: null, precision: 'day', ...flags, yearGuessed: year === null };
}

/** The weekday (1 Monday … 7 Sunday) of the day before publication. */
const weekdayBefore = (ref: RefDate): number => ((weekdayOf(ref) + 5) % 7) + 1;

/** How far from the day the story is at a weekday of its plan may fall ("arrive on Sunday … meet on Tuesday"). */
const ITINERARY_DAYS = 3;

function weekday(shiftWord: string | undefined, name: string, ctx: Context): DateReading {
  const today = refDayNumber(ctx.ref);
  const target = weekdays[name]!;
  // a plan told day by day ahead of publication ("talks in Beijing on April 16 … arrive in
  // Chongqing on Sunday … meet Li on Tuesday"): the weekday nearest the day the story is at
  const at = ctx.previousDay === null ? null : dayNumber(ctx.previousDay);
  // (not the publication's own weekday: "talks with B on Thursday at 10.30", written that
  // Thursday morning after a quotation about another trip on December 18, is today)
  if (
    shiftWord === undefined &&
    ctx.forward &&
    at !== null &&
    at > today &&
    target !== weekdayOf(ctx.ref)
  ) {
    const atWeekday = ((weekdayOf(ctx.ref) - 1 + (at - today)) % 7) + 1;
    let day = at + ((target - atWeekday + 7) % 7);
    if (day - at > ITINERARY_DAYS) day -= 7;
    if (day < today) day += 7;
    return relativeDate(isoDayOf(day));
  }
  const todayWeekday = weekdayOf(ctx.ref);
  const ahead = (target - todayWeekday + 7) % 7;
  const back = (todayWeekday - target + 7) % 7;
  const lead = shiftWord !== undefined && FORWARD_LEAD.has(shiftWord);
  const shift = shiftWord === undefined || lead ? null : shiftWords[shiftWord]!;
  // "on his visit from Monday": the nearest Monday; "to visit Laos from Sunday": the next
  const forward = lead
    ? ctx.forward || ctx.leadAhead || ahead < back
    : shift === null
      ? ctx.forward
      : shift > 0;
  // ("arrived in Hanoi on Wednesday", written Tuesday evening Pacific time: where the day
  // has begun at UTC, the weekday after the publication's date is that day, not six days back)
  // ("are meeting this Monday", written on a Sunday: the Monday to come)
  const thisWeek = today + target - todayWeekday;
  const day =
    shift === 0
      ? thisWeek < today && ctx.forward
        ? thisWeek + 7
        : // ("arrived this Sunday", written on the Monday after: that Sunday, not the next)
          thisWeek > today && ctx.toldPast
          ? thisWeek - 7
          : thisWeek
      : forward
        ? today + (ahead === 0 && shift !== null ? 7 : ahead)
        : ahead === 1 && shift === null && ctx.ref.utcAhead
          ? today + 1
          : today - (back === 0 && shift !== null ? 7 : back);
  return relativeDate(isoDayOf(day));
}

const SHIFT = anyOf(Object.keys(shiftWords));

/** Thursday's distance from Monday. */
const WEEK_MIDDLE = 3;

/** The first day of the week starting on `monday` that falls in the month of its Thursday:
 *  a week across a month's end is told as the month holding most of its days (as an ISO
 *  week is the year of its Thursday), and is known only to that month. */
function weekStart(monday: number): string {
  const first = isoDayOf(monday);
  const middle = isoDayOf(monday + WEEK_MIDDLE);
  return first.slice(0, 7) === middle.slice(0, 7) ? first : `${middle.slice(0, 7)}-01`;
}

/** Days in a week, for "two weeks ago". */
const WEEK_DAYS = 7;

function agoReading(ago: typeof agoWords): Reading {
  const count = `(\\d{1,2}|${anyOf(Object.keys(ago.numbers))})`;
  return {
    pattern: new RegExp(
      word(`${count}\\s+(${anyOf(Object.keys(ago.units))})\\s+${anyOf([ago.word])}`),
      'gu',
    ),
    read: (m, c) => {
      const n = ago.numbers[m[1]!] ?? Number(m[1]);
      const unit = ago.units[m[2]!]!;
      const today = refDayNumber(c.ref);
      if (unit === 'year') return relativeDate(String(c.ref.year - n), 'year');
      if (unit === 'month') {
        const { year, month: m2 } = addMonths(c.ref.year, c.ref.month, -n);
        return relativeDate(isoMonth(year, m2), 'month');
      }
      const days = unit === 'week' ? n * WEEK_DAYS : n;
      return { ...relativeDate(isoDayOf(today - days)), approximate: unit === 'week' };
    },
  };
}
const FORWARD_LEAD = new Set(weekdayForwardLead);
/** "March 5 and 10": two days of a month joined by "and", further apart than JOINED_DAYS, are
 *  a list, no span (the first is then read alone); the days are groups `at` and `at + 1`. */
const apart = (m: RegExpExecArray, at: number) => Number(m[at + 1]) - Number(m[at]) > JOINED_DAYS;
const listed = (m: RegExpExecArray, at: number) => JOINED_BY_AND.test(m[0]) && apart(m, at);
const JOINED_BY_AND = new RegExp(AND, 'u');
const READINGS: readonly Reading[] = [
  // "September 10-11", "Dec. 12 to 13, 2023", "July 8 and 9"
  {
    pattern: new RegExp(`${MONTH_WORD}\\s*${DAY}(?:${TO}|${AND})${DAY}${YEAR}`, 'gu'),
    read: (m, c) =>
      listed(m, 2)
        ? null
        : span(Number(m[2]), month(m[1]!), Number(m[3]), month(m[1]!), num(m[4]), c.ref),
  },
  // "April 30 to May 2"
  {
    pattern: new RegExp(`${MONTH_WORD}\\s*${DAY}${TO}${MONTH}\\s*${DAY}${YEAR}`, 'gu'),
    read: (m, c) => span(Number(m[2]), month(m[1]!), Number(m[4]), month(m[3]!), num(m[5]), c.ref),
  },
  // "5-7 March", "10 to 12 December 2024", "Monday 6 and Tuesday 7 May"
  {
    pattern: new RegExp(
      `(?<![\\d.,/-])${WEEKDAY_BEFORE}${DAY}(?:${TO}|${AND})${WEEKDAY_BEFORE}${DAY}\\s+(?:of\\s+)?${MONTH}(?![\\p{L}])${YEAR}`,
      'gu',
    ),
    read: (m, c) =>
      listed(m, 1)
        ? null
        : span(Number(m[1]), month(m[3]!), Number(m[2]), month(m[3]!), num(m[4]), c.ref),
  },
  // "30 April to 2 May"
  {
    pattern: new RegExp(
      `(?<![\\d.,/-])${DAY}\\s+${MONTH}${TO}${DAY}\\s+${MONTH}(?![\\p{L}])${YEAR}`,
      'gu',
    ),
    read: (m, c) => span(Number(m[1]), month(m[2]!), Number(m[3]), month(m[4]!), num(m[5]), c.ref),
  },
  // "March 5", "Sept. 3, 2021", "July.8"
  {
    pattern: new RegExp(`${MONTH_WORD}(?:\\s*|(?<=\\.))${DAY}${YEAR}`, 'gu'),
    read: (m, c) => single(dayOf(Number(m[2]), month(m[1]!), num(m[3]), c.ref), num(m[3])),
  },
  // "5 March", "5th of March 2024"
  {
    pattern: new RegExp(`(?<![\\d.,/-])${DAY}\\s+(?:of\\s+)?${MONTH}(?![\\p{L}])${YEAR}`, 'gu'),
    read: (m, c) => single(dayOf(Number(m[1]), month(m[2]!), num(m[3]), c.ref), num(m[3])),
  },
  // the other day of a list whose month is written once: the 10 of "March 5 and 10" …
  {
    pattern: new RegExp(`(?<=${MONTH_WORD}\\s*${DAY}${AND})${DAY}(?![\\p{L}\\d])${YEAR}`, 'gu'),
    read: (m, c) =>
      apart(m, 2) ? single(dayOf(Number(m[3]), month(m[1]!), num(m[4]), c.ref), num(m[4])) : null,
  },
  // … and the 5 of "5 and 10 March"
  {
    pattern: new RegExp(
      `(?<![\\d.,/-])${DAY}(?=${AND}${DAY}\\s+(?:of\\s+)?${MONTH}(?![\\p{L}])${YEAR})`,
      'gu',
    ),
    read: (m, c) =>
      apart(m, 1) ? single(dayOf(Number(m[1]), month(m[3]!), num(m[4]), c.ref), num(m[4])) : null,
  },
  // "last December", "next March": the month before or after this one of that name
  {
    pattern: new RegExp(word(`(${SHIFT})\\s+${MONTH}`), 'gu'),
    read: (m, c) => {
      const shift = shiftWords[m[1]!]!;
      const target = month(m[2]!);
      const year =
        shift < 0
          ? target < c.ref.month
            ? c.ref.year
            : c.ref.year - 1
          : shift > 0
            ? target > c.ref.month
              ? c.ref.year
              : c.ref.year + 1
            : c.ref.year;
      return { value: isoMonth(year, target), endValue: null, precision: 'month', ...flags };
    },
  },
  // "in November", "November 2024", "early next month" is below
  {
    pattern: new RegExp(
      `(?:(?<![\\p{L}])(?:${anyOf(DATES.monthLead)})\\s+(?:the\\s+)?${MONTH}(?![\\p{L}])${YEAR}|${MONTH_WORD}\\s+(\\d{4})(?!\\d))`,
      'gu',
    ),
    read: (m, c) => {
      const name = m[1] ?? m[3]!;
      const y = num(m[2] ?? m[4]);
      return {
        value: isoMonth(y ?? nearestYearOfMonth(month(name), c.ref), month(name)),
        endValue: null,
        precision: 'month',
        ...flags,
        yearGuessed: y === null,
      };
    },
  },
  // "nine months ago", "two weeks ago": counted back from publication, as precise as its unit
  // (weeks only suggest their days)
  agoReading(agoWords),
  // "on Thursday next week": that weekday of the week told
  {
    pattern: new RegExp(word(`(${anyOf(Object.keys(weekdays))})\\s+(${SHIFT})\\s+${week}`), 'gu'),
    read: (m, c) => {
      const monday = mondayOf(c.ref) + 7 * shiftWords[m[2]!]!;
      return relativeDate(isoDayOf(monday + weekdays[m[1]!]! - 1));
    },
  },
  // "next week", "this week" (written on a Sunday, looking ahead: the week to come, "will visit
  // Australia this week" in Sunday's paper)
  {
    pattern: new RegExp(word(`(${DATES.restOfWeek}\\s+)?(${SHIFT})\\s+${week}`), 'gu'),
    read: (m, c) => {
      const shift = shiftWords[m[2]!]!;
      const ahead = shift === 0 && c.forward && weekdayOf(c.ref) === WEEK_DAYS ? 1 : 0;
      const monday = mondayOf(c.ref) + WEEK_DAYS * (shift + ahead);
      return {
        // ("later this week": from the day after publication)
        value: m[1] && !shift ? shiftDays(c.ref, 1) : weekStart(monday),
        endValue: isoDayOf(monday + 6),
        precision: 'day',
        ...flags,
        relative: true,
        approximate: true,
      };
    },
  },
  // "next month", "last month"
  {
    pattern: new RegExp(word(`(${SHIFT})\\s+${DATES.month}`), 'gu'),
    read: (m, c) => {
      const { year, month } = addMonths(c.ref.year, c.ref.month, shiftWords[m[1]!]!);
      return relativeDate(isoMonth(year, month), 'month');
    },
  },
  // "this year", "next year"
  {
    pattern: new RegExp(word(`(${SHIFT})\\s+${DATES.year}`), 'gu'),
    read: (m, c) => relativeDate(String(c.ref.year + shiftWords[m[1]!]!), 'year'),
  },
  // "on Monday 23rd": a weekday and its day of the month, no month written: that day of this
  // month, the next or the last, whichever falls on that weekday (else this month's)
  {
    pattern: new RegExp(
      // (a number with no ordinal ends the clause: not "on Monday 23 leaders met")
      word(
        `(${anyOf(Object.keys(weekdays))})\\s+(\\d{1,2})(?:st|nd|rd|th|(?=\\s*[.,;:)]|\\s*$))(?![.,/-]?\\d)(?!\\s*(?:of\\s+)?${MONTH})`,
      ),
      'gu',
    ),
    read: (m, c) => {
      const days = [0, 1, -1].map((n) => {
        const { year, month } = addMonths(c.ref.year, c.ref.month, n);
        return isValidDay(year, month, Number(m[2])) ? isoDay(year, month, Number(m[2])) : null;
      });
      const on = days.find((d) => d !== null && ((dayNumber(d) + 3) % 7) + 1 === weekdays[m[1]!]);
      return single(on ?? days[0] ?? null, null);
    },
  },
  // "on Tuesday", "next Tuesday"
  {
    pattern: new RegExp(
      word(`(?:(${SHIFT}|${anyOf(weekdayForwardLead)})\\s+)?(${anyOf(Object.keys(weekdays))})`),
      'gu',
    ),
    read: (m, c) => {
      const past = toldAsPast(m.input, m.index, m.index + m[0].length);
      // (not the day before publication: "arrives in Japan on Saturday", in Sunday morning's
      // paper, is the arrival it reports)
      if (
        !past &&
        AHEAD_BEFORE.test(wordsBefore(m.input, m.index)) &&
        !(m[1] === undefined && weekdays[m[2]!] === weekdayBefore(c.ref))
      )
        return weekday(m[1], m[2]!, { ...c, forward: true });
      return weekday(m[1], m[2]!, past ? { ...c, forward: false, toldPast: true } : c);
    },
  },
  // "today", "yesterday"
  {
    pattern: new RegExp(word(anyOf(Object.keys(relativeDays))), 'gu'),
    read: (m, c) => ({
      ...relativeDate(shiftDays(c.ref, relativeDays[m[0]]!)),
      deictic: true,
    }),
  },
  // "the same day": the day of the last reported event; before any, the day of publication
  // ("After arriving in Hanoi later in the day, A will meet B")
  {
    pattern: new RegExp(word(anyOf(DATES.sameDay)), 'gu'),
    read: (_m, c) => ({
      ...relativeDate(c.previousDay ?? shiftDays(c.ref, 0)),
      anchored: true,
    }),
  },
  // "the previous day": the day before the last reported event's; before any, the day before
  // publication
  {
    pattern: new RegExp(word(anyOf(DATES.previousDay)), 'gu'),
    read: (_m, c) => ({
      ...relativeDate(
        isoDayOf((c.previousDay ? dayNumber(c.previousDay) : refDayNumber(c.ref)) - 1),
      ),
      anchored: true,
    }),
  },
  // a year on its own ("in 2015", "since 2021")
  {
    pattern: /(?<![\d.,/-])((?:19|20)\d{2})(?!\d)/gu,
    read: (m) => ({ value: m[1]!, endValue: null, precision: 'year', ...flags }),
  },
];

const FORWARD = new RegExp(word(anyOf(weekdayForward)), 'u');
const HEADLINE_FORWARD = new RegExp(word(anyOf(DATES.headlineForward)), 'u');
const FORWARD_AFTER = new RegExp(word(anyOf(weekdayForwardAfter)), 'u');
const FORWARD_ALL = new RegExp(word(anyOf([...weekdayForward, ...weekdayForwardAfter])), 'gu');
const BACK_NOT = DATES.weekdayBackNot;
const BACK_ALL = new RegExp(
  `${BACK_NOT.length > 0 ? `(?<!(?<![\\p{L}])(?:${anyOf(BACK_NOT)})\\s+)` : ''}${word(anyOf(DATES.weekdayBack))}`,
  'gu',
);
/** How many words before a weekday its past verb may stand ("arrived in Vietnam by train on Tuesday"). */
const BACK_WORDS = 6;
/** (as characters: enough for that many words, so that a long sentence is not split whole) */
const BACK_CHARS = 120;

const BACK_AFTER = new RegExp(`^\\s*(?:${anyOf(DATES.weekdayBackAfter)})(?![\\p{L}])`, 'u');

/** "On Tuesday," opening a sentence, and how far on its clause's first verb may stand. */
const OPENING_WEEKDAY = new RegExp(`^\\s*(?:(?:${anyOf(DATES.weekdayOpening)})\\s+)?$`, 'u');
const OPENING_CLAUSE_CHARS = 100;

/** The few words before `at` (BACK_WORDS of them) where a verb may govern a weekday there. */
function wordsBefore(lower: string, at: number): string {
  const words = lower.slice(Math.max(0, at - BACK_CHARS), at).split(' ');
  return words.slice(-BACK_WORDS - 1).join(' ');
}

const AHEAD_BEFORE = new RegExp(word(anyOf(DATES.weekdayAheadBefore)), 'u');

/** Whether a past verb governs the weekday at `at` (ending at `end`): one stands right after it
 *  ("on Saturday said"), or within a few words before it with no word that looks ahead after it. */
function toldAsPast(lower: string, at: number, end: number): boolean {
  if (BACK_AFTER.test(lower.slice(end, end + 20))) return true;
  // ("On Tuesday, Russian Foreign Minister A hosted B …, during which they prepared for the
  // coming talks": a weekday that opens the sentence is told by its clause's first verb)
  if (OPENING_WEEKDAY.test(lower.slice(0, at)) && lower.slice(end).startsWith(',')) {
    const clause = lower.slice(end, end + OPENING_CLAUSE_CHARS);
    const back = clause.search(BACK_ALL);
    const ahead = clause.search(FORWARD_ALL);
    if (back >= 0 && (ahead < 0 || back < ahead)) return true;
  }
  const governs = (near: string) => {
    const lastOf = (re: RegExp) => {
      let last = -1;
      for (const m of near.matchAll(re)) last = m.index;
      return last;
    };
    const back = lastOf(BACK_ALL);
    return back >= 0 && lastOf(FORWARD_ALL) < back;
  };
  if (governs(wordsBefore(lower, at))) return true;
  // ("A met Moroccan Prime Minister B in Rabat on Monday, …, which will end on Thursday": a
  // past verb farther back in the weekday's clause, past the names and place it governs)
  const before = lower.slice(Math.max(0, at - BACK_CHARS), at);
  const clause = before.slice(Math.max(...CLAUSE_MARKS.map((c) => before.lastIndexOf(c))) + 1);
  return governs(clause);
}

/** What ends a clause before a weekday, for the verb that governs it. */
const CLAUSE_MARKS = [',', ';', ':', '.', '"', '“', '”'];
const LEAD_AHEAD = new RegExp(word(anyOf(DATES.weekdayLeadAhead)), 'u');
/** A weekday told beside its date ("Sunday (March 2)") is that date. */
const BESIDE_CHARS = 3;
/** "April 30 and May 1": two days joined by "and" are one span when this close. */
const JOINED_DAYS = 3;

export function findEnglishDates(
  text: string,
  ref: RefDate,
  previousDay: string | null,
  isTitle = false,
): DateMention[] {
  // ("From July 31 (Thu) to August 2 (Sat)": a weekday in brackets after a day is read past,
  // blanked to spaces of its length so that every offset still points into the sentence)
  // ("held a call today (Monday)," a statement said: in a quotation, which may be quoted a
  // day on, its "today" is the weekday beside it, read in its stead)
  const unglossed = text.includes('(')
    ? text.replace(BRACKETED_TIME_GLOSS, (w) => ' '.repeat(w.length))
    : text;
  const lower = unglossed.includes('(')
    ? unglossed
        .replace(
          RELATIVE_DAY_BRACKETED,
          (w, relative: string, gap: string, weekday: string, at: number) =>
            quoted(text, at) ? `${' '.repeat(relative.length + gap.length)}${weekday} ` : w,
        )
        .replace(BRACKETED_WEEKDAY, (w) => ' '.repeat(w.length))
    : unglossed;
  const ctx: Context = {
    ref,
    forward: FORWARD.test(lower) || (isTitle && HEADLINE_FORWARD.test(lower)),
    leadAhead: LEAD_AHEAD.test(lower),
    previousDay,
  };
  // before a quotation, only the words outside it say whether the sentence looks ahead
  const opening = quoteOpening(lower);
  const saying: Context =
    opening < 0 ? ctx : { ...ctx, forward: FORWARD.test(lower.slice(0, opening)) };
  // ("officials said on Monday that A will visit B": before what was said, only the words
  // before it tell whether a day looks ahead)
  const saidAt = lower.search(SAID_THAT);
  const said: Context =
    saidAt < 0 ? ctx : { ...ctx, forward: FORWARD.test(lower.slice(0, saidAt)) };
  const aheadAt = lower.search(FORWARD_AFTER);
  // every reading, then the earliest and longest where they overlap (the readings are listed longest first)
  const found: DateMention[] = [];
  for (const { pattern, read } of READINGS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(lower); m !== null; m = pattern.exec(lower)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      // (the nearer of the two after the day: "after a call on Monday, A said that B was
      // likely to visit … and added “…”": what was said looks ahead, not the call)
      // (either is -1 where the sentence has none, which no day stands before)
      const told =
        start < opening && !(start < saidAt && saidAt < opening)
          ? saying
          : start < saidAt
            ? said
            : ctx;
      const mention = read(
        m,
        aheadAt >= 0 && start > aheadAt && !told.forward ? { ...told, forward: true } : told,
      );
      if (mention !== null) found.push({ ...mention, start, end });
    }
  }
  found.sort((a, b) => a.start - b.start);
  if (opening >= 0) anchorQuotedDays(lower, opening, found);
  yearAfter(lower, found);
  sameYear(lower, found);
  const out: DateMention[] = [];
  found.forEach((d, n) => {
    const next = found[n + 1];
    // "Sunday (March 2)": the weekday is the date beside it
    if (
      d.relative &&
      !d.approximate &&
      !d.anchored &&
      next !== undefined &&
      next.start - d.end <= BESIDE_CHARS &&
      !next.relative &&
      isDay(next)
    )
      return;
    // "next week on 8 June": a span that only suggests its day, told by the day right after it
    if (d.approximate && next !== undefined && daySpelledOut(lower, d, next)) return;
    const last = out[out.length - 1];
    if (last !== undefined && joinable(lower, last, d)) {
      out[out.length - 1] = { ...last, end: d.end, endValue: d.value };
      return;
    }
    // "from Sunday (Jan 15) to Wednesday (Jan 18)": two dates beside their weekdays, joined
    // by a range word
    if (last !== undefined && bracketedRange(lower, last, d)) {
      out[out.length - 1] = { ...last, end: d.end, endValue: d.value };
      return;
    }
    const spanEnd =
      last === undefined ? null : (weekdaySpanEnd(lower, last, d) ?? todaySpanEnd(lower, last, d));
    if (last !== undefined && spanEnd !== null) {
      out[out.length - 1] = { ...last, end: d.end, endValue: spanEnd };
      return;
    }
    out.push(d);
  });
  return out;
}

/** One day told exactly: no span, no month, no "around". */
const singleDay = (d: DateMention): boolean => isDay(d) && d.endValue === null && !d.approximate;

const DAY_IN_SPAN_BETWEEN = new RegExp(`^[\\s,]*(?:(?:${anyOf(DATES.dayInSpanLead)})\\s+)?$`, 'u');

/** "next week on 8 June", "next week, on Thursday": an approximate span whose day is written
 *  right after it, a day inside it. */
function daySpelledOut(lower: string, span: DateMention, day: DateMention): boolean {
  if (!singleDay(day) || span.endValue === null) return false;
  const n = dayNumber(day.value);
  return (
    n >= dayNumber(span.value) &&
    n <= dayNumber(span.endValue) &&
    DAY_IN_SPAN_BETWEEN.test(lower.slice(span.end, day.start))
  );
}

/** "April 30 and May 1", "on Tuesday and Wednesday": two single days joined by "and", a few
 *  days apart (both written as dates, or both as weekdays or the like). */
function joinable(lower: string, a: DateMention, b: DateMention): boolean {
  if (!singleDay(a) || !singleDay(b) || a.relative !== b.relative) return false;
  const gap = dayNumber(b.value) - dayNumber(a.value);
  return gap > 0 && gap <= JOINED_DAYS && lower.slice(a.end, b.start).trim() === dayJoiner;
}

/** "(Jan 15) to Wednesday (Jan 18)": two days told in brackets beside their weekdays, joined by
 *  a range word, a span of at most WEEKDAY_SPAN_DAYS days. */
function bracketedRange(lower: string, a: DateMention, b: DateMention): boolean {
  if (!singleDay(a) || !singleDay(b) || a.relative || b.relative) return false;
  const gap = dayNumber(b.value) - dayNumber(a.value);
  if (gap <= 0 || gap > WEEKDAY_SPAN_DAYS) return false;
  const between = lower.slice(a.end, b.start).replace(/[()]/gu, ' ').trim().split(/\s+/u);
  return (
    between.length === 2 && RANGE_JOINERS.has(between[0]!) && weekdays[between[1]!] !== undefined
  );
}

/** "from Thursday to Saturday": the longest span two weekdays joined by a range word make. */
const WEEKDAY_SPAN_DAYS = 6;
const RANGE_JOINERS: ReadonlySet<string> = new Set(rangeJoiners);

/**
 * "from Thursday to Saturday", "Monday through Wednesday", "from Monday (Jan 6) to Tuesday":
 * a day and a weekday joined by a range word are one span, ending on the first weekday of
 * the second's name after the first day (each was read on its own and the weekday may have
 * been put in another week). Null when the two are not such a pair.
 */
function weekdaySpanEnd(lower: string, a: DateMention, b: DateMention): string | null {
  if (
    !singleDay(a) ||
    !singleDay(b) ||
    !b.relative ||
    // ("from Monday (Jan 6) to Tuesday": the first day may be the date beside its weekday)
    !RANGE_JOINERS.has(lower.slice(a.end, b.start).replace(CLOSING_BRACKETS, '').trim()) ||
    weekdays[lastWord(lower.slice(b.start, b.end))] === undefined
  )
    return null;
  const days = (dayNumber(b.value) - dayNumber(a.value)) % 7;
  const ahead = days <= 0 ? days + 7 : days;
  return ahead <= WEEKDAY_SPAN_DAYS ? isoDayOf(dayNumber(a.value) + ahead) : null;
}

/** The longest span a day and "today" joined by a range word make ("from Nov 9 until today"). */
const TODAY_SPAN_DAYS = 31;

/** "is visiting Uzbekistan from Nov 9 until today": a day and a later relative day ("today",
 *  "tomorrow") joined by a range word are one span, ending on the second. */
function todaySpanEnd(lower: string, a: DateMention, b: DateMention): string | null {
  if (
    !singleDay(a) ||
    !singleDay(b) ||
    !b.relative ||
    relativeDays[lower.slice(b.start, b.end).trim()] === undefined ||
    !RANGE_JOINERS.has(lower.slice(a.end, b.start).trim())
  )
    return null;
  const days = dayNumber(b.value) - dayNumber(a.value);
  return days > 0 && days <= TODAY_SPAN_DAYS ? b.value : null;
}

const CLOSING_BRACKETS = /[)\]]/gu;
const lastWord = (text: string): string => text.trim().split(/\s+/u).pop() ?? '';

const SAID_THAT = new RegExp(word(anyOf([...LEX.saidThat])), 'u');
const QUOTE_MARKS = /["\u201c\u201d]/u;
/** Where the sentence's first quotation opens, or -1. */
const quoteOpening = (lower: string) => lower.search(QUOTE_MARKS);

/**
 * 'X said in a statement on Tuesday: "… a meeting … tomorrow"': a day word inside a quotation
 * counts from the day the words were said, when the sentence dates them before the quotation.
 */
function anchorQuotedDays(lower: string, opening: number, found: DateMention[]): void {
  const said = found.filter((d) => d.end <= opening && isDay(d) && d.endValue === null).pop();
  if (said === undefined) return;
  found.forEach((d, n) => {
    const shift = relativeDays[lower.slice(d.start, d.end)];
    if (d.start < opening || shift === undefined) return;
    found[n] = { ...d, value: isoDayOf(dayNumber(said.value) + shift) };
  });
}

/** The date `years` years on (back, when negative), its year now told; null where it would
 *  fall on a day that year lacks (February 29). */
function shiftedYears(d: DateMention, years: number): DateMention | null {
  const moved = (iso: string) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
  const valid = (iso: string) =>
    iso.length < 10 ||
    isValidDay(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
  const value = moved(d.value);
  const endValue = d.endValue === null ? null : moved(d.endValue);
  if (!valid(value) || (endValue !== null && !valid(endValue))) return null;
  return { ...d, value, endValue, yearGuessed: false };
}

/** How close after a day or a month "last year" may stand to give it its year, in characters. */
const YEAR_AFTER_CHARS = 2;

/**
 * "on October 13 last year", "in March this year": a day or a month written without its year
 * takes the year the words after it name.
 */
function yearAfter(lower: string, found: DateMention[]): void {
  found.forEach((d, n) => {
    const next = found[n + 1];
    if (
      next === undefined ||
      next.precision !== 'year' ||
      !next.relative ||
      d.precision === 'year' ||
      d.relative ||
      /\d{4}/u.test(lower.slice(d.start, d.end)) ||
      next.start - d.end > YEAR_AFTER_CHARS
    )
      return;
    const moved = shiftedYears(d, Number(next.value) - Number(d.value.slice(0, 4)));
    if (moved !== null) found[n] = moved;
  });
}

const SAME_YEAR = new RegExp(`^,?\\s*(?:${anyOf(DATES.sameYear)})(?![\\p{L}])`, 'u');

/**
 * "visited India in September 2014, followed by a visit to Australia in November that year": a
 * day or a month written without its year whose words after it say "that year" takes the
 * year of the last date before it in the sentence that writes its year.
 */
function sameYear(lower: string, found: DateMention[]): void {
  found.forEach((d, n) => {
    if (d.precision === 'year' || !d.yearGuessed || !SAME_YEAR.test(lower.slice(d.end))) return;
    const told = found
      .slice(0, n)
      .filter(
        (b) => b.precision !== 'year' && !b.relative && /\d{4}/u.test(lower.slice(b.start, b.end)),
      )
      .pop();
    if (told === undefined) return;
    const moved = shiftedYears(d, Number(told.value.slice(0, 4)) - Number(d.value.slice(0, 4)));
    if (moved !== null) found[n] = moved;
  });
}
