// Finds the cues for visits and meetings (CONTRACT §3 types) and the markers that tell an
// announcement from a report, from the table in data/cues.json. Works on the tokens'
// matching form.
import { categoryOf, type EventType, GENERIC_TYPES } from '../domain/event.js';
import { matchForm } from '../text/vietnamese.js';
import { countryAt, countryPairEndingAt, placeAt, titleBeginsAt } from './gazetteer.js';
import { anyReadsAt, findAnyPhrase, LEX } from './lexicon.js';
import type { Cue, CueTable } from './table-schemas.js';
import { TABLES } from './tables.js';
import { keyAt, keyIn, phraseKeys, possessiveAt, type Token } from './tokens.js';
import { TokenTrie } from './trie.js';

export type TriggerKind = 'visit' | 'meeting' | 'committee';
/** Whether a cue (or what it tells) is of a visit. */
export const isVisit = (x: { readonly kind: TriggerKind }): boolean => x.kind === 'visit';
/** Whether a cue (or what it tells) is of a meeting of any type. */
export const isMeeting = (x: { readonly kind: TriggerKind }): boolean => x.kind === 'meeting';
/** Whether a cue (or what it tells) is a meeting the story names no further ("met", "a meeting"). */
export const isPlainMeeting = (x: { readonly type: EventType }): boolean => x.type === 'meeting';

export interface Trigger {
  kind: TriggerKind;
  type: EventType;
  /** token span of the cue */
  first: number;
  end: number;
  /** the meeting needs a person right after the cue ("tiếp", "gặp") */
  needsObject: boolean;
  /** a noun ("cuộc hội đàm", "chuyến thăm") rather than a verb */
  noun: boolean;
  /** who is at home: the subject ("tiếp") or the object ("hội kiến") */
  role: 'receives' | 'callsOn' | null;
  /** the type of a meeting the story places nowhere (cues.json `remote`) */
  remote: EventType | null;
  /** words right after the cue's object that make the cue something else (cues.json
   *  `notAfterObject`: "called B a madman" names B, it is no call) */
  notAfterObject: ReadonlySet<string>;
  /** the cue's type is the event's, whatever else the story calls it (cues.json `settles`) */
  settles: boolean;
  /** the cue tells a meeting only of two principals of two countries who are together its
   *  subject (cues.json `pairOnly`: "A and B discussed …", not "A discussed … with B and C") */
  pairOnly: boolean;
}

/** What a cue of this type tells: a visit, a committee's session, or another meeting. */
function kindOf(type: EventType): TriggerKind {
  if (type === 'committee_session') return 'committee';
  return categoryOf(type);
}

/** Whether the tokens from `i` read `words` (a plain loop: this runs for every marker candidate). */
function seq(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  if (i + words.length > tokens.length) return false;
  for (let n = 0; n < words.length; n++) if (tokens[i + n]!.key !== words[n]) return false;
  return true;
}

/** The cue table (its shape checked by the tests: table-schemas.ts). */
const CUE_TABLE = TABLES.cues as CueTable;
const MARKERS = CUE_TABLE.markers;
const COMMITTEE_NAME = CUE_TABLE.committeeName;

interface CompiledCue {
  cue: Cue;
  notBefore: ReadonlySet<string>;
  /** words, or phrases, right after the cue ("meeting the aspirations of …" is no meeting) */
  notAfter: readonly string[][];
  notAfterObject: ReadonlySet<string>;
}

const cueTrie = new TokenTrie<CompiledCue>();
for (const cue of CUE_TABLE.cues) {
  const compiled = {
    cue,
    notBefore: new Set((cue.notBefore ?? []).map(matchForm)),
    notAfter: (cue.notAfter ?? []).map(phraseKeys),
    notAfterObject: new Set((cue.notAfterObject ?? []).map(matchForm)),
  };
  for (const phrase of cue.phrases) cueTrie.add(phrase, compiled);
}
const levelTrie = new TokenTrie<EventType>();
for (const level of CUE_TABLE.visitLevels) levelTrie.add(level.phrase, level.type);
const NOUN_MARKERS = new Set(CUE_TABLE.nounMarkers.map(matchForm));
/** How many words that end as modifiers do may stand between a noun marker and its cue. */
const MODIFIERS = 2;

/** "The highly anticipated meeting", "a long-delayed visit": a noun marker, then only words that
 *  end as modifiers do (the cue table's modifierEndings), before the cue at `i`. */
function modifiedNounAt(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= i - 1 - MODIFIERS; k--) {
    const key = keyAt(tokens, k);
    if (NOUN_MARKERS.has(key)) return true;
    if (!CUE_TABLE.modifierEndings.some((ending) => key.endsWith(ending))) return false;
  }
  return false;
}
// (a committee's name begins as the committee cues that say so begin, or as
// committeeName.start lists)
const COMMITTEE_START = [
  ...CUE_TABLE.cues.filter((c) => c.namesCommittee).flatMap((c) => c.phrases),
  ...COMMITTEE_NAME.start,
].map(phraseKeys);
const COMMITTEE_NOT = COMMITTEE_NAME.notBefore.map(phraseKeys);

/** Only a possessive ("'s") between two tokens. */
const possessiveBetween = (tokens: readonly Token[], from: number, to: number) =>
  to === from + 2 && possessiveAt(tokens, from);

/**
 * The cues of a sentence. `legs`: the countries a tour told earlier in the story lists
 * ("is expected to travel to Egypt, Ghana and Kenya"), where going on needs no purpose of its
 * own ("before leaving for Accra, the capital of Ghana, the following day").
 */
export function findTriggers(
  tokens: readonly Token[],
  legs: ReadonlySet<string> = new Set(),
): Trigger[] {
  const triggers: Trigger[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // most words start no cue: one map look-up before the trie walk
    if (!t.word || !cueTrie.startsWith(t.key)) continue;
    const prev = tokens[i - 1]?.key;
    const hit = cueTrie.longest(tokens, i, (c, length) => {
      if (prev !== undefined && c.notBefore.has(prev)) return false;
      // ("met the press" is no meeting; "met the United Kingdom's Prime Minister B" is, and so
      // is "met the Prime Minister of Poland B")
      const after = anyReadsAt(tokens, i + length, c.notAfter);
      if (
        after > 0 &&
        countryAt(tokens, i + length + after) === null &&
        titleBeginsAt(tokens, i + length + after) === null
      )
        return false;
      if (c.cue.requires === 'purpose')
        return (
          purposeAfter(tokens, i + length) ||
          legs.has(placeArrivedIn(tokens, i + length)?.code ?? '')
        );
      if (c.cue.requires === 'bilateral') return !findAnyPhrase(tokens, LEX.multilateralTrip);
      if (c.cue.requires === 'countryPair') return countryPairBefore(tokens, i);
      if (c.cue.requires === 'placeAfter') return placeArrivedIn(tokens, i + length) !== null;
      return c.cue.requires !== 'committeeName' || isCommitteeName(tokens, i + length) >= 0;
    });
    if (hit === null) continue;
    const { cue, notAfterObject } = hit.value;
    // ("Following Russia-Vietnam talks, A and B made statements": a pair of countries before
    // a cue is what marks it a noun, as an article would)
    // (and so is an article that opens the cue: "The trip to China from September 10-15")
    const noun =
      // (a day before it too: "the January 11-12 visit")
      (prev !== undefined &&
        (NOUN_MARKERS.has(prev) || /^\d\d?$/.test(prev) || countryPairBefore(tokens, i))) ||
      NOUN_MARKERS.has(keyAt(tokens, i)) ||
      modifiedNounAt(tokens, i) ||
      // (a visit's level names it: "arrived On State Visit", "for a brief official visit")
      (categoryOf(cue.type) === 'visit' && !GENERIC_TYPES.has(cue.type));
    let end = i + hit.length;
    let type = cue.type;
    if (cue.levels === true) {
      const level = levelTrie.longest(tokens, end);
      if (level !== null) {
        type = level.value;
        end += level.length;
      }
    }
    // "the Joint Committee's meeting": the committee's own session, not another meeting
    const last = triggers[triggers.length - 1];
    if (
      kindOf(cue.type) === 'meeting' &&
      last?.kind === 'committee' &&
      possessiveBetween(tokens, last.end, i)
    ) {
      i = end - 1;
      continue;
    }
    const needsObject = cue.needsObject === 'always' || (cue.needsObject === 'asVerb' && !noun);
    triggers.push({
      kind: kindOf(type),
      type,
      first: i,
      end,
      needsObject,
      noun,
      role: cue.role ?? null,
      remote: cue.remote ?? null,
      settles: cue.settles ?? false,
      pairOnly: cue.pairOnly ?? false,
      notAfterObject,
    });
    i = end - 1;
  }
  // "Tại cuộc hội kiến, A … xúc động gặp lại B": the meeting a sentence opens in is the one a
  // plain "meet" in it tells of ("Following his summit with B, A held meetings with C" is not)
  const opening = triggers[0];
  if (
    opening?.kind === 'meeting' &&
    opening.first <= INTRO_TOKENS &&
    keyIn(LEX.withinLead, tokens, 0)
  )
    for (const t of triggers) if (isMeeting(t) && isPlainMeeting(t)) t.type = opening.type;
  return triggers;
}

/** How far past "arrived at" the place arrived at may run before "in" and its city ("arrived
 *  at Vnukovo International Airport in Moscow"). */
const AT_PLACE_SPAN = 6;

/** "arrived at Moscow's airport", "arrived at Vnukovo airport in Moscow": the country or city
 *  right at `from`, else the one after the first "in" within a few words (past a prefix such
 *  as "the capital of"), and where it starts; null when there is none. */
export function placeArrivedIn(
  tokens: readonly Token[],
  from: number,
): { at: number; code: string; length: number } | null {
  const known = (at: number) => {
    const hit = countryAt(tokens, at) ?? placeAt(tokens, at);
    if (hit === null) return null;
    return { at, code: 'code' in hit ? hit.code : hit.entry.code, length: hit.length };
  };
  const right = known(from);
  if (right !== null) return right;
  for (let k = from + 1; k < tokens.length && k <= from + AT_PLACE_SPAN; k++)
    if (keyIn(LEX.placeLead, tokens, k - 1))
      return known(k + anyReadsAt(tokens, k, LEX.placePrefix));
  return null;
}

const isDash = (t: Token | undefined) => t !== undefined && DASHES.has(t.text);
const DASHES: ReadonlySet<string> = new Set(['-', '–', '—']);

/** "a U.S.-Russia summit": two different countries joined by a dash right before token `i`,
 *  and no third joined to them. */
function countryPairBefore(tokens: readonly Token[], i: number): boolean {
  const pair = countryPairEndingAt(tokens, i, isDash);
  return pair !== null && !isDash(tokens[pair.at - 1]);
}

/** How far into its sentence a cue that opens it may stand ("Tại cuộc hội kiến", "At the talks"). */
const INTRO_TOKENS = 3;

const PURPOSE = (CUE_TABLE.purpose?.phrases ?? []).map(phraseKeys);
const PURPOSE_WITHIN = CUE_TABLE.purpose?.within ?? 0;

/** "left for the United States on Thursday to hold talks": the trip's purpose, a few words on. */
function purposeAfter(tokens: readonly Token[], from: number): boolean {
  // (quotation marks around a word do not part a phrase: "for an “informal” summit")
  const words = tokens.slice(from, from + PURPOSE_WITHIN).filter((t) => !QUOTES.has(t.text));
  for (let k = 0; k < words.length; k++) if (PURPOSE.some((p) => seq(words, k, p))) return true;
  return false;
}

const QUOTES: ReadonlySet<string> = new Set(['"', "'", '“', '”', '‘', '’']);

/** Where the committee's name starts after "kỳ họp" (index of "Ủy"), or -1: "kỳ họp lần thứ 25 (của) Ủy ban liên Chính phủ". */
export function isCommitteeName(tokens: readonly Token[], from: number): number {
  for (let k = from; k < tokens.length && k < from + COMMITTEE_NAME.within; k++) {
    if (COMMITTEE_START.some((p) => seq(tokens, k, p))) return k;
    if (COMMITTEE_NOT.some((p) => seq(tokens, k, p))) return -1;
    // a name runs on through words, dashes and commas ("kỳ họp lần thứ 42, Ủy ban …")
    if (!tokens[k]!.word && tokens[k]!.text !== '-' && tokens[k]!.text !== ',') return -1;
  }
  return -1;
}

const FUTURE = MARKERS.future.map(phraseKeys);
const PAST = MARKERS.past.map(phraseKeys);
const PRECEDENT = MARKERS.precedent.map(phraseKeys);
const PRECEDENT_LEAD = (MARKERS.precedentLead ?? []).map(phraseKeys);
const HYPOTHETICAL = (MARKERS.hypothetical ?? []).map(phraseKeys);
const CALLED_OFF = (MARKERS.calledOff ?? []).map(phraseKeys);
const REPEATED = (MARKERS.repeated ?? []).map(phraseKeys);
const FUTURE_WITH_DAY = (MARKERS.futureWithDay ?? []).map(phraseKeys);
const PRECEDENT_NOT_AFTER: ReadonlySet<string> = new Set(
  (MARKERS.precedentNotAfter ?? []).map((w) => phraseKeys(w).join(' ')),
);
const PRECEDENT_NOT_BEFORE: ReadonlySet<string> = new Set(
  (MARKERS.precedentNotBefore ?? []).map((w) => phraseKeys(w).join(' ')),
);

/** The marker phrases a word can start, by kind. */
interface MarkersFrom {
  future: string[][];
  futureWithDay: string[][];
  past: string[][];
  precedent: string[][];
  precedentLead: string[][];
  hypothetical: string[][];
  calledOff: string[][];
  repeated: string[][];
}

/** Marker phrases by their first word, so that a token is looked up once and checked only against the phrases it can start. */
const MARKERS_BY_FIRST_WORD = new Map<string, MarkersFrom>();
for (const [kind, phrases] of [
  ['future', FUTURE],
  ['futureWithDay', FUTURE_WITH_DAY],
  ['past', PAST],
  ['precedent', PRECEDENT],
  ['precedentLead', PRECEDENT_LEAD],
  ['hypothetical', HYPOTHETICAL],
  ['calledOff', CALLED_OFF],
  ['repeated', REPEATED],
] as const) {
  for (const p of phrases) {
    let entry = MARKERS_BY_FIRST_WORD.get(p[0]!);
    if (entry === undefined) {
      entry = {
        future: [],
        futureWithDay: [],
        past: [],
        precedent: [],
        precedentLead: [],
        hypothetical: [],
        calledOff: [],
        repeated: [],
      };
      MARKERS_BY_FIRST_WORD.set(p[0]!, entry);
    }
    entry[kind].push(p);
  }
}

/**
 * Where the tense and precedent markers of a sentence start: a sentence has several cues,
 * each asking about a window of tokens, so the sentence is read once (one look-up per
 * token) and a window is checked against the few marker positions.
 */
export class MarkerIndex {
  private readonly future: number[] = [];
  private readonly past: number[] = [];
  private readonly precedent: number[] = [];
  private readonly precedentLead: number[] = [];
  private readonly hypothetical: number[] = [];
  private readonly calledOff: number[] = [];
  private readonly repeated: number[] = [];

  /** `tellsDay`: whether the sentence tells a day (futureWithDay markers look ahead only then) */
  constructor(tokens: readonly Token[], tellsDay = true) {
    // ("At the meeting, A expressed his delight to meet B again": in a sentence that opens
    // inside a meeting, being glad to meet is that meeting, none to come)
    const opensWithin = keyIn(LEX.withinLead, tokens, 0);
    for (let k = 0; k < tokens.length; k++) {
      const from = MARKERS_BY_FIRST_WORD.get(tokens[k]!.key);
      if (from === undefined) continue;
      if (
        (startsAny(tokens, k, from.future) ||
          (tellsDay && startsAny(tokens, k, from.futureWithDay))) &&
        !(opensWithin && keyIn(LEX.gladTo, tokens, k - 1))
      )
        this.future.push(k);
      if (startsAny(tokens, k, from.past)) this.past.push(k);
      if (
        !keyIn(PRECEDENT_NOT_AFTER, tokens, k - 1) &&
        !keyIn(PRECEDENT_NOT_BEFORE, tokens, k + 1)
      ) {
        if (startsAny(tokens, k, from.precedent)) this.precedent.push(k);
        if (startsAny(tokens, k, from.precedentLead)) this.precedentLead.push(k);
      }
      if (startsAny(tokens, k, from.hypothetical)) this.hypothetical.push(k);
      if (startsAny(tokens, k, from.calledOff)) this.calledOff.push(k);
      if (startsAny(tokens, k, from.repeated)) this.repeated.push(k);
    }
  }

  /** Future and past markers starting in the token window [from, to) (the clause around a cue). */
  tense(from: number, to: number): { future: boolean; past: boolean } {
    return {
      future: MarkerIndex.any(this.future, from, to),
      past: MarkerIndex.any(this.past, from, to),
    };
  }

  /** Whether a precedent marker starts in the token window [from, to). */
  precedentIn(from: number, to: number): boolean {
    return MarkerIndex.any(this.precedent, from, to);
  }

  /** Whether a precedent marker that governs what follows it starts in [from, to) (the words
   *  before a cue). */
  precedentLeadIn(from: number, to: number): boolean {
    return MarkerIndex.any(this.precedentLead, from, to);
  }

  /** Whether a marker of what is only talked of starts in the token window [from, to). */
  hypotheticalIn(from: number, to: number): boolean {
    return MarkerIndex.any(this.hypothetical, from, to);
  }

  /** Whether a marker of what was planned and will not be starts in the token window [from, to). */
  calledOffIn(from: number, to: number): boolean {
    return MarkerIndex.any(this.calledOff, from, to);
  }

  /** Whether a marker of repeated contacts starts in the token window [from, to) (the rest of
   *  a cue's clause). */
  repeatedIn(from: number, to: number): boolean {
    return MarkerIndex.any(this.repeated, from, to);
  }

  private static any(starts: readonly number[], from: number, to: number): boolean {
    for (const k of starts) if (k >= from && k < to) return true;
    return false;
  }
}

function startsAny(tokens: readonly Token[], k: number, phrases: readonly string[][]): boolean {
  for (const p of phrases) if (seq(tokens, k, p)) return true;
  return false;
}

/** How many countries a tour's list names at least. */
const TOUR_COUNTRIES = 2;

/** "will travel to Egypt, Ghana, Kenya, Mozambique and Singapore": the countries a visit cue
 *  lists right after it (the list alone: names, commas and "and"), when it lists several. */
export function tourListed(tokens: readonly Token[], triggers: readonly Trigger[]): string[] {
  for (const t of triggers) {
    if (!isVisit(t)) continue;
    const codes: string[] = [];
    let k = t.end;
    for (;;) {
      const c = countryAt(tokens, k);
      if (c === null) break;
      codes.push(c.code);
      k += c.length;
      while (tokens[k] !== undefined && (tokens[k]!.key === ',' || keyIn(LEX.and, tokens, k))) k++;
    }
    if (new Set(codes).size >= TOUR_COUNTRIES) return codes;
  }
  return [];
}
