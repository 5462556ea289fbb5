// Dates in Vietnamese news text, resolved against the article's publication date.
// Works on the matching form of a sentence (lower case, single spaces). Every pattern
// is a fixed sequence of bounded pieces, so scanning is linear in the text length.

export type DatePrecision = 'day' | 'month' | 'year';

export interface DateMention {
  /** offsets in the sentence */
  start: number;
  end: number;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` */
  value: string;
  /** last day of a range, or null */
  endValue: string | null;
  precision: DatePrecision;
  /** resolved from "hôm nay", "hôm qua", "ngày mai", ... rather than written out */
  relative: boolean;
}

/** The publication date as a calendar day (its local date as written in the timestamp). */
export interface RefDate {
  year: number;
  month: number;
  day: number;
}

export function refDateOf(publishedAt: string): RefDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  if (m !== null) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const d = new Date(publishedAt);
  if (Number.isNaN(d.getTime())) return { year: 1970, month: 1, day: 1 };
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDay = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
export const isoMonth = (y: number, m: number) => `${y}-${pad(m)}`;

function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}
export function refDayNumber(ref: RefDate): number {
  return dayNumber(ref.year, ref.month, ref.day);
}
/** Days since the epoch of a `YYYY-MM-DD` string, or of the first day of a `YYYY-MM`. */
export function dayNumberOf(iso: string): number {
  return dayNumber(Number(iso.slice(0, 4)), iso.length >= 7 ? Number(iso.slice(5, 7)) : 1, iso.length >= 10 ? Number(iso.slice(8, 10)) : 1);
}
function isValidDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
function shiftDays(ref: RefDate, days: number): string {
  const t = new Date(Date.UTC(ref.year, ref.month - 1, ref.day + days));
  return isoDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

type Direction = 'future' | 'past' | null;

/** The year of a day written without one: the occurrence nearest to the publication date. */
function yearForDay(d: number, m: number, ref: RefDate, direction: Direction): number | null {
  const refDay = refDayNumber(ref);
  let best: number | null = null;
  let bestDistance = Infinity;
  for (const y of [ref.year - 1, ref.year, ref.year + 1]) {
    if (!isValidDay(y, m, d)) continue;
    const diff = dayNumber(y, m, d) - refDay;
    if (direction === 'future' && diff < 0) continue;
    if (direction === 'past' && diff > 0) continue;
    if (Math.abs(diff) < bestDistance) { bestDistance = Math.abs(diff); best = y; }
  }
  return best;
}
function yearForMonth(m: number, ref: RefDate, direction: Direction): number {
  const refIndex = ref.year * 12 + ref.month - 1;
  let best = ref.year;
  let bestDistance = Infinity;
  for (const y of [ref.year - 1, ref.year, ref.year + 1]) {
    const diff = y * 12 + m - 1 - refIndex;
    if (direction === 'future' && diff < 0) continue;
    if (direction === 'past' && diff > 0) continue;
    if (Math.abs(diff) < bestDistance) { bestDistance = Math.abs(diff); best = y; }
  }
  return best;
}

const N = '(\\d{1,2})';
const Y = '(\\d{4})';
const NB = '(?<![\\d.,/])'; // no digit glued before
const NA = '(?![\\d]|[/.,-]\\d)'; // nothing numeric glued after
const DAYPART = '(?:rạng sáng|sáng|trưa|chiều|tối|đêm)';
const DIR = '(?: (tới|sắp tới|sau|này|vừa qua|trước|qua|vừa rồi))?';

// One alternation; the capture groups of each alternative are read by position below.
// Sticky: it is tried only at the positions where DATE_START says a date may begin.
const DATE_PATTERN = new RegExp(
  [
    // 1-5: range "từ ngày 10/9 đến ngày 13/9", "10 đến 11/9", "14-15/4", "30/7 đến 1/8", "11 đến 12/12/2023"
    `${NB}${N}(?:/${N}(?:/${Y})?)? ?(?:-|–|đến|tới|và) ?(?:ngày )?${N}/${N}(?:/${Y})?${NA}`,
    // 6-10: "ngày 10 đến ngày 13 tháng 9 năm 2024"
    `ngày ${N} ?(?:-|–|đến|và) ?(?:ngày )?${N} tháng ${N}(?:,? năm ${Y})?${NA}`,
    // 11-13: "ngày 12 tháng 9 năm 2024"
    `ngày ${N} tháng ${N}(?:,? năm ${Y})?${NA}`,
    // 14-16: "5/2", "5-2-2024", "ngày 5.2"
    `${NB}${N}(?:/|(?<=(?:ngày|${DAYPART}) \\d{1,2})[.-])${N}(?:[/.-]${Y})?${NA}`,
    // 17-20: "giữa tháng 1 tới", "tháng 12/2025", "tháng 12.2025", "tháng 2 năm 2025"
    `(?<!\\d )(?:(đầu|giữa|cuối|trung tuần|thượng tuần|hạ tuần) )?tháng ${N}(?:(?:/|\\.|-| năm )${Y})?${NA}${DIR}`,
    // 21-22: relative days: "hôm nay", "chiều nay", "tối hôm qua", "ngày mai"
    `(?<![\\p{L}])(?:(?:ngày |${DAYPART} )?(hôm nay|hôm qua|hôm kia)|${DAYPART} (nay|qua|mai)|ngày (mai|kia))(?![\\p{L}])`,
    // 24-25: years: "năm 2025", "năm nay", "năm tới"
    `(?<![\\p{L}])năm (?:${Y}|(nay|tới|sau|ngoái|trước))(?![\\p{L}\\d])`,
    // 26: the day of the last reported event (events.ts, nextAnchor), or the day after: "chiều cùng ngày", "hôm sau"
    `(?<![\\p{L}])(cùng ngày|ngày hôm sau|hôm sau)(?![\\p{L}])`,
    // 27: a sentence opening with "Sau đó," / "Ngay sau đó,": the day of the last reported event
    `^(?:ngay )?(sau đó)(?![\\p{L}])`,
  ].join('|'),
  'uy',
);

/**
 * All dates in a sentence, in order. `lower` is the sentence's matching form. A relative
 * day followed by the same day written out ("ngày mai (11/9)") is reported once.
 */
export function findDates(lower: string, ref: RefDate, previousDay: string | null = null): DateMention[] {
  const found: DateMention[] = [];
  for (let m = nextDate(lower, 0); m !== null; m = nextDate(lower, m.index + Math.max(1, m[0].length))) {
    const mention = interpret(m, ref, lower, previousDay);
    if (mention !== null) {
      const previous = found[found.length - 1];
      // "ngày mai (11/9)": keep the written-out date, with both spans
      if (previous !== undefined && previous.relative && !mention.relative && /^ ?\($/.test(lower.slice(previous.end, mention.start))) {
        found[found.length - 1] = dateMention({ start: previous.start, end: mention.end }, mention.value, mention.endValue, mention.precision, mention.relative);
      } else {
        found.push(mention);
      }
    }
  }
  return found;
}

// Every alternative of DATE_PATTERN begins with a digit or with one of these words
// (a new alternative must add its first word here; dates.test.ts checks the two agree).
// Trying the big pattern only where they occur gives the same matches as letting it
// scan (it would fail everywhere else) at a fraction of the cost.
const DATE_START = new RegExp(`\\d|ngày|tháng|năm|hôm|cùng ngày|ngay sau đó|sau đó|đầu|giữa|cuối|trung tuần|thượng tuần|hạ tuần|${DAYPART}`, 'g');

/** The two patterns, for the test that scanning with DATE_START finds what a plain scan finds. */
export const DATE_PATTERN_SOURCES = { date: DATE_PATTERN.source, start: DATE_START.source } as const;

/** The first match of DATE_PATTERN at or after `from`, as `DATE_PATTERN.exec` would find it. */
function nextDate(lower: string, from: number): RegExpExecArray | null {
  DATE_START.lastIndex = from;
  for (let start = DATE_START.exec(lower); start !== null; start = DATE_START.exec(lower)) {
    DATE_PATTERN.lastIndex = start.index;
    const m = DATE_PATTERN.exec(lower);
    if (m !== null) return m;
    DATE_START.lastIndex = start.index + 1;
  }
  return null;
}

/** Offsets of a date in the sentence. */
interface Span {
  start: number;
  end: number;
}

/** A date mention, always built with its fields in the same order (one object shape). */
function dateMention(at: Span, value: string, endValue: string | null, precision: DatePrecision, relative = false): DateMention {
  return { start: at.start, end: at.end, relative, value, endValue, precision };
}

const num = (s: string | undefined) => (s === undefined ? null : Number(s));

function interpret(m: RegExpExecArray, ref: RefDate, lower: string, previousDay: string | null): DateMention | null {
  const start = m.index;
  const end = m.index + m[0].length;
  const base: Span = { start, end };
  if (m[1] !== undefined || m[4] !== undefined) {
    // numeric range
    const d1 = num(m[1])!;
    const d2 = num(m[4])!;
    const m2 = num(m[5])!;
    const m1 = num(m[2]) ?? m2;
    const y2 = num(m[6]);
    const y1 = num(m[3]);
    return range(d1, m1, y1, d2, m2, y2, ref, base, lower);
  }
  if (m[7] !== undefined) {
    const m2 = num(m[9])!;
    return range(num(m[7])!, m2, null, num(m[8])!, m2, num(m[10]), ref, base, lower);
  }
  if (m[11] !== undefined) return single(num(m[11])!, num(m[12])!, num(m[13]), ref, base, lower);
  if (m[14] !== undefined) return single(num(m[14])!, num(m[15])!, num(m[16]), ref, base, lower);
  if (m[18] !== undefined) {
    const month = num(m[18])!;
    if (month < 1 || month > 12) return null;
    const written = num(m[19]);
    const direction = directionOf(m[20]);
    const year = written ?? yearForMonth(month, ref, direction);
    return dateMention(base, isoMonth(year, month), null, 'month');
  }
  const relative = m[21] ?? m[22] ?? m[23];
  if (relative !== undefined) {
    const offset = relative === 'hôm nay' || relative === 'nay' ? 0
      : relative === 'hôm qua' || relative === 'qua' ? -1
        : relative === 'hôm kia' ? -2
          : relative === 'kia' ? 2 : 1;
    return dateMention(base, shiftDays(ref, offset), null, 'day', true);
  }
  if (m[24] !== undefined || m[25] !== undefined) {
    const word = m[25];
    const year = m[24] !== undefined ? Number(m[24]) : word === 'nay' ? ref.year : word === 'ngoái' || word === 'trước' ? ref.year - 1 : ref.year + 1;
    return dateMention(base, String(year), null, 'year');
  }
  if (m[27] !== undefined) return previousDay === null ? null : dateMention(base, previousDay, null, 'day', true);
  if (m[26] !== undefined) {
    if (previousDay === null) return null;
    const [y, mo, d] = previousDay.split('-').map(Number) as [number, number, number];
    const value = m[26] === 'cùng ngày' ? previousDay : shiftDays({ year: y, month: mo, day: d }, 1);
    return dateMention(base, value, null, 'day', true);
  }
  return null;
}

function directionOf(word: string | undefined): Direction {
  if (word === undefined || word === 'này') return null;
  return word === 'tới' || word === 'sắp tới' || word === 'sau' ? 'future' : 'past';
}

/** "tới"/"vừa qua" right after a day ("ngày 5/2 tới") tells the direction of a missing year. */
function directionAfter(lower: string, end: number): Direction {
  const tail = lower.slice(end, end + 10);
  if (/^ (tới|sắp tới)(?![\p{L}])/u.test(tail)) return 'future';
  if (/^ (vừa qua|vừa rồi)(?![\p{L}])/u.test(tail)) return 'past';
  return null;
}

function single(d: number, mo: number, y: number | null, ref: RefDate, base: Span, lower: string): DateMention | null {
  const year = y ?? yearForDay(d, mo, ref, directionAfter(lower, base.end));
  if (year === null || !isValidDay(year, mo, d)) return null;
  return dateMention(base, isoDay(year, mo, d), null, 'day');
}

function range(d1: number, m1: number, y1: number | null, d2: number, m2: number, y2: number | null, ref: RefDate, base: Span, lower: string): DateMention | null {
  const endYear = y2 ?? yearForDay(d2, m2, ref, directionAfter(lower, base.end));
  if (endYear === null || !isValidDay(endYear, m2, d2)) return null;
  let startYear = y1 ?? endYear;
  if (y1 === null && (m1 > m2 || (m1 === m2 && d1 > d2))) startYear = endYear - 1; // "30/12 đến 2/1"
  if (!isValidDay(startYear, m1, d1)) return null;
  const startNumber = dayNumber(startYear, m1, d1);
  const endNumber = dayNumber(endYear, m2, d2);
  if (endNumber < startNumber || endNumber - startNumber > 60) {
    // not a span of days ("2021 - 2025" cannot get here; "18/1/1950 - 18/1/2025" can)
    return null;
  }
  const value = isoDay(startYear, m1, d1);
  const endValue = startNumber === endNumber ? null : isoDay(endYear, m2, d2);
  return dateMention(base, value, endValue, 'day');
}
