// Event mentions in one sentence: each visit or meeting cue with its parties, date,
// place and tense. Mentions of the same event are merged across sentences in events.ts.
import type { EventType } from '../domain/event.js';
import { isCommitteeName, MarkerIndex, type Trigger, type TriggerKind } from './classify.js';
import type { DateMention } from './dates.js';
import { countryAt, placeAt } from './gazetteer.js';
import { countryWithPrefix, type Person, type PersonMention } from './people.js';
import type { Token } from './tokens.js';

export interface SentenceInfo {
  /** the sentence as written */
  text: string;
  tokens: Token[];
  triggers: Trigger[];
  /** person mentions and, for each, the article-level person (or null) */
  mentions: PersonMention[];
  persons: Array<Person | null>;
  dates: DateMention[];
  /** sentence order in the article; the title is -1 */
  order: number;
  isTitle: boolean;
}

export interface Place {
  city: string | null;
  country: string | null;
  /** a building (Phủ Chủ tịch) rather than a city */
  venue: boolean;
}

export interface Mention {
  kind: TriggerKind;
  type: EventType;
  sentence: SentenceInfo;
  trigger: Trigger;
  date: DateMention | null;
  /** the only date near the cue is a year */
  year: number | null;
  /** visit: the person travelling; meeting: the subject side */
  sideA: Person[];
  /** meeting: the other side */
  sideB: Person[];
  host: string | null;
  guest: string | null;
  countries: string[];
  /** people who invited or officially welcomed the visitor */
  hosts: Person[];
  place: Place | null;
  future: boolean;
  past: boolean;
  precedent: boolean;
  ordinal: number | null;
  /** the subject "receives" (tiếp) or "calls on" (hội kiến, chào) */
  receives: boolean;
  callsOn: boolean;
}

const JOINERS = new Set(['và', ',', 'cùng']);
/** How far after "đoàn" its leader ("do X dẫn đầu") may be named. */
const DELEGATION_SPAN = 16;
const OBJECT_LEAD = new Set(['với', 'cùng', 'riêng', 'song', 'phương', 'chính', 'thức', 'lại', 'cả', 'cấp', 'cao']);
const VISIT_GAP = new Set(['tới', 'đến', 'sang', 'tại', 'nước', 'tới', 'cấp', 'nhà', 'chính', 'thức', 'làm', 'việc', 'và']);
const PLACE_LEAD = new Set(['thủ', 'thành', 'tp', 'thủ phủ']);

/** What the mentions of one cue share. */
type CueContext = Pick<Mention, 'sentence' | 'trigger' | 'date' | 'year' | 'future' | 'past' | 'precedent' | 'place'>;
/** What a mention adds to its cue's context (its place overrides the context's). */
type MentionParts = Pick<Mention, 'kind' | 'type' | 'sideA' | 'sideB' | 'host' | 'guest' | 'countries' | 'hosts'>
  & Partial<Pick<Mention, 'place' | 'ordinal' | 'receives' | 'callsOn'>>;

/**
 * A mention with every field written in one order. (Spreading a shared object and then
 * overriding some of its fields gave mentions many hidden shapes, which made everything
 * reading them slow.)
 */
function newMention(cue: CueContext, parts: MentionParts): Mention {
  return {
    kind: parts.kind, type: parts.type, sentence: cue.sentence, trigger: cue.trigger, date: cue.date, year: cue.year,
    sideA: parts.sideA, sideB: parts.sideB, host: parts.host, guest: parts.guest, countries: parts.countries, hosts: parts.hosts,
    place: parts.place === undefined ? cue.place : parts.place,
    future: cue.future, past: cue.past, precedent: cue.precedent, ordinal: parts.ordinal ?? null,
    receives: parts.receives ?? false, callsOn: parts.callsOn ?? false,
  };
}

interface PersonRef {
  mention: PersonMention;
  person: Person;
}

function refs(info: SentenceInfo): PersonRef[] {
  const out: PersonRef[] = [];
  info.mentions.forEach((m, n) => {
    const person = info.persons[n];
    if (person != null && !m.plural) out.push({ mention: m, person });
  });
  return out;
}

const onlyJoinersBetween = (tokens: readonly Token[], from: number, to: number) => {
  for (let k = from; k < to; k++) if (!JOINERS.has(tokens[k]!.key) && tokens[k]!.key !== 'phu' && tokens[k]!.key !== 'nhân') return false;
  return true;
};

/** The person starting at or right after token `at` (skipping lead words), with those joined to it by "và" / ",". */
function chainFrom(tokens: readonly Token[], people: readonly PersonRef[], at: number, lead: ReadonlySet<string>, maxSkip: number): PersonRef[] {
  let k = at;
  let skipped = 0;
  while (k < tokens.length && skipped < maxSkip && lead.has(tokens[k]!.key)) { k++; skipped++; }
  let index = people.findIndex((p) => p.mention.first === k);
  if (index < 0) return [];
  const chain = [people[index]!];
  while (index + 1 < people.length) {
    const current = people[index]!;
    const next = people[index + 1]!;
    // "A và Phu nhân" / "A, B và C"
    if (!onlyJoinersBetween(tokens, current.mention.end, next.mention.first) || next.mention.first - current.mention.end > 3) break;
    chain.push(next);
    index++;
  }
  return chain;
}

/**
 * People named right after "lời mời của". In "Nhận lời mời của A, B sẽ thăm ..." the
 * comma ends the invitation and B is the visitor; a comma continues the list of
 * inviters only in "A, B và C".
 */
function inviters(tokens: readonly Token[], people: readonly PersonRef[]): PersonRef[] {
  for (let k = 0; k + 2 < tokens.length; k++) {
    if (tokens[k]!.key !== 'lời' || tokens[k + 1]!.key !== 'mời' || tokens[k + 2]!.key !== 'của') continue;
    const chain = chainFrom(tokens, people, k + 3, new Set(), 0);
    const joinedByAnd = (n: number) => tokens.slice(chain[n - 1]!.mention.end, chain[n]!.mention.first).some((t) => t.key === 'và');
    let keep = chain.length;
    for (let n = chain.length - 1; n >= 1; n--) {
      if (joinedByAnd(n)) continue;
      // a comma link counts only when a "và" link follows it
      if (!(n + 1 < chain.length && joinedByAnd(n + 1) && keep > n + 1)) keep = n;
    }
    return chain.slice(0, keep);
  }
  return [];
}

/** Where "chủ trì lễ đón" (preside over the welcome ceremony) starts, or -1. */
function welcomeCueAt(tokens: readonly Token[]): number {
  for (let k = 0; k + 3 < tokens.length; k++) {
    if (tokens[k]!.key === 'chủ' && tokens[k + 1]!.key === 'trì' && tokens[k + 2]!.key === 'lễ' && tokens[k + 3]!.key === 'đón') return k;
  }
  return -1;
}

/** People who "chủ trì lễ đón" (preside over the welcome ceremony) and its guest. */
function welcomers(tokens: readonly Token[], people: readonly PersonRef[], k: number = welcomeCueAt(tokens)): { hosts: PersonRef[]; guest: PersonRef | null } {
  if (k < 0) return { hosts: [], guest: null };
  const before = people.filter((p) => p.mention.end <= k);
  const hosts = subjectChain(tokens, before, k);
  let g = k + 4;
  while (g < tokens.length && (tokens[g]!.key === 'chính' || tokens[g]!.key === 'thức' || tokens[g]!.key === 'cấp' || tokens[g]!.key === 'nhà' || tokens[g]!.key === 'nước')) g++;
  const guest = people.find((p) => p.mention.first === g) ?? null;
  return { hosts, guest };
}

/** The clause subject before token `at`: the last chain of people joined by "và" that precedes it. */
function subjectChain(tokens: readonly Token[], before: readonly PersonRef[], _at: number): PersonRef[] {
  if (before.length === 0) return [];
  // the first person of the clause is its subject ("A chủ trì lễ đón và hội đàm với B")
  const chain = [before[0]!];
  for (let n = 1; n < before.length; n++) {
    const previous = chain[chain.length - 1]!;
    const next = before[n]!;
    if (!onlyJoinersBetween(tokens, previous.mention.end, next.mention.first) || next.mention.first - previous.mention.end > 3) break;
    chain.push(next);
  }
  return chain;
}

function findPlaces(tokens: readonly Token[]): Array<{ at: number; place: Place }> {
  const places: Array<{ at: number; place: Place }> = [];
  for (let k = 0; k < tokens.length; k++) {
    const key = tokens[k]!.key;
    if (key !== 'tại' && key !== 'ở') continue;
    let j = k + 1;
    if (tokens[j]?.key === 'thủ' && (tokens[j + 1]?.key === 'đô' || tokens[j + 1]?.key === 'phủ')) {
      j += 2;
      // "thủ đô hành chính Pretoria"
      if ((tokens[j]?.key === 'hành' || tokens[j]?.key === 'kinh' || tokens[j]?.key === 'lập') && !tokens[j]!.cap) j += 2;
    }
    else if (tokens[j]?.key === 'thành' && tokens[j + 1]?.key === 'phố') j += 2;
    else if (PLACE_LEAD.has(tokens[j]?.key ?? '') && tokens[j + 1]?.text === '.') j += 2;
    const hit = placeAt(tokens, j);
    if (hit !== null) {
      places.push({ at: k, place: { city: hit.entry.venue ? null : hit.entry.name, country: hit.entry.code, venue: hit.entry.venue } });
      continue;
    }
    const c = countryAt(tokens, j);
    if (c !== null) { places.push({ at: k, place: { city: null, country: c.code, venue: false } }); continue; }
    // an unlisted city with its country in brackets: "tại Vientiane (Lào)"
    let e = j;
    while (e < tokens.length && e < j + 4 && tokens[e]!.word && tokens[e]!.cap) e++;
    if (e > j && tokens[e]?.text === '(') {
      const inner = countryAt(tokens, e + 1);
      if (inner !== null && tokens[e + 1 + inner.length]?.text === ')') {
        places.push({ at: k, place: { city: tokens.slice(j, e).map((t) => t.text).join(' '), country: inner.code, venue: false } });
      }
    }
  }
  return places;
}

function pickPlace(places: ReadonlyArray<{ at: number; place: Place }>): Place | null {
  return places.find((p) => p.place.city !== null)?.place ?? places.find((p) => p.place.venue)?.place ?? places[0]?.place ?? null;
}

function ordinalAfter(tokens: readonly Token[], from: number): number | null {
  for (let k = from; k < tokens.length && k < from + 4; k++) {
    if (tokens[k]!.key === 'thứ' && /^\d{1,3}$/.test(tokens[k + 1]?.key ?? '')) return Number(tokens[k + 1]!.key);
  }
  return null;
}

/** The cue right before a date. */
function cueBefore(d: DateMention, triggers: readonly Trigger[], tokens: readonly Token[]): Trigger | null {
  let best: Trigger | null = null;
  for (const t of triggers) if (tokens[t.first]!.start < d.start) best = t;
  return best;
}

/** Which dates of the sentence belong to which cue: a visit takes the first date after it, a meeting the date before it. */
function dateFor(info: SentenceInfo, triggers: readonly Trigger[], index: number): { date: DateMention | null; year: number | null } {
  const trigger = triggers[index]!;
  const tokens = info.tokens;
  const cueStart = tokens[trigger.first]!.start;
  const cueEnd = tokens[trigger.end - 1]!.end;
  const nextStart = index + 1 < triggers.length ? tokens[triggers[index + 1]!.first]!.start : Infinity;
  const days = info.dates.filter((d) => d.precision !== 'year');
  // a year counts only next to the cue ("Kỳ họp lần thứ 26 ... vào năm 2025"), not anywhere in a long sentence
  const years = info.dates.filter((d) => d.precision === 'year' && d.end >= cueStart - 40 && d.start <= cueEnd + 60);
  const after = days.find((d) => d.start >= cueEnd && d.start < nextStart);
  // a date after a visit cue is the visit's, unless the visit already has its own date before it
  // ("trong khuôn khổ chuyến thăm ... từ 3 - 5/6, sáng 4/6, A hội đàm ...")
  const before = [...days].reverse().find((d) => {
    if (d.end > cueStart) return false;
    const c = cueBefore(d, triggers, tokens);
    // "Trong chuyến thăm, chiều 24/9, ...": a visit named in passing, closed by a comma, owns no date
    if (c?.kind !== 'visit' || tokens[c.end]?.text === ',') return true;
    const cueAt = tokens[c.end - 1]!.end;
    return days.some((o) => o !== d && o.start >= cueAt && o.end <= d.start);
  });
  const beforeAny = [...days].reverse().find((d) => d.end <= cueStart);
  let date: DateMention | null;
  if (trigger.kind === 'visit') date = after ?? beforeAny ?? null;
  else date = before ?? (after !== undefined && cueBefore(after, triggers, tokens) === trigger ? after : null) ?? null;
  const year = date === null && years.length > 0 ? Number(years[0]!.value) : null;
  return { date, year };
}

function countriesOf(a: readonly Person[], b: readonly Person[]): string[] {
  const set = new Set<string>();
  for (const p of [...a, ...b]) if (p.country !== null) set.add(p.country);
  return [...set].sort();
}

/** "kết thúc" or "lên đường" right before a visit cue ("kết thúc tốt đẹp chuyến thăm", "lên đường thăm"). */
function travelBefore(tokens: readonly Token[], first: number): boolean {
  for (let k = Math.max(0, first - 4); k + 1 < first; k++) {
    const a = tokens[k]!.key;
    const b = tokens[k + 1]!.key;
    if ((a === 'kết' && b === 'thúc') || (a === 'lên' && b === 'đường')) return true;
  }
  return false;
}

export function findMentions(info: SentenceInfo, committeeContext: boolean): Mention[] {
  const tokens = info.tokens;
  const triggers = info.triggers;
  if (triggers.length === 0) return [];
  const people = refs(info);
  const invited = inviters(tokens, people);
  const welcome = welcomers(tokens, people);
  const invitedIds = new Set(invited.map((r) => r.mention.first));
  const places = findPlaces(tokens);
  const place = pickPlace(places);
  const markers = new MarkerIndex(tokens);
  const mentions: Mention[] = [];
  let previousMeeting: { sideA: PersonRef[]; objectEnd: number } | null = null;

  triggers.forEach((trigger, index) => {
    let { date, year } = dateFor(info, triggers, index);
    // "(ngay sau khi) kết thúc chuyến thăm A", "lên đường thăm A": a single day there is when
    // the visitor left or came home, not when the visit began
    if (trigger.kind === 'visit' && date !== null && date.endValue === null && travelBefore(tokens, trigger.first)) date = null;
    let clauseFrom = 0;
    for (let k = trigger.first - 1; k >= 0; k--) if (tokens[k]!.text === ';') { clauseFrom = k + 1; break; }
    const tense = markers.tense(clauseFrom, Math.min(tokens.length, trigger.end + 8));
    const cue: CueContext = {
      sentence: info, trigger, date, year, future: tense.future, past: tense.past,
      precedent: markers.precedentIn(Math.max(0, trigger.first - 4), trigger.end + 8),
      place,
    };
    const before = people.filter((p) => p.mention.end <= trigger.first && p.mention.first >= clauseFrom && !invitedIds.has(p.mention.first));

    if (trigger.kind === 'visit') {
      // host: the country right after the cue ("thăm Việt Nam", "chuyến thăm cấp Nhà nước tới Lào")
      let host: string | null = null;
      let hostEnd = trigger.end;
      for (let k = trigger.end, gap = 0; k < tokens.length && gap <= 3; k++) {
        const c = countryWithPrefix(tokens, k);
        if (c !== null) { host = c.code; hostEnd = k + c.length; break; }
        if (!VISIT_GAP.has(tokens[k]!.key)) break;
        gap++;
      }
      if (host === null) {
        // "... đến Việt Nam là quốc gia đầu tiên thăm"
        for (let k = trigger.first - 1; k >= Math.max(clauseFrom, trigger.first - 10); k--) {
          const key = tokens[k]!.key;
          if ((key === 'đến' || key === 'tới' || key === 'sang') && countryAt(tokens, k + 1) !== null) { host = countryAt(tokens, k + 1)!.code; break; }
        }
      }
      if (host === null) return;
      // the visitor: "chuyến thăm Việt Nam của Tổng thống X", else the nearest person before the cue from another country
      let visitor: PersonRef | null = null;
      if (tokens[hostEnd]?.key === 'của') visitor = people.find((p) => p.mention.first === hostEnd + 1) ?? null;
      visitor ??= [...before].reverse().find((p) => p.person.country !== null && p.person.country !== host && p.person.principal) ?? null;
      visitor ??= people.find((p) => p.mention.first >= trigger.end && p.person.country !== null && p.person.country !== host && p.person.principal && !invitedIds.has(p.mention.first)) ?? null;
      let guest = visitor?.person.country ?? null;
      if (guest === null) {
        // "Đoàn đại biểu cấp cao Việt Nam", or Vietnam when it travels
        for (let k = 1; k < tokens.length; k++) {
          if (tokens[k - 1]!.key !== 'cao') continue;
          const c = countryAt(tokens, k);
          if (c !== null && c.code !== host) { guest = c.code; break; }
        }
      }
      if (guest === null && host !== 'VN' && visitor === null) guest = before.length === 0 && !trigger.noun ? null : 'VN';
      if (guest === null || guest === host) return;
      // a tour: "thăm chính thức A và B" is a visit to each
      const hosts = [host];
      for (let k = hostEnd; (tokens[k]?.key === 'và' || tokens[k]?.text === ',') && k < hostEnd + 12;) {
        const c = countryWithPrefix(tokens, k + 1);
        if (c === null || c.code === guest) break;
        if (!hosts.includes(c.code)) hosts.push(c.code);
        k += 1 + c.length;
      }
      const visitGuest = guest;
      for (const h of hosts) {
        const hostPeople = [...invited, ...(welcome.guest === null || welcome.guest.person.country === visitGuest ? welcome.hosts : [])]
          .map((r) => r.person).filter((p) => p.country === h || (p.country === null && hosts.length === 1));
        mentions.push(newMention(cue, {
          kind: 'visit', type: trigger.type, sideA: visitor === null ? [] : [visitor.person], sideB: [],
          host: h, guest: visitGuest, countries: [visitGuest, h].sort(), hosts: hostPeople, place: null,
        }));
      }
      return;
    }

    if (trigger.kind === 'committee') {
      const nameAt = isCommitteeName(tokens, trigger.end);
      if (nameAt < 0 && !committeeContext) return;
      if (tokens.slice(trigger.end, trigger.end + 6).some((t, k, all) => t.key === 'quốc' && all[k + 1]?.key === 'hội')) return;
      // co-chairs: "A và B đồng chủ trì", "dưới sự đồng chủ trì của A và B"
      let chairs: PersonRef[] = [];
      for (let k = 0; k + 2 < tokens.length; k++) {
        if (tokens[k]!.key === 'đồng' && tokens[k + 1]!.key === 'chủ' && tokens[k + 2]!.key === 'trì') {
          chairs = tokens[k + 3]?.key === 'của' ? chainFrom(tokens, people, k + 4, new Set(), 0) : subjectChain(tokens, people.filter((p) => p.mention.end <= k), k);
          break;
        }
      }
      const chairPeople = chairs.map((r) => r.person).filter((p) => p.principal);
      let countries = countriesOf(chairPeople, []);
      if (countries.length !== 2 && nameAt >= 0) {
        const named = new Set<string>();
        for (let k = nameAt; k < tokens.length && k < nameAt + 14; k++) {
          const c = countryAt(tokens, k);
          if (c !== null) { named.add(c.code); k += c.length - 1; }
        }
        countries = [...named].sort();
      }
      // "tại kỳ họp năm nay, hai bên sẽ ...": a reference to the session the article is about
      if (countries.length !== 2 && nameAt >= 0) return;
      if (countries.length !== 2) countries = [];
      mentions.push(newMention(cue, {
        kind: 'committee', type: 'committee_session', sideA: chairPeople, sideB: [], host: null, guest: null, countries,
        hosts: [], ordinal: ordinalAfter(tokens, trigger.end),
      }));
      return;
    }

    // meetings
    let sideA: PersonRef[] = subjectChain(tokens, before, trigger.first);
    let objects: PersonRef[] = [];
    if (tokens[trigger.end]?.key === 'giữa') {
      const pair = chainFrom(tokens, people, trigger.end + 1, new Set(), 0);
      sideA = pair.slice(0, 1);
      objects = pair.slice(1);
    } else {
      objects = chainFrom(tokens, people, trigger.end, OBJECT_LEAD, 3);
    }
    // a delegation: "tiếp Đoàn đại biểu ... do ông X, Chủ tịch ... dẫn đầu / làm Trưởng đoàn"
    if (objects.length === 0) {
      let k = trigger.end;
      while (k < tokens.length && OBJECT_LEAD.has(tokens[k]!.key)) k++;
      if (tokens[k]?.key === 'đoàn') {
        for (let j = k + 1; j < tokens.length && j < k + DELEGATION_SPAN && tokens[j]!.word; j++) {
          if (tokens[j]!.key !== 'do') continue;
          const leader = people.find((p) => p.mention.first === j + 1);
          if (leader !== undefined) objects = [leader];
          break;
        }
      }
    }
    // passive: "A (đã) được B tiếp": B receives A
    if (objects.length === 0 && trigger.needsObject) {
      let k = trigger.first - 1;
      while (k >= 0 && !(tokens[k]!.key === 'được') && trigger.first - k < 14) k--;
      if (k >= 0 && tokens[k]!.key === 'được') {
        const receivers = before.filter((p) => p.mention.first > k);
        const visitors = before.filter((p) => p.mention.end <= k);
        if (receivers.length > 0 && visitors.length > 0) { sideA = receivers.slice(0, 1); objects = subjectChain(tokens, visitors, k); }
      }
    }
    if (sideA.length === 0 && previousMeeting !== null && onlyJoinersBetween(tokens, previousMeeting.objectEnd, trigger.first)) sideA = previousMeeting.sideA;
    if (objects.length > 0) previousMeeting = { sideA, objectEnd: objects[objects.length - 1]!.mention.end };
    if (trigger.needsObject && objects.length === 0) return;
    const aPeople = sideA.map((r) => r.person).filter((p) => p.principal);
    const bPeople = objects.map((r) => r.person).filter((p) => p.principal);
    const pairs: Array<[Person[], Person[]]> = [];
    if (bPeople.length > 0) {
      for (const b of bPeople) pairs.push([aPeople.filter((a) => a.country !== b.country), [b]]);
    } else {
      // "A và B hội đàm", "A và B trước hội đàm"
      const first = aPeople[0];
      if (first !== undefined) pairs.push([[first], aPeople.filter((p) => p.country !== first.country)]);
    }
    const receives = trigger.type === 'courtesy_call' && trigger.role === 'receives';
    for (const [a, b] of pairs) {
      if (a.length === 0 || b.length === 0) continue;
      const countries = countriesOf(a, b);
      if (countries.length !== 2 || a.some((p) => p.country === null) || b.some((p) => p.country === null)) continue;
      mentions.push(newMention(cue, {
        kind: 'meeting', type: trigger.type, sideA: a, sideB: b, host: null, guest: null, countries, hosts: [],
        receives, callsOn: trigger.type === 'courtesy_call' && !receives,
      }));
    }
  });
  return mentions;
}

/** Welcome ceremonies and invitations in a sentence, to give visits their host-side people. */
export function hostingIn(info: SentenceInfo): { hosts: Person[]; guestCountry: string | null } | null {
  const cue = welcomeCueAt(info.tokens);
  if (cue < 0) return null; // most sentences: no need to gather their people
  const welcome = welcomers(info.tokens, refs(info), cue);
  if (welcome.hosts.length === 0) return null;
  return { hosts: welcome.hosts.map((r) => r.person), guestCountry: welcome.guest?.person.country ?? null };
}
