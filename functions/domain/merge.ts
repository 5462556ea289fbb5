// Merging every report of one event into the event the feeds publish. The merged
// event is a pure function of its reports, so merging the same report twice, or
// reports in another order, gives the same event. Where reports differ, the later
// article's facts stand; `held` wins over `announced`; a day beats a month.

import { sameName } from '../text/names.js';
import { isDay } from './dates.js';
import {
  type Cameo,
  type EventFacts,
  type Evidence,
  GENERIC_TYPES,
  isCallType,
  type Location,
  type MergedEvent,
  type Participant,
  type SourceArticle,
  type Status,
} from './event.js';
import { articleOfReport, type Report } from './report.js';

export type { MergedEvent };

/**
 * What the merged event (the head every feed renders) keeps, whatever arrives: a feed
 * page of 100 of them stays under 1 MB in every format (each of these is rendered up
 * to five times per item), and no stored item nears 64 KB.
 *  - sources: the first article and the latest ones, at most HEAD_SOURCES, while their
 *    URLs and titles (titles cut to SOURCE_TITLE_CHARS) stay within HEAD_SOURCE_CHARS
 *    (a source whose URL alone is longer is left to the full list); `sources_total`
 *    counts them all, and GET /events/{id} lists them all;
 *  - evidence: at most EVIDENCE_PER_FIELD sentences per field, each cut to
 *    EVIDENCE_CHARS, at most HEAD_EVIDENCE_CHARS in all;
 *  - participants: at most MAX_PARTICIPANTS, within HEAD_PARTICIPANT_CHARS of names
 *    and titles (the first two always); place and city cut to PLACE_CHARS.
 */
const HEAD_LIMITS = {
  HEAD_SOURCES: 10,
  HEAD_SOURCE_CHARS: 1200,
  SOURCE_TITLE_CHARS: 120,
  EVIDENCE_PER_FIELD: 2,
  EVIDENCE_CHARS: 200,
  HEAD_EVIDENCE_CHARS: 300,
  MAX_PARTICIPANTS: 12,
  HEAD_PARTICIPANT_CHARS: 300,
  PLACE_CHARS: 50,
} as const;

/** A string cut to at most `max` characters (code points kept whole), with an ellipsis. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  // walked by code point as far as needed (every report's evidence is cut at every merge)
  const step = (at: number) => (s.codePointAt(at)! > 0xffff ? 2 : 1);
  let end = 0;
  let kept = 0;
  while (kept < max - 1 && end < s.length) {
    end += step(end);
    kept++;
  }
  let after = end;
  let more = 0;
  while (more < 2 && after < s.length) {
    after += step(after);
    more++;
  }
  if (kept + more <= max) return s;
  return `${s.slice(0, end).trimEnd()}…`;
}

/**
 * Reports in the order their facts stand: a report that knows the day comes after one that
 * knows only the month (a later article mentioning the event in passing, "hồi tháng 5 vừa
 * qua", does not overrule the reports of it), then by publication.
 */
function chronological(reports: readonly Report[]): Report[] {
  const dayKnown = (r: Report) => (isDay(r.facts.start) ? 1 : 0);
  return [...reports].sort(
    (a, b) =>
      dayKnown(a) - dayKnown(b) ||
      Date.parse(a.article.published) - Date.parse(b.article.published) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** The last non-null value in chronological order. */
function latest<T>(reports: Report[], pick: (r: Report) => T | null): T | null {
  let value: T | null = null;
  for (const r of reports) value = pick(r) ?? value;
  return value;
}

function mergeParticipants(reports: Report[]): Participant[] {
  const merged: Participant[] = [];
  for (const r of reports) {
    for (const p of r.facts.participants) {
      const i = merged.findIndex((q) => q.country === p.country && sameName(q.name, p.name));
      if (i < 0) merged.push({ ...p });
      else
        merged[i] = {
          name: merged[i]!.name,
          title: p.title ?? merged[i]!.title,
          country: p.country,
        };
    }
  }
  return merged;
}

/** The first participants, within HEAD_LIMITS (the first two whatever their length). */
function boundParticipants(all: Participant[]): Participant[] {
  const kept: Participant[] = [];
  let chars = 0;
  for (const p of all) {
    if (kept.length >= HEAD_LIMITS.MAX_PARTICIPANTS) break;
    const size = p.name.length + (p.title?.length ?? 0);
    if (kept.length >= 2 && chars + size > HEAD_LIMITS.HEAD_PARTICIPANT_CHARS) break;
    kept.push(p);
    chars += size;
  }
  return kept;
}

const cutPlace = (s: string | null): string | null =>
  s === null ? null : cut(s, HEAD_LIMITS.PLACE_CHARS);

function mergeLocation(reports: Report[]): Location {
  return {
    place: cutPlace(latest(reports, (r) => r.facts.location.place)),
    city: cutPlace(latest(reports, (r) => r.facts.location.city)),
    country: latest(reports, (r) => r.facts.location.country),
  };
}

export function cameoOf(
  facts: Pick<EventFacts, 'category' | 'type' | 'status' | 'host' | 'location'>,
): Cameo {
  if (facts.status === 'announced') return '036';
  if (isCallType(facts.type)) return '041';
  if (facts.category === 'visit') return '042';
  const thirdPlace = facts.host === null && facts.location.country !== null;
  return thirdPlace ? '044' : '040';
}

export function mergeReports(unordered: readonly Report[]): MergedEvent {
  if (unordered.length === 0) throw new Error('an event needs at least one report');
  const reports = chronological(unordered);
  const last = reports[reports.length - 1]!;

  const dated = reports.filter((r) => isDay(r.facts.start));
  // A visit held began on the earliest day a report of it held gives (the latest such
  // report): an article that tells it under way, dated by its own day, does not move it
  const began =
    last.facts.category === 'visit'
      ? dated.reduce<Report | undefined>(
          (first, r) =>
            r.facts.status === 'held' && (first === undefined || r.facts.start <= first.facts.start)
              ? r
              : first,
          undefined,
        )
      : undefined;
  let when: Pick<EventFacts, 'start' | 'end'> = (
    began ?? (dated.length > 0 ? dated[dated.length - 1]! : last)
  ).facts;
  // A later report that knows only one day inside a range an earlier one gave (a
  // visit reported on its second day) does not shorten the visit to that day. Of the
  // ranges that hold the day, the narrowest: a tour's whole span ("a 4-day visit to A and
  // B from April 27") is not its second leg's.
  if (when.end === null && last.facts.category === 'visit') {
    const day = when.start;
    const length = (r: Report) => Date.parse(r.facts.end!) - Date.parse(r.facts.start);
    const range = [...dated]
      .reverse()
      .filter((r) => r.facts.end !== null && r.facts.start <= day && day <= r.facts.end)
      .reduce<Report | undefined>(
        (best, r) => (best === undefined || length(r) < length(best) ? r : best),
        undefined,
      );
    if (range) when = range.facts;
  }
  // A report that knows only when a visit ended ("kết thúc chuyến thăm" on a day) completes
  // one that knows when it began.
  if (when.end === null && isDay(when.start)) {
    const start = when.start;
    const ending = [...reports]
      .reverse()
      .find(
        (r) =>
          r.facts.end !== null &&
          !isDay(r.facts.start) &&
          r.facts.end > start &&
          r.facts.end.startsWith(r.facts.start),
      );
    if (ending) when = { start, end: ending.facts.end };
  }
  // A visit keeps its level once a report gives it (a later "the visit" does not lower it),
  // and a state visit stays one where another report calls it official or working (the
  // press writes "official visit" loosely; a state visit is never called one by mistake);
  // a meeting is what its latest report calls it ("talks" in the announcement, "met" in the
  // readout after it)
  const specificTypes = reports.filter((r) => !GENERIC_TYPES.has(r.facts.type));
  const type =
    last.facts.category === 'visit' && specificTypes.length > 0
      ? specificTypes.some((r) => r.facts.type === 'state_visit')
        ? 'state_visit'
        : specificTypes[specificTypes.length - 1]!.facts.type
      : last.facts.type;
  const status: Status = reports.some((r) => r.facts.status === 'held') ? 'held' : 'announced';
  const countries = [...new Set(reports.flatMap((r) => r.facts.countries))].sort();

  const facts: EventFacts = {
    category: last.facts.category,
    type,
    status,
    start: when.start,
    end: when.end,
    countries,
    host: latest(reports, (r) => r.facts.host),
    guest: latest(reports, (r) => r.facts.guest),
    participants: boundParticipants(mergeParticipants(reports)),
    location: mergeLocation(reports),
  };

  return {
    ...facts,
    part_of: latest(reports, (r) => r.partOf),
    cameo: cameoOf(facts),
    ...headSources(reports),
    evidence: headEvidence(reports),
  };
}

/** Every source of the event, one per article (an article that reported the event
 *  twice counts once), in chronological order: what GET /events/{id} lists. */
export function allSources(unordered: readonly Report[]): SourceArticle[] {
  const sources: SourceArticle[] = [];
  const articles = new Set<string>();
  for (const r of chronological(unordered)) {
    const article = articleOfReport(r.key);
    if (articles.has(article)) continue;
    articles.add(article);
    sources.push({
      url: r.article.url,
      title: r.article.title,
      published: r.article.published,
      outlet: r.article.outlet,
      ...(r.article.language ? { language: r.article.language } : {}),
    });
  }
  return sources;
}

function headSources(reports: Report[]): { sources: SourceArticle[]; sources_total: number } {
  const all = allSources(reports).map((s) => ({
    ...s,
    title: s.title === null ? null : cut(s.title, HEAD_LIMITS.SOURCE_TITLE_CHARS),
  }));
  const size = (s: SourceArticle) => (s.url?.length ?? 0) + (s.title?.length ?? 0);
  // the first article, then the latest back to the budget
  const kept = new Set<number>();
  let chars = 0;
  for (const i of [
    0,
    ...Array.from({ length: Math.max(0, all.length - 1) }, (_, k) => all.length - 1 - k),
  ]) {
    if (i >= all.length || kept.size >= HEAD_LIMITS.HEAD_SOURCES) break;
    if (chars + size(all[i]!) > HEAD_LIMITS.HEAD_SOURCE_CHARS) continue;
    kept.add(i);
    chars += size(all[i]!);
  }
  return { sources: all.filter((_, i) => kept.has(i)), sources_total: all.length };
}

function headEvidence(reports: Report[]): Evidence[] {
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  const perField = new Map<string, number>();
  let chars = 0;
  for (const r of reports) {
    for (const e of r.evidence) {
      const text = cut(e.text, HEAD_LIMITS.EVIDENCE_CHARS);
      const id = `${e.field}\u0000${text}`;
      if (seen.has(id)) continue;
      if ((perField.get(e.field) ?? 0) >= HEAD_LIMITS.EVIDENCE_PER_FIELD) continue;
      if (chars + text.length > HEAD_LIMITS.HEAD_EVIDENCE_CHARS) continue;
      seen.add(id);
      perField.set(e.field, (perField.get(e.field) ?? 0) + 1);
      chars += text.length;
      evidence.push({ field: e.field, text, source: r.article.url });
    }
  }
  return evidence;
}
