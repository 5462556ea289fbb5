// Merging every report of one event into the event the feeds publish. The merged
// event is a pure function of its reports, so merging the same report twice, or
// reports in another order, gives the same event. Where reports differ, the later
// article's facts stand; `held` wins over `announced`; a day beats a month.
import { isDay } from './dates.js';
import type {
  Cameo,
  EventFacts,
  EventType,
  Evidence,
  Location,
  Participant,
  Source,
  Status,
} from './event.js';
import { sameName } from '../text/names.js';
import type { Report } from './report.js';

export interface MergedEvent extends EventFacts {
  part_of: string | null;
  cameo: Cameo;
  sources: Source[];
  evidence: Evidence[];
}

const GENERIC: ReadonlySet<EventType> = new Set(['visit', 'meeting']);

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
      Date.parse(a.article.published) - Date.parse(b.article.published) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
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
      else merged[i] = { name: merged[i]!.name, title: p.title ?? merged[i]!.title, country: p.country };
    }
  }
  return merged;
}

function mergeLocation(reports: Report[]): Location {
  return {
    place: latest(reports, (r) => r.facts.location.place),
    city: latest(reports, (r) => r.facts.location.city),
    country: latest(reports, (r) => r.facts.location.country),
  };
}

export function cameoOf(facts: Pick<EventFacts, 'category' | 'type' | 'status' | 'host' | 'location'>): Cameo {
  if (facts.status === 'announced') return '036';
  if (facts.type === 'phone_call' || facts.type === 'video_call') return '041';
  if (facts.category === 'visit') return '042';
  const thirdPlace = facts.host === null && facts.location.country !== null;
  return thirdPlace ? '044' : '040';
}

export function mergeReports(unordered: readonly Report[]): MergedEvent {
  if (unordered.length === 0) throw new Error('an event needs at least one report');
  const reports = chronological(unordered);
  const last = reports[reports.length - 1]!;

  const dated = reports.filter((r) => isDay(r.facts.start));
  let when: Pick<EventFacts, 'start' | 'end'> = (dated.length > 0 ? dated[dated.length - 1]! : last).facts;
  // A later report that knows only one day inside a range an earlier one gave (a
  // visit reported on its second day) does not shorten the visit to that day.
  if (when.end === null && last.facts.category === 'visit') {
    const day = when.start;
    const range = [...dated].reverse().find((r) => r.facts.end !== null && r.facts.start <= day && day <= r.facts.end);
    if (range) when = range.facts;
  }
  // A report that knows only when a visit ended ("kết thúc chuyến thăm" on a day) completes
  // one that knows when it began.
  if (when.end === null && isDay(when.start)) {
    const start = when.start;
    const ending = [...reports].reverse().find((r) => r.facts.end !== null && !isDay(r.facts.start) && r.facts.end > start && r.facts.end.startsWith(r.facts.start));
    if (ending) when = { start, end: ending.facts.end };
  }
  const specificTypes = reports.filter((r) => !GENERIC.has(r.facts.type));
  const type = (specificTypes.length > 0 ? specificTypes[specificTypes.length - 1]! : last).facts.type;
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
    participants: mergeParticipants(reports),
    location: mergeLocation(reports),
  };

  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  for (const r of reports) {
    for (const e of r.evidence) {
      const id = `${e.field}\u0000${e.text}`;
      if (seen.has(id)) continue;
      seen.add(id);
      evidence.push({ field: e.field, text: e.text, source: r.article.url });
    }
  }

  // one source per article, even when an article reported the event twice
  const sources: Source[] = [];
  const articles = new Set<string>();
  for (const r of reports) {
    const article = r.key.slice(0, r.key.lastIndexOf('#'));
    if (articles.has(article)) continue;
    articles.add(article);
    sources.push({ url: r.article.url, title: r.article.title, published: r.article.published, outlet: r.article.outlet });
  }

  return {
    ...facts,
    part_of: latest(reports, (r) => r.partOf),
    cameo: cameoOf(facts),
    sources,
    evidence,
  };
}
