// English dates, read with chrono-node (a well-kept parser of English date phrases: "March 5",
// "5-7 March", "Dec. 12-13", "on Tuesday", "next month", "this week") and resolved against the
// publication day the way the Vietnamese reader resolves its own: a day without a year is the
// occurrence nearest to publication, a bare weekday the last one unless the sentence looks
// ahead, a week only roughly. What the parser does not know is data (data/en/dates.json).
import * as chrono from 'chrono-node/en';
import type { ParsedComponents } from 'chrono-node';
import * as z from 'zod/mini';
import datesData from './data/en/dates.json' with { type: 'json' };
import { dayNumberOf, isoDay, isoMonth, isoOfDayNumber, nearestYearOfDay, nearestYearOfMonth, refDayNumber, type DateMention, type RefDate } from './dates.js';
import { anyOf, escapeForPattern } from './patterns.js';

const DATES = z.object({ weekdayForward: z.array(z.string()), sameDay: z.array(z.string()), week: z.string(), dayJoiner: z.string(), relativeDays: z.array(z.string()), monthStems: z.array(z.string()), weekShift: z.record(z.string(), z.number()) }).parse(datesData);
const MONTH_NAME = new RegExp(`(?<![\\p{L}])(?:${anyOf(DATES.monthStems)})`, 'u');
const RELATIVE_DAY = new RegExp(`(?<![\\p{L}])(?:${anyOf(DATES.relativeDays)})(?![\\p{L}])`, 'u');
const FORWARD = new RegExp(`(?<![\\p{L}])(?:${anyOf(DATES.weekdayForward)})(?![\\p{L}])`, 'u');
const SAME_DAY = new RegExp(`(?<![\\p{L}])(?:${anyOf(DATES.sameDay)})(?![\\p{L}])`, 'gu');
/** A year on its own ("in 2015", "since 2021"), where the parser found no date around it. */
const YEAR = /(?<![\d.,/-])(19\d{2}|20\d{2})(?![\d])/g;
/** A weekday told beside its date ("Sunday (June 23)") is that date. */
const BESIDE_CHARS = 3;
/** How far from publication a bare weekday may lie. */
const WEEK_DAYS = 7;

interface Parsed {
  index: number;
  text: string;
  start: ParsedComponents;
  end: ParsedComponents | null;
}

function weekOf(dayNumber: number): [number, number] {
  const weekday = (new Date(dayNumber * 86_400_000).getUTCDay() + 6) % 7; // Monday 0
  return [dayNumber - weekday, dayNumber - weekday + 6];
}

/** A date the parser found, in the extractor's terms; null for times and what tells no day or month. */
function mentionOf(r: Parsed, ref: RefDate, forward: boolean, next: Parsed | undefined): DateMention | null {
  const at = { start: r.index, end: r.index + r.text.trimEnd().length };
  const s = r.start;
  const flags = { relative: false, approximate: false, anchored: false };
  if (r.text.includes(DATES.week)) {
    // the parser's weeks begin on Sunday; a news week is Monday to Sunday around publication
    const shift = Object.entries(DATES.weekShift).find(([word]) => r.text.split(/\s+/u).includes(word))?.[1] ?? 0;
    const [monday, sunday] = weekOf(refDayNumber(ref) + shift);
    return { ...at, value: isoOfDayNumber(monday), endValue: isoOfDayNumber(sunday), precision: 'day', ...flags, relative: true, approximate: true };
  }
  if (s.isCertain('day') && s.isCertain('month')) {
    const d = s.get('day')!;
    const m = s.get('month')!;
    const written = /\d/.test(r.text);
    // a day without a number is one of the few words for one ("today"), not any phrase the parser stretches ("in the day")
    if (written ? !MONTH_NAME.test(r.text) : !RELATIVE_DAY.test(r.text)) return null;
    const y = s.isCertain('year') || !written ? s.get('year')! : nearestYearOfDay(d, m, ref);
    if (y === null) return null;
    let endValue: string | null = null;
    if (r.end !== null && r.end.isCertain('day')) {
      const m2 = r.end.isCertain('month') ? r.end.get('month')! : m;
      const d2 = r.end.get('day')!;
      const y2 = r.end.isCertain('year') ? r.end.get('year')! : m2 < m ? y + 1 : y;
      endValue = isoDay(y2, m2, d2);
      if (endValue <= isoDay(y, m, d)) endValue = null;
    }
    return { ...at, value: isoDay(y, m, d), endValue, precision: 'day', ...flags, relative: !written };
  }
  if (s.isCertain('weekday') && !s.isCertain('day') && RELATIVE_DAY.test(r.text)) {
    if (next !== undefined && next.index - at.end <= BESIDE_CHARS && next.start.isCertain('day')) return null;
    const today = refDayNumber(ref);
    const weekday = s.get('weekday')!;
    const refWeekday = new Date(today * 86_400_000).getUTCDay();
    const back = (refWeekday - weekday + WEEK_DAYS) % WEEK_DAYS;
    const day = forward ? today + ((weekday - refWeekday + WEEK_DAYS) % WEEK_DAYS) : today - back;
    return { ...at, value: isoOfDayNumber(day), endValue: null, precision: 'day', ...flags, relative: true };
  }
  if (s.isCertain('month')) {
    const m = s.get('month')!;
    const y = s.isCertain('year') ? s.get('year')! : nearestYearOfMonth(m, ref);
    return { ...at, value: isoMonth(y, m), endValue: null, precision: 'month', ...flags, relative: !/\d/.test(r.text) && !s.isCertain('year') };
  }
  return null;
}

/** "July.8": a month glued to its day by a dot reads as "July 8" (the same length, so offsets hold). */
const GLUED_DAY = /(?<=\p{L})\.(?=\d)/gu;
/** "April 30 and May 1", "July 8 and 9": two days joined by "and" are one span when this close. */
const JOINED_DAYS = 3;
const AND_DAY = new RegExp(`^ ${escapeForPattern(DATES.dayJoiner)} (\\d{1,2})(?!\\d)`);

/** Adjacent days joined by "and" as one span: the parser reads them as two dates, or the second not at all. */
function joinDays(lower: string, dates: DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  for (const d of dates) {
    const last = out[out.length - 1];
    const between = last === undefined ? '' : lower.slice(last.end, d.start);
    if (last !== undefined && last.precision === 'day' && d.precision === 'day' && last.endValue === null && d.endValue === null && !last.relative && !d.relative
      && between.trim() === DATES.dayJoiner && dayNumberOf(d.value) - dayNumberOf(last.value) > 0 && dayNumberOf(d.value) - dayNumberOf(last.value) <= JOINED_DAYS) {
      out[out.length - 1] = { ...last, end: d.end, endValue: d.value };
      continue;
    }
    if (d.precision === 'day' && d.endValue === null && !d.relative) {
      const more = AND_DAY.exec(lower.slice(d.end));
      const day = more === null ? NaN : Number(more[1]);
      if (day > Number(d.value.slice(8, 10)) && day - Number(d.value.slice(8, 10)) <= JOINED_DAYS) {
        out.push({ ...d, end: d.end + more![0].length, endValue: `${d.value.slice(0, 8)}${String(day).padStart(2, '0')}` });
        continue;
      }
    }
    out.push(d);
  }
  return out;
}

export function findEnglishDates(lower: string, ref: RefDate, previousDay: string | null): DateMention[] {
  const instant = new Date(Date.UTC(ref.year, ref.month - 1, ref.day, 12));
  const parsed: Parsed[] = chrono.parse(lower.replace(GLUED_DAY, ' '), { instant, timezone: 0 }).map((r) => ({ index: r.index, text: r.text, start: r.start, end: r.end ?? null }));
  const forward = FORWARD.test(lower);
  const out: DateMention[] = [];
  parsed.forEach((r, n) => {
    const m = mentionOf(r, ref, forward, parsed[n + 1]);
    if (m !== null) out.push(m);
  });
  const covered = (start: number, end: number) => parsed.some((r) => start < r.index + r.text.length && end > r.index);
  for (const y of lower.matchAll(YEAR)) {
    if (!covered(y.index, y.index + y[0].length)) out.push({ start: y.index, end: y.index + y[0].length, value: y[1]!, endValue: null, precision: 'year', relative: false, approximate: false, anchored: false });
  }
  if (previousDay !== null) {
    for (const s of lower.matchAll(SAME_DAY)) out.push({ start: s.index, end: s.index + s[0].length, value: previousDay, endValue: null, precision: 'day', relative: true, approximate: false, anchored: true });
  }
  return joinDays(lower, out.sort((a, b) => a.start - b.start));
}
