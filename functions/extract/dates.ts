// Dates in news text, resolved against the article's publication date (its local
// calendar day as written in the timestamp). Works on the matching form of a sentence
// (lower case, single spaces). The phrases are data (data/dates.json); this module
// compiles them into a few sticky patterns, each a fixed sequence of bounded pieces,
// so scanning stays linear in the text length.

import {
  addMonths,
  dayNumber,
  dayNumberOfParts,
  isoDay,
  isoDayOf,
  isoMonth,
  isValidDay,
} from '../domain/dates.js';
import datesData from './data/vi/dates.json' with { type: 'json' };
import { anyOf } from './patterns.js';

export type DatePrecision = 'day' | 'month' | 'year';

/** Whether a date, or an event dated by one, is told to the day. */
export const isDay = (d: { readonly precision: DatePrecision }): boolean => d.precision === 'day';
/** Whether a date, or an event dated by one, is told by its month alone. */
export const isMonth = (d: { readonly precision: DatePrecision }): boolean =>
  d.precision === 'month';

export interface DateMention {
  /** offsets in the sentence */
  start: number;
  end: number;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` */
  value: string;
  /** last day of a range, or null */
  endValue: string | null;
  precision: DatePrecision;
  /** resolved from a phrase ("hôm nay", "tuần tới", "cùng ngày") rather than written out */
  relative: boolean;
  /** a span the text only suggests ("tuần tới", "đầu năm sau"): no stated day */
  approximate: boolean;
  /** the day of the last reported event ("cùng ngày", "sau đó"), not a day of its own */
  anchored: boolean;
  /** its year is not written, and was taken as the occurrence nearest publication */
  yearGuessed?: boolean;
  /** told by a word for the day of writing or one next to it ("today", "hôm qua"): the
   *  writer's day, which may be a day off the event's where it takes place */
  deictic?: boolean;
}

/** The publication date as a calendar day (its local date as written in the timestamp). */
export interface RefDate {
  year: number;
  month: number;
  day: number;
  /** the next day has begun at UTC when it was published (an evening west of Greenwich) */
  utcAhead?: boolean;
}

export function refDateOf(publishedAt: string): RefDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  if (m !== null) {
    const at = Date.parse(publishedAt);
    return {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      utcAhead: !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) > m[0],
    };
  }
  const d = new Date(publishedAt);
  if (Number.isNaN(d.getTime())) return { year: 1970, month: 1, day: 1 };
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function refDayNumber(ref: RefDate): number {
  return dayNumberOfParts(ref.year, ref.month, ref.day);
}
/** The `YYYY-MM-DD` of the day `days` after (before, when negative) publication. */
export function shiftDays(ref: RefDate, days: number): string {
  return isoDayOf(refDayNumber(ref) + days);
}
/** Day of the week, 1 = Monday … 7 = Sunday. */
export function weekdayOf(ref: RefDate): number {
  const d = new Date(Date.UTC(ref.year, ref.month - 1, ref.day)).getUTCDay();
  return d === 0 ? 7 : d;
}
/** The day number of the Monday of publication's week. */
export const mondayOf = (ref: RefDate): number => refDayNumber(ref) - weekdayOf(ref) + 1;

type Direction = 'future' | 'past' | null;

/** A month written without its day ("tháng 12/2025", "tháng 2 năm nay", "tháng Tám vừa
 *  qua"; `m`: MONTH_YEAR's groups at 3 and 4, MONTH_DIRECTION's at 5): the year written,
 *  else the occurrence its direction word points to, else the nearest. */
function monthMention(at: Span, month: number, m: RegExpExecArray, ctx: ReadContext): DateMention {
  const direction = m[5] === undefined ? null : MONTH_DIRECTIONS[m[5]]!;
  const y =
    num(m[3]) ??
    (m[4] === undefined ? null : ctx.ref.year + RELATIVE_YEARS[m[4]]!) ??
    yearForMonth(month, ctx.ref, direction === 'future' || direction === 'past' ? direction : null);
  return mention(at, isoMonth(y, month), null, 'month');
}

/** The year of a day written without one: the occurrence nearest to the publication date. */
function yearForDay(d: number, m: number, ref: RefDate, direction: Direction): number | null {
  const refDay = refDayNumber(ref);
  return nearestYear(ref, direction, (y) =>
    isValidDay(y, m, d) ? dayNumberOfParts(y, m, d) - refDay : null,
  );
}
function yearForMonth(m: number, ref: RefDate, direction: Direction): number {
  const refIndex = ref.year * 12 + ref.month - 1;
  return nearestYear(ref, direction, (y) => y * 12 + m - 1 - refIndex) ?? ref.year;
}
/** Of the years around publication, the one whose signed distance from it (null: no such
 *  day that year) is the smallest on the side the direction points to; null if none is. */
function nearestYear(
  ref: RefDate,
  direction: Direction,
  distance: (year: number) => number | null,
): number | null {
  let best: number | null = null;
  let bestDistance = Infinity;
  for (const y of [ref.year - 1, ref.year, ref.year + 1]) {
    const diff = distance(y);
    if (diff === null) continue;
    if (direction === 'future' && diff < 0) continue;
    if (direction === 'past' && diff > 0) continue;
    if (Math.abs(diff) < bestDistance) {
      bestDistance = Math.abs(diff);
      best = y;
    }
  }
  return best;
}

// ---------------------------------------------------------------- the phrase tables, compiled

const keysOf = (table: Record<string, unknown>) => Object.keys(table);

/** The words for a day, a month and a year ("ngày 12 tháng 9 năm 2024"). */
const { day: DAY, month: MONTH, year: YEAR } = datesData.units;
const N = '(\\d{1,2})';
const Y = '(\\d{4})';
const NB = '(?<![\\d.,/])'; // no digit glued before
const NA = '(?![\\d]|[/.,-]\\d)'; // nothing numeric glued after
const NOT_LETTER_BEFORE = '(?<![\\p{L}])';
const NOT_LETTER_AFTER = '(?![\\p{L}])';
const DAYPART = `(?:${anyOf(datesData.dayParts)})`;
const DAY_LEAD = `(?:${anyOf(datesData.dayLead)})`;
const JOIN = `(?:${anyOf(datesData.rangeJoiners)})`;
const RANGE_LEAD = `(?:${anyOf(datesData.rangeLead)})`;
const MONTH_DIRECTION = `(?: (${anyOf(keysOf(datesData.monthDirections))}))?`;
const MONTH_PART = `(?:(${anyOf(keysOf(datesData.partsOfMonth))}) )?`;
/** the year after a month: "/2025", " năm 2025", " năm nay" */
const MONTH_YEAR = `(?:(?:/|\\.|-| ${YEAR} )${Y}| (${anyOf(keysOf(datesData.relativeYears))}))?`;
const WEEK_PART = `(?:(${anyOf(keysOf(datesData.partsOfWeek))}) )?`;
/** "vài tuần sau lễ nhậm chức", "hai tháng sau": a count of weeks or months after
 *  something, not next week or next month */
const NOT_COUNTED = `(?<!(?:${anyOf(datesData.counts)}|\\d+) )`;

const RELATIVE_DAYS: Record<string, number> = datesData.relativeDays;
const RELATIVE_AFTER_DAYPART: Record<string, number> = datesData.relativeDaysAfterDayPart;
const WEEKDAYS: Record<string, number> = datesData.weekdays;
const WEEKDAY_DIRECTIONS: Record<string, string> = datesData.weekdayDirections;
const MONTH_DIRECTIONS: Record<string, string> = datesData.monthDirections;
const RELATIVE_MONTHS: Record<string, number> = datesData.relativeMonths;
const RELATIVE_WEEKS: Record<string, number> = datesData.relativeWeeks;
const RELATIVE_YEARS: Record<string, number> = datesData.relativeYears;
const PARTS_OF_MONTH: Record<string, string> = datesData.partsOfMonth;
const MONTH_NAMES: Record<string, number> = datesData.monthNames;
const PARTS_OF_WEEK: Record<string, number[]> = datesData.partsOfWeek;
const PARTS_OF_YEAR: Record<string, number> = datesData.partsOfYear;
const SAME_DAY = new Set(datesData.sameDayAsLastEvent);
const DAY_AFTER = new Set(datesData.dayAfterLastEvent);

interface ReadContext {
  ref: RefDate;
  lower: string;
  previousDay: string | null;
}

interface Reader {
  /** the first words the pattern can begin with (DIGIT for a number): a position is tried only with the readers of its word */
  first: readonly string[];
  pattern: RegExp;
  read: (m: RegExpExecArray, at: Span, ctx: ReadContext) => DateMention | null;
}

/** Offsets of a date in the sentence. */
interface Span {
  start: number;
  end: number;
}

function mention(
  at: Span,
  value: string,
  endValue: string | null,
  precision: DatePrecision,
  flags: Partial<Pick<DateMention, 'relative' | 'approximate' | 'anchored' | 'deictic'>> = {},
): DateMention {
  return {
    start: at.start,
    end: at.end,
    value,
    endValue,
    precision,
    relative: flags.relative ?? false,
    approximate: flags.approximate ?? false,
    anchored: flags.anchored ?? false,
    ...(flags.deictic ? { deictic: true } : {}),
  };
}

const num = (s: string | undefined) => (s === undefined ? null : Number(s));
/** The key of positions that start with a digit. */
const DIGIT = '0';
const firstWords = (...lists: ReadonlyArray<Iterable<string>>) => [
  ...new Set([...lists].flatMap((l) => [...l].map((p) => p.split(' ')[0]!))),
];
const sticky = (source: string) => new RegExp(source, 'uy');

/** The readers in the order they are tried at a position; the first that matches wins. */
const READERS: readonly Reader[] = [
  {
    // "từ ngày 10/9 đến ngày 13/9", "10 đến 11/9", "14-15/4", "30/7 đến 1/8", "11 đến 12/12/2023"
    first: [DIGIT],
    pattern: sticky(`${NB}${N}(?:/${N}(?:/${Y})?)? ?${JOIN} ?(?:${DAY} )?${N}/${N}(?:/${Y})?${NA}`),
    read: (m, at, ctx) =>
      range(
        num(m[1])!,
        num(m[2]) ?? num(m[5])!,
        num(m[3]),
        num(m[4])!,
        num(m[5])!,
        num(m[6]),
        at,
        ctx,
      ),
  },
  {
    // "ngày 11 và 12-11", "từ 13 đến 14-11", "từ ngày 26 đến 27-1": dashes and dots after a lead word
    first: [DIGIT],
    pattern: sticky(`(?<=${RANGE_LEAD} )${N} ?${JOIN} ?(?:${DAY} )?${N}[-.]${N}(?:[-.]${Y})?${NA}`),
    read: (m, at, ctx) =>
      range(num(m[1])!, num(m[3])!, null, num(m[2])!, num(m[3])!, num(m[4]), at, ctx),
  },
  {
    // "từ ngày 30-9 đến 5-10": a span across two months, dashes and dots after a lead word
    first: [DIGIT],
    pattern: sticky(
      `(?<=${RANGE_LEAD} )${N}[-.]${N} ?${JOIN} ?(?:${DAY} )?${N}[-.]${N}(?:[-.]${Y})?${NA}`,
    ),
    read: (m, at, ctx) =>
      range(num(m[1])!, num(m[2])!, null, num(m[3])!, num(m[4])!, num(m[5]), at, ctx),
  },
  {
    // "ngày 10 đến ngày 13 tháng 9 năm 2024"
    first: [DAY],
    pattern: sticky(
      `${DAY} ${N} ?${JOIN} ?(?:${DAY} )?${N} ${MONTH} ${N}(?:,? ${YEAR} ${Y})?${NA}`,
    ),
    read: (m, at, ctx) =>
      range(num(m[1])!, num(m[3])!, null, num(m[2])!, num(m[3])!, num(m[4]), at, ctx),
  },
  {
    // "ngày 12 tháng 9 năm 2024"
    first: [DAY],
    pattern: sticky(`${DAY} ${N} ${MONTH} ${N}(?:,? ${YEAR} ${Y})?${NA}`),
    read: (m, at, ctx) => single(num(m[1])!, num(m[2])!, num(m[3]), at, ctx),
  },
  {
    // "ngày 20 tháng này", "ngày 5 tháng tới"
    first: [DAY],
    pattern: sticky(`${DAY} ${N} (${anyOf(keysOf(RELATIVE_MONTHS))})${NOT_LETTER_AFTER}`),
    read: (m, at, ctx) => {
      const { year, month } = addMonths(ctx.ref.year, ctx.ref.month, RELATIVE_MONTHS[m[2]!]!);
      const day = num(m[1])!;
      return isValidDay(year, month, day)
        ? mention(at, isoDay(year, month, day), null, 'day', { relative: true })
        : null;
    },
  },
  {
    // "5/2", "5-2-2024", "ngày 5.2", "hôm 30-10"
    first: [DIGIT],
    pattern: sticky(
      `${NB}${N}(?:/|(?<=(?:${DAY_LEAD}|${DAYPART}) \\d{1,2})[.-])${N}(?:[/.-]${Y})?${NA}`,
    ),
    read: (m, at, ctx) => single(num(m[1])!, num(m[2])!, num(m[3]), at, ctx),
  },
  {
    // "giữa tháng 1 tới", "tháng 12/2025", "tháng 12.2025", "tháng 2 năm 2025"
    first: firstWords(keysOf(PARTS_OF_MONTH), [MONTH]),
    pattern: sticky(`(?<!\\d )${MONTH_PART}${MONTH} ${N}${MONTH_YEAR}${NA}${MONTH_DIRECTION}`),
    read: (m, at, ctx) => {
      const month = num(m[2])!;
      if (month < 1 || month > 12) return null;
      return monthMention(at, month, m, ctx);
    },
  },
  {
    // "tháng Tám vừa qua", "tháng Mười Hai năm 2025": a month written as a word
    first: firstWords(keysOf(PARTS_OF_MONTH), [MONTH]),
    pattern: sticky(
      `(?<!\\d )${MONTH_PART}${MONTH} (${anyOf(keysOf(MONTH_NAMES))})${MONTH_YEAR}${NOT_LETTER_AFTER}${MONTH_DIRECTION}`,
    ),
    read: (m, at, ctx) => monthMention(at, MONTH_NAMES[m[2]!]!, m, ctx),
  },
  {
    // "vào tháng tới", "cuối tháng này"
    first: firstWords(keysOf(PARTS_OF_MONTH), keysOf(RELATIVE_MONTHS)),
    pattern: sticky(
      `${NOT_LETTER_BEFORE}${NOT_COUNTED}${MONTH_PART}(${anyOf(keysOf(RELATIVE_MONTHS))})${NOT_LETTER_AFTER}`,
    ),
    read: (m, at, ctx) => {
      const { year, month } = addMonths(ctx.ref.year, ctx.ref.month, RELATIVE_MONTHS[m[2]!]!);
      return mention(at, isoMonth(year, month), null, 'month', { relative: true });
    },
  },
  {
    // "hôm nay", "tối hôm qua", "ngày mai", "ngày kia"
    first: firstWords(datesData.dayParts, keysOf(RELATIVE_DAYS)),
    pattern: sticky(
      `${NOT_LETTER_BEFORE}(?:${DAYPART} )?(${anyOf(keysOf(RELATIVE_DAYS))})${NOT_LETTER_AFTER}`,
    ),
    read: (m, at, ctx) =>
      mention(at, shiftDays(ctx.ref, RELATIVE_DAYS[m[1]!]!), null, 'day', {
        relative: true,
        deictic: true,
      }),
  },
  {
    // "chiều nay", "tối qua", "sáng mai"
    first: firstWords(datesData.dayParts),
    pattern: sticky(
      `${NOT_LETTER_BEFORE}${DAYPART} (${anyOf(keysOf(RELATIVE_AFTER_DAYPART))})${NOT_LETTER_AFTER}`,
    ),
    read: (m, at, ctx) =>
      mention(at, shiftDays(ctx.ref, RELATIVE_AFTER_DAYPART[m[1]!]!), null, 'day', {
        relative: true,
        deictic: true,
      }),
  },
  {
    // "thứ Hai tới", "Chủ nhật vừa qua", "thứ 5 này"
    // a weekday needs a lead word before it or a direction after it: "lần thứ hai" is an ordinal
    first: firstWords(keysOf(WEEKDAYS)),
    pattern: sticky(
      `(?:(?<=(?:${anyOf(datesData.weekdayLead)}) )|(?=(?:${anyOf(keysOf(WEEKDAYS))}) (?:${anyOf(keysOf(WEEKDAY_DIRECTIONS))})${NOT_LETTER_AFTER}))(${anyOf(keysOf(WEEKDAYS))})(?: (${anyOf(keysOf(WEEKDAY_DIRECTIONS))}))?${NOT_LETTER_AFTER}(?![\\d/])`,
    ),
    read: (m, at, ctx) => {
      const target = WEEKDAYS[m[1]!]!;
      const direction = m[2] === undefined ? 'this' : WEEKDAY_DIRECTIONS[m[2]]!;
      const today = weekdayOf(ctx.ref);
      const weekShift = direction === 'next' ? 7 : direction === 'last' ? -7 : 0;
      // "thứ Sáu tới" said on a Monday is this Friday; said on a Saturday, next Friday
      let offset = target - today + weekShift;
      if (direction === 'next' && target > today) offset -= 7;
      if (direction === 'last' && target < today) offset += 7;
      return mention(at, shiftDays(ctx.ref, offset), null, 'day', { relative: true });
    },
  },
  {
    // "tuần tới", "đầu tuần tới", "cuối tuần này": the days of that week
    first: firstWords(keysOf(PARTS_OF_WEEK), keysOf(RELATIVE_WEEKS)),
    pattern: sticky(
      `${NOT_LETTER_BEFORE}${NOT_COUNTED}${WEEK_PART}(${anyOf(keysOf(RELATIVE_WEEKS))})${NOT_LETTER_AFTER}`,
    ),
    read: (m, at, ctx) => {
      const monday = mondayOf(ctx.ref) + 7 * RELATIVE_WEEKS[m[2]!]!;
      const [from, to] = m[1] === undefined ? [1, 7] : PARTS_OF_WEEK[m[1]]!;
      return mention(at, isoDayOf(monday + from! - 1), isoDayOf(monday + to! - 1), 'day', {
        relative: true,
        approximate: true,
      });
    },
  },
  {
    // "cuối tuần": the coming (or current) weekend
    first: firstWords(datesData.weekend),
    pattern: sticky(`${NOT_LETTER_BEFORE}(?:${anyOf(datesData.weekend)})${NOT_LETTER_AFTER}`),
    read: (_m, at, ctx) => {
      const monday = mondayOf(ctx.ref);
      const [from, to] = PARTS_OF_WEEK[datesData.weekendPart]!;
      return mention(at, isoDayOf(monday + from! - 1), isoDayOf(monday + to! - 1), 'day', {
        relative: true,
        approximate: true,
      });
    },
  },
  {
    // "đầu năm sau", "cuối năm nay", "cuối năm 2025": a month the text only suggests
    first: firstWords(keysOf(PARTS_OF_YEAR)),
    pattern: sticky(
      `${NOT_LETTER_BEFORE}(?<!(?:${anyOf(datesData.notBeforePartOfYear)}) )(${anyOf(keysOf(PARTS_OF_YEAR))}) ${YEAR} (?:${Y}|(${anyOf(keysOf(RELATIVE_YEARS).map((k) => k.slice(YEAR.length + 1)))}))${NOT_LETTER_AFTER}(?!\\d)`,
    ),
    read: (m, at, ctx) => {
      const year =
        m[2] !== undefined ? Number(m[2]) : ctx.ref.year + RELATIVE_YEARS[`${YEAR} ${m[3]!}`]!;
      return mention(at, isoMonth(year, PARTS_OF_YEAR[m[1]!]!), null, 'month', {
        relative: m[2] === undefined,
        approximate: true,
      });
    },
  },
  {
    // "năm 2025", "năm nay", "năm tới"
    first: firstWords([YEAR], keysOf(RELATIVE_YEARS)),
    pattern: sticky(
      `${NOT_LETTER_BEFORE}(?:${YEAR} ${Y}|(${anyOf(keysOf(RELATIVE_YEARS))}))(?![\\p{L}\\d])`,
    ),
    read: (m, at, ctx) => {
      const year = m[1] !== undefined ? Number(m[1]) : ctx.ref.year + RELATIVE_YEARS[m[2]!]!;
      return mention(at, String(year), null, 'year', { relative: m[1] === undefined });
    },
  },
  {
    // the day of the last reported event (events.ts keeps it), or the day after: "chiều cùng ngày", "hôm sau", "sau lễ đón"
    first: firstWords(SAME_DAY, DAY_AFTER),
    pattern: sticky(
      `${NOT_LETTER_BEFORE}(${anyOf([...SAME_DAY, ...DAY_AFTER])})${NOT_LETTER_AFTER}`,
    ),
    read: (m, at, ctx) => {
      if (ctx.previousDay === null) return null;
      const value = SAME_DAY.has(m[1]!)
        ? ctx.previousDay
        : isoDayOf(dayNumber(ctx.previousDay) + 1);
      return mention(at, value, null, 'day', { relative: true, anchored: true });
    },
  },
  {
    // a sentence opening with "Sau đó," / "Ngay sau đó,": the day of the last reported event
    first: firstWords(datesData.openingSameDay),
    pattern: sticky(`^(?:${anyOf(datesData.openingSameDay)})${NOT_LETTER_AFTER}`),
    read: (_m, at, ctx) =>
      ctx.previousDay === null
        ? null
        : mention(at, ctx.previousDay, null, 'day', { relative: true, anchored: true }),
  },
];

// Every reader says which first words its pattern can begin with. One scan for those
// words (or a digit) finds the few positions where a date may start, and each is tried
// only with the readers of its word: most positions start no date, and trying every
// reader everywhere would cost many times more. dates.test.ts checks that this finds what
// trying every reader at every position finds.
const READERS_BY_FIRST = new Map<string, Reader[]>();
for (const reader of READERS) {
  for (const word of reader.first)
    READERS_BY_FIRST.set(word, [...(READERS_BY_FIRST.get(word) ?? []), reader]);
}
const DATE_START = new RegExp(
  `\\d|${anyOf([...READERS_BY_FIRST.keys()].filter((w) => w !== DIGIT))}`,
  'gu',
);

/** The patterns and their first words, for the test that scanning from DATE_START positions
 *  finds what trying every position finds (a function: the bundles leave it out). */
export const datePatternSources = () => ({
  readers: READERS.map((r) => ({ source: r.pattern.source, first: r.first })),
  start: DATE_START.source,
  digit: DIGIT,
});

/** The first date at or after `from`, with the offset after it. */
function nextDate(
  ctx: ReadContext,
  from: number,
): { mention: DateMention | null; index: number; length: number } | null {
  const { lower } = ctx;
  DATE_START.lastIndex = from;
  for (let start = DATE_START.exec(lower); start !== null; start = DATE_START.exec(lower)) {
    const word = start[0];
    for (const reader of READERS_BY_FIRST.get(
      word.length === 1 && word >= '0' && word <= '9' ? DIGIT : word,
    ) ?? []) {
      reader.pattern.lastIndex = start.index;
      const m = reader.pattern.exec(lower);
      if (m === null) continue;
      return {
        mention: reader.read(m, { start: m.index, end: m.index + m[0].length }, ctx),
        index: m.index,
        length: m[0].length,
      };
    }
    DATE_START.lastIndex = start.index + 1;
  }
  return null;
}

/**
 * All dates in a sentence, in order. `lower` is the sentence's matching form. A relative
 * day followed by the same day written out ("ngày mai (11/9)") is reported once.
 */
export function findDates(
  lower: string,
  ref: RefDate,
  previousDay: string | null = null,
): DateMention[] {
  const ctx: ReadContext = { ref, lower, previousDay };
  const found: DateMention[] = [];
  for (
    let hit = nextDate(ctx, 0);
    hit !== null;
    hit = nextDate(ctx, hit.index + Math.max(1, hit.length))
  ) {
    const m = hit.mention;
    if (m === null) continue;
    const previous = found[found.length - 1];
    // "ngày mai (11/9)": keep the written-out date, with both spans
    if (previous?.relative && !m.relative && /^ ?\($/.test(lower.slice(previous.end, m.start))) {
      found[found.length - 1] = mention(
        { start: previous.start, end: m.end },
        m.value,
        m.endValue,
        m.precision,
      );
    } else {
      found.push(m);
    }
  }
  return found;
}

/** "tới"/"vừa qua" right after a day ("ngày 5/2 tới") tells the direction of a missing year. */
function directionAfter(lower: string, end: number): Direction {
  const tail = /^ (\p{L}+(?: \p{L}+)?)/u.exec(lower.slice(end, end + 12))?.[1];
  if (tail === undefined) return null;
  for (const phrase of [tail, tail.split(' ')[0]!]) {
    const direction = MONTH_DIRECTIONS[phrase];
    if (direction === 'future' || direction === 'past') return direction;
  }
  return null;
}

/** The year of a day: as written, else the occurrence the words after the date point to
 *  (else the nearest); null when that day is no real one. */
function yearOfDay(d: number, m: number, y: number | null, at: Span, ctx: ReadContext) {
  const year = y ?? yearForDay(d, m, ctx.ref, directionAfter(ctx.lower, at.end));
  return year !== null && isValidDay(year, m, d) ? year : null;
}

function single(
  d: number,
  mo: number,
  y: number | null,
  at: Span,
  ctx: ReadContext,
): DateMention | null {
  const year = yearOfDay(d, mo, y, at, ctx);
  return year === null ? null : mention(at, isoDay(year, mo, d), null, 'day');
}

/** The longest span of days a range may cover: longer spans are anniversaries or periods, not visits. */
const MAX_RANGE_DAYS = 60;

function range(
  d1: number,
  m1: number,
  y1: number | null,
  d2: number,
  m2: number,
  y2: number | null,
  at: Span,
  ctx: ReadContext,
): DateMention | null {
  const endYear = yearOfDay(d2, m2, y2, at, ctx);
  if (endYear === null) return null;
  let startYear = y1 ?? endYear;
  if (y1 === null && (m1 > m2 || (m1 === m2 && d1 > d2))) startYear = endYear - 1; // "30/12 đến 2/1"
  if (!isValidDay(startYear, m1, d1)) return null;
  const startNumber = dayNumberOfParts(startYear, m1, d1);
  const endNumber = dayNumberOfParts(endYear, m2, d2);
  if (endNumber < startNumber || endNumber - startNumber > MAX_RANGE_DAYS) return null;
  const value = isoDay(startYear, m1, d1);
  const endValue = startNumber === endNumber ? null : isoDay(endYear, m2, d2);
  return mention(at, value, endValue, 'day');
}

/** The year of a day written without one: its occurrence nearest to publication (for readers of other languages). */
export const nearestYearOfDay = (d: number, m: number, ref: RefDate): number | null =>
  yearForDay(d, m, ref, null);
/** The year of a month written without one: its occurrence nearest to publication. */
export const nearestYearOfMonth = (m: number, ref: RefDate): number => yearForMonth(m, ref, null);
