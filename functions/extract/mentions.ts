// Event mentions in one sentence: each visit or meeting cue with its parties, date,
// place and tense. Mentions of the same event are merged across sentences in events.ts.
// The phrases that assign roles are data (data/roles.json, through lexicon.ts); the
// token windows the rules look through are the named constants below.

import { dayNumber, isoDayOf } from '../domain/dates.js';
import { CALL_TYPES, type EventType, isCallType } from '../domain/event.js';
import {
  isCommitteeName,
  isMeeting,
  isPlainMeeting,
  isVisit,
  MarkerIndex,
  placeArrivedIn,
  type Trigger,
  type TriggerKind,
} from './classify.js';
import { type DateMention, isDay, isMonth, type RefDate, refDayNumber } from './dates.js';
import {
  countryAt,
  countryPairEndingAt,
  type PlaceEntry,
  placeAt,
  titleBeginsAt,
} from './gazetteer.js';
import { anyReadsAt, endsBefore, findAnyPhrase, hasPhrase, type Keys, LEX } from './lexicon.js';
import {
  countryWithPrefix,
  joinedCountriesAt,
  type Person,
  type PersonMention,
  pastHonorifics,
} from './people.js';
import {
  anyKeyIn,
  keyAt,
  keyIn,
  possessiveAt,
  QUOTATION_MARKS,
  type Token,
  textAt,
} from './tokens.js';

/** The lexicon's lists this module reads in several places, by name (as `…Words` where the
 *  name is a keyword, a common word or one of this module's own). */
const {
  arrival,
  arrivalGreeted,
  arrivalGreeting,
  asideOpener,
  buildingNouns,
  callMeans,
  clauseEnd,
  clauseOpener,
  counterpartTitle,
  countryReference,
  dayAfter,
  dayLead,
  definite,
  delegation,
  departure,
  destination,
  durationLead,
  during,
  hostedFor,
  including,
  indefinite,
  infinitive,
  introLead,
  invitationNoun,
  inviter,
  inviteVerb,
  joinerPhrases,
  joiners,
  leadUpTo,
  nextLeg,
  objectLead,
  objectPronouns,
  onTheWay,
  openingParticiple,
  otherLeaders,
  passive,
  passiveLead,
  placeLead,
  placeOfCountry,
  placePrefix,
  placeQualifier,
  possessives,
  priorTo,
  pronouns,
  receivedFor,
  relative,
  returnHome,
  saidThat,
  sceneGreeting,
  spanStart,
  spouse,
  titleArticle,
  travel,
  tripNoun,
  visitFrom,
  welcomeAccorded,
  welcomeScene,
  welcomeVerbs,
  and: andWords,
  agent: agentWords,
  with: withWords,
  between: betweenWords,
  reporting: reportingWords,
  hostedBy: hostedByWords,
  coChair: coChairWords,
  commemorated: commemoratedWords,
} = LEX;

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
  /** a photo caption: its mentions only add to events the story tells */
  caption: boolean;
  /** the day of the last event told before this sentence ("cùng ngày" refers to it), or null */
  anchor: string | null;
  /** the anchor as it last stood on a day gone by (or today): what something done that the
   *  sentence does not date was on, past a quotation's "On January 23 we will meet", or null */
  heldAnchor: string | null;
  /** the day the sentence before tells, when this one goes on from it ("… swearing-in on
   *  Sunday evening. The two leaders then held talks"), or null */
  sequel: string | null;
  /** the first token past a quotation that opens the sentence, when the reporter's words run
   *  on after its attribution ("“…,” he said after meeting B"), else 0: the quotation's own
   *  cues and markers are someone's words */
  storyFrom: number;
  /** the sentence opens with a dateline whose day was taken out of `dates` ("New Delhi, Oct 6
   *  (PTI) A called on B"): the day it was filed, no event's */
  datelined: boolean;
}

export interface Place {
  city: string | null;
  country: string | null;
  /** a building (Phủ Chủ tịch) rather than a city */
  venue: boolean;
}

/** A city the tables know, as the place of an event. */
export const cityPlace = (entry: Pick<PlaceEntry, 'name' | 'code'>): Place => ({
  city: entry.name,
  country: entry.code,
  venue: false,
});

export interface Mention {
  kind: TriggerKind;
  type: EventType;
  sentence: SentenceInfo;
  trigger: Trigger;
  date: DateMention | null;
  /** the date is not the event's own: a visit named in passing takes the day of a meeting held during it */
  dateBorrowed: boolean;
  /** the date is a visit's told before the cue ("arrived on Tuesday for his summit with B"):
   *  the meeting's only by the visit that frames it */
  dateFramed: boolean;
  /** the date is the day a visit ended ("kết thúc chuyến thăm"), not when it began */
  dateIsEnd: boolean;
  /** how many days the text says a visit lasts ("kéo dài hai ngày"), or null */
  durationDays: number | null;
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
  /** what "ahead of" leads up to ("welcomed B ahead of their talks"): later than the
   *  sentence's own event, not for that alone still to come */
  ledUp: boolean;
  /** the cue opens its sentence after "after" or "following" ("After the talks, both leaders
   *  will lay wreaths"): the event the story told, whatever the main clause's tense */
  opensAfter: boolean;
  precedent: boolean;
  ordinal: number | null;
  /** the subject "receives" (tiếp) or "calls on" (hội kiến, chào) */
  receives: boolean;
  callsOn: boolean;
  /** a greeting on arrival ("received B at the airport"): no meeting; a reception of the
   *  same two that day told elsewhere in the story is that greeting (events.ts) */
  greeting: boolean;
}

/** Everyone a mention names, on either side. */
export const peopleOfMention = (m: Mention): Person[] => [...m.sideA, ...m.sideB];

/** The article around a sentence that its mentions may refer to. */
export interface ArticleContext {
  ref: RefDate;
  /** the article names a committee ("Ủy ban liên Chính phủ") somewhere */
  committeeContext: boolean;
  /** principals named before this sentence, most recent first, each once */
  recentPrincipals: readonly Person[];
  /** the principals of the last sentence that named one, in their order: "he" is most likely the first that fits */
  lastNamed: readonly Person[];
  /** the country the article's outlet reports from (its language's), or null */
  homeCountry: string | null;
  /** a country's name stands before the noun it qualifies ("his China visit") */
  modifiersFirst: boolean;
  /** an event's day is written after it ("met B on July 9") rather than before ("Ngày 9/7, A gặp B") */
  datesFollow: boolean;
  /** who "I" is: the principal whose remarks the article is ("Prime Minister A's Remarks at …"), or null */
  speaker: Person | null;
  /** the country of the article's dateline ("HANOI —"), or null */
  datelineCountry: string | null;
  /** the country whose government published the article on its own site, or null (publisher.ts) */
  publisherCountry: string | null;
  /** the visits the sentences before told, most recent first */
  visits: readonly Mention[];
  /** the meetings the sentences before told, most recent first */
  meetings: readonly Mention[];
  /** the sentence right before set a visit's welcome scene ("B was accorded a ceremonial
   *  welcome at the forecourt."): a reception told next is that welcome */
  welcomeBefore: boolean;
  /** the next sentence opens by naming a ceremony ("The ceremony, held on Wednesday, marked the
   *  start of B's state visit"): a reception told before it is that welcome */
  ceremonyAfter: boolean;
}

/** How far after "co-chaired" its "with B" may stand ("co-chaired the 18th Meeting of the
 *  Cambodia-Viet Nam Joint Commission (18th JC) on Economic, Cultural, Scientific and
 *  Technological Cooperation with B"), in tokens. */
const CO_CHAIR_WITH_SPAN = 40;
/** How far after "anniversary of" the day it commemorates may stand ("of the Viet Nam-China
 *  diplomatic relations (January 18, 2022)"). */
const COMMEMORATED_CHARS = 100;
/** How many lead words ("his") may stand between "at the invitation of" and the inviter. */
const INVITER_LEAD_SKIP = 2;
/** "attended his meeting with": how far before a cue the verb may stand, and how many words between. */
const ATTENDED_BEFORE = 6;
const ATTENDED_GAP = 2;
/** "with International Monetary Fund chief C and B": how many words another one met may take. */
const UNKNOWN_OTHER_WORDS = 8;
/** How far after a cue "between" may come ("talks on Thursday between A and B", "talks are
 *  scheduled to be held between A and B"). */
const BETWEEN_LOOKAHEAD = 6;
/** Words at most before "delegation" after a cue ("with the visiting Kenyan delegation"). */
const DELEGATION_LEAD = 3;
/** How far after "đoàn" its leader ("do X dẫn đầu") may be named. */
const DELEGATION_SPAN = 16;
/** "between Peruvian and Chilean ministers A and B": how far after "between" the first of the pair may stand. */
const BETWEEN_SPAN = 6;
/** How many lead words ("với", "song phương") may stand between a cue and its object. */
const OBJECT_LEAD_SKIP = 3;
/** "cuộc hội đàm thành công với B": how many words may stand between a cue and the "với" of its object. */
const WITH_SPAN = 8;
/** Joined people ("A và B", "A, B và C") stand at most this many tokens apart. */
const CHAIN_GAP = 3;
/** How many gap words ("tới", "cấp Nhà nước") may stand between a visit cue and the host country. */
const VISIT_HOST_GAP = 3;
/** "was visited in the Historic Center by B": how many words past the verb its "by" may stand. */
const VISITED_BY_SPAN = 8;
/** "chuyến thăm chính thức thứ 2 của ông tới Việt Nam": how far after a visit noun "tới <country>" may come. */
const NOUN_VISIT_SPAN = 8;
/** The most tokens a country's name takes ("the United States of America"). */
const MAX_COUNTRY_TOKENS = 6;
/** How far back from a visit cue "đến/tới/sang <country>" may name its host ("… đến Việt Nam là quốc gia đầu tiên thăm", "depart Abuja for Malabo, Equatorial Guinea, on a three-day official visit"). */
const HOST_BEFORE_SPAN = 12;
/** How far after a tour's first host further hosts may be listed ("thăm A và B"). */
const TOUR_SPAN = 12;
/** How many words of a committee's name may stand between its number and its noun ("the 7th Philippines-Indonesia Joint Commission"). */
const NUMBERED_NAME_SPAN = 6;
/** A session's number as English writes it before a committee's name ("7th", "18th"). */
const SESSION_NUMBER = /^\d{1,3}(?:st|nd|rd|th)$/u;
/** How far after a cue "the next day" may stand and still be its day. */
const NEXT_DAY_AFTER = 10;
/** The tense markers of a cue are read from its clause up to this many tokens after it. */
const TENSE_AFTER = 8;
/** "with its leadership tonight, including B": how far after the cue "including" may name the other side, in tokens. */
const INCLUDING_SPAN = 10;
/** "Modi's first bilateral meeting": how many words may stand between a possessive and the cue it owns. */
const POSSESSED_CUE_GAP = 2;
/** Quotation marks, which a cue quoted ("a “very good telephone call” with B") stands inside. */
/** How long a bracketed aside may be, in tokens: between a visit and its destination, or after
 *  a tour's country ("Indonesia (from April 29 to 30)"). */
const BRACKET_SPAN = 10;
/** "a meeting between President A and President B is possible": how far after the cue, in tokens. */
const HYPOTHETICAL_AFTER = 16;
/** "the visit this year, which couldn't take place": how far after its cue, in tokens. */
const CALLED_OFF_AFTER = 12;
/** "could include a meeting": how far before its cue such words stand, in tokens. */
const HYPOTHETICAL_BEFORE = 4;
/** A precedent marker ("lần thứ", "từng") counts this many tokens around the cue. */
const PRECEDENT_BEFORE = 6;
const PRECEDENT_AFTER = 8;
/** How far before a cue a precedent marker that governs what follows may stand, in its clause
 *  ("came two weeks after Prime Minister A and President B held a phone conversation"). */
const PRECEDENT_LEAD_BEFORE = 16;
/** Words at most between the comma closing an opening participle and the main clause's subject. */
const OPENING_SUBJECT_GAP = 2;
/** Lower-case words at most between "ahead of" and the cue it leads up to ("ahead of their
 *  first in-person meeting") */
const LEAD_UP_GAP = 5;
/** The longest of those phrases, in tokens ("in the run-up to": six). */
const LEAD_UP_PHRASE_TOKENS = 6;
/** "their first meeting since a tense phone call in September": how far before a cue "since" makes it an earlier event, in tokens ("since his face-to-face meeting": a hyphenated word is five). */
const SINCE_CUE_BEFORE = 8;
/** "following his two-day summit with B": how far before a meeting's cue such words stand, in tokens. */
const PRIOR_TO_BEFORE = 6;
/** "hai Thủ tướng dẫn đầu đoàn đại biểu cấp cao hai nước tiến hành hội đàm": how far before the cue the pair may be named. */
const PAIR_REFERENCE_SPAN = 16;
/** Tokens after an opening phrase's comma where its main clause's subject stands. */
const PAIR_SUBJECT_SPAN = 4;
/** "trong khuôn khổ chuyến thăm": how far before the cue a phrase of passing may stand. */
const PASSING_BEFORE = 6;
/** "kết thúc tốt đẹp chuyến thăm": how far before the cue a travel word may stand. */
const TRAVEL_BEFORE = 6;
/** "Sau cuộc hội đàm, ông Trump và ông Putin …": how close after a noun cue its pair may be named, in characters. */
const PAIR_AFTER_CHARS = 4;
/** A word in the past tense, as a clause's verb is written ("signed", "agreed"; roles.json
 *  pastSuffixes), not a name. */
/** A principal whose country is known: one who can be a side of a bilateral event. */
const knownPrincipal = (p: PersonRef): p is PersonRef & { person: { country: string } } =>
  p.person.principal && p.person.country !== null;
const pastTense = (t: Token): boolean =>
  t.word &&
  !t.cap &&
  LEX.pastSuffixes.some((s) => t.key.length > s.length + 1 && t.key.endsWith(s));
const pastTenseAt = (tokens: readonly Token[], at: number): boolean =>
  tokens[at] !== undefined && pastTense(tokens[at]);
/** How many words a gathering's name may run on the sidelines of ("the Shanghai Cooperation
 *  Organisation (SCO) summit in China"). */
const SIDELINES_NAME_SPAN = 9;
/** How far before a cue "a series of" may stand ("a series of high-level bilateral talks"). */
const SERIES_BEFORE = 5;
/** How many words may open a sentence before its cue ("During their first talks"). */
const INTRO_WORDS = 4;
/** How far into its sentence a cue in an opening phrase may stand, past names ("Before
 *  confirming Donald Trump's state visit"), for the day after that phrase's comma to be the
 *  main clause's. */
const OPENING_CUE_WORDS = 8;
/** "kể từ khi ông quay lại Nhà Trắng ngày 20-1": how far before a date "since" makes it background, in characters. */
const SINCE_CHARS = 48;
/** …or further, up to this many characters, while no comma closes the clause "since" opens. */
const SINCE_CLAUSE_CHARS = 160;
/** "has been on an official visit since …": how far before a visit's cue its "been" stands, in tokens. */
const ONGOING_BEFORE = 5;
/** "on the first day of his three-day visit": how far before a visit's cue its possessive stands, in tokens. */
const POSSESSED_VISIT_GAP = 5;
/** "…, the office said (in a briefing on) Wednesday": how far before a date a reporting verb makes it the day of the report, in characters. */
const REPORT_DAY_CHARS = 40;
/** …or this far, in the same comma-free run of words ("according to an official statement by
 *  officials on Wednesday"). */
const REPORT_CLAUSE_CHARS = 80;
/** "do A và B đồng chủ trì": how far after the people the chairing verb may come. */
const CHAIRED_BY_GAP = 3;
/** An ordinal ("lần thứ 42") counts this many tokens after a committee cue. */
const ORDINAL_SPAN = 4;
/** A year alone counts as the cue's date only this close to it, in characters (not anywhere in a long sentence). */
const YEAR_BEFORE_CHARS = 40;
const YEAR_AFTER_CHARS = 60;
/** "Chủ tịch Quốc hội": a committee cue this close to it is a parliament's session, not a bilateral committee. */
const PARLIAMENT_SPAN = 6;
/** How many tokens after a committee's name its countries may be listed. */
const COMMITTEE_COUNTRIES_SPAN = 14;
/** How many tokens after the place word a city may take before its country in brackets ("tại Vientiane (Lào)"). */
const CITY_WORDS = 4;
/** "tại trụ sở … (Thủ đô Hà Nội)": how far after the place word a bracketed city may come. */
const BRACKETED_CITY_SPAN = 10;
/** A cue that receives someone ("received", "welcomed"). */
const receiving = (t: Trigger) => t.role === 'receives';

/** Whether a pronoun or a possessive ("he", "his") stands in tokens [from, to): someone named
 *  before is referred to there. */
const refersBack = (tokens: readonly Token[], from: number, to: number): boolean =>
  tokens.slice(from, to).some(
    (t, k) =>
      pronouns.has(t.key) ||
      possessives.has(t.key) ||
      // ("The delegation is expected to hold talks with B": the visitor's, told before)
      (delegation.has(t.key) && keyIn(definite, tokens, from + k - 1)) ||
      // ("The headline meeting with B is expected on Friday", opening the sentence: the one the
      // story is about)
      (k === 0 && from === 0 && to <= STORY_CUE_WORDS && definite.has(t.key)),
  );
/** How many words may open a sentence up to its cue for "the" to stand for the story's own
 *  event: the article and two more ("The headline meeting"). */
const STORY_CUE_WORDS = 3;

/** The number an ordinal written as a word stands for ("second": 2), or 0. */
const ordinalOf = (key: string): number => LEX.ordinalWords.findIndex((p) => p[0] === key) + 1;

/** How many words after a meeting's "of" may lead up to the officials it is of ("the meeting
 *  of foreign and defense vice ministers"). */
const OFFICIALS_SPAN = 6;

/** How many words a departure's place of origin may take ("depart Abuja for …"). */
const ORIGIN_WORDS = 3;

/** "will depart Abuja for Malabo": the word at `k` leads to where a departure goes. */
const departsFor = (tokens: readonly Token[], k: number): boolean =>
  keyIn(LEX.departFor, tokens, k) &&
  anyKeyIn(departure, tokens, Math.max(0, k - 1 - ORIGIN_WORDS), k);

/** "the second day of his three-day state visit": how far before the visit's cue its day's
 *  ordinal may stand. */
const VISIT_DAY_SPAN = 8;
/** How many words of a duration ("kéo dài 2 ngày", "kéo dài hai ngày") are read. */
const DURATION_SPAN = 8;
/** The longest co-chairing phrase: "A và B đồng chủ trì" reads it within this many tokens after the chair word. */
const CO_CHAIR_LENGTH = Math.max(...coChairWords.map((p) => p.length));

/** What the mentions of one cue share. */
type CueContext = Pick<
  Mention,
  | 'sentence'
  | 'trigger'
  | 'date'
  | 'dateBorrowed'
  | 'dateFramed'
  | 'dateIsEnd'
  | 'durationDays'
  | 'year'
  | 'future'
  | 'past'
  | 'ledUp'
  | 'opensAfter'
  | 'precedent'
  | 'place'
>;
/** What a mention adds to its cue's context (its place overrides the context's). */
type MentionParts = Pick<Mention, 'kind' | 'type' | 'sideA' | 'sideB' | 'countries'> &
  Partial<
    Pick<
      Mention,
      'host' | 'guest' | 'hosts' | 'place' | 'ordinal' | 'receives' | 'callsOn' | 'greeting'
    >
  >;

/**
 * A mention with every field written in one order. (Spreading a shared object and then
 * overriding some of its fields gave mentions many hidden shapes, which made everything
 * reading them slow.)
 */
function newMention(cue: CueContext, parts: MentionParts): Mention {
  return {
    kind: parts.kind,
    type: parts.type,
    sentence: cue.sentence,
    trigger: cue.trigger,
    date: cue.date,
    dateBorrowed: cue.dateBorrowed,
    dateFramed: cue.dateFramed,
    dateIsEnd: cue.dateIsEnd,
    durationDays: cue.durationDays,
    year: cue.year,
    sideA: parts.sideA,
    sideB: parts.sideB,
    host: parts.host ?? null,
    guest: parts.guest ?? null,
    countries: parts.countries,
    hosts: parts.hosts ?? [],
    place: parts.place === undefined ? cue.place : parts.place,
    future: cue.future,
    past: cue.past,
    ledUp: cue.ledUp,
    opensAfter: cue.opensAfter,
    precedent: cue.precedent,
    ordinal: parts.ordinal ?? null,
    receives: parts.receives ?? false,
    callsOn: parts.callsOn ?? false,
    greeting: parts.greeting ?? false,
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
  for (let k = from; k < to; k++) {
    if (keyIn(joiners, tokens, k) || keyIn(spouse, tokens, k)) continue;
    // ("A and Mr. Lyonchhen B": the honorific before a title)
    const honoured = pastHonorifics(tokens, k, true);
    if (honoured > k && honoured <= to) {
      k = honoured - 1;
      continue;
    }
    // ("A as well as B": a joiner of several words)
    const phrase = anyReadsAt(tokens, k, joinerPhrases);
    if (phrase === 0 || k + phrase > to) return false;
    k += phrase - 1;
  }
  return true;
};
/** "talked with C on Sunday ahead of his meeting with B", "a prelude to the meeting with B": the
 *  cue at `first` is of an event still to come after the day the sentence tells. */
function ledUpTo(tokens: readonly Token[], first: number): boolean {
  for (let k = first - 1; k >= 0 && first - k <= LEAD_UP_GAP + LEAD_UP_PHRASE_TOKENS; k--) {
    const t = tokens[k]!;
    // (past a country's name: "prior to her India visit")
    if ((t.cap && !countryCovering(tokens, k)) || (!t.word && t.text !== '-')) return false;
    const length = anyReadsAt(tokens, k, leadUpTo);
    if (length > 0 && k + length <= first) return first - (k + length) <= LEAD_UP_GAP;
  }
  return false;
}

/** How many words a country's name may have ("Sri Lanka", "United Arab Emirates"). */
const COUNTRY_WORDS = 3;

/** Whether the token at `k` is a word of a country's name or adjective. */
function countryCovering(tokens: readonly Token[], k: number): boolean {
  for (let j = k; j >= 0 && j > k - COUNTRY_WORDS; j--) {
    const c = countryAt(tokens, j);
    if (c !== null && j + c.length > k) return true;
  }
  return false;
}

/** The cue opens its sentence after a preposition and an article: "At a meeting …", "During their
 *  talks …" (the two countries whose talks they are written before it: "Before starting the
 *  Russian-Vietnamese talks, …"). */
function introducedBy(tokens: readonly Token[], first: number): boolean {
  const pair = countryPairEndingAt(tokens, first, joinsCountries);
  return inOpeningPhrase(tokens, pair?.at ?? first, (k) => keyIn(introLead, tokens, k));
}

/** The cue at `first` stands a few lower-case words after the lead word (`lead`) of the
 *  phrase its sentence opens with: the sentence's first word ("After their talks"), or a word
 *  past an opening participle ("Speaking to reporters after the talks, A said"). */
function inOpeningPhrase(
  tokens: readonly Token[],
  first: number,
  lead: (k: number) => boolean,
): boolean {
  if (lead(0)) return introducedAfter(tokens, first);
  if (!keyIn(openingParticiple, tokens, 0)) return false;
  for (let k = first - 1; k > 0 && k >= first - INTRO_WORDS; k--) {
    if (lead(k)) return true;
    if (!tokens[k]!.word || tokens[k]!.cap) return false;
  }
  return false;
}

/** The cue stands a few lower-case words after its sentence's first word ("After their talks"). */
function introducedAfter(tokens: readonly Token[], first: number): boolean {
  return (
    first >= 1 && first <= INTRO_WORDS && tokens.slice(1, first).every((t) => t.word && !t.cap)
  );
}

/** How many capitalised words a possessor before a title may have ("Vietnamese Communist Party’s"). */
const POSSESSOR_WORDS = 4;

/** The length of a possessor written before a title at `at` ("Vietnamese Communist Party’s"),
 *  its capitalised words and the possessive mark; 0 where there is none. */
function possessorLength(tokens: readonly Token[], at: number): number {
  let k = at;
  // (also "the country's president, B": the country the sentence named)
  while (
    k < tokens.length &&
    k - at < POSSESSOR_WORDS &&
    (tokens[k]!.cap || (k === at && keyIn(countryReference, tokens, k)))
  )
    k++;
  return k > at && possessiveAt(tokens, k) ? k + 2 - at : 0;
}

/** "Foreign Minister A and Defence Minister B arrived in New Delhi": the principals joined
 *  before the visitor, of their country and their standing (a leader's minister beside them
 *  is of the delegation), visit with them. */
function companionsBefore(
  tokens: readonly Token[],
  people: readonly PersonRef[],
  visitor: PersonRef,
): Person[] {
  const out: Person[] = [];
  for (let i = people.indexOf(visitor); i > 0 && joined(tokens, people[i - 1]!, people[i]!); i--) {
    const p = people[i - 1]!.person;
    if (
      p.principal &&
      p !== visitor.person &&
      p.country === visitor.person.country &&
      p.leader === visitor.person.leader
    )
      out.unshift(p);
  }
  return out;
}

/** A cue joined to the object before it: "… with A and a meeting with B", "… A, and then met B". */
const conjoinedCue = (tokens: readonly Token[], from: number, to: number) => {
  let and = false;
  for (let k = from; k < to; k++) {
    const key = tokens[k]!.key;
    if (andWords.has(key)) and = true;
    else if (!LEX.conjoinedCueLead.has(key) && !joiners.has(key)) return false;
  }
  return and;
};
const joined = (tokens: readonly Token[], a: PersonRef, b: PersonRef) => {
  // ("presidents Gustavo Petro (Colombia) and Guillermo Lasso (Ecuador)": past a country in
  // brackets after the name)
  let end = pastBracketedCountry(tokens, a.mention.end);
  // ("A and his spouse, and B": past A's spouse; not "A and his wife, B", who is the wife)
  if (
    keyIn(possessives, tokens, end + 1) &&
    keyIn(spouse, tokens, end + 2) &&
    anyKeyIn(andWords, tokens, end + 3, b.mention.first)
  )
    end += 3;
  // ("A, and the Prime Minister of Spain, B": the article before a named one's title)
  const to =
    b.mention.first -
    (b.mention.name !== null && keyIn(titleArticle, tokens, b.mention.first - 1) ? 1 : 0);
  return b.mention.first - end <= CHAIN_GAP && onlyJoinersBetween(tokens, end, to);
};

/** Past a country written in brackets at token `k` ("(Colombia)"), else `k`. */
function pastBracketedCountry(tokens: readonly Token[], k: number): number {
  if (textAt(tokens, k) !== '(') return k;
  const c = countryAt(tokens, k + 1);
  return c !== null && textAt(tokens, k + 1 + c.length) === ')' ? k + 2 + c.length : k;
}

/** Who an act is told as done by, after its "by" at `at - 1` (past an honorific and lead
 *  words: "by His Excellency President A", "by his Vietnamese counterpart B"). */
const actedBy = (tokens: readonly Token[], people: readonly PersonRef[], at: number) =>
  chainFrom(tokens, people, pastHonorifics(tokens, at), objectLead, OBJECT_LEAD_SKIP);

/** The person starting at or right after token `at` (skipping lead words), with those joined to it by "và" / ",". */
function chainFrom(
  tokens: readonly Token[],
  people: readonly PersonRef[],
  at: number,
  lead: ReadonlySet<string> = new Set(),
  maxSkip = 0,
): PersonRef[] {
  let k = at;
  // ("an audience with His Majesty Sultan B": past the honorifics before a title, whose "His"
  // is no lead word)
  // (and past the article before them: "a courtesy call on the Rt. Hon. Prime Minister B")
  const from = keyIn(titleArticle, tokens, at) ? at + 1 : at;
  const honoured = pastHonorifics(tokens, from, true);
  if (honoured > from && people.some((p) => p.mention.first === honoured)) k = honoured;
  let skipped = 0;
  while (k < tokens.length && skipped < maxSkip) {
    // (not past a name's own first word: "with His Excellency B")
    if (people.some((p) => p.mention.first === k)) break;
    if (lead.has(tokens[k]!.key)) skipped++;
    // "his newly-elected counterpart": two lead words joined by a hyphen read as two words
    else if (skipped > 0 && tokens[k]!.text === '-' && keyIn(lead, tokens, k + 1)) {
      // (the hyphen itself is no word skipped)
    }
    // "held meetings, respectively, with B": commas around lead words
    else if (tokens[k]!.text !== ',' || !keyIn(lead, tokens, k + 1)) break;
    k++;
  }
  // "talks with her host, President B": the comma of an apposition after the lead words
  if (skipped > 0 && textAt(tokens, k) === ',' && people.some((p) => p.mention.first === k + 1))
    k++;
  let index = people.findIndex((p) => p.mention.first === k);
  // "with the President of China Xi Jinping" (not "with the Russian minister": no name);
  // "with the Vietnamese Communist Party’s General Secretary, B": past the institution's possessive
  if (index < 0 && keyIn(titleArticle, tokens, k)) {
    // ("with the new South Korean President B": past the lead words after the article)
    let after = k + 1;
    while (after < k + 1 + maxSkip && keyIn(lead, tokens, after)) after++;
    const from = after + possessorLength(tokens, after);
    index = people.findIndex((p) => p.mention.first === from && p.mention.name !== null);
  }
  if (index < 0) return [];
  // "met with President Xi Jinping's second-in-command": the possessor is not the one met
  if (possessiveAt(tokens, people[index]!.mention.end)) return [];
  const chain = [people[index]!];
  // (not one joined by "and" whom a verb follows, who opens a clause of their own: "shared his
  // take on the meeting with C and B responded by …" does not meet B; "Meeting with C, A
  // affirmed …" still reads C and A as one list, for the opening phrase, and "Negotiations
  // between C and B concluded" names its pair before the verb)
  const pair = keyIn(betweenWords, tokens, people[index]!.mention.first - 1);
  while (
    index + 1 < people.length &&
    joined(tokens, people[index]!, people[index + 1]!) &&
    !(
      !pair &&
      pastTenseAt(tokens, people[index + 1]!.mention.end) &&
      anyKeyIn(andWords, tokens, people[index]!.mention.end, people[index + 1]!.mention.first)
    )
  )
    chain.push(people[++index]!);
  return chain;
}

/** "met Tuesday his counterpart B", "will meet later Wednesday B": past a day told between a
 *  cue and its object (and its "on" or "later"), else `k`. */
function pastDay(info: SentenceInfo, k: number): number {
  const end = dayEnd(info, k);
  if (end !== null) return pastBracketedDay(info, end) ?? end;
  // ("a meeting Saturday (Jan. 14th) with B", "on Saturday (January 14)": the weekday, which
  // the date in brackets after it tells; "a meeting (on January 14) with B")
  let j = k;
  while (keyIn(dayLead, info.tokens, j)) j++;
  return (
    (info.tokens[j]?.word ? pastBracketedDay(info, j + 1) : null) ?? pastBracketedDay(info, k) ?? k
  );
}

/** A clock time after a place's lead word ("at 9:27 a.m.", "at 10am"). */
const CLOCK = /^\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\b\.?)?/iu;

/** "received this Friday at 9:27 a.m. B": the token after a clock time at token `k`, else `k`. */
function pastClock(info: SentenceInfo, k: number): number {
  const digits = info.tokens[k + 1];
  if (!keyIn(placeLead, info.tokens, k) || !/^\d/u.test(digits?.text ?? '')) return k;
  const end = digits!.start + CLOCK.exec(info.text.slice(digits!.start))![0].length;
  const next = info.tokens.findIndex((t) => t.start >= end);
  return next < 0 ? k : next;
}

/** "received in Hanoi on March 21 B": the token after a known place led by "in" or "at" at
 *  token `k`, else `k`. */
function pastPlace(tokens: readonly Token[], k: number): number {
  if (!keyIn(placeLead, tokens, k)) return k;
  const place = placeAt(tokens, k + 1);
  if (place !== null) return k + 1 + place.length;
  // ("received on Monday at Bayan Palace Swiss President B": a building the tables do not
  // know, its name ending with a building's noun)
  let e = k + 1 + (keyIn(titleArticle, tokens, k + 1) ? 1 : 0);
  const from = e;
  while (e < from + BUILDING_WORDS && tokens[e]?.cap === true) {
    e++;
    if (keyIn(buildingNouns, tokens, e - 1)) return e;
  }
  return k;
}

/** How many capitalised words a building's name may have ("the Great Hall of the People" is read by the tables). */
const BUILDING_WORDS = 4;

/** The token after the day told at token `k` (past the words that lead it), or null. */
function dayEnd(info: SentenceInfo, k: number): number | null {
  const { tokens } = info;
  let j = k;
  while (keyIn(dayLead, tokens, j) || keyIn(LEX.sequel, tokens, j)) j++;
  const at = tokens[j]?.start;
  const day = info.dates.find((d) => d.start === at);
  if (day === undefined) return null;
  const end = tokens.findIndex((t) => t.start >= day.end);
  return end < 0 ? null : end;
}

/** The token after the closing bracket of a day told in brackets at token `k`, or null. */
function pastBracketedDay(info: SentenceInfo, k: number): number | null {
  if (textAt(info.tokens, k) !== '(') return null;
  const end = dayEnd(info, k + 1);
  return end !== null && textAt(info.tokens, end) === ')' ? end + 1 : null;
}

/** Words at most between "to" and the name of the place a visit is to ("to the war-linked Yasukuni Shrine"). */
const PLACE_NAME_GAP = 5;

/** "to" (a destination's lead) at token `at`, then a capitalised name before the clause goes on. */
function namedPlaceAfter(tokens: readonly Token[], at: number): boolean {
  if (!keyIn(destination, tokens, at)) return false;
  for (let k = at + 1; k < tokens.length && k <= at + PLACE_NAME_GAP; k++) {
    const t = tokens[k]!;
    if (t.cap) return true;
    if (!t.word && t.text !== '-') return false;
  }
  return false;
}

/** Words at most between "for" and what a guest is hosted for ("for a private state dinner"). */
const HOSTED_FOR_LEAD_WORDS = 4;

/** Tokens at most between the guest and "for" ("hosted B in Washington, DC for …"). */
const HOSTED_FOR_GAP = 10;

/** "for a lunch", "for dinner", "for an official State Visit" soon after token `at`. */
function hostedForAfter(tokens: readonly Token[], at: number): boolean {
  let forAt = at;
  while (
    forAt < tokens.length &&
    forAt < at + HOSTED_FOR_GAP &&
    !keyIn(receivedFor, tokens, forAt) &&
    // ("received B, who is in Vietnam for an official visit": what B is there for)
    !keyIn(relative, tokens, forAt) &&
    (tokens[forAt]!.word || tokens[forAt]!.text === ',')
  )
    forAt++;
  if (!keyIn(receivedFor, tokens, forAt)) return false;
  for (let k = forAt + 1; k < tokens.length && k <= forAt + 1 + HOSTED_FOR_LEAD_WORDS; k++) {
    const key = tokens[k]!.key;
    if (hostedFor.has(key)) return true;
    if (!LEX.hostedForLead.has(key)) return false;
  }
  return false;
}

/** The chain of people right before a point: the last person before it and those joined to it ("A và B hội đàm"). */
function nearestChain(tokens: readonly Token[], before: readonly PersonRef[]): PersonRef[] {
  if (before.length === 0) return [];
  let index = before.length - 1;
  const chain = [before[index]!];
  while (index > 0 && joined(tokens, before[index - 1]!, before[index]!))
    chain.unshift(before[--index]!);
  return chain;
}

/** The first of these people (a clause's subject) with those joined to them. */
function leadingChain(tokens: readonly Token[], before: readonly PersonRef[]): PersonRef[] {
  if (before.length === 0) return [];
  let index = 0;
  const chain = [before[0]!];
  while (index + 1 < before.length && joined(tokens, before[index]!, before[index + 1]!))
    chain.push(before[++index]!);
  return chain;
}

/** The phrases after which the visit's own sentence names who invited or hosts the visitor. */
const INVITED_OR_HOSTED = [...inviter, ...hostedByWords];

/**
 * People named right after "lời mời của". In "Nhận lời mời của A, B sẽ thăm ..." the
 * comma ends the invitation and B is the visitor; a comma continues the list of
 * inviters only in "A, B và C".
 */
function inviters(
  tokens: readonly Token[],
  people: readonly PersonRef[],
  phrases: readonly Keys[] = INVITED_OR_HOSTED,
): PersonRef[] {
  const found = findAnyPhrase(tokens, phrases);
  if (found === null) {
    // "at President B's invitation"
    const byName = people.find(
      (p) =>
        possessiveAt(tokens, p.mention.end) && keyIn(invitationNoun, tokens, p.mention.end + 2),
    );
    return byName === undefined ? [] : [byName];
  }
  // "at the invitation of her Thai counterpart, Dr X"
  const chain = chainFrom(tokens, people, found.at + found.length, objectLead, INVITER_LEAD_SKIP);
  const joinedByAnd = (n: number) =>
    anyKeyIn(andWords, tokens, chain[n - 1]!.mention.end, chain[n]!.mention.first);
  let keep = chain.length;
  for (let n = chain.length - 1; n >= 1; n--) {
    if (joinedByAnd(n)) continue;
    // a comma link counts only when a "và" link follows it
    if (!(n + 1 < chain.length && joinedByAnd(n + 1) && keep > n + 1)) keep = n;
  }
  return chain.slice(0, keep);
}

const SENDER_FIRST_WORDS = new Set(LEX.sender.map((p) => p[0]!));

/** People on whose behalf someone else acts ("Đặc phái viên của Tổng Bí thư X"): never a party themselves. */
function senders(tokens: readonly Token[], people: readonly PersonRef[]): PersonRef[] {
  const out: PersonRef[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (!SENDER_FIRST_WORDS.has(tokens[k]!.key)) continue;
    const length = anyReadsAt(tokens, k, LEX.sender);
    if (length === 0) continue;
    const sender = people.find((p) => p.mention.first === k + length);
    if (sender !== undefined) out.push(sender);
  }
  return out;
}

/** A welcome in a sentence: a ceremony ("chủ trì lễ đón"), or a greeting ("welcomed", "will host") that names its guest. */
function welcomeCue(tokens: readonly Token[]): WelcomeCue | null {
  const ceremony = findAnyPhrase(tokens, LEX.welcome);
  if (ceremony !== null) return { ...ceremony, needsGuest: false };
  const accorded = findAnyPhrase(tokens, welcomeAccorded);
  if (accorded !== null) return { ...accorded, needsGuest: false, accorded: true };
  const greeting = findAnyPhrase(tokens, LEX.greeting);
  if (greeting !== null) return { ...greeting, needsGuest: true };
  const scene = sceneReception(tokens);
  return scene === null ? null : { ...scene, needsGuest: true, scene: true };
}

/** Where a sentence's welcome is told, whether it must name its guest, and whether it is a
 *  reception told with the scene of a welcome ("A received B in an official ceremony"). */
interface WelcomeCue {
  at: number;
  length: number;
  needsGuest: boolean;
  scene?: boolean;
  /** a welcome told of its guest ("B was accorded a ceremonial welcome") */
  accorded?: boolean;
}

/** "A received B in an official ceremony": a reception that is the visit's welcome. */
function sceneReception(tokens: readonly Token[]): { at: number; length: number } | null {
  const found = !hasPhrase(tokens, welcomeScene) ? null : findAnyPhrase(tokens, sceneGreeting);
  // ("B was accorded a guard of honour and received by A": told in the passive, greetedOnArrival's)
  return found !== null && keyIn(agentWords, tokens, found.at + found.length) ? null : found;
}

/** Whether a welcome's verb stands right before token `at`, past a possessive ("welcomed his
 *  counterpart B"). */
function welcomedRightBefore(tokens: readonly Token[], at: number): boolean {
  const k = keyIn(possessives, tokens, at - 1) ? at - 2 : at - 1;
  return keyIn(welcomeVerbs, tokens, k);
}

/** People who "chủ trì lễ đón" (preside over the welcome ceremony) or greet a guest, and that guest. */
function welcomers(
  tokens: readonly Token[],
  people: readonly PersonRef[],
  cue: WelcomeCue | null = welcomeCue(tokens),
): { hosts: PersonRef[]; guest: PersonRef | null } {
  if (cue === null) return { hosts: [], guest: null };
  const k = cue.at;
  // "B was accorded a formal welcome in the presence of King A and Crown Prince C": the leaders
  // it was held before host it, and B, named before it (or after its "to"), is its guest; told
  // of no one's presence, it names no host
  if (cue.accorded) {
    const end = k + cue.length;
    // ("B was extended a warm welcome by Prime Minister A": A, who gives it, hosts it)
    if (keyIn(agentWords, tokens, end))
      return {
        hosts: actedBy(tokens, people, end + 1).filter((h) => h.person.leader),
        guest: people.findLast((p) => p.mention.end <= k && p.person.principal) ?? null,
      };
    const presence = findAnyPhrase(tokens, LEX.presenceOf, end);
    const guest =
      actedBy(tokens, people, end)[0] ??
      people.findLast((p) => p.mention.end <= k && p.person.principal) ??
      null;
    if (presence === null || guest === null) return { hosts: [], guest: null };
    const before = actedBy(tokens, people, presence.at + presence.length);
    return { hosts: before.filter((h) => h.person.leader), guest };
  }
  // "attended a welcome ceremony held by King B": whoever holds it, named after it
  const by = cue.needsGuest ? 0 : anyReadsAt(tokens, k + cue.length, LEX.ceremonyBy);
  if (by > 0) {
    const holders = actedBy(tokens, people, k + cue.length + by);
    if (holders.length > 0) return { hosts: holders, guest: null };
  }
  // the people right before the verb ("Được sự ủy quyền của Quốc vương X, Y chủ trì lễ đón": Y)
  const hosts = nearestChain(
    tokens,
    people.filter((p) => p.mention.end <= k),
  );
  let g = k + cue.length;
  // ("welcomed his Papua New Guinean counterpart B": past the possessive too)
  while (g < tokens.length && (keyIn(LEX.welcomeLevel, tokens, g) || keyIn(possessives, tokens, g)))
    g++;
  const guest = people.find((p) => p.mention.first === g) ?? null;
  if (!cue.needsGuest) return { hosts, guest };
  // "A welcomed the agreement": a greeting with no one greeted welcomes no visitor; and
  // of those who greet a guest, only a leader hosts the visit (not the officials at the
  // airport), or a known principal named without an office who greets the guest with the
  // ceremony of a welcome ("Sheikh A greeted B with a guard of honour")
  // ("A welcomed B's visit": the visit, not its visitor, is what is welcomed)
  if (guest === null || possessiveAt(tokens, guest.mention.end)) return { hosts: [], guest: null };
  const untitled = (h: PersonRef) =>
    cue.scene === true && h.person.principal && h.person.title === null;
  return { hosts: hosts.filter((h) => h.person.leader || untitled(h)), guest };
}

/** "in Kenya's interest", "in Peru's farm sector": after a country's possessive at `at`,
 *  something of the country's, no place in it (unlike "in Vietnam's capital", "in China's
 *  northern province of Hebei" or "in China's Hainan province"). */
function ownsNoPlace(tokens: readonly Token[], at: number): boolean {
  const next = tokens[at + 2];
  return (
    possessiveAt(tokens, at) &&
    next !== undefined &&
    !next.cap &&
    !placeQualifier.has(next.key) &&
    anyReadsAt(tokens, at + 2, placePrefix) === 0 &&
    anyReadsAt(tokens, at + 2, placeOfCountry) === 0
  );
}

/** "welcomed B to Beijing": the "to" at `k` follows a welcome of someone within a few
 *  tokens, in the same clause. */
function welcomedTo(tokens: readonly Token[], k: number): boolean {
  if (!keyIn(LEX.welcomeLead, tokens, k)) return false;
  for (let j = k - 1; j >= 0 && k - j <= LEX.welcomeWithin; j--) {
    const key = tokens[j]!.key;
    if (welcomeVerbs.has(key)) return j < k - 1;
    if (clauseEnd.has(key)) return false;
  }
  return false;
}

/** Whether a phrase of going home ends right before `k` ("return home | to Lilongwe"). */
const goesHomeBefore = (tokens: readonly Token[], k: number): boolean =>
  endsBefore(tokens, k, LEX.goHome);

/** The cities a sentence places something in ("in Tallinn", "to Oslo"), with their countries. */
export function citiesIn(tokens: readonly Token[]): Place[] {
  return findPlaces(tokens)
    .map((p) => p.place)
    .filter((p) => p.city !== null && !p.venue);
}

function findPlaces(tokens: readonly Token[]): Array<{ at: number; place: Place }> {
  const places: Array<{ at: number; place: Place }> = [];
  for (let k = 0; k < tokens.length; k++) {
    // "Moscow hosted talks between A and B": the place that hosts is where they are held
    if (anyReadsAt(tokens, k, LEX.placeHosts) > 0) {
      const host = cityEndingAt(tokens, k);
      if (host !== null) places.push({ at: k, place: host });
      continue;
    }
    // "on the sidelines of the Munich Security Conference": the city that opens the name of the
    // gathering
    const sidelines = anyReadsAt(tokens, k, LEX.sidelines);
    if (sidelines > 0) {
      const at = k + sidelines + (keyIn(definite, tokens, k + sidelines) ? 1 : 0);
      const hit = placeAt(tokens, at);
      // (not where the gathering's name is told to be somewhere else: "the Shanghai Cooperation
      // Organisation summit in China")
      const elsewhere = tokens.some(
        (t, n) =>
          n > at &&
          n <= at + SIDELINES_NAME_SPAN &&
          placeLead.has(t.key) &&
          (countryAt(tokens, n + 1) ?? placeAt(tokens, n + 1)) !== null,
      );
      if (hit !== null && !hit.entry.venue && tokens[at + hit.length]?.cap === true && !elsewhere)
        places.push({
          at: k,
          place: cityPlace(hit.entry),
        });
      continue;
    }
    // "flew to Beijing, where he held talks with B": where one went, what the clause tells
    // after it happened there
    if (keyIn(destination, tokens, k)) {
      const hit = placeAt(tokens, k + 1);
      const end = k + 1 + (hit?.length ?? 0);
      if (
        hit !== null &&
        !hit.entry.venue &&
        textAt(tokens, end) === ',' &&
        keyIn(during, tokens, end + 1)
      ) {
        places.push({
          at: k,
          place: cityPlace(hit.entry),
        });
        continue;
      }
    }
    if (!keyIn(placeLead, tokens, k) && !welcomedTo(tokens, k)) continue;
    // "the war in Ukraine", "the situation in Gaza": what is discussed, not where
    if (k > 0 && keyIn(LEX.placeTopics, tokens, k - 1)) continue;
    // "will return home to Lilongwe today": where the traveller goes back to, not where
    if (goesHomeBefore(tokens, k)) continue;
    let j = k + 1;
    // a place whose name begins like a prefix ("in The Hague") is that place
    const prefix = placeAt(tokens, j) === null ? anyReadsAt(tokens, j, placePrefix) : 0;
    if (prefix > 0) {
      j += prefix;
      // "in the capital, Lima"
      if (textAt(tokens, j) === ',') j++;
      // "thủ đô hành chính Pretoria"
      if (tokens[j] !== undefined && keyIn(LEX.capitalQualifier, tokens, j) && !tokens[j]!.cap)
        j += 2;
    }
    // ("at a Bangkok hotel": a city before a common noun names where; not "at a Shanghai
    // Cooperation Organisation summit")
    const after = keyIn(indefinite, tokens, j) ? placeAt(tokens, j + 1) : null;
    if (after && tokens[j + 1 + after.length]?.cap === false) j++;
    const of = placeOfCountryAt(tokens, k + 1);
    if (of !== null) {
      places.push({ at: k, place: { city: of.name, country: of.code, venue: false } });
      continue;
    }
    const hit = placeAt(tokens, j);
    // ("in the St. George's Hall", "at Hyderabad House": a building named after a place)
    if (hit !== null && tokens[j + hit.length]?.cap && keyIn(buildingNouns, tokens, j + hit.length))
      continue;
    if (hit !== null) {
      places.push({
        at: k,
        place: {
          city: hit.entry.venue ? null : hit.entry.name,
          country: hit.entry.code,
          venue: hit.entry.venue,
        },
      });
      // "tại trụ sở Văn phòng Trung ương (Thủ đô Hà Nội)": the city of a venue, in brackets
      // ("at the Peace Palace, Phnom Penh": after a comma)
      if (hit.entry.venue) {
        const end = j + hit.length;
        const town = textAt(tokens, end) === ',' ? placeAt(tokens, end + 1) : null;
        const city =
          town !== null && !town.entry.venue ? cityPlace(town.entry) : bracketedCity(tokens, end);
        if (city !== null) places.push({ at: k, place: city });
      }
      continue;
    }
    const c = countryAt(tokens, j);
    if (c !== null) {
      // (not "at the Russian-Indian Business Forum": two countries joined name no place)
      const pair =
        textAt(tokens, j + c.length) === '-' && countryAt(tokens, j + c.length + 1) !== null;
      if (!pair && !ownsNoPlace(tokens, j + c.length))
        places.push({ at: k, place: { city: null, country: c.code, venue: false } });
      continue;
    }
    const unlisted = unlistedPlaceAt(tokens, j);
    if (unlisted !== null) {
      places.push({ at: k, place: unlisted.place });
      continue;
    }
    const city = bracketedCity(tokens, j);
    if (city !== null) places.push({ at: k, place: city });
  }
  return places;
}

/** A place the gazetteer does not list, at token `j`, told by what follows it: an unlisted
 *  city with its country after it ("tại Vientiane (Lào)", "in Malabo, Equatorial Guinea"), or an
 *  unlisted building with its listed city after it ("at the State House, Abuja"); or null. */
function unlistedPlaceAt(
  tokens: readonly Token[],
  j: number,
): { place: Place; end: number } | null {
  let e = j;
  while (
    e < tokens.length &&
    e < j + CITY_WORDS &&
    tokens[e]!.word &&
    tokens[e]!.cap &&
    countryAt(tokens, e) === null
  )
    e++;
  if (e === j || (textAt(tokens, e) !== '(' && textAt(tokens, e) !== ',')) return null;
  const inner = countryAt(tokens, e + 1);
  const closed = tokens[e]!.text === ',' || textAt(tokens, e + 1 + (inner?.length ?? 0)) === ')';
  if (inner !== null && closed) {
    // (a building's name, "the Bayan Palace, Kuwait", places it in its country, no city)
    const city = keyIn(buildingNouns, tokens, e - 1)
      ? null
      : tokens
          .slice(j, e)
          .map((t) => t.text)
          .join(' ');
    const end = e + 1 + inner.length + (tokens[e]!.text === '(' ? 1 : 0);
    return { place: { city, country: inner.code, venue: false }, end };
  }
  const town = tokens[e]!.text === ',' ? placeAt(tokens, e + 1) : null;
  return town !== null && !town.entry.venue
    ? {
        place: cityPlace(town.entry),
        end: e + 1 + town.length,
      }
    : null;
}

/** A listed city in brackets shortly after `from`, with or without "Thủ đô" before it. */
function bracketedCity(tokens: readonly Token[], from: number): Place | null {
  for (let k = from; k < tokens.length && k < from + BRACKETED_CITY_SPAN; k++) {
    if (tokens[k]!.text !== '(') continue;
    const j = k + 1 + anyReadsAt(tokens, k + 1, placePrefix);
    const hit = placeAt(tokens, j);
    if (hit !== null && !hit.entry.venue && textAt(tokens, j + hit.length) === ')')
      return cityPlace(hit.entry);
    return null;
  }
  return null;
}

/** A place written right after an arrival ("arrived in X", "landed at X"). */
function arrivedAt(tokens: readonly Token[], at: number): boolean {
  return keyIn(arrival, tokens, verbBeforePlace(tokens, at));
}

/** The word before a place at `at`, past its "in" or "at": where a verb of arriving stands. */
function verbBeforePlace(tokens: readonly Token[], at: number): number {
  return keyIn(placeLead, tokens, at - 1) ? at - 2 : at - 1;
}

/** How many words may stand between "after" and the arrival it puts first ("after he arrived"). */
const ARRIVED_AFTER_WORDS = 3;

/** "… after he arrived in Kazan": an arrival told as coming first, at the place at `at`. */
function arrivedBefore(tokens: readonly Token[], at: number): boolean {
  const verb = verbBeforePlace(tokens, at);
  for (let k = verb - 1; k >= 0 && k >= verb - ARRIVED_AFTER_WORDS; k--)
    if (anyReadsAt(tokens, k, priorTo) > 0) return true;
  return false;
}

function pickPlace(places: ReadonlyArray<{ at: number; place: Place }>): Place | null {
  return (
    places.find((p) => p.place.city !== null)?.place ??
    places.find((p) => p.place.venue)?.place ??
    places[0]?.place ??
    null
  );
}

function ordinalAfter(tokens: readonly Token[], from: number): number | null {
  for (let k = from; k < tokens.length && k < from + ORDINAL_SPAN; k++) {
    if (keyIn(LEX.ordinal, tokens, k) && /^\d{1,3}$/.test(keyAt(tokens, k + 1)))
      return Number(tokens[k + 1]!.key);
  }
  return null;
}

/** The cue right before a date. */
function cueBefore(
  d: DateMention,
  triggers: readonly Trigger[],
  tokens: readonly Token[],
): Trigger | null {
  let best: Trigger | null = null;
  for (const t of triggers) if (tokens[t.first]!.start < d.start) best = t;
  return best;
}

/** How many words before a date may lead to it from a word that starts a span ("starting from"). */
const SPAN_START_WORDS = 2;

/** Whether a word that starts a span stands right before the date at `offset` ("starting from March 1"). */
function startsSpan(tokens: readonly Token[], offset: number): boolean {
  const at = tokens.findIndex((t) => t.start >= offset);
  for (let k = at - 1; k >= 0 && k >= at - SPAN_START_WORDS; k--)
    if (keyIn(spanStart, tokens, k)) return true;
  return false;
}

/** Whether a comma stands between a cue and a later offset: the cue's phrase is closed there. */
function commaBetween(tokens: readonly Token[], cue: Trigger, offset: number): boolean {
  for (let k = cue.end; k < tokens.length && tokens[k]!.start < offset; k++)
    if (tokens[k]!.text === ',') return true;
  return false;
}

interface CueDate {
  date: DateMention | null;
  /** the date belongs to something else the visit was the frame of */
  borrowed: boolean;
  year: number | null;
  /** the date told is a day off the event's, by words between them ("a day after his talks") */
  shifted: boolean;
}

/**
 * Which dates of the sentence belong to which cue: a visit takes the first date after it, a
 * meeting the date before it. An event the sentence announces cannot be on a day before the
 * publication: such a day before the cue is when it was announced ("Ngày 14-5, Bộ Ngoại giao
 * cho biết … sẽ …").
 */
/** Where the phrases that make a date background start in a sentence (its character offsets), read once per sentence. */
interface Background {
  reporting: number[];
  /** where the "that" after a word of saying stands ("noted that", "said that"): what
   *  follows is what was said, and a day before it is when */
  saying: number[];
  /** where the words of saying run ("said at the forum in New York that"): a place between
   *  is where it was said */
  sayingSpans: Array<{ from: number; to: number }>;
  since: number[];
  /** where each of those "since" phrases ends */
  sinceEnds: number[];
  /** where "anniversary of" stands: what follows is the day commemorated */
  commemorated: number[];
  /** the character spans of the asides about a person (personAsidesIn) */
  personAsides: Array<{ from: number; to: number }>;
}

const BACKGROUND_FIRST_WORDS = new Set(
  [...reportingWords, ...LEX.since, ...commemoratedWords].map((p) => p[0]!),
);

/** How many words may stand between a word of saying and its "that" ("said at the Global
 *  Business Forum in New York that"). */
const SAID_THAT_SPAN = 10;

/** The "that" of a word of saying ending at `from`: right after it, or past a few words of
 *  where or when it was said, before any cue or clause's end. */
function saidThatAfter(
  tokens: readonly Token[],
  from: number,
  triggers: readonly Trigger[],
): Token | null {
  for (let k = from; k < tokens.length && k <= from + SAID_THAT_SPAN; k++) {
    const t = tokens[k]!;
    if (saidThat.has(t.key)) return t;
    if (!t.word || triggers.some((c) => c.first <= k && k < c.end)) return null;
  }
  return null;
}

function backgroundOf(tokens: readonly Token[], triggers: readonly Trigger[]): Background {
  const out: Background = {
    reporting: [],
    saying: [],
    sayingSpans: [],
    since: [],
    sinceEnds: [],
    commemorated: [],
    personAsides: personAsidesIn(tokens, triggers),
  };
  for (let k = 0; k < tokens.length; k++) {
    if (!BACKGROUND_FIRST_WORDS.has(tokens[k]!.key)) continue;
    const reporting = anyReadsAt(tokens, k, reportingWords);
    if (reporting > 0) {
      out.reporting.push(tokens[k]!.start);
      const that = saidThatAfter(tokens, k + reporting, triggers);
      if (that !== null) {
        out.saying.push(that.start);
        out.sayingSpans.push({ from: tokens[k]!.start, to: that.start });
      }
    }
    const since = anyReadsAt(tokens, k, LEX.since);
    if (since > 0) {
      out.since.push(tokens[k]!.start);
      out.sinceEnds.push(tokens[k + since - 1]!.end);
    }
    if (anyReadsAt(tokens, k, commemoratedWords) > 0) out.commemorated.push(tokens[k]!.start);
  }
  return out;
}

/** "the February 8 polls", "Trump's Oct. 16 announcement", "last week's meeting": the token
 *  of the noun a day written between the definite article or a possessor and it, or as its
 *  possessor, dates, or -1. */
export function nounDatedBy(tokens: readonly Token[], d: DateMention): number {
  const after = tokens.findIndex((t) => t.start >= d.end);
  let before = (after < 0 ? tokens.length : after) - 1;
  while (before >= 0 && tokens[before]!.end > d.start) before--;
  const possessed = possessiveAt(tokens, after);
  const at = possessed ? after + 2 : after;
  const noun = tokens[at];
  const determined =
    before >= 0 &&
    (keyIn(definite, tokens, before) ||
      keyIn(possessives, tokens, before) ||
      possessiveAt(tokens, before - 1));
  return (possessed || determined) && noun?.word && !noun.cap ? at : -1;
}

function dateFor(
  info: SentenceInfo,
  triggers: readonly Trigger[],
  index: number,
  future: boolean,
  /** whether a future marker of the cue's clause tells of this day (not one only in an
   *  opening phrase a comma closes before it) */
  futureOf: (d: DateMention) => boolean,
  ref: RefDate,
  background: Background,
  datesFollow: boolean,
): CueDate {
  const trigger = triggers[index]!;
  const tokens = info.tokens;
  const cueStart = tokens[trigger.first]!.start;
  const cueEnd = tokens[trigger.end - 1]!.end;
  // ("a meeting of the 18th India-Vietnam Joint Commission in Hanoi on Monday": the name right
  // after the cue that is its own kind again is the same event, and the day after it the cue's)
  let nextIndex = index + 1;
  while (
    nextIndex < triggers.length &&
    namesSameEvent(tokens, triggers[nextIndex - 1]!, triggers[nextIndex]!)
  )
    nextIndex++;
  const nextStart =
    nextIndex < triggers.length ? tokens[triggers[nextIndex]!.first]!.start : Infinity;
  const refDay = refDayNumber(ref);
  // "Ngày 9/1, Phủ Tổng thống thông báo … sẽ …": the day it was announced, not the day it happens
  const reportedBetween = (d: DateMention) =>
    background.reporting.some((at) => at >= d.end && at < cueStart);
  // ("Nhận lời mời của X, chiều 16-10, A tới …": not when the plan's words stand before the
  // day, in an opening phrase; the day opens what happened)
  // ("Người phát ngôn ngày 16/10 tuyên bố chuyến thăm …": a day written right before the
  // word of saying is the day it was said, when what was said of is a visit or meeting
  // named by a noun; "A on Saturday said … as he arrived in Tokyo" arrived that day)
  const announcedEarlier = (d: DateMention) =>
    d.end <= cueStart &&
    isDay(d) &&
    ((trigger.noun && background.reporting.some((at) => at === d.end + 1 && at < cueStart)) ||
      (future && (dayNumber(d.endValue ?? d.value) < refDay || reportedBetween(d)) && futureOf(d)));
  // "kể từ khi ông quay lại Nhà Trắng ngày 20-1": a day things are counted from, not an event's
  // ("since his meeting with B last year" dates the meeting itself: the cue stands between)
  // (and on through its clause: "his first since winning the election … and taking office on
  // November 26")
  // "who has been on an official visit to Mexico since Thursday": the day a visit told as
  // under way began, written right after "since" past its cue
  const toldUnderWay =
    isVisit(trigger) &&
    anyKeyIn(LEX.ongoing, tokens, Math.max(0, trigger.first - ONGOING_BEFORE), trigger.first);
  const beganSince = (d: DateMention) =>
    toldUnderWay &&
    cueEnd <= d.start &&
    background.sinceEnds.some(
      (end) => end <= d.start && info.text.slice(end, d.start).trim() === '',
    );
  const since = (d: DateMention) =>
    !beganSince(d) &&
    background.since.some(
      (at) => countsFrom(info.text, at, d) && !(at < cueStart && cueEnd <= d.start),
    );
  // "A will visit Tokyo to hold talks with B, A's office said Wednesday": the day it was said
  // (where dates follow their events, whatever the tense: "to exchange views, the ministry announced on Wednesday")
  // ("A said on Wednesday he would visit B": before a cue to come, too)
  // (not past the cue: "confirmed during talks on Sunday that …" dates the talks)
  // (not past the word that opens what was said: "said that on September 3 she will host B"
  // dates the hosting)
  const saidThatBetween = (from: number, to: number) =>
    tokens.some((t) => t.start >= from && t.end <= to && saidThat.has(t.key));
  // "Tinubu will leave France on Monday for Cape Town to co-chair the session": the day the
  // trip sets off, not the day of what it is for
  const departureDay = (d: DateMention) =>
    !isVisit(trigger) &&
    d.end <= cueStart &&
    tokens.some((t) => t.start >= d.end && t.end <= cueStart && infinitive.has(t.key)) &&
    tokens.some((t) => t.end <= d.start && departure.has(t.key));
  // (a comma right before the day is none: "on Wednesday, April 19")
  const sayingEnds = (from: number, to: number) => {
    const comma = info.text.indexOf(',', from);
    return comma >= 0 && comma < to && info.text.slice(comma + 1, to).trim() !== '';
  };
  const reportDay = (d: DateMention) =>
    (future || (datesFollow && d.start >= cueEnd)) &&
    background.reporting.some(
      (at) =>
        at < d.start &&
        // ("according to an official statement by officials on Wednesday": further on in the
        // words of saying, where no comma ends them)
        (at >= d.start - REPORT_DAY_CHARS ||
          (at >= d.start - REPORT_CLAUSE_CHARS && !sayingEnds(at, d.start))) &&
        !(at < cueStart && cueEnd <= d.start) &&
        !saidThatBetween(at, d.start),
    );
  // "held phone talks on Thursday on the occasion of the 72nd anniversary of relations
  // (January 18, 2022)": past the cue, the day an anniversary is of
  const commemorates = (d: DateMention) =>
    background.commemorated.some(
      (at) => at >= cueEnd && at < d.start && d.start - at <= COMMEMORATED_CHARS,
    );
  // "addressing a briefing on Friday, the spokesman noted that it will be A's first visit":
  // a day before what was said is when it was said (but a meeting said to be done was held
  // by then: "A said Monday that she held a phone conversation with B")
  const saidOn = (d: DateMention) =>
    (future || isVisit(trigger)) && background.saying.some((at) => at >= d.end && at < cueStart);
  // "A's state visit has shown …, especially after Argentina signed the treaty last August":
  // past an "after" that opens a clause of its own (a verb in the past), a day is that clause's
  const afterClause = (d: DateMention) => {
    if (d.start < cueEnd) return false;
    const after = tokens.findIndex(
      (t, k) => t.start >= cueEnd && t.end <= d.start && anyReadsAt(tokens, k, priorTo) > 0,
    );
    // ("his first visit following his start of tenure on May 23": so is a noun's)
    return (
      after >= 0 &&
      tokens.some(
        (t, k) =>
          k > after + 1 &&
          t.end <= d.start &&
          (pastTense(t) || (keyIn(possessives, tokens, k - 1) && t.word)),
      )
    );
  };
  // "Ahead of the summit scheduled for December 9 in Paris, A called B": a day in an opening
  // phrase that leads up to something else is that thing's
  const leadUp = findAnyPhrase(tokens, leadUpTo, 0, trigger.first);
  const leadUpEnd = leadUp === null ? Infinity : tokens[leadUp.at]!.end;
  const commaIn = (from: number, to: number) =>
    tokens.some((t) => t.start >= from && t.end <= to && t.text === ',');
  const aheadOpening = (d: DateMention) =>
    d.end <= cueStart &&
    leadUpEnd <= d.start &&
    !commaIn(leadUpEnd, d.start) &&
    commaIn(d.end, cueStart);
  /** Whether a word between the cue and a day after it passes `test` (a word that makes the
   *  day another clause's or another event's). */
  const wordPastCue = (d: DateMention, test: (t: Token, k: number) => boolean) =>
    d.start >= cueEnd && tokens.some((t, k) => t.start >= cueEnd && t.end <= d.start && test(t, k));
  // "made his first state visit to China, while the third will be to Uzbekistan on May
  // 26-27": past a comma and a word that opens a clause of its own, a day is that clause's
  // ("after meeting B who was sworn in on January 1": so is a clause about a person, up to
  // its comma)
  const otherClause = (d: DateMention) =>
    wordPastCue(
      d,
      (t, k) =>
        (textAt(tokens, k - 1) === ',' &&
          (clauseOpener.has(t.key) ||
            // ("his first trip there during his presidency, which began last October": a
            // clause about a plain noun past the cue; not about the cue, a place, "the
            // country", or a name's last part, "Choi Sang-mok, who")
            (relative.has(t.key) &&
              k - 2 >= trigger.end &&
              !tokens[k - 2]!.cap &&
              tokens[k - 2]!.spaced &&
              !keyIn(countryReference, tokens, k - 2)))) ||
        (LEX.relativeWho.has(t.key) && !commaIn(t.end, d.start)),
    );
  // "A, a moderate who was elected in July, met B on Wednesday at the start of a three-day
  // visit": a day inside an aside about someone, between commas, is that person's, not a cue's
  // outside it (an aside that tells an event of its own, "A, who reached Ethiopia on Tuesday,
  // held meetings with B", still dates what follows as before)
  const asideOfOthers = (d: DateMention) =>
    background.personAsides.some(
      (a) => a.from <= d.start && d.end <= a.to && !(a.from <= cueStart && cueEnd <= a.to),
    );
  // "He called the visit the next stage, the previous one being his trip to Kyiv on July 2":
  // past another journey's noun after the cue, a day is that journey's
  const otherTrip = (d: DateMention) =>
    wordPastCue(
      d,
      (t, k) =>
        tripNoun.has(t.key) &&
        keyIn(destination, tokens, k + 1) &&
        destinationAt(tokens, k + 2) !== null,
    );
  // ("… stated during a press conference last week, “A three-day visit is uncommon …”": a cue
  // inside a quotation is not dated by the day its words were said, told before it opens)
  const quotes = tokens.flatMap((t, k) =>
    k < trigger.first && QUOTATION_MARKS.has(t.text) ? [k] : [],
  );
  // (a quotation the words of saying introduce, after a comma or colon; not a phrase quoted inside
  // the reporter's clause: "said on Monday that he had a “very good telephone call”")
  const quoteMark = quotes.length % 2 === 1 ? quotes.at(-1)! : -1;
  const quoteOpen =
    quoteMark > 0 && [',', ':'].includes(textAt(tokens, quoteMark - 1) ?? '')
      ? tokens[quoteMark]!.start
      : -1;
  const daySaid = (d: DateMention) =>
    d.end <= quoteOpen && background.reporting.some((at) => at < d.start);
  // (nor the other way: "A also posted about the phone call on X, saying, “I presented him the
  // outcome of the work we carried out last Thursday”": a day inside the quotation that opens
  // after the cue is the quotation's)
  const quoteAfter = tokens.findIndex(
    (t, k) =>
      k > trigger.end &&
      QUOTATION_MARKS.has(t.text) &&
      [',', ':'].includes(textAt(tokens, k - 1) ?? ''),
  );
  const dayQuoted = (d: DateMention) =>
    quoteAfter > 0 && quotes.length % 2 === 0 && d.start > tokens[quoteAfter]!.start;
  // ("discussed … preparations ahead of the president's Nov. 12 visit": a day written right
  // before another cue past this one is that cue's)
  const beforeOtherCue = (d: DateMention) =>
    d.start >= cueEnd &&
    triggers.some(
      (t) =>
        t !== trigger &&
        tokens[t.first]!.start >= d.end &&
        info.text.slice(d.end, tokens[t.first]!.start).trim() === '',
    );
  // ("On Sunday, he spoke with B and yesterday he had a call with C": a day that opens a
  // clause of its own, between "and" and its subject, is that clause's cue's)
  const opensNextClause = (d: DateMention) => {
    if (d.start < cueEnd) return false;
    const after = tokens.findIndex((t) => t.start >= d.end);
    const before = tokens.findLastIndex((t) => t.end <= d.start);
    return (
      after > 0 &&
      keyIn(andWords, tokens, before) &&
      keyIn(pronouns, tokens, after) &&
      triggers.some((t) => t !== trigger && t.first > after)
    );
  };
  // ("the first visit by a foreign leader following the February 8 polls": past the cue, a
  // day between "the" and a noun is that noun's)
  const ofNounAfter = (d: DateMention) => d.start >= cueEnd && nounDatedBy(tokens, d) >= 0;
  const days = info.dates.filter(
    (d) =>
      d.precision !== 'year' &&
      !ofNounAfter(d) &&
      !asideOfOthers(d) &&
      !otherTrip(d) &&
      !beforeOtherCue(d) &&
      !opensNextClause(d) &&
      !daySaid(d) &&
      !dayQuoted(d) &&
      !afterClause(d) &&
      !otherClause(d) &&
      !aheadOpening(d) &&
      !departureDay(d) &&
      !announcedEarlier(d) &&
      !saidOn(d) &&
      !since(d) &&
      !reportDay(d) &&
      !commemorates(d),
  );
  const years = info.dates.filter(
    (d) =>
      d.precision === 'year' &&
      !since(d) &&
      d.end >= cueStart - YEAR_BEFORE_CHARS &&
      d.start <= cueEnd + YEAR_AFTER_CHARS,
  );
  // (not past "ahead of": "met ahead of a summit on Tuesday" dates the summit; a caption's
  // "ahead of the summit in Bali, Monday, Nov. 14" still dates its meeting)
  const aheadAt = findAnyPhrase(tokens, LEX.aheadOf, trigger.end);
  // ("talked with C on Sunday ahead of his meeting with B": that day is not the meeting's)
  const ahead = ledUpTo(tokens, trigger.first);
  const aheadFrom = aheadAt === null ? Infinity : tokens[aheadAt.at]!.start;
  // (and a month: "ahead of his departure from office in August")
  const othersDay = (d: DateMention) =>
    d.start > aheadFrom &&
    (d.precision === 'month' || dayLead.has(tokens.findLast((t) => t.end <= d.start)?.key ?? ''));
  // ("Before meeting B, A talked with C on Sunday": past the comma that closes the opening
  // phrase, a day is the main clause's)
  // (not at the commas around a place's country: "At their talks in Gyeongju, South Korea, in
  // October, …")
  const openingEnd = (): number => {
    for (let k = trigger.end; k < tokens.length; k++) {
      if (tokens[k]!.text !== ',') continue;
      const c = countryWithPrefix(tokens, k + 1);
      if (c !== null && textAt(tokens, k + 1 + c.length) === ',') {
        k += c.length + 1;
        continue;
      }
      return tokens[k]!.start;
    }
    return Infinity;
  };
  // (also past names: "Before confirming A's state visit to the UK, the King issued him an
  // invitation in February" dates the invitation)
  // (what introducedBy tells is a case of it: a few lower-case words before the cue)
  const opensSentence =
    (keyIn(introLead, tokens, 0) || keyIn(openingParticiple, tokens, 0)) &&
    trigger.first <= OPENING_CUE_WORDS &&
    // (words, and marks written inside them: "Trump's", not a comma)
    tokens.slice(1, trigger.first).every((t) => t.word || (!t.spaced && t.text !== ','));
  const opening = opensSentence ? openingEnd() : Infinity;
  // ("discussed the Kazakh president's November 12 visit": a day written before the cue's noun,
  // after its article or possessive, is its own, whatever cue stands before it)
  const previousCueEnd = index > 0 ? tokens[triggers[index - 1]!.end - 1]!.end : Infinity;
  const own = days.find(
    (d) => nounDatedBy(tokens, d) === trigger.first && previousCueEnd <= d.start,
  );
  if (own) return { date: own, borrowed: false, year: null, shifted: false };
  // ("will on Friday host B": a day written inside the cue is its own)
  let after =
    days.find((d) => d.start >= cueStart && d.end <= cueEnd) ??
    days.find(
      (d) => d.start >= cueEnd && d.start < nextStart && d.start < opening && !othersDay(d),
    );
  const previous = index > 0 ? triggers[index - 1]! : null;
  const next = index + 1 < triggers.length ? triggers[index + 1]! : null;
  const andBetween = (a: Trigger, b: Trigger) => anyKeyIn(andWords, tokens, a.end, b.first);
  // "sang thăm Việt Nam và đồng chủ trì Kỳ họp … từ ngày 4 - 6/12": the span is the visit's
  if (
    isVisit(trigger) &&
    after === undefined &&
    next !== null &&
    !isVisit(next) &&
    andBetween(trigger, next)
  ) {
    after = days.find(
      (d) =>
        d.start >= tokens[next.end - 1]!.end &&
        d.endValue !== null &&
        (index + 2 >= triggers.length || d.start < tokens[triggers[index + 2]!.first]!.start),
    );
  }
  // a date after a visit cue is the visit's, unless the visit already has its own date before it
  // ("trong khuôn khổ chuyến thăm ... từ 3 - 5/6, sáng 4/6, A hội đàm ...")
  const before = [...days].reverse().find((d) => {
    if (d.end > cueStart) return false;
    const c = cueBefore(d, triggers, tokens);
    // "Trong chuyến thăm (tới Hàn Quốc), chiều 24/9, ...": a visit named in passing, closed by a comma, owns no date
    if (c?.kind !== 'visit' || commaBetween(tokens, c, d.start)) return true;
    const cueAt = tokens[c.end - 1]!.end;
    return days.some((o) => o !== d && o.start >= cueAt && o.end <= d.start);
  });
  // (not across another visit: "left on March 9 for a state visit to A … and an official visit to B")
  const visitBetween = (d: DateMention) =>
    triggers.some(
      (t) =>
        t !== trigger &&
        isVisit(t) &&
        tokens[t.first]!.start > d.end &&
        tokens[t.first]!.start < cueStart,
    );
  const beforeAny = [...days]
    .reverse()
    .find(
      (d) =>
        d.end <= cueStart &&
        cueBefore(d, triggers, tokens)?.kind !== 'meeting' &&
        !(isVisit(trigger) && visitBetween(d)),
    );
  let date: DateMention | null;
  let borrowed = false;
  if (isVisit(trigger)) {
    // "Trong khuôn khổ chuyến thăm …, chiều 12/8, tại Seoul, A hội kiến B": behind a comma and
    // before a meeting, the day is the meeting's
    const meetingAfter =
      after !== undefined &&
      next !== null &&
      !isVisit(next) &&
      tokens[next.first]!.start > after.start;
    // ("a visit to Vietnam for two days, starting from March 1, after the summit with B":
    // a day that starts a span is the visit's, past the comma too)
    const own =
      after !== undefined &&
      (!(commaBetween(tokens, trigger, after.start) && meetingAfter) ||
        startsSpan(tokens, after.start))
        ? after
        : undefined;
    // ("will meet its leaders on Dec 13, the second day of a state visit": the day before the
    // visit's day named by its ordinal, though a meeting's cue has it)
    const nth = visitDayBefore(tokens, trigger.first)
      ? days.findLast((d) => d.end <= cueStart)
      : undefined;
    date = own ?? after ?? (ahead ? null : (beforeAny ?? nth)) ?? null;
    borrowed = own === undefined && date !== null && date === after;
  } else {
    // (or the name right after it that tells it again)
    const ownCue = after === undefined ? undefined : cueBefore(after, triggers, tokens);
    const own =
      after !== undefined &&
      (ownCue === trigger || triggers.slice(index + 1, nextIndex).some((t) => t === ownCue))
        ? after
        : null;
    // "A held talks with B on July 9" (English), "Ngày 9/7, A hội đàm với B" (Vietnamese)
    const prior = ahead ? undefined : before;
    // ("A on June 3 spoke by phone with B about the pact signed in Jakarta on May 20": a day
    // written right before the cue's verb is its own, as one inside it is)
    const rightBefore =
      prior !== undefined && verbBetween(tokens, prior.end, trigger.first) ? prior : undefined;
    date = (datesFollow ? (rightBefore ?? own ?? prior) : (prior ?? own)) ?? null;
    if (
      date !== null &&
      date.endValue !== null &&
      previous?.kind === 'visit' &&
      date.start > cueEnd &&
      andBetween(previous, trigger)
    )
      date = null;
    // "A on Sunday wrapped up a visit to Japan for a summit with B": the day the visit ended or
    // began its journey is not the summit's
    if (
      date !== null &&
      previous?.kind === 'visit' &&
      date.end <= tokens[previous.first]!.start &&
      phraseBefore(tokens, previous.first, TRAVEL_BEFORE, travel)
    )
      date = null;
    // "A will hold talks with B and call on C on Saturday": where dates follow their events, a
    // day after two meetings joined by "and" is both meetings'
    if (
      date === null &&
      datesFollow &&
      next !== null &&
      !isVisit(next) &&
      andBetween(trigger, next)
    ) {
      const afterNext =
        index + 2 < triggers.length ? tokens[triggers[index + 2]!.first]!.start : Infinity;
      date =
        days.find(
          (d) =>
            d.start >= tokens[next.end - 1]!.end &&
            d.start < afterNext &&
            isDay(d) &&
            d.endValue === null,
        ) ?? null;
    }
    // "A will visit Tokyo on Aug. 23 to hold talks with B": the one day the visit is told is the
    // talks' (the day A "left for" Tokyo is not)
    if (
      date === null &&
      previous?.kind === 'visit' &&
      anyReadsAt(tokens, previous.first, travel) === 0
    ) {
      const visitEnd = tokens[previous.end - 1]!.end;
      date =
        days.find(
          (d) => d.start >= visitEnd && d.end <= cueStart && isDay(d) && d.endValue === null,
        ) ?? null;
    }
  }
  // "preparing on Monday on the eve of their summit": the summit is the day after; "met B on
  // Thursday, a day after his talks with C": the talks are the day before
  let shifted = false;
  if (date !== null && isDay(date) && date.endValue === null && date.end <= cueStart) {
    const after = date.end;
    const from = tokens.findIndex((t) => t.start >= after);
    // ("… and have talks with B the next day": right after the cue, short of the next cue)
    const nextDayTo = Math.min(
      trigger.end + NEXT_DAY_AFTER,
      index + 1 < triggers.length ? triggers[index + 1]!.first : tokens.length,
    );
    // ("who arrived there the day before for a visit", "arrived in B the day before, …": the
    // day before the day told, not the eve of what follows)
    const dayBefore = (at: number, to: number) => {
      const eve = findAnyPhrase(tokens, LEX.eveOf, at, to);
      const next = eve === null ? undefined : tokens[eve.at + eve.length];
      return eve === null ? null : !next?.word || LEX.dayBeforeAdverb.has(next.key);
    };
    const before = from < 0 ? null : dayBefore(from, trigger.first);
    const shift =
      from < 0
        ? 0
        : before !== null
          ? before
            ? -1
            : 1
          : hasPhrase(tokens, dayAfter, from, trigger.first) ||
              dayBefore(trigger.end, nextDayTo) === true
            ? -1
            : hasPhrase(tokens, LEX.nextDay, trigger.end, nextDayTo)
              ? 1
              : 0;
    if (shift !== 0) {
      date = { ...date, value: isoDayOf(dayNumber(date.value) + shift) };
      shifted = true;
    }
  }
  const year = date === null && years.length > 0 ? Number(years[0]!.value) : null;
  return { date, borrowed, year, shifted };
}

function countriesOf(a: readonly Person[], b: readonly Person[]): string[] {
  const set = new Set<string>();
  for (const p of [...a, ...b]) if (p.country !== null) set.add(p.country);
  return [...set].sort();
}

/** "A began his visit on Friday following his summit with B": a meeting named after words
 *  that put it before a main clause the sentence dates, with no day of its own after them, is
 *  an earlier event told in passing ("A flew home after her talks with B and arrived on
 *  Monday" dates nothing before them; "After talks with B, A left for C" opens the sentence). */
function toldAsPrior(info: SentenceInfo, trigger: Trigger, date: DateMention | null): boolean {
  const tokens = info.tokens;
  const prior = findAnyPhrase(tokens, priorTo, trigger.first - PRIOR_TO_BEFORE, trigger.first);
  // ("… on Wednesday after B requested a meeting": a meeting asked for is this one)
  if (prior === null || prior.at === 0 || keyIn(indefinite, tokens, trigger.first - 1))
    return false;
  const from = tokens[prior.at]!.start;
  // (not a meeting of two it names, after no other event: "The statement was made on Tuesday
  // after talks between A and B" tells the talks of that day)
  return (
    info.dates.some((d) => d.end <= from) &&
    (date === null || date.start < from) &&
    (!keyIn(betweenWords, tokens, trigger.end) || info.triggers.some((t) => t.end <= prior.at))
  );
}

/** How far a date whose year was guessed may lie on the side its tense denies before it is
 *  taken as the year before or after: beyond a month, the tense is the better witness. */
const TENSE_SIDE_DAYS = 31;

/** A date whose year was guessed, moved a year back when it is told as done but lies over
 *  TENSE_SIDE_DAYS after publication (a month: after the month of publication), or a
 *  day a year on when told as to come and over that before it (a month gone by is left
 *  to monthsBefore); else as it is. */
export function onTenseSide(
  date: DateMention,
  tense: { past: boolean; future: boolean },
  ref: RefDate,
): DateMention {
  if (tense.past === tense.future) return date;
  let shift = 0;
  if (isMonth(date)) {
    const month = Number(date.value.slice(0, 4)) * 12 + Number(date.value.slice(5, 7));
    if (tense.past && month > ref.year * 12 + ref.month) shift = -1;
  } else if (isDay(date)) {
    const refDay = refDayNumber(ref);
    if (tense.past && dayNumber(date.value) - refDay > TENSE_SIDE_DAYS) shift = -1;
    else if (tense.future && refDay - dayNumber(date.endValue ?? date.value) > TENSE_SIDE_DAYS)
      shift = 1;
  }
  if (shift === 0) return date;
  const moved = (iso: string) => `${Number(iso.slice(0, 4)) + shift}${iso.slice(4)}`;
  // (not onto a day the year lacks: February 29)
  if (date.value.endsWith('-02-29') || date.endValue?.endsWith('-02-29')) return date;
  return {
    ...date,
    value: moved(date.value),
    endValue: date.endValue === null ? null : moved(date.endValue),
  };
}

const shiftYear = (ref: RefDate, years: number): RefDate => ({ ...ref, year: ref.year + years });

/** Whether a month-only date lies wholly before the month of publication. */
function monthsBefore(d: DateMention, ref: RefDate): boolean {
  const last = d.endValue ?? d.value;
  return Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7)) < ref.year * 12 + ref.month;
}

/** The last "where" before token `to`, from token `from` on, or -1. */
const whereBefore = (tokens: readonly Token[], to: number, from = 0): number =>
  tokens.findLastIndex((t, k) => k >= from && k < to && during.has(t.key));

/** A phrase of the list starting within `span` tokens before the cue. */
function phraseBefore(
  tokens: readonly Token[],
  first: number,
  span: number,
  phrases: ReadonlyArray<readonly string[]>,
): boolean {
  for (let k = Math.max(0, first - span); k < first; k++)
    if (anyReadsAt(tokens, k, phrases) > 0) return true;
  return false;
}

/** Where the clause of a cue ends, past it: at the next comma, semicolon or cue, else at the
 *  sentence's end. */
function clauseEndAfter(info: SentenceInfo, trigger: Trigger, index: number): number {
  const next = info.triggers[index + 1]?.first ?? info.tokens.length;
  for (let k = trigger.end; k < next; k++) {
    const t = info.tokens[k]!;
    if (t.text === ',' || clauseEnd.has(t.key)) return k;
  }
  return next;
}

/** Where the words a precedent marker before a cue at `first` may stand in begin: a few words
 *  back, not past a comma. */
function precedentLeadFrom(tokens: readonly Token[], storyFrom: number, first: number): number {
  let k = first;
  while (k > storyFrom && k > first - PRECEDENT_LEAD_BEFORE && tokens[k - 1]!.text !== ',') k--;
  return k;
}

/** "Abiy's recent trip to France, where he met with B": a meeting in the "where" clause of a
 *  visit the story looks back on (its precedent marker before that "where") is background too. */
function whereOfPrecedent(
  tokens: readonly Token[],
  triggers: readonly Trigger[],
  trigger: Trigger,
  markers: MarkerIndex,
): boolean {
  const where = whereBefore(tokens, trigger.first);
  return triggers.some(
    (v) =>
      isVisit(v) &&
      v.end <= where &&
      markers.precedentIn(Math.max(0, v.first - PRECEDENT_BEFORE), where),
  );
}

/** Whether the "since" at character `at` makes the day one things are counted from: right
 *  before it, or opening the clause it stands in. */
const countsFrom = (text: string, at: number, d: DateMention): boolean =>
  at <= d.start &&
  (at >= d.start - SINCE_CHARS ||
    (at >= d.start - SINCE_CLAUSE_CHARS && !/[,;:]/u.test(text.slice(at, d.start))));

/** "his first visit since he assumed his third term on January 1": a day in a sentence that
 *  things are counted from, whatever cue it stands near. */
export const sinceDated = (info: SentenceInfo, d: DateMention): boolean =>
  info.tokens.some(
    (t, k) => countsFrom(info.text, t.start, d) && anyReadsAt(info.tokens, k, LEX.since) > 0,
  );

/** "the first since his visit in 2018": "since" a few words before the cue, in its phrase
 *  (not one a comma closed: "A, on his first trip since taking office, arrived in Tokyo"). */
function sinceBefore(tokens: readonly Token[], first: number): boolean {
  for (let k = first - 1; k >= 0 && k >= first - SINCE_CUE_BEFORE; k--) {
    if (tokens[k]!.text === ',') return false;
    if (anyReadsAt(tokens, k, LEX.since) > 0) return true;
  }
  return false;
}

/** "kéo dài hai ngày", "kéo dài 3 ngày" in the sentence: how long a visit lasts. */
function durationIn(tokens: readonly Token[]): number | null {
  for (
    let lead = findAnyPhrase(tokens, durationLead);
    lead !== null;
    lead = findAnyPhrase(tokens, durationLead, lead.at + 1)
  ) {
    for (let j = lead.at + lead.length; j < tokens.length && j < lead.at + DURATION_SPAN; j++) {
      // (not past a comma: "trong chuyến thăm, hai ngày sau")
      if (tokens[j]!.text === ',') break;
      // "kéo dài 2 ngày", "a two-day visit"
      const unitAt = textAt(tokens, j + 1) === '-' && !tokens[j + 1]!.spaced ? j + 2 : j + 1;
      if (!keyIn(LEX.durationUnit, tokens, unitAt)) continue;
      const n = /^\d{1,2}$/.test(tokens[j]!.key)
        ? Number(tokens[j]!.key)
        : LEX.durationNumbers.get(tokens[j]!.key);
      // ("the same day" is no length)
      if (n !== undefined && n >= 1) return n;
    }
  }
  return null;
}

/** "on the second day of his three-day state visit": which day of a visit the day its
 *  sentence tells is, by the ordinal a few words before the visit's cue (0 for "the last
 *  day"), or null. */
export function visitDayBefore(tokens: readonly Token[], cue: number): number | null {
  for (let k = cue - 1; k >= 1 && k >= cue - VISIT_DAY_SPAN; k--) {
    const of = anyReadsAt(tokens, k, LEX.visitDayOf);
    if (of === 0 || k + of > cue) continue;
    const key = tokens[k - 1]!.key;
    return ordinalOf(key) || (LEX.lastDay.has(key) ? 0 : null);
  }
  return null;
}

/** The country whose name ends right before token `at` ("China visit"), or null. */
function countryBefore(tokens: readonly Token[], at: number): string | null {
  for (let k = at - 1; k >= 0 && k >= at - MAX_COUNTRY_TOKENS; k--) {
    const c = countryWithPrefix(tokens, k);
    // (not the country of a title before it: "President A of Ghana visited B")
    if (c !== null && k + c.length === at) return keyIn(LEX.of, tokens, k - 1) ? null : c.code;
    // "the Hanoi visit": a city, for its country
    const place = placeAt(tokens, k);
    if (place !== null && !place.entry.venue && k + place.length === at) return place.entry.code;
  }
  return null;
}

/** The country or city the visitor arrived in, written before a visit noun in its clause ("landed in Chile … for an official visit"). */
function arrivalPlaceBefore(
  tokens: readonly Token[],
  first: number,
  clauseFrom: number,
): string | null {
  for (let k = first - 1; k >= clauseFrom; k--) {
    // "arrived (in) X", "is in X" (being there, only before "in"; "is currently in X")
    const adverb = keyIn(LEX.presenceAdverbs, tokens, k + 1) ? 1 : 0;
    const present = keyIn(LEX.presence, tokens, k) && keyIn(placeLead, tokens, k + 1 + adverb);
    if (!keyIn(arrival, tokens, k) && !present) continue;
    let j = k + 1 + (present ? adverb : 0);
    if (keyIn(placeLead, tokens, j)) j++;
    // where one arrives may be a building ("arrived at the White House") or "The Hague"
    const named = placeAt(tokens, j);
    if (named !== null) return named.entry.code;
    j += anyReadsAt(tokens, j, placePrefix);
    const country = countryWithPrefix(tokens, j);
    // ("welcomed Malaysia's Prime Minister B", "welcomed Malaysian Prime Minister B": a country
    // that owns what follows, or names the office after it, is no place)
    if (
      country !== null &&
      (possessiveAt(tokens, j + country.length) ||
        titleBeginsAt(tokens, j + country.length) !== null)
    )
      return null;
    return (
      country?.code ??
      placeAt(tokens, j)?.entry.code ??
      unlistedPlaceAt(tokens, j)?.place.country ??
      null
    );
  }
  return null;
}

/**
 * "the western Indian city of Ahmedabad", "the Chinese port of Tianjin": a place given by its
 * country's adjective and what it is, its name after; the country, and the place's name (its
 * capitalised words) with where they end, or null.
 */
function placeOfCountryAt(
  tokens: readonly Token[],
  k: number,
): { code: string; name: string; end: number } | null {
  let j = k;
  while (j < tokens.length && keyIn(placeQualifier, tokens, j)) j++;
  const c = countryAt(tokens, j);
  if (c === null) return null;
  j += c.length;
  // "the Russian coastal city of Sochi", "the Russian Black Sea resort of Sochi"
  for (let n = 0; n < CITY_WORDS && tokens[j]?.word; n++) {
    if (anyReadsAt(tokens, j, placeOfCountry) > 0) break;
    if (!tokens[j]!.cap && !keyIn(placeQualifier, tokens, j)) break;
    j++;
  }
  const noun = anyReadsAt(tokens, j, placeOfCountry);
  // (not a country's name: "in the Kazakh capital, U.S. Secretary of State B said", whose
  // comma ends the place)
  if (noun === 0 || countryAt(tokens, j + noun) !== null) return null;
  let e = j + noun;
  while (e < tokens.length && e < j + noun + CITY_WORDS && tokens[e]!.word && tokens[e]!.cap) e++;
  if (e === j + noun) return null;
  const name = tokens
    .slice(j + noun, e)
    .map((t) => t.text)
    .join(' ');
  return { code: c.code, name, end: e };
}

/** A country or its capital city written at token `k` (the destination of a visit: "thăm Bắc Kinh"). */
function destinationAt(
  tokens: readonly Token[],
  k: number,
): { code: string; length: number } | null {
  const c = countryWithPrefix(tokens, k);
  if (c !== null) {
    // "China's Tianjin": a city of the country, named after it
    const at = k + c.length;
    // ("visit the U.S. president's vacation estate": what a title of the country owns, a
    // place within it, not the country visited)
    const title = titleBeginsAt(tokens, at, true);
    if (title !== null && possessiveAt(tokens, at + title.length)) return null;
    if (tokens[at]?.key === "'" && tokens[at + 1]?.key === 's') {
      const city = placeAt(tokens, at + 2);
      if (city !== null && city.entry.code === c.code)
        return { code: c.code, length: c.length + 2 + city.length };
    }
    return c;
  }
  const p = placeAt(tokens, k);
  if (p !== null) return p.entry.venue ? null : { code: p.entry.code, length: p.length };
  const of = placeOfCountryAt(tokens, k);
  if (of !== null) return { code: of.code, length: of.end - k };
  // "for Malabo, Equatorial Guinea": a city the gazetteer does not list, its country after it
  const unlisted = unlistedPlaceAt(tokens, k);
  return unlisted && { code: unlisted.place.country!, length: unlisted.end - k };
}

/** Words at most after "to the" up to the noun that stands for the host country ("to the
 *  ASEAN-member country"). */
const COUNTRY_REFERENCE_WORDS = 4;

/** How far after a visit's noun "by" may name who hosts it ("hosted for a State Visit by B"). */
const AGENT_SPAN = 2;
/** How many words may stand between a reception's verb and the visit it receives ("received an
 *  official visit from B": the article). */
const RECEIVED_VISIT_GAP = 2;
/** How many words may stand between an ordinal and the "to" of the visit it ranks ("the first
 *  African head of government to visit"). */
const RECORD_WORDS = 5;

/** Countries whose people arrive together at a gathering, not on a visit of one to another
 *  ("Presidents A of X, B of Y and C of Z arrived in Astana"). */
const GATHERING_COUNTRIES = 3;

/** Whether only a verb's words ("held", "has held") stand from character `end` to token `first`
 *  (not "and", which joins another verb's clause: "landed on Tuesday and will meet B"). */
function verbBetween(tokens: readonly Token[], end: number, first: number): boolean {
  let words = 0;
  for (let k = first - 1; k >= 0 && tokens[k]!.start >= end; k--) {
    if (!tokens[k]!.word || tokens[k]!.cap || keyIn(andWords, tokens, k) || ++words > VERB_WORDS)
      return false;
  }
  return tokens[first - words - 1]?.end === end;
}
/** How many words a verb before its cue may have ("has held phone talks"). */
const VERB_WORDS = 2;

/** How far after a visit's destination what it is for may be told ("on Tuesday to attend …"), in tokens. */
const MULTILATERAL_SPAN = 8;

/** Tokens at most in an aside set off by commas ("Da Nang, around 800 kilometers (500 miles)
 *  south of Hanoi, for …", "a summit meeting, including a small-group meeting and a plenary
 *  meeting, with B"). */
const ASIDE_SPAN = 14;

/** The token after the comma that closes an aside opened by the comma at `at`, or -1. */
function pastAside(tokens: readonly Token[], at: number): number {
  if (textAt(tokens, at) !== ',') return -1;
  const close = tokens.findIndex((t, k) => k > at && k <= at + ASIDE_SPAN && t.text === ',');
  return close < 0 ? -1 : close + 1;
}

/** The most words between a cue and the name right after it that tells it again ("a meeting of
 *  the 18th India-Vietnam Joint Commission"). */
const SAME_EVENT_GAP = 5;

/** Whether cue `b` names again, right after `a`, the event `a` tells: of the same type, only
 *  words (or the hyphens that join two countries) between them. */
function namesSameEvent(tokens: readonly Token[], a: Trigger, b: Trigger): boolean {
  return (
    a.type === b.type &&
    b.first >= a.end &&
    b.first - a.end <= SAME_EVENT_GAP &&
    tokens.slice(a.end, b.first).every((t) => t.word || t.text === '-')
  );
}

/** The character spans of the asides about a person between two commas (", a moderate who was
 *  elected in July,"), where no cue stands. */
function personAsidesIn(
  tokens: readonly Token[],
  triggers: readonly Trigger[],
): Array<{ from: number; to: number }> {
  const asides: Array<{ from: number; to: number }> = [];
  tokens.forEach((t, at) => {
    const past = pastAside(tokens, at);
    if (past < 0 || !tokens.slice(at + 1, past - 1).some((w) => LEX.relativePerson.has(w.key)))
      return;
    if (triggers.some((c) => c.first > at && c.first < past - 1)) return;
    asides.push({ from: t.end, to: tokens[past - 1]!.start });
  });
  return asides;
}

/** Where the words after token `at` go on past an aside ", including …,", or past one a "with"
 *  closes (the day or place set off before it: "held talks, Thursday in Rabat, with B"); at
 *  `at` itself when no such aside stands there. */
function pastIncludingAside(tokens: readonly Token[], at: number): number {
  const past = pastAside(tokens, at);
  if (past < 0) return at;
  return keyIn(including, tokens, at + 1) || keyIn(withWords, tokens, past) ? past : at;
}

/** "… to attend the BRICS summit", "for the G20" a few words after the destination, or past an
 *  aside about it (not "for a summit with B"). */
export function multilateralAfter(tokens: readonly Token[], from: number): boolean {
  const past = pastAside(tokens, from);
  if (past >= 0 && multilateralRightAfter(tokens, past)) return true;
  return multilateralRightAfter(tokens, from);
}

function multilateralRightAfter(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < tokens.length && k < from + MULTILATERAL_SPAN; k++) {
    if (!tokens[k]!.word && tokens[k]!.text !== ',' && tokens[k]!.text !== '-') return false;
    const lead = anyReadsAt(tokens, k, LEX.multilateralLead);
    if (lead === 0) continue;
    // "the 16th BRICS Summit": past the ordinal
    let at = k + lead;
    while (at < k + lead + 2 && /^\d+(?:st|nd|rd|th)?$/u.test(keyAt(tokens, at))) at++;
    const body = anyReadsAt(tokens, at, LEX.multilateralBodies);
    return body > 0 && !keyIn(withWords, tokens, at + body);
  }
  return false;
}

/** The listed city whose name ends right before token `end` ("visit Manila"), or null. */
function cityEndingAt(tokens: readonly Token[], end: number): Place | null {
  for (let k = end - 1; k >= 0 && k >= end - MAX_COUNTRY_TOKENS; k--) {
    const hit = placeAt(tokens, k);
    if (hit !== null && k + hit.length === end && !hit.entry.venue) return cityPlace(hit.entry);
  }
  return null;
}

/** "while on his way to Washington": the city the way leads to, right after its "to". */
function wayToIn(tokens: readonly Token[]): { place: Place; end: number } | null {
  const way = findAnyPhrase(tokens, onTheWay);
  if (way === null) return null;
  const to = way.at + way.length;
  if (!keyIn(destination, tokens, to)) return null;
  const city = placeAt(tokens, to + 1);
  if (city === null || city.entry.venue) return null;
  return {
    place: cityPlace(city.entry),
    end: to + 1 + city.length,
  };
}

/** "tới Việt Nam": the first destination word within `span` words from `from`, when a country or its capital follows it. */
function destinationFrom(
  tokens: readonly Token[],
  from: number,
  span: number,
): { code: string; end: number } | null {
  let end = from + span;
  for (let k = from; k < tokens.length && k < end; k++) {
    // "his two-day visit (4-5 December) to India": past what the brackets add
    if (tokens[k]!.text === '(') {
      const close = tokens.findIndex((t, j) => j > k && j <= k + BRACKET_SPAN && t.text === ')');
      if (close < 0) return null;
      end += close - k + 1;
      k = close;
      continue;
    }
    // (past a quotation mark: 'an "official friendship visit" to Vietnam')
    if (QUOTATION_MARKS.has(tokens[k]!.text)) {
      end++;
      continue;
    }
    if (!tokens[k]!.word) return null;
    // "during his two-day working visit while on his way to Washington": the next leg's
    // destination, not this visit's
    if (anyReadsAt(tokens, k, onTheWay) > 0 || anyReadsAt(tokens, k, nextLeg) > 0) return null;
    if (!keyIn(destination, tokens, k)) continue;
    // ("a state visit and will return home to Lilongwe": where the visitor goes back to)
    if (goesHomeBefore(tokens, k)) return null;
    const c = destinationAt(tokens, k + 1);
    if (c !== null) return { code: c.code, end: k + 1 + c.length };
    // "an official visit to the State Palace, Kuala Lumpur": past a venue's name and its
    // comma, the city it is in
    const name = k + 1 + (keyIn(titleArticle, tokens, k + 1) ? 1 : 0);
    let j = name;
    while (j < name + VENUE_WORDS && tokens[j]?.word === true && tokens[j]!.cap) j++;
    const city = j > name && textAt(tokens, j) === ',' ? destinationAt(tokens, j + 1) : null;
    return city === null ? null : { code: city.code, end: j + 1 + city.length };
  }
  return null;
}

/** The most words a venue's name may have before the comma and its city ("the State Palace,
 *  Kuala Lumpur"). */
const VENUE_WORDS = 4;

/** "hai nhà lãnh đạo", "hai bên", "hai Thủ tướng" right before the cue: the two principals the article named last. */
function pairReferenceBefore(
  info: SentenceInfo,
  trigger: Trigger,
  clauseFrom: number,
): PairReference | null {
  const found = pairReferenceIn(
    info,
    Math.max(clauseFrom, trigger.first - PAIR_REFERENCE_SPAN),
    trigger.first,
  );
  if (found !== null) return found;
  // "the digital conversation between the two leaders": the pair right after the cue
  if (keyIn(betweenWords, info.tokens, trigger.end)) {
    const after = pairReferenceIn(
      info,
      trigger.end + 1,
      Math.min(info.tokens.length, trigger.end + 1 + PAIR_SUBJECT_SPAN),
    );
    if (after !== null) return after;
  }
  // "The two PMs inspected the guard of honour, and then visited an exhibition …, before
  // holding talks": a participle after a comma and "before" or "after" has the sentence's
  // subject, however long the clauses between
  const tokens = info.tokens;
  if (
    textAt(tokens, trigger.first - 2) === ',' &&
    keyIn(LEX.participleLead, tokens, trigger.first - 1) &&
    tokens[trigger.first]!.key.endsWith('ing')
  ) {
    const subject = pairReferenceIn(info, 0, Math.min(trigger.first, PAIR_SUBJECT_SPAN));
    if (subject !== null) return subject;
  }
  if (!introducedBy(info.tokens, trigger.first)) return null;
  return mainClausePair(info, trigger);
}

/** "In a phone conversation on Tuesday, the presidents of the two countries discussed …": the
 *  pair the main clause names as its subject, past the comma that closes the opening phrase. */
function mainClausePair(info: SentenceInfo, trigger: Trigger): PairReference | null {
  const comma = info.tokens.findIndex((t, k) => k >= trigger.end && t.text === ',');
  if (comma < 0) return null;
  return pairReferenceIn(
    info,
    comma + 1,
    Math.min(info.tokens.length, comma + 1 + PAIR_SUBJECT_SPAN),
  );
}

/** "During their meeting, President A and Ambassador C exchanged …": the opening phrase's main
 *  clause names the pair, joined, one of them no principal. */
function pairWithEnvoyAfter(
  tokens: readonly Token[],
  people: readonly PersonRef[],
  trigger: Trigger,
): boolean {
  if (!introducedBy(tokens, trigger.first)) return false;
  const comma = tokens.findIndex((t, k) => k >= trigger.end && t.text === ',');
  if (comma < 0) return false;
  const subject = people.find(
    (p) => p.mention.first > comma && p.mention.first <= comma + 1 + PAIR_SUBJECT_SPAN,
  );
  // (the pair as the clause's subject, whatever verb follows: chainFrom would stop before it)
  const other = subject === undefined ? undefined : people[people.indexOf(subject) + 1];
  if (subject === undefined || other === undefined || !joined(tokens, subject, other)) return false;
  const pair = [subject, other];
  return pair.some((p) => !p.person.principal);
}

/** A pair reference: the title its words name (when the principals holding it are what
 *  it means, or, `loose`, only as the first choice), whether it means leaders. */
interface PairReference {
  title: string | null;
  leaders: boolean;
  loose?: boolean;
}

/** "the two leaders", "the two Prime Ministers" standing in tokens [from, to) (the last one). */
function pairReferenceIn(info: SentenceInfo, from: number, to: number): PairReference | null {
  const tokens = info.tokens;
  // "The two leaders agreed … that their talks …": the more telling reference wins
  if (hasPhrase(tokens, LEX.leaderPairReference, from, to)) return { title: null, leaders: true };
  // ("The two presidents will lead their delegations in talks": a title before a pronoun)
  let untitled: PairReference | null = null;
  for (let k = to - 1; k >= from; k--) {
    const length = anyReadsAt(tokens, k, LEX.pairReference);
    if (length > 0) {
      const title = pluralTitle(tokens, k, length);
      if (title !== null) return { title, leaders: false, loose: true };
      untitled ??= { title: null, leaders: false, loose: true };
      continue;
    }
    const plural = info.mentions.find(
      (m) =>
        m.first === k &&
        m.plural &&
        m.name === null &&
        m.title !== null &&
        keyIn(LEX.pairTitleLead, tokens, k - 1),
    );
    if (plural !== undefined) return { title: plural.titleKeys.join(' '), leaders: false };
  }
  return untitled;
}

/** The words of a pair reference after its lead ("both", "the two"), the last one as its
 *  singular: "both Prime Ministers" → "prime minister" ("the leaders" → "leader", a title of no one). */
function pluralTitle(tokens: readonly Token[], at: number, length: number): string | null {
  const words = tokens.slice(at, at + length).map((t) => t.key);
  let lead = 0;
  words.forEach((w, i) => {
    if (LEX.pairLead.has(w)) lead = i + 1;
  });
  const last = words[words.length - 1]!;
  if (lead >= words.length || !last.endsWith('s')) return null;
  return [...words.slice(lead, -1), last.slice(0, -1)].join(' ');
}

/** The two most recent principals of two different countries (with the title, when one is given). */
function recentPair(
  recent: readonly Person[],
  title: string | null,
  leaders = false,
): [Person, Person] | null {
  // "the two leaders": the leaders named last, when two countries' leaders are named
  if (leaders) {
    const pair = recentPair(
      recent.filter((p) => p.leader),
      title,
    );
    if (pair !== null) return pair;
  }
  const fits = (p: Person) => title === null || holdsTitle(p, title);
  const first = recent.find((p) => p.country !== null && fits(p));
  if (first === undefined) return null;
  const second = recent.find((p) => p.country !== null && p.country !== first.country && fits(p));
  return second === undefined ? null : [first, second];
}

/** Whether the person holds the office ("president"), not only one named after it ("Deputy
 *  President" holds no president's office). */
function holdsTitle(p: Person, title: string): boolean {
  let holds = false;
  for (const t of p.titleKeys) {
    if (t === title || t.startsWith(`${title} `)) holds = true;
    else if (t.endsWith(` ${title}`) && LEX.deputyLead.has(t.slice(0, -title.length - 1)))
      return false;
  }
  return holds;
}

/** The pair a reference names: holders of its title; for a loose one ("both Prime
 *  Ministers"), else the one holder named with the last of another country named ("Tanzanian
 *  leader A … President B … Deputy President C … the two presidents": B and A), else the two
 *  named last. */
function titledPair(recent: readonly Person[], reference: PairReference): [Person, Person] | null {
  const pair = recentPair(recent, reference.title, reference.leaders);
  if (pair !== null || !reference.loose || reference.title === null) return pair;
  const title = reference.title;
  const holder = recent.find((p) => p.country !== null && holdsTitle(p, title));
  const other = recent.find((p) => p.country !== null && p.country !== holder?.country);
  if (holder !== undefined && other !== undefined)
    return recent.indexOf(holder) < recent.indexOf(other) ? [holder, other] : [other, holder];
  return recentPair(recent, null, reference.leaders);
}

const samePair = (a: readonly Person[], b: readonly Person[] | null) =>
  b !== null && a.every((p) => b.includes(p));

/** The two sides' first principals of the meeting told last, when it names both. */
function lastMeetingPair(meetings: readonly Mention[]): Person[] | null {
  const last = meetings[0];
  const a = last?.sideA.find((p) => p.principal && p.country !== null);
  const b = last?.sideB.find((p) => p.principal && p.country !== null && p.country !== a?.country);
  return a === undefined || b === undefined ? null : [a, b];
}

/** What the cue before left for the next one: "hold talks with A and a meeting with B". */
interface PreviousMeeting {
  sideA: PersonRef[];
  objectFirst: number;
  objectEnd: number;
  /** the principals who stood for side A, once found (a title or pronoun's stand-in too) */
  subject: Person[];
}

/** A sentence as its cues read it: its people, places and markers, and what the cues before
 *  have left (the mentions so far, the last meeting's subject, the city a visit goes to). */
interface SentenceScan {
  readonly info: SentenceInfo;
  readonly context: ArticleContext;
  readonly tokens: Token[];
  readonly triggers: Trigger[];
  readonly people: PersonRef[];
  readonly invited: PersonRef[];
  readonly invitedIds: ReadonlySet<number>;
  readonly welcome: { hosts: PersonRef[]; guest: PersonRef | null };
  /** where the sentence places a visit, and (not where a traveller arrived) a meeting */
  readonly place: Place | null;
  readonly meetingPlace: Place | null;
  readonly markers: MarkerIndex;
  readonly duration: number | null;
  readonly background: Background;
  readonly mentions: Mention[];
  previousMeeting: PreviousMeeting | null;
  /** "will visit Manila on Aug. 23 to hold talks": the city a visit of this sentence goes to */
  visitCity: Place | null;
  /** "while on his way to Washington to meet B": the place a trip of the sentence leads to,
   *  and where its words end (a meeting told after them is held there) */
  readonly wayTo: { place: Place; end: number } | null;
  /** "a four-day visit to Vietnam and Indonesia": a visit of this sentence is a tour of
   *  several countries, so the length the sentence tells is the tour's, no visit's */
  tour: boolean;
}

/** One cue of the sentence as the reader of its kind sees it. */
interface CueScan {
  readonly trigger: Trigger;
  /** where the cue's clause begins */
  readonly clauseFrom: number;
  readonly ledUp: boolean;
  readonly cue: CueContext;
  /** the people of the clause before the cue (not those who invited) */
  readonly before: PersonRef[];
}

/** How many tokens an attribution ending a sentence may hold ("…, the ministry said in a
 *  statement issued in Oslo"). */
const ATTRIBUTION_TOKENS = 16;
/** Among how many last words of a sentence an attribution's reporting word stands. */
const ATTRIBUTION_VERB_WORDS = 3;

/** Where the attribution that ends a sentence begins (its comma or closing quotation mark,
 *  a reporting word among its last three tokens: "…, the office in Oslo said."), or the
 *  sentence's length when it ends in none. */
function attributionFrom(tokens: readonly Token[]): number {
  let reported = false;
  for (let k = tokens.length - 1, words = 0; k >= 0 && words < ATTRIBUTION_VERB_WORDS; k--) {
    if (!tokens[k]!.word) continue;
    words++;
    if (anyReadsAt(tokens, k, reportingWords) > 0) {
      reported = true;
      break;
    }
  }
  if (!reported) return tokens.length;
  for (let k = tokens.length - 1; k >= 0 && tokens.length - k <= ATTRIBUTION_TOKENS; k--)
    if (tokens[k]!.key === ',' || QUOTATION_MARKS.has(tokens[k]!.text)) return k;
  return tokens.length;
}

function scanSentence(info: SentenceInfo, context: ArticleContext): SentenceScan {
  const tokens = info.tokens;
  const all = refs(info);
  const excluded = new Set(senders(tokens, all).map((r) => r.mention.first));
  const people = all.filter((p) => !excluded.has(p.mention.first));
  const invited = inviters(tokens, people);
  // ("…, a statement issued by the office in Oslo said": where it was said is not where)
  const tail = attributionFrom(tokens);
  const background = backgroundOf(tokens, info.triggers);
  // ("On Thursday in Brussels, A announced that the meeting would take place in Ankara":
  // where it was said, before the words of saying, is not where, when a place follows them)
  const saidAt = background.saying[0] ?? Infinity;
  // ("had on Friday in a statement in Abuja said A would meet B": where it was issued)
  // (nor a place in a quotation that opens the sentence: the speaker's words, as its days)
  const found = findPlaces(tokens).filter(
    (p) => p.at >= info.storyFrom && p.at < tail && !keyIn(LEX.issuedNouns, tokens, p.at - 1),
  );
  // ("said at the forum in New York that he planned to meet B": where it was said)
  const told = found.filter(
    (p) =>
      !background.sayingSpans.some(
        (span) => tokens[p.at]!.start > span.from && tokens[p.at]!.start < span.to,
      ),
  );
  const places = told.some((p) => tokens[p.at]!.start > saidAt)
    ? told.filter((p) => tokens[p.at]!.start > saidAt)
    : told;
  return {
    info,
    context,
    tokens,
    triggers: info.triggers,
    people,
    invited,
    welcome: welcomers(tokens, people),
    invitedIds: new Set(invited.map((r) => r.mention.first)),
    place: pickPlace(places),
    // "… after her talks with B and arrived in Santiago": where the traveller arrived is not
    // where the meeting was (but "met B on Tuesday after he arrived in Kazan" is there)
    meetingPlace: pickPlace(
      places.filter((p) => !arrivedAt(tokens, p.at) || arrivedBefore(tokens, p.at)),
    ),
    markers: new MarkerIndex(tokens, info.dates.length > 0),
    duration: durationIn(tokens),
    background,
    mentions: [],
    previousMeeting: null,
    visitCity: null,
    wayTo: wayToIn(tokens),
    tour: false,
  };
}

/** The events one sentence tells: each cue read by the reader of its kind, in order (a cue
 *  may lean on what the cues before it found). */
export function findMentions(info: SentenceInfo, context: ArticleContext): Mention[] {
  if (info.triggers.length === 0) return [];
  const s = scanSentence(info, context);
  info.triggers.forEach((trigger, index) => {
    const c = scanCue(s, trigger, index);
    if (c === null) return;
    if (isVisit(trigger)) visitMentions(s, c);
    else if (trigger.kind === 'committee' || chairedReference(s, c)) committeeMentions(s, c);
    else if (!officialsMeeting(s.tokens, trigger)) {
      const told = s.mentions.length;
      meetingMentions(s, c);
      if (s.mentions.length === told) writtenPairMeeting(s, c);
      if (s.mentions.length === told) dayOfMeeting(s, c);
    }
  });
  if (s.tour) for (const m of s.mentions) m.durationDays = null;
  return s.mentions;
}

/** Whether a future marker of the clause [clauseFrom, tenseTo) tells of day `d`: one after it,
 *  or before it but not only in an opening phrase a comma closes before it ("Nhận lời mời của
 *  X, chiều 16-10, A tới …"). */
function planTellsOf(
  s: SentenceScan,
  d: DateMention,
  clauseFrom: number,
  tenseTo: number,
): boolean {
  const { tokens, markers } = s;
  const from = tokens.findIndex((t) => t.start >= d.start);
  const to = tokens.findIndex((t) => t.start >= d.end);
  if (from < 0 || to < 0 || markers.tense(Math.max(to, clauseFrom), tenseTo).future) return true;
  let opening = clauseFrom;
  for (let k = from - 1; k >= clauseFrom; k--) {
    if (tokens[k]!.text !== ',') continue;
    opening = k + 1;
    break;
  }
  return markers.tense(opening, from).future;
}

/** "met B on Friday, as Washington and Beijing eye a visit by A to China in April": where the
 *  clause of a cue told after a comma and a word that opens a clause of its own (roles.json
 *  asideOpener) begins, for its tense: the verbs before it are another clause's. */
function asideFrom(tokens: readonly Token[], clauseFrom: number, cue: number): number {
  for (let k = cue - 1; k > clauseFrom; k--) {
    if (tokens[k - 1]!.key !== ',') continue;
    // ("…, President A said in a phone call with B": its speaker named before the word of saying)
    let said = k;
    while (said < cue && said < k + ATTRIBUTION_SUBJECT_WORDS && tokens[said]!.cap) said++;
    if (
      (keyIn(asideOpener, tokens, k) &&
        // (not "…, as well as hold talks with B": a joiner, the same clause going on)
        anyReadsAt(tokens, k, joinerPhrases) === 0) ||
      // ("B will become our first partner, said A during a meeting with C": what was said
      // before the attribution tells nothing of the meeting's tense)
      anyReadsAt(tokens, said, reportingWords) > 0
    )
      return k + 1;
  }
  return clauseFrom;
}

/** How many capitalised words may name the speaker between a comma and the word of saying. */
const ATTRIBUTION_SUBJECT_WORDS = 5;

/** How many words before a cue a word that tells it to come may stand ("the upcoming state
 *  visit", "his planned two-day visit"). */
const TO_COME_BEFORE = 3;

/** How many words before a cue a verb of coming after may stand ("follow his first summit",
 *  "It follows A's trip to Cairo in February, his first visit"). */
const FOLLOW_VERB_BEFORE = 12;

/** "Lee's visit will follow his first summit with Xi on Nov. 1": a verb of coming after, a few
 *  words before the cue, whose tense is its own: the cue's is told by the words after it
 *  alone. Where the tense is read from: past such a verb, else `from`. */
function pastFollowVerb(tokens: readonly Token[], from: number, cue: number): number {
  for (let k = cue - 1; k >= Math.max(from, cue - FOLLOW_VERB_BEFORE); k--)
    if (keyIn(LEX.comesAfter, tokens, k)) return k + 1;
  return from;
}

/** How many words before a visit's cue its frame's word ("during") may stand. */
export const FRAME_BEFORE = 3;

/** "A invited B to Seoul during his visit to Japan in March": an invitation made during the
 *  visit the cue names. "Invited" looks ahead to the visit it invites to (a future marker), but
 *  the visit it was made during is behind it. */
function invitedDuring(tokens: readonly Token[], clauseFrom: number, cue: number): boolean {
  for (let k = cue - 1; k >= Math.max(clauseFrom, cue - FRAME_BEFORE); k--) {
    if (keyIn(LEX.visitFrame, tokens, k))
      return tokens.slice(clauseFrom, k).some((t) => inviteVerb.has(t.key) && pastTense(t));
  }
  return false;
}

/** The cue's clause, tense, date and people; null when the sentence only muses about it. */
function scanCue(s: SentenceScan, trigger: Trigger, index: number): CueScan | null {
  const {
    info,
    context,
    tokens,
    triggers,
    people,
    invitedIds,
    place,
    meetingPlace,
    markers,
    duration,
    background,
  } = s;
  let clauseFrom = info.storyFrom;
  for (let k = trigger.first - 1; k >= info.storyFrom; k--) {
    if (!keyIn(clauseEnd, tokens, k)) continue;
    // ("to pay an official visit to Chile …; (and) pay an official visit to Peru": the same subject goes on)
    const next = keyAt(tokens, k + (keyIn(andWords, tokens, k + 1) ? 2 : 1));
    if (LEX.subjectGoesOn.has(next)) continue;
    clauseFrom = k + 1;
    break;
  }
  // ("confirmed during talks on Sunday that their countries will cooperate": past "that" and
  // its subject is what was said there, not when; "talks that will be held" still look ahead)
  let tenseTo = Math.min(tokens.length, trigger.end + TENSE_AFTER);
  // ("is in the country for a state visit where she will hold talks": what follows "where" is
  // what happens during it, not when it is)
  for (let k = trigger.end; k < tenseTo; k++)
    if (
      (keyIn(saidThat, tokens, k) && !markers.tense(k + 1, k + 2).future) ||
      keyIn(during, tokens, k) ||
      // ("will speak by phone on Monday to discuss the outcomes of last week's talks")
      anyReadsAt(tokens, k, LEX.purposeAfter) > 0
    )
      tenseTo = k;
  const aside = asideFrom(tokens, clauseFrom, trigger.first);
  const followed = pastFollowVerb(tokens, aside, trigger.first);
  // ("Earlier in the day, Politico reported that A and B will hold a call": what was said is
  // told in its own tense, past the "that" of the words of saying)
  const saidFrom = tokens.findLastIndex(
    (t, k) => k >= followed && k < trigger.first && background.saying.includes(t.start),
  );
  // (nor the verbs of an aside about the subject: "A, who took over from B on Tuesday, will
  // meet C": to come)
  const cueAt = tokens[trigger.first]!.start;
  let pastAsides = followed;
  for (const a of background.personAsides)
    if (a.to < cueAt)
      pastAsides = Math.max(
        pastAsides,
        tokens.findIndex((t) => t.start > a.to),
      );
  const told = markers.tense(saidFrom < 0 ? pastAsides : saidFrom + 1, tenseTo);
  // ("It follows A's trip to Cairo in February": what a present "follows" comes after is gone
  // by, unless the words after the verb look ahead)
  const tense = invitedDuring(tokens, clauseFrom, trigger.first)
    ? { past: true, future: false }
    : followed > aside && !told.future && !markers.tense(aside, followed).future
      ? { past: true, future: false }
      : told;
  // ("the leaders discussed preparations for the upcoming state visit": a cue its own words
  // tell to come is to come, whatever the clause's verb tells of the rest)
  const toComeBefore = anyKeyIn(
    LEX.toComeBefore,
    tokens,
    Math.max(clauseFrom, trigger.first - TO_COME_BEFORE),
    trigger.first,
  );
  const future = toComeBefore || (tense.future && !tense.past);
  // "talked with C on Sunday ahead of his meeting with B": a cue "ahead of" leads up to
  const ledUp = ledUpTo(tokens, trigger.first);
  let { date, borrowed, year, shifted } = dateFor(
    info,
    triggers,
    index,
    future,
    (d) => planTellsOf(s, d, clauseFrom, tenseTo),
    context.ref,
    background,
    context.datesFollow,
  );
  // "held a call with C on Tuesday with a focus on follow-up of the annual summit with B": a
  // day before a precedent marker that governs this cue is another's, not what it looks back on
  if (date !== null && tokens[trigger.first]!.start >= date.end) {
    const after = tokens.findIndex((t) => t.start >= date!.end);
    if (after >= 0 && s.markers.precedentLeadIn(after, trigger.first)) date = null;
  }
  // "had a telephone conversation on April 13" in December: a date without its year is on the
  // side its tense tells, when the nearest occurrence lies over a month on the other
  // (one a cue follows is gone by, whatever the clause tells: "The summit will be their first
  // since A took office, following two phone calls on Sept 9 and Feb 10" in November)
  if (date?.yearGuessed && !borrowed)
    date = onTenseSide(
      date,
      findAnyPhrase(
        tokens,
        priorTo,
        Math.max(clauseFrom, trigger.first - PRIOR_TO_BEFORE),
        trigger.first,
      )
        ? { past: true, future: false }
        : tense,
      context.ref,
    );
  // "It will be A's first official visit to B …, despite his attendance at a summit there in
  // November": a month gone by is not when something to come takes place
  if (future && date !== null && isMonth(date) && monthsBefore(date, context.ref)) {
    // ("In November 2016, A became the first … to make a state visit to B": a month of a year
    // written, over a year gone by, dates a past event the infinitive tells, no plan)
    if (!date.yearGuessed && monthsBefore(date, shiftYear(context.ref, -1))) return null;
    date = null;
  }
  // "a meeting between A and B is possible", "a tour that could include a meeting with B": talk, not a plan
  // (the words right before this cue, or after it short of the next cue's own: "a visit,
  // starting a tour that could include a meeting with B" is a visit and no meeting)
  const talkFrom = Math.max(clauseFrom, trigger.first - HYPOTHETICAL_BEFORE);
  const talkTo = Math.min(
    tokens.length,
    trigger.end + HYPOTHETICAL_AFTER,
    index + 1 < triggers.length ? triggers[index + 1]!.first - HYPOTHETICAL_BEFORE : tokens.length,
  );
  if (
    markers.hypotheticalIn(talkFrom, trigger.first) ||
    markers.hypotheticalIn(trigger.end, talkTo)
  )
    return null;
  // "Premier A will not meet the Japanese leader during the summit": a cue denied right before it
  if (negatedBefore(tokens, trigger.first)) return null;
  // "has given up on travelling to Dublin for talks with B", "the Uzbekistan visit this year,
  // which couldn't take place": what was planned and called off, anywhere before the cue in
  // its clause or right after it, short of a clause of its own ("at a virtual summit on
  // Thursday, after A canceled trips to C and D")
  let calledOffTo = Math.min(talkTo, trigger.end + CALLED_OFF_AFTER);
  for (let k = trigger.end; k < calledOffTo; k++)
    if (
      tokens[k]!.key === ',' &&
      (anyReadsAt(tokens, k + 1, priorTo) > 0 ||
        keyIn(asideOpener, tokens, k + 1) ||
        keyIn(clauseOpener, tokens, k + 1))
    )
      calledOffTo = k;
  if (
    markers.calledOffIn(clauseFrom, trigger.first) ||
    markers.calledOffIn(trigger.end, calledOffTo)
  )
    return null;
  // "the commission allows both ministers to exchange views": what something makes possible,
  // no event
  if (
    keyIn(infinitive, tokens, trigger.first - 1) &&
    anyKeyIn(LEX.enabler, tokens, clauseFrom, trigger.first)
  )
    return null;
  let dateIsEnd = false;
  // "kết thúc chuyến thăm A" on a day: the visit ended then; "lên đường thăm A", "rời": the day
  // the visitor left home is not when the visit began
  if (
    isVisit(trigger) &&
    date !== null &&
    date.endValue === null &&
    phraseBefore(tokens, trigger.first, TRAVEL_BEFORE, travel)
  ) {
    if (phraseBefore(tokens, trigger.first, TRAVEL_BEFORE, LEX.visitEnd)) dateIsEnd = true;
    else date = null;
  }
  // "On May 28, A returned to Moscow following a three-day visit to B": the visit's last day
  if (
    isVisit(trigger) &&
    date !== null &&
    date.endValue === null &&
    phraseBefore(tokens, trigger.first, TRAVEL_BEFORE, LEX.returnAfter) &&
    hasPhrase(tokens, returnHome, 0, trigger.first)
  )
    dateIsEnd = true;
  // "A's three-day state visit to B ends as she returns home on Friday": a day told past the
  // visitor's going home, after the visit's cue, is the visit's last
  if (isVisit(trigger) && date !== null && date.endValue === null) {
    const home = findAnyPhrase(tokens, returnHome, trigger.end);
    if (home !== null && tokens[home.at]!.end <= date.start) dateIsEnd = true;
  }
  // "beginning a state visit to Vietnam until May 27": the visit's last day
  if (
    isVisit(trigger) &&
    date !== null &&
    date.endValue === null &&
    tokens.some(
      (t, k) =>
        // (before the date, or its first word: "until Friday" read whole as a weekday's lead;
        // "which ends on Thursday": 'on' between)
        ((t.end <= date!.start && date!.start - t.end <= 1) ||
          t.start === date!.start ||
          (keyIn(dayLead, tokens, k + 1) &&
            tokens[k + 1]!.end <= date!.start &&
            date!.start - tokens[k + 1]!.end <= 1)) &&
        LEX.visitUntil.has(t.key),
    )
  )
    dateIsEnd = true;
  if (
    isVisit(trigger) &&
    phraseBefore(tokens, trigger.first, PASSING_BEFORE, LEX.passing) &&
    date !== null &&
    date.endValue === null
  )
    borrowed = true;
  // (the day it has is the main clause's, unless told a day off it: "a day after his talks")
  // (not a meeting to come, told in the present after "after": "the signing is scheduled on
  // Friday morning after A meets B" is that morning's)
  const toComeAfter =
    future &&
    !trigger.noun &&
    !pastTenseAt(tokens, trigger.first) &&
    !markers.tense(trigger.first, trigger.end).past;
  const prior = isMeeting(trigger) && !shifted && !toComeAfter && toldAsPrior(info, trigger, date);
  // ("on the 30th anniversary of the historic meeting between A and B": the day is the anniversary's)
  const commemorated = phraseBefore(tokens, trigger.first, PRECEDENT_BEFORE, commemoratedWords);
  if (prior || commemorated) date = null;
  // "arrived (in Seoul) on Tuesday for his summit with B": the day is the arrival's, the
  // summit's only as its purpose ("arrived on Sunday, where he met B" tells the meeting's day)
  const day = date;
  const framed =
    !isVisit(trigger) &&
    day !== null &&
    !shifted &&
    day.end <= tokens[trigger.first]!.start &&
    (tokens.some(
      (t, k) => k >= clauseFrom && k < trigger.first && t.end <= day.start && arrival.has(t.key),
    ) ||
      // (or a visit's: "began a four-day state visit to China on Sunday for a summit with B")
      triggers.some(
        (t) => isVisit(t) && t.first >= clauseFrom && tokens[t.end - 1]!.end <= day.start,
      )) &&
    tokens.some((t, k) => k < trigger.first && t.start >= day.end && receivedFor.has(t.key));
  const cue: CueContext = {
    sentence: info,
    trigger,
    date,
    dateBorrowed: borrowed && !dateIsEnd,
    dateFramed: framed,
    dateIsEnd,
    durationDays: isVisit(trigger) ? duration : null,
    year,
    future: tense.future,
    past: tense.past,
    ledUp,
    opensAfter: inOpeningPhrase(tokens, trigger.first, (k) => anyReadsAt(tokens, k, priorTo) === 1),
    // a committee session's ordinal ("Kỳ họp lần thứ 43") names it; it is no precedent
    precedent:
      trigger.kind !== 'committee' &&
      (markers.precedentIn(
        Math.max(info.storyFrom, trigger.first - PRECEDENT_BEFORE),
        trigger.end + PRECEDENT_AFTER,
      ) ||
        markers.precedentLeadIn(
          precedentLeadFrom(tokens, info.storyFrom, trigger.first),
          trigger.first,
        ) ||
        sinceBefore(tokens, trigger.first) ||
        markers.repeatedIn(trigger.end, clauseEndAfter(info, trigger, index)) ||
        commemorated ||
        prior ||
        // ("Abiy's recent trip to France, where he met with B": a meeting of a trip looked back on)
        (isMeeting(trigger) && whereOfPrecedent(tokens, triggers, trigger, markers))),
    place:
      (isVisit(trigger) ? place : meetingPlace) ??
      s.visitCity ??
      (isMeeting(trigger) && s.wayTo !== null && trigger.first >= s.wayTo.end
        ? s.wayTo.place
        : null),
  };
  // (not one named in an aside about the subject: "The new Prime Minister, who took over from
  // Liz Truss on Tuesday, will meet B")
  const inAside = (p: PersonRef) =>
    background.personAsides.some(
      (a) => tokens[p.mention.first]!.start >= a.from && tokens[p.mention.first]!.start < a.to,
    );
  const before = people.filter(
    (p) =>
      p.mention.end <= trigger.first &&
      p.mention.first >= clauseFrom &&
      !invitedIds.has(p.mention.first) &&
      !inAside(p),
  );
  return { trigger, clauseFrom, ledUp, cue, before };
}

/** A visit: its host (after the cue, or where the visitor arrived), its visitor and guest country, one mention per country of a tour. */
function visitMentions(s: SentenceScan, c: CueScan): void {
  const { info, context, tokens, triggers, people, invited, welcome, invitedIds, place, mentions } =
    s;
  const { trigger, clauseFrom, cue, before } = c;
  // "chuyến công du ba nước Cuba, Argentina và Uruguay từ ngày 18-28/4": a tour of several
  // countries is no visit of its own, and its days are the tour's
  if (anyReadsAt(tokens, trigger.end, LEX.tourOf) > 0) return;
  // "A, B and other leaders are expected to arrive in Laos": a gathering, no one's visit
  if (amongOtherLeaders(tokens, clauseFrom, trigger.first)) return;
  // "A invited B to visit Mongolia": an invitation, no visit yet (not "A will visit at B's
  // invitation", nor "B accepted A's invitation to visit")
  if (
    keyIn(infinitive, tokens, trigger.first - 1) &&
    anyKeyIn(inviteVerb, tokens, clauseFrom, trigger.first)
  )
    return;
  // host: the country (or its capital) right after the cue ("thăm Việt Nam", "chuyến thăm cấp Nhà nước tới Lào", "thăm Bắc Kinh")
  let host: string | null = null;
  let hostEnd = trigger.end;
  let visitor: PersonRef | null = null;
  // "chuyến thăm (cấp Nhà nước) của Tổng thống X tới Việt Nam" ("received an official visit
  // from the Prime Minister of Papua New Guinea, B")
  if (keyIn(LEX.of, tokens, trigger.end) || keyIn(visitFrom, tokens, trigger.end)) {
    const chain = chainFrom(tokens, people, trigger.end + 1);
    if (chain.length > 0) {
      visitor = chain[0]!;
      const to = destinationFrom(tokens, chain[chain.length - 1]!.mention.end, 1);
      if (to !== null) {
        host = to.code;
        hostEnd = to.end;
      }
    }
  }
  if (host === null && trigger.noun) {
    const to = destinationFrom(tokens, trigger.end, NOUN_VISIT_SPAN);
    if (to !== null) {
      host = to.code;
      hostEnd = to.end;
    }
  }
  for (
    let k = trigger.end, gap = 0;
    host === null && k < tokens.length && gap <= VISIT_HOST_GAP;
    k++
  ) {
    const c = destinationAt(tokens, k);
    if (c !== null) {
      host = c.code;
      hostEnd = k + c.length;
      break;
    }
    // "arrived in the capital, Jakarta"
    const prefix = anyReadsAt(tokens, k, placePrefix);
    if (prefix > 0) {
      k += prefix - 1 + (textAt(tokens, k + prefix) === ',' ? 1 : 0);
      gap++;
      continue;
    }
    if (QUOTATION_MARKS.has(tokens[k]!.text)) continue;
    if (!keyIn(LEX.visitGap, tokens, k)) break;
    gap++;
  }
  // "arrived at Vnukovo airport in Moscow": past the place arrived at, the city it is in (the
  // cue requires one: classify.ts placeArrivedIn)
  if (host === null && tokens[trigger.end - 1]?.key === 'at') {
    const there = placeArrivedIn(tokens, trigger.end);
    if (there === null) return;
    host = there.code;
    hostEnd = there.at + there.length;
  }
  // "will visit two other Southeast Asian countries, namely Indonesia (…) and Thailand (…)"
  if (host === null) {
    const namely = findAnyPhrase(
      tokens,
      LEX.namely,
      trigger.end,
      Math.min(tokens.length, trigger.end + NOUN_VISIT_SPAN),
    );
    const at = namely === null ? -1 : namely.at + namely.length;
    const c = at < 0 ? null : destinationAt(tokens, at);
    if (c !== null) {
      host = c.code;
      hostEnd = at + c.length;
    }
  }
  // "the minister's Peru visit": the country before the noun
  if (host === null && trigger.noun === false && context.modifiersFirst && trigger.first > 0) {
    const c = countryBefore(tokens, trigger.first);
    if (c !== null) host = c;
  }
  // "arrived in Santiago … for a working visit", "đã đến Hà Nội, bắt đầu chuyến thăm": where the visitor arrived
  if (host === null && trigger.noun) host = arrivalPlaceBefore(tokens, trigger.first, clauseFrom);
  // "is in the country for a state visit where she will hold talks with her host, President X":
  // the country of the one the sentence calls the visitor's host
  if (host === null) {
    const called = findAnyPhrase(tokens, LEX.hostCalled, trigger.end);
    const at = called === null ? -1 : called.at + called.length;
    const named = people.find(
      (p) => p.mention.first === at || (textAt(tokens, at) === ',' && p.mention.first === at + 1),
    );
    host = named?.person.country ?? null;
  }
  if (host === null) {
    // "... đến Việt Nam là quốc gia đầu tiên thăm", "is traveling to Nairobi Tuesday for a
    // two-day state visit"
    for (
      let k = trigger.first - 1;
      k >= Math.max(clauseFrom, trigger.first - HOST_BEFORE_SPAN);
      k--
    ) {
      if (!keyIn(destination, tokens, k) && !departsFor(tokens, k)) continue;
      const c = destinationAt(tokens, k + 1);
      if (c !== null) {
        host = c.code;
        break;
      }
    }
  }
  // "A was visited in the Historic Center by the president of Chile, B": B visits the
  // country of the one visited, named before (or the one "he" stands for)
  let visitedOne: PersonRef | undefined;
  if (host === null && !trigger.noun && keyIn(passiveLead, tokens, trigger.first - 1)) {
    let by = trigger.end;
    while (
      by < Math.min(tokens.length, trigger.end + VISITED_BY_SPAN) &&
      !keyIn(agentWords, tokens, by)
    )
      by++;
    const agent = keyIn(agentWords, tokens, by) ? actedBy(tokens, people, by + 1)[0] : undefined;
    // (or, where a pronoun stands for them, the principal the sentence named last before it:
    // "the third visit the Mexican president has received, since Wednesday he was visited …")
    const visited = (keyIn(pronouns, tokens, trigger.first - 2) ? people : before).findLast(
      (p) => p.mention.end <= trigger.first && p.person.principal,
    );
    const home = visited?.person.country ?? null;
    if (
      agent?.person.principal &&
      agent.person.country !== null &&
      home !== null &&
      home !== agent.person.country
    ) {
      host = home;
      visitor = agent;
      visitedOne = visited;
    }
  }
  // "President A visited President B on Thursday at the State House": a visit paid to a
  // principal, where no place is visited, is a call on them in their country
  // (not a record a visit sets: "A is the first African leader to visit B in the White House")
  const record =
    keyIn(infinitive, tokens, trigger.first - 1) &&
    tokens
      .slice(Math.max(clauseFrom, trigger.first - 1 - RECORD_WORDS), trigger.first - 1)
      .some((t) => ordinalOf(t.key) > 0);
  // "A will meet B on Friday when he arrives for a two-day visit": a visit the clause of the
  // meeting's subject names, to the country of the one met (not the one received: "received
  // B, whom he thanked for his visit")
  if (
    host === null &&
    trigger.noun &&
    !anyKeyIn(possessives, tokens, Math.max(0, trigger.first - 3), trigger.first)
  ) {
    const met = mentions.find(
      (m) =>
        m.kind === 'meeting' &&
        !receiving(m.trigger) &&
        m.trigger.end <= trigger.first &&
        m.sideA.length === 1 &&
        m.sideB.length === 1 &&
        m.sideA[0]!.country !== m.sideB[0]!.country &&
        anyKeyIn(pronouns, tokens, m.trigger.end, trigger.first),
    );
    if (met !== undefined) host = met.sideB[0]!.country;
  }
  if (host === null && !trigger.noun && !record && !keyIn(arrival, tokens, trigger.first)) {
    const callee = chainFrom(tokens, people, trigger.end, objectLead, OBJECT_LEAD_SKIP)[0];
    const caller = before.filter((p) => knownPrincipal(p)).pop();
    const home = callee?.person.country ?? null;
    const from = caller?.person.country ?? null;
    if (callee?.person.principal && home !== null && from !== null && from !== home) {
      mentions.push(
        newMention(cue, {
          kind: 'meeting',
          type: 'courtesy_call',
          sideA: [caller!.person],
          sideB: [callee.person],
          host: home,
          guest: from,
          countries: countriesOf([caller!.person], [callee.person]),
        }),
      );
      return;
    }
  }
  // "A flew out of Phnom Penh after his meeting with B and arrived in Bangkok": the clause's
  // subject comes home, and no one visits
  // (not where a pronoun between them is the arrival's own subject: "A greeted B as he arrives
  // at the mansion in Athens")
  const subject = before.find((p) => knownPrincipal(p));
  if (
    host !== null &&
    !trigger.noun &&
    keyIn(arrival, tokens, trigger.first) &&
    subject?.person.country === host &&
    !anyKeyIn(pronouns, tokens, subject.mention.end, trigger.first)
  )
    return;
  // "Presidents A of X, B of Y and C of Z arrived in Astana": leaders of several countries
  // arriving together come to a gathering, not on a visit
  if (!trigger.noun && keyIn(arrival, tokens, trigger.first)) {
    const arriving = new Set(
      before
        .filter((p) => p.person.principal && p.person.country !== host)
        .map((p) => p.person.country),
    );
    for (let k = clauseFrom; k < trigger.first; k++) {
      const c = countryAt(tokens, k);
      if (c !== null && c.code !== host) arriving.add(c.code);
    }
    if (arriving.size >= GATHERING_COUNTRIES) return;
  }
  // "Kim's sister, propaganda director Kim Yo Jong, had arrived in Vladivostok": the one who
  // arrived is the one named last before the verb, and no principal
  const nearest = before[before.length - 1];
  if (
    !trigger.noun &&
    keyIn(arrival, tokens, trigger.first) &&
    nearest !== undefined &&
    !nearest.person.principal &&
    nearest.mention.name !== null
  )
    return;
  // the visitor: "chuyến thăm Việt Nam của Tổng thống X", else the nearest person before the cue from another country
  // (not in the passive of a welcome: "was welcomed to Bangladesh by B", who receives)
  if (
    visitor === null &&
    keyIn(LEX.of, tokens, hostEnd) &&
    !(
      keyIn(agentWords, tokens, hostEnd) &&
      anyKeyIn(arrivalGreeted, tokens, trigger.first, trigger.end)
    )
  )
    visitor = people.find((p) => p.mention.first === hostEnd + 1) ?? null;
  // "A held talks with his counterpart B on the first day of his visit here": the one whose
  // counterpart the clause names is the one whose visit its "his" tells
  if (
    visitor === null &&
    host === null &&
    anyKeyIn(
      possessives,
      tokens,
      Math.max(clauseFrom, trigger.first - POSSESSED_VISIT_GAP),
      trigger.first,
    )
  ) {
    const counterpart = before.find(
      (p) => p.person.country !== null && p.mention.titleKeys.some((k) => counterpartTitle.has(k)),
    );
    visitor =
      (counterpart &&
        before.find(
          (p) =>
            p.mention.end <= counterpart.mention.first &&
            knownPrincipal(p) &&
            p.person.country !== counterpart.person.country,
        )) ??
      null;
  }
  // (not a spouse: "Britain's head of state and his wife Queen Camilla will visit Paris")
  const candidates = before.filter(
    (p) =>
      p.person.country !== null &&
      p.person.country !== host &&
      p.person.principal &&
      !keyIn(spouse, tokens, p.mention.first - 1),
  );
  // "A conveyed the greetings of B to C as he concluded his visit": a pronoun standing between
  // the last one named and the cue opens a clause of its own, whose "he" is the subject named
  // first, not the one the object named
  const lastNamed = candidates[candidates.length - 1];
  // ("A was received on Wednesday by his counterpart B for an official working visit": the
  // one received, told in the passive before the one who receives, is the visitor)
  // (and so is one who "received a warm welcome from" the other)
  const receivedBy = (first: PersonRef, last: PersonRef) =>
    (anyKeyIn(passiveLead, tokens, first.mention.end, last.mention.first) &&
      anyKeyIn(agentWords, tokens, first.mention.end, last.mention.first)) ||
    hasPhrase(tokens, LEX.welcomeFrom, first.mention.end, last.mention.first);
  const received =
    visitor === null &&
    lastNamed !== undefined &&
    candidates[0] !== lastNamed &&
    receivedBy(candidates[0]!, lastNamed);
  // (the one who receives them is of the country they visit, where the sentence names none)
  if (received && host === null) host = lastNamed.person.country;
  // ("A briefed B on her visit to Ukraine": the one who tells of a visit of theirs, not the
  // one who hears of it)
  const briefs =
    lastNamed !== undefined &&
    candidates[0] !== lastNamed &&
    anyKeyIn(LEX.briefing, tokens, candidates[0]!.mention.end, lastNamed.mention.first) &&
    anyKeyIn(possessives, tokens, lastNamed.mention.end, trigger.end);
  // ("A will meet B in Dakar before leaving for Accra": the one who goes on is the subject,
  // the one "he" stands for where a pronoun is: "he will meet B … before leaving for Accra")
  const goesOn = anyReadsAt(tokens, trigger.first - 1, nextLeg) > 0;
  if (
    goesOn &&
    candidates.length > 0 &&
    anyKeyIn(pronouns, tokens, clauseFrom, candidates[0]!.mention.first)
  )
    return;
  visitor ??=
    lastNamed !== undefined &&
    candidates[0] !== lastNamed &&
    (anyKeyIn(pronouns, tokens, lastNamed.mention.end, trigger.first) ||
      received ||
      briefs ||
      goesOn)
      ? candidates[0]!
      : (lastNamed ?? null);
  // (not past "with": "a visit that could include a meeting with B" names whom the visitor meets;
  // nor past "accompanied by": "The King arrived on Monday, accompanied by Minister B", whose
  // visitor goes unnamed)
  visitor ??=
    people.find(
      (p) =>
        p.mention.first >= trigger.end &&
        p.person.country !== null &&
        p.person.country !== host &&
        p.person.principal &&
        !invitedIds.has(p.mention.first) &&
        !anyKeyIn(withWords, tokens, trigger.end, p.mention.first) &&
        // (nor past an attribution: "B's envoy had visited Venezuela last month, according to
        // the Brazilian President")
        !hasPhrase(tokens, LEX.attribution, trigger.end, p.mention.first) &&
        !comesAlong(tokens, p.mention.first, trigger.end),
    ) ?? null;
  // "A stated that the vessels that Japan provided arrived in Viet Nam": an arrival told after
  // "that" with no one named or meant by a pronoun between is something else's, not A's
  if (visitor !== null && !trigger.noun && keyIn(arrival, tokens, trigger.first)) {
    const between = tokens.slice(visitor.mention.end, trigger.first);
    const that = between.findLastIndex((t) => saidThat.has(t.key));
    const after = between.slice(that + 1);
    if (
      that >= 0 &&
      !after.some((t) => pronouns.has(t.key) || t.text === ',') &&
      !people.some(
        (p) => p.mention.first > visitor!.mention.end + that && p.mention.end <= trigger.first,
      )
    )
      return;
  }
  // "HANOI — … The South Korean president is on a three-day state visit": a visit of a level
  // whose destination goes unsaid is to the country the story was filed from
  if (
    host === null &&
    trigger.type !== 'visit' &&
    context.datelineCountry !== null &&
    visitor !== null &&
    visitor.person.country !== null &&
    visitor.person.country !== context.datelineCountry
  )
    host = context.datelineCountry;
  // "Cambodia rolled out its red carpet for B on his official visit to the kingdom": the
  // country the sentence names before, other than the visitor's
  // ("to the ASEAN-member country": past a few words before the noun)
  const the = trigger.end + (keyIn(destination, tokens, trigger.end) ? 1 : 0);
  // (not of one a meeting's cue stands before: "A met B at the start of his visit to the
  // country", whose "his" the nearest name does not tell)
  if (
    host === null &&
    visitor?.person.country != null &&
    !triggers.some((t) => isMeeting(t) && t.first < (visitor?.mention.first ?? 0)) &&
    keyIn(destination, tokens, the - 1) &&
    keyIn(titleArticle, tokens, the) &&
    anyKeyIn(countryReference, tokens, the + 1, the + 1 + COUNTRY_REFERENCE_WORDS)
  ) {
    for (let k = 0; k < trigger.first && host === null; k++) {
      const c = countryAt(tokens, k);
      if (c !== null && c.code !== visitor.person.country) host = c.code;
    }
  }
  // "the visit to Moscow": the city the visit (a noun: not "will visit Da Nang", a stop on the
  // way) is to, when the sentence places it nowhere else
  let destinationCity: Place | null = null;
  for (let k = trigger.end; trigger.noun && k < hostEnd && destinationCity === null; k++) {
    const city = placeAt(tokens, k);
    if (city !== null && !city.entry.venue && city.entry.code === host)
      destinationCity = cityPlace(city.entry);
  }
  /** the principal a pronoun stands for, where the sentence names no visitor (below) */
  let told: Person | undefined;
  /** The visitor's visit to a host country (null: not named in this sentence). */
  const visitMention = (
    hostCode: string | null,
    guestCode: string | null,
    hostPeople: Person[],
    date: DateMention | null = cue.date,
  ) =>
    newMention(date === cue.date ? cue : { ...cue, date }, {
      kind: 'visit',
      type: trigger.type,
      sideA:
        visitor === null
          ? told === undefined
            ? []
            : [told]
          : [...companionsBefore(tokens, people, visitor), visitor.person],
      sideB: [],
      host: hostCode,
      guest: guestCode,
      countries: hostCode === null || guestCode === null ? [] : [guestCode, hostCode].sort(),
      hosts: hostPeople,
      // where the sentence places it ("arrived in Jakarta", "the visit to Moscow"): the
      // article's cities, for its meetings (a visit itself is placed in its host country)
      place: place ?? destinationCity,
    });
  /** who the passive names as receiving the visitor, among the visit's hosts */
  let hostedBy: PersonRef | undefined;
  // "A is the first head of state to be hosted for a State Visit by B", "A was received by B for
  // a working visit": the one the passive names after "by" hosts, the one named before it visits
  if (host === null) {
    const hosting = triggers.find(
      (t) => receiving(t) && t.end <= trigger.first && keyIn(passiveLead, tokens, t.first - 1),
    );
    // ("received by B … for a visit": B, who received the visitor, among the visit's hosts)
    const receivedBy = hosting !== undefined && keyIn(agentWords, tokens, hosting.end);
    const by =
      hosting === undefined
        ? -1
        : receivedBy
          ? hosting.end
          : tokens.findIndex(
              (t, k) => k >= trigger.end && k <= trigger.end + AGENT_SPAN && agentWords.has(t.key),
            );
    const agent = people.find(
      (p) => by >= 0 && p.mention.first === by + 1 && p.person.principal && p.person.country,
    );
    const guest =
      agent &&
      people.findLast(
        (p) =>
          p.mention.end <= hosting!.first &&
          knownPrincipal(p) &&
          p.person.country !== agent.person.country,
      );
    if (agent && guest) {
      host = agent.person.country;
      visitor = guest;
      if (receivedBy) hostedBy = agent;
    }
  }
  // "A hosted B in Washington for an official state visit": the visit is to the country of
  // the one who hosts, named before it
  if (host === null && visitor !== null && visitor.person.country !== null) {
    const hosting = triggers.find((t) => receiving(t) && t.end <= trigger.first);
    const receiver =
      hosting === undefined
        ? undefined
        : people.findLast(
            (p) =>
              p.mention.end <= hosting.first &&
              knownPrincipal(p) &&
              p.person.country !== visitor!.person.country,
          );
    if (receiver !== undefined) {
      host = receiver.person.country;
      // ("A received an official visit from B": A, who receives the visit itself, among its hosts)
      if (
        keyIn(visitFrom, tokens, trigger.end) &&
        hosting !== undefined &&
        hosting.end >= trigger.first - RECEIVED_VISIT_GAP
      )
        hostedBy = receiver;
    }
  }
  // "A arrived on Thursday for a state visit that will include talks with B": the country of
  // the one the visit is to meet, named after it in the sentence
  if (host === null && trigger.noun && visitor !== null && visitor.person.country !== null) {
    const met = people.find(
      (p) =>
        p.mention.first >= trigger.end &&
        knownPrincipal(p) &&
        p.person.country !== visitor!.person.country &&
        !invitedIds.has(p.mention.first),
    );
    if (met !== undefined && anyKeyIn(withWords, tokens, trigger.end, met.mention.first))
      host = met.person.country;
  }
  // ("spoke in Samarkand, where he was on an official visit": the city "where" stands for)
  if (host === null) {
    const where = whereBefore(tokens, trigger.first, clauseFrom);
    if (where > 0)
      host =
        cityEndingAt(tokens, where - (textAt(tokens, where - 1) === ',' ? 1 : 0))?.country ?? null;
  }
  if (host === null) {
    // "Chuyến thăm (của X) sẽ diễn ra từ 6-10/7", "Chuyến thăm theo lời mời của Y": a reference to the
    // visit the article is about, joined to it in events.ts by its people and date
    if (!trigger.noun) return;
    // ("Abe's visit to the Yasukuni Shrine in December": a visit to a named place that is no
    // country the tables know is no reference to it)
    if (namedPlaceAfter(tokens, trigger.end)) return;
    // (not who speaks of it: "Minister A said the January 11-12 visit was a success")
    if (visitor && hasPhrase(tokens, reportingWords, visitor.mention.end, trigger.first))
      visitor = null;
    const invitedPeople = invited.map((r) => r.person);
    mentions.push(visitMention(null, null, invitedPeople));
    return;
  }
  // ("A, who reached Russia on Tuesday, had meetings with B and C": the country arrived in)
  s.visitCity =
    cityEndingAt(tokens, hostEnd) ??
    (!trigger.noun && keyIn(arrival, tokens, trigger.first)
      ? { city: null, country: host, venue: false }
      : null);
  // "his visit to Canada for the G7 meeting": a trip to a multilateral meeting is no bilateral visit
  // ("arrived in Kazan on Tuesday to attend the BRICS summit"; "a visit to Japan for a summit with B" is bilateral)
  if (multilateralAfter(tokens, hostEnd)) return;
  // "He is on a three-day official visit to India", "The ceremony marked the start of his
  // official visit to India": a pronoun, and no one named before the cue in its clause, stands
  // for the principal the story named last who is not of the host country (and so does an
  // office named alone: "The president, who landed on Sunday night in the Argentine capital")
  // (not the one who says what follows "that": "he added, saying that a Greek business
  // delegation will visit Istanbul")
  const last = info.mentions.findLast((m) => m.end <= trigger.first);
  const that = tokens.findLastIndex((t, k) => k < trigger.first && saidThat.has(t.key));
  if (
    visitor === null &&
    before.length === 0 &&
    (refersBack(tokens, Math.max(clauseFrom, that + 1), trigger.first) ||
      (last?.name === null && !last.plural && last.principal))
  )
    told = context.recentPrincipals.find((p) => p.country !== null && p.country !== host);
  let guest = visitor?.person.country ?? told?.country ?? null;
  // ("His Majesty arrived on Monday, accompanied by Foreign Minister B": the one who comes
  // along is no visitor, but of the visitor's country)
  guest ??=
    people.find(
      (p) =>
        p.mention.first >= trigger.end &&
        knownPrincipal(p) &&
        p.person.country !== host &&
        comesAlong(tokens, p.mention.first, trigger.end),
    )?.person.country ?? null;
  if (guest === null) {
    // "Thủ tướng Lào sang thăm", "Đoàn đại biểu cấp cao Việt Nam": a country named with its people
    const unnamed = info.mentions.find(
      (m) =>
        m.end <= trigger.first &&
        m.first >= clauseFrom &&
        m.principal &&
        m.country !== null &&
        m.country !== host,
    );
    guest = unnamed?.country ?? null;
  }
  if (guest === null) {
    for (let k = 1; k < tokens.length; k++) {
      if (!endsBefore(tokens, k, LEX.highLevel)) continue;
      const c = countryAt(tokens, k);
      if (c !== null && c.code !== host) {
        guest = c.code;
        break;
      }
    }
  }
  // an unnamed side travelling abroad is the outlets' own country ("Đoàn đại biểu … đã thăm Lào")
  if (
    guest === null &&
    context.homeCountry !== null &&
    host !== context.homeCountry &&
    visitor === null
  )
    guest = before.length === 0 && !trigger.noun ? null : context.homeCountry;
  // "The visit to Lima runs from May 3 to 5": the visit to that country the article is
  // about, as "the visit" alone is (joined to it in events.ts by its host and date)
  if (
    guest === null &&
    visitor === null &&
    trigger.noun &&
    anyKeyIn(definite, tokens, trigger.first - 1, trigger.first + 1) &&
    !namedPlaceAfter(tokens, hostEnd)
  ) {
    mentions.push(
      visitMention(
        host,
        null,
        invited.map((r) => r.person),
      ),
    );
    return;
  }
  if (guest === null || guest === host) return;
  // a tour: "thăm chính thức A và B" is a visit to each; "Indonesia (from April 29 to 30) and
  // Thailand (from May 1 to 2)": each on the days in brackets after it
  const visitGuest = guest;
  const hosts = [host];
  const daysOf = new Map<string, DateMention>();
  const bracketed = (code: string, k: number): number => {
    if (textAt(tokens, k) !== '(') return k;
    const close = tokens.findIndex((t, n) => n > k && n <= k + BRACKET_SPAN && t.text === ')');
    if (close < 0) return k;
    const d = info.dates.find(
      (x) => x.start >= tokens[k]!.end && x.end <= tokens[close]!.start && isDay(x),
    );
    if (d !== undefined) daysOf.set(code, d);
    return close + 1;
  };
  // ("to Cambodia from April 24 to 25 and to Laos from April 26 to 27": each on the days
  // written right after it, where a second leg follows)
  const daysAt = (k: number) =>
    info.dates.find(
      (x) =>
        isDay(x) &&
        x.start >= (tokens[k]?.start ?? Infinity) &&
        x.start <= (tokens[k + 1]?.end ?? -1),
    );
  const legAt = (k: number) => k + (keyIn(LEX.tourLegLead, tokens, k) ? 1 : 0);
  // (a span before a further leg; the last leg's days once the first had its own)
  const dated = (code: string, k: number, last: boolean): number => {
    const d = daysAt(k);
    if (d === undefined) return k;
    const found = tokens.findIndex((t) => t.start >= d.end);
    const after = found < 0 ? tokens.length : found;
    // (a day of its own, where a further leg follows: "toured South Africa on Tuesday and
    // Nigeria on Wednesday")
    const fits = last
      ? daysOf.has(host)
      : keyIn(joiners, tokens, after) &&
        (d.endValue !== null || countryWithPrefix(tokens, legAt(after + 1)) !== null);
    if (!fits) return k;
    daysOf.set(code, d);
    return after;
  };
  for (
    let k = dated(host, bracketed(host, hostEnd), false);
    tokens[k] !== undefined && keyIn(joiners, tokens, k) && k < hostEnd + TOUR_SPAN;
  ) {
    // (", and Singapore": a serial comma before the last)
    const at = legAt(k + (textAt(tokens, k) === ',' && keyIn(andWords, tokens, k + 1) ? 2 : 1));
    const c = countryWithPrefix(tokens, at);
    if (c === null || c.code === guest) break;
    if (!hosts.includes(c.code)) hosts.push(c.code);
    const next = bracketed(c.code, at + c.length);
    k = next === at + c.length ? dated(c.code, next, true) : next;
  }
  // ("will visit Malaysia (January 9-10), Indonesia (January 10-11), Thailand (January 11-12)
  // and the Philippines (January 13)": a country with its days in brackets anywhere past the
  // cue is a leg, however long the list)
  for (let k = hostEnd; k < tokens.length; k++) {
    const c = countryWithPrefix(tokens, k);
    if (c === null || c.code === visitGuest || hosts.includes(c.code)) continue;
    if (bracketed(c.code, k + c.length) > k + c.length && daysOf.has(c.code)) hosts.push(c.code);
  }
  if (hosts.length > 1) s.tour = true;
  // ("A hosted B, who is visiting Vietnam at C's invitation": a reception of one whose visit a
  // clause of their own tells is a call during it, not its welcome; "A welcomed B, who is
  // paying a working visit to Cyprus" still welcomes the visitor)
  const toldOfGuest =
    visitor !== null &&
    visitor.mention.end <= trigger.first &&
    relative.has(
      keyAt(tokens, visitor.mention.end + (textAt(tokens, visitor.mention.end) === ',' ? 1 : 0)),
    ) &&
    !welcomedRightBefore(tokens, welcome.guest?.mention.first ?? 0);
  for (const h of hosts) {
    const hostPeople = [
      ...invited,
      ...(hostedBy ? [hostedBy] : []),
      ...(received ? [lastNamed!] : []),
      ...(visitedOne ? [visitedOne] : []),
      ...((welcome.guest === null || welcome.guest.person.country === visitGuest) && !toldOfGuest
        ? welcome.hosts
        : []),
    ]
      .map((r) => r.person)
      .filter((p) => p.country === h || (p.country === null && hosts.length === 1));
    mentions.push(
      visitMention(
        h,
        visitGuest,
        hostPeople,
        daysOf.get(h) ?? legDate(h === host, cue.date, tokens),
      ),
    );
  }
  return;
}

/** The date of a tour's leg told no days of its own: the tour's, but where the tour is told
 *  only by the day it starts ("will visit Fiji, New Zealand and East Timor starting August
 *  5"), a later leg has only that day's month. */
function legDate(
  first: boolean,
  date: DateMention | null,
  tokens: readonly Token[],
): DateMention | null {
  if (first || date === null || !isDay(date) || date.endValue !== null) return date;
  const before = tokens.findLast((t) => t.end <= date.start);
  if (before === undefined || !spanStart.has(before.key)) return date;
  return { ...date, value: date.value.slice(0, 7), precision: 'month' };
}

// "The meeting was held in Phnom Penh on August 21 under the co-chair of A and B" in a story
// about a committee's session: that session, its co-chairs named
function chairedReference(s: SentenceScan, c: CueScan): boolean {
  const { context, tokens } = s;
  const { trigger } = c;
  return (
    context.committeeContext &&
    isMeeting(trigger) &&
    (isPlainMeeting(trigger) || trigger.type === 'video_call') &&
    hasPhrase(tokens, coChairWords)
  );
}

/** "the 7th Philippines-Indonesia Joint Commission": a committee's name numbered as a
 *  session, with its two countries, is one (where the cue is the name itself); null otherwise. */
function numberedCommitteeAt(tokens: readonly Token[], trigger: Trigger): number | null {
  if (isCommitteeName(tokens, trigger.first) !== trigger.first) return null;
  const named = new Set<string>();
  for (let k = trigger.first - 1; k >= 0 && k >= trigger.first - NUMBERED_NAME_SPAN; k--) {
    // (the countries of a name without them are its co-chairs': "A and B will co-chair the
    // seventh Intergovernmental Consultations")
    if (SESSION_NUMBER.test(tokens[k]!.key) || ordinalOf(tokens[k]!.key) > 0)
      return named.size !== 1 ? trigger.first : null;
    if (!tokens[k]!.word && tokens[k]!.text !== '-') return null;
    const c = countryAt(tokens, k);
    if (c !== null) named.add(c.code);
  }
  return null;
}

/** Whether tokens [from, to) (a cue's subject) name leaders "and other leaders": a group. */
const amongOtherLeaders = (tokens: readonly Token[], from: number, to: number) =>
  hasPhrase(tokens, otherLeaders, from, to);

/** "the Philippines-Malaysia Joint Commission": what joins two countries named together. */
const joinsCountries = (t: Token | undefined) => LEX.countryPairJoiner.has(t?.key ?? '');

/** A committee's session and its co-chairs. */
function committeeMentions(s: SentenceScan, c: CueScan): void {
  const { context, tokens, people, mentions } = s;
  const { trigger, clauseFrom, cue } = c;
  // (or the cue itself, on a day: "co-chaired the Joint Consultative Commission on September 29";
  // not "agreed to set up a joint commission")
  const nameAt =
    numberedCommitteeAt(tokens, trigger) ??
    (cue.date !== null &&
    isCommitteeName(tokens, trigger.first) === trigger.first &&
    // (not the name "the 18th Meeting of the … Joint Commission" gives its cue)
    !s.triggers.some((t) => t.kind === 'committee' && t.first < trigger.first)
      ? trigger.first
      : isCommitteeName(tokens, trigger.end));
  if (nameAt < 0 && !context.committeeContext) return;
  if (hasPhrase(tokens, LEX.parliament, trigger.end, trigger.end + PARLIAMENT_SPAN)) return;
  // co-chairs: "A và B đồng chủ trì", "dưới sự đồng chủ trì của A và B"
  let chairs: PersonRef[] = [];
  const coChair = findAnyPhrase(tokens, coChairWords);
  const k = coChair?.at ?? -1;
  if (coChair !== null) {
    // ("to be co-chaired by A and B": after it too)
    chairs =
      keyIn(LEX.of, tokens, k + coChair.length) || keyIn(LEX.chairedBy, tokens, k + coChair.length)
        ? chainFrom(tokens, people, k + coChair.length + 1)
        : nearestChain(
            tokens,
            people.filter((p) => p.mention.end <= k),
          );
  }
  // "A, Chủ tịch Phân ban … và B đồng chủ trì", "A sẽ cùng B đồng chủ trì": the other co-chair stands earlier
  // (not before a purpose: "A received B, who is here to co-chair the meeting")
  if (
    k >= 0 &&
    !keyIn(infinitive, tokens, k - 1) &&
    new Set(chairs.map((r) => r.person.country)).size < 2
  ) {
    const other = people
      .filter(
        (p) =>
          p.mention.end <= k &&
          p.mention.first >= clauseFrom &&
          knownPrincipal(p) &&
          !chairs.some((c) => c.person.country === p.person.country),
      )
      .pop();
    if (other !== undefined) chairs = [other, ...chairs];
  }
  // "A co-chaired the 18th Meeting of the … Joint Commission … with B" ("alongside B"): the
  // other co-chair after "with"
  if (k >= 0 && new Set(chairs.map((r) => r.person.country)).size < 2) {
    const from = k + coChair!.length;
    for (let j = from; j < tokens.length && j < from + CO_CHAIR_WITH_SPAN; j++) {
      if (tokens[j]!.text === ';') break;
      if (!keyIn(LEX.coChairWith, tokens, j)) continue;
      const others = chainFrom(tokens, people, j + 1, objectLead, OBJECT_LEAD_SKIP).filter(
        (o) => !chairs.some((c) => c.person.country === o.person.country),
      );
      if (others.length > 0) chairs = [...chairs, ...others];
      break;
    }
  }
  // "The 32nd session … convened on Thursday, chaired by A and his Egyptian counterpart, B":
  // those named after the words of chairing in the passive
  const chairedBy = coChair === null ? findAnyPhrase(tokens, LEX.passiveChair, trigger.end) : null;
  if (chairedBy !== null)
    chairs = chainFrom(tokens, people, chairedBy.at + chairedBy.length, objectLead);
  // "A and B held the first meeting of the Coordination Council": with no one said to chair
  // it, the two of two countries who hold it, named together before the cue in its clause
  if (coChair === null && chairedBy === null) {
    const holders = nearestChain(
      tokens,
      people.filter((p) => p.mention.first >= clauseFrom && p.mention.end <= trigger.first),
    );
    if (new Set(holders.map((r) => r.person.country).filter((c) => c !== null)).size === 2)
      chairs = holders;
  }
  let chairPeople = chairs.map((r) => r.person).filter((p) => p.principal);
  let countries = countriesOf(chairPeople, []);
  if (countries.length !== 2 && nameAt >= 0) {
    const named = new Set<string>();
    // (from the cue: "the 13th meeting of the China-Vietnam Steering Committee")
    for (let j = trigger.end; j < tokens.length && j < nameAt + COMMITTEE_COUNTRIES_SPAN; j++) {
      const c = countryAt(tokens, j);
      if (c !== null) {
        named.add(c.code);
        j += c.length - 1;
      }
    }
    countries = [...named].sort();
  }
  // "the 8th Philippines-Malaysia Joint Commission Meeting": the two countries the name is
  // written after (not a name that an earlier cue's session is of: "a meeting of the 18th
  // India-Vietnam Joint Commission" is that cue's)
  if (
    countries.length !== 2 &&
    nameAt >= 0 &&
    !s.triggers.some((t) => t.kind === 'committee' && t.first < trigger.first)
  ) {
    const pair = countryPairEndingAt(tokens, Math.min(trigger.first, nameAt), joinsCountries);
    if (pair !== null) countries = [...pair.codes].sort();
  }
  // "the 17th Joint Commission Meeting co-chaired by the two Foreign Ministers", "the two
  // ministers will also hold the 2nd Joint Commission Meeting": the countries of the pair
  // the story named last (the co-chairs or holders themselves unnamed)
  if (countries.length !== 2 && nameAt >= 0) {
    const from = coChair === null ? clauseFrom : k + coChair.length;
    const to =
      coChair === null ? trigger.first : Math.min(tokens.length, from + 1 + PAIR_SUBJECT_SPAN);
    // (or before the co-chair's verb: "The two leaders later co-chaired the 11th meeting of …")
    const reference =
      pairReferenceIn(s.info, from, to) ??
      (coChair === null ? null : pairReferenceIn(s.info, clauseFrom, k));
    const recent = context.recentPrincipals;
    // (the pair its title names are the co-chairs, and "the two leaders" the leaders named
    // last; else only their countries are known)
    const titled =
      reference === null || (reference.title == null && !reference.leaders)
        ? null
        : recentPair(recent, reference.title, reference.leaders);
    const pair = titled ?? (reference === null ? null : recentPair(recent, null));
    if (pair !== null) countries = countriesOf(pair, []);
    if (titled !== null && chairPeople.length === 0) chairPeople = titled;
  }
  // "The Philippines and Indonesia agreed … at the 7th Joint Commission held in Manila on
  // Tuesday": the two countries joined before it in its clause, where no one is said to hold it
  for (
    let j = clauseFrom;
    countries.length !== 2 && nameAt >= 0 && chairPeople.length === 0 && j < trigger.first;
    j++
  ) {
    const joined = joinedCountriesAt(tokens, j);
    if (joined !== null && joined.end <= trigger.first)
      countries = [joined.first, joined.second].sort();
  }
  // "arrived in India for a visit to co-chair the 20th Joint Commission Meeting between the two
  // countries": where its clause names none, the two of the visit its sentence tells
  if (countries.length !== 2)
    countries =
      mentions.find((m) => isVisit(m) && m.sentence === cue.sentence)?.countries ?? countries;
  // "tại kỳ họp năm nay, hai bên sẽ ...": a reference to the session the article is about
  if (countries.length !== 2 && nameAt >= 0) return;
  if (countries.length !== 2) countries = [];
  mentions.push(
    newMention(cue, {
      kind: 'committee',
      type: 'committee_session',
      sideA: chairPeople,
      sideB: [],
      countries,
      ordinal: ordinalAfter(tokens, trigger.end),
    }),
  );
}

/** "Cuộc điện đàm diễn ra vào tối 22-8": a meeting named without its sides, on a day, is a
 *  reference without countries, joined in events.ts to the meeting the story tells of. */
function dayOfMeeting(s: SentenceScan, c: CueScan): void {
  const { trigger, cue } = c;
  if (!trigger.noun || cue.date?.precision !== 'day' || cue.precedent) return;
  // ("The talks will continue on March 21": the talks told last, on that day too)
  const told = anyKeyIn(LEX.goesOnVerb, s.tokens, trigger.end, trigger.end + GOES_ON_WORDS)
    ? s.context.meetings.find((m) => m.type === trigger.type && m.sideA.length > 0)
    : undefined;
  s.mentions.push(
    told === undefined ? referenceMention(cue, 'meeting', trigger.type) : newMention(cue, told),
  );
}

/** How many words after a meeting's noun its verb of going on may stand ("will continue"). */
const GOES_ON_WORDS = 3;

/** A mention that names no side: a reference events.ts joins to the event it fits. */
function referenceMention(cue: CueContext, kind: TriggerKind, type: EventType): Mention {
  return newMention(cue, {
    kind,
    type,
    sideA: [],
    sideB: [],
    countries: [],
  });
}

/** How far after a meeting's cue the call it was held by may stand ("held talks with US
 *  President Joe Biden via videoconference"), in tokens. */
const CALL_MEANS_SPAN = 12;

/** "held talks with B via videoconference", "met B by video link": the type of the call a
 *  meeting's cue says it was held by (a call cue right after a word of callMeans, a few
 *  tokens on), or null. */
function heldByCall(s: SentenceScan, trigger: Trigger): EventType | null {
  if (isCallType(trigger.type)) return null;
  const call = s.triggers.find(
    (t) =>
      isCallType(t.type) &&
      t.first > trigger.end &&
      t.first <= trigger.end + CALL_MEANS_SPAN &&
      // ("via videoconference", or a call's cue that is its means: "spoke to B by phone",
      // "on the telephone")
      (keyIn(callMeans, s.tokens, t.first - 1) || keyIn(callMeans, s.tokens, t.first)),
  );
  return call?.type ?? null;
}

/** "Jokowi spoke at the Indonesia-Australia bilateral meeting": where the reading of sides found
 *  no meeting, the pair written right before the cue gives its countries, and the principal of
 *  one of them that its clause names before the cue, its side. */
function writtenPairMeeting(s: SentenceScan, c: CueScan): void {
  const { trigger, cue, clauseFrom } = c;
  // (or written after it: "to attend the sixth Strategic Dialogue between China and Pakistan,";
  // not two countries' adjectives: "the meeting between Philippine and Indonesian ministers")
  const joined = keyIn(betweenWords, s.tokens, trigger.end)
    ? joinedCountriesAt(s.tokens, trigger.end + 1)
    : null;
  const between =
    joined !== null &&
    (s.tokens[joined.end]?.word !== true || keyIn(placeLead, s.tokens, joined.end))
      ? joined
      : null;
  const written =
    countryPairEndingAt(s.tokens, trigger.first, joinsCountries) ??
    (between === null
      ? null
      : { at: trigger.first, codes: [between.first, between.second] as [string, string] });
  if (written === null) return;
  const codes = [...written.codes].sort();
  const ofTheTwo = (p: PersonRef) => knownPrincipal(p) && codes.includes(p.person.country);
  const before = s.people
    .filter((p) => p.mention.first >= clauseFrom && p.mention.end <= written.at && ofTheTwo(p))
    .pop();
  // ("During the Philippines-New Zealand Bilateral Meeting in Malacañan, A highlighted …": the
  // subject after an opening phrase, and the other country's principal the story named last)
  const after =
    before === undefined && introducedBy(s.tokens, trigger.first)
      ? s.people.find((p) => p.mention.first >= trigger.end && ofTheTwo(p))
      : undefined;
  const own = before ?? after;
  const other =
    after &&
    s.context.recentPrincipals.find(
      (p) => p.country !== after.person.country && codes.includes(p.country!),
    );
  if (own !== undefined)
    s.mentions.push(
      newMention(cue, {
        kind: 'meeting',
        type: trigger.type,
        sideA: [own.person],
        sideB: other ? [other] : [],
        countries: codes,
      }),
    );
  // ("A and his Australian counterpart B are in discussions … The annual Australia-New Zealand
  // Leaders' Meeting was held in Queenstown": in a sentence that names no one, the principals
  // of the two countries the story named last)
  else if (!s.people.some((p) => p.person.principal)) {
    const [a, b] = codes.map((code) => s.context.recentPrincipals.find((p) => p.country === code));
    if (a !== undefined && b !== undefined)
      s.mentions.push(
        newMention(cue, {
          kind: 'meeting',
          type: trigger.type,
          sideA: [a],
          sideB: [b],
          countries: codes,
        }),
      );
  }
}

/** "the first meeting of (foreign and defense) vice ministers", "a meeting at the level of the
 *  two foreign ministers' assistants": a meeting of officials, whoever the clause is about. */
function officialsMeeting(tokens: readonly Token[], trigger: Trigger): boolean {
  const lead = keyIn(LEX.of, tokens, trigger.end)
    ? 1
    : anyReadsAt(tokens, trigger.end, LEX.officialsLevel);
  for (
    let k = trigger.end + lead;
    lead > 0 &&
    k < trigger.end + lead + OFFICIALS_SPAN &&
    (tokens[k]?.word || textAt(tokens, k) === "'" || textAt(tokens, k) === '’');
    k++
  )
    if (anyReadsAt(tokens, k, LEX.officialsMeet) > 0) return true;
  return false;
}

/** A meeting, talks or a call: one mention per pair of sides. */
function meetingMentions(s: SentenceScan, c: CueScan): void {
  const { context, people, mentions, tokens } = s;
  const { trigger, cue } = c;
  // "The meeting, held on 11-12 January, …" in a story about a committee's session: that session
  if (
    context.committeeContext &&
    isMeeting(trigger) &&
    isPlainMeeting(trigger) &&
    people.length === 0
  ) {
    mentions.push(referenceMention(cue, 'committee', 'committee_session'));
    return;
  }
  // "to discuss the outcomes of last week's Russia-Ukraine talks": a pair written right
  // before the cue is the meeting's own two countries, whoever else the sentence names
  const written = countryPairEndingAt(tokens, trigger.first, joinsCountries);
  // (and so are two countries whose principals are named right after "between", by name or by
  // office: "the July 28 meeting between the Cambodian Prime Minister and the Acting Prime
  // Minister of Thailand", whoever else the sentence names)
  const pairAfter = countriesAfterBetween(s.info, trigger);
  const ofPair = (countries: readonly string[]) =>
    (written === null || countries.join() === [...written.codes].sort().join()) &&
    (pairAfter === null || countries.join() === pairAfter.join());
  const sides = meetingSides(s, c);
  if (sides === null) return;
  const principals = meetingPeople(s, c, sides);
  if (principals === null) return;
  if (sides.left !== null) sides.left.subject = principals.aPeople;
  // (whoever receives is at home: "A received B", and likewise "A hosted B", "A welcomed B")
  const receives = receiving(trigger);
  const { aPeople, bPeople, unnamedOthers, unnamedSubject } = principals;
  const byCall = heldByCall(s, trigger);
  // one meeting of these sides and countries, as the cue tells it
  const meeting = (sideA: Person[], sideB: Person[], countries: string[]) =>
    mentions.push(
      newMention(cue, {
        kind: 'meeting',
        type: byCall ?? trigger.type,
        sideA,
        sideB,
        countries,
        receives,
        callsOn: trigger.type === 'courtesy_call' && !receives,
        greeting: principals.greeting,
      }),
    );
  if (unnamedSubject !== null) {
    const theirs = countriesOf([], bPeople);
    if (theirs.length === 1 && ofPair([unnamedSubject, theirs[0]!].sort()))
      meeting([], bPeople, [unnamedSubject, theirs[0]!].sort());
    return;
  }
  if (unnamedOthers.length > 0) {
    const own = countriesOf(aPeople, []);
    // ("had separate meetings with the Australian and Japanese leaders": one with each)
    for (const other of unnamedOthers)
      if (
        own.length === 1 &&
        own[0] !== other &&
        aPeople.every((p) => p.country !== null) &&
        ofPair([own[0]!, other].sort())
      )
        meeting(aPeople, [], [own[0]!, other].sort());
    if (bPeople.length === 0) return;
  }
  const pairs = meetingPairs(s, c, sides, principals);
  for (const [a, b] of pairs) {
    if (a.length === 0 || b.length === 0) continue;
    const countries = countriesOf(a, b);
    if (
      countries.length !== 2 ||
      !ofPair(countries) ||
      a.some((p) => p.country === null) ||
      b.some((p) => p.country === null)
    )
      continue;
    meeting(a, b, countries);
  }
}

interface MeetingSides {
  /** "B also attended his meeting with C": where "attended" stands */
  attending: { at: number } | null;
  /** the people before the cue who may be its subject */
  sides: PersonRef[];
  sideA: PersonRef[];
  objects: PersonRef[];
  /** "will hold talks with B, meet C": the meeting cue before, joined to this one */
  goesOnFrom: PreviousMeeting | null;
  /** what this cue leaves for the next one (null: it names no one it meets) */
  left: PreviousMeeting | null;
}

/** How many words may stand between "accompanied by" and the one who comes along (a long title). */
const COMPANION_TITLE_WORDS = 12;

/** Whether two events (or mentions) are of the same countries. */
export function sameCountries(
  a: { countries: readonly string[] },
  b: { countries: readonly string[] },
): boolean {
  return a.countries.join() === b.countries.join();
}

/** Whether the one named from token `first` is told as coming along on a visit ("accompanied by
 *  the Foreign Minister B"), past token `from` (a cue's end). */
export function comesAlong(tokens: readonly Token[], first: number, from = 0): boolean {
  const lead = Math.max(from, first - COMPANION_TITLE_WORDS);
  return hasPhrase(tokens, LEX.accompaniedBy, lead, first);
}

/** The most tokens a denial takes ("are not scheduled to have a"). */
const NEGATION_TOKENS = 7;

/** Whether a denial ends right before token `at` ("will not meet", "won't visit"). */
function negatedBefore(tokens: readonly Token[], at: number): boolean {
  for (let n = 1; n <= NEGATION_TOKENS && n <= at; n++)
    if (anyReadsAt(tokens, at - n, LEX.negation) === n) return true;
  return false;
}

/** How many tokens after "between" the two sides' principals may be named in. */
const BETWEEN_PAIR_TOKENS = 16;

/** The two countries (sorted) whose principals, named or by office, stand right after a
 *  meeting's "between" (a few words after its cue), before the clause ends; else null. */
function countriesAfterBetween(info: SentenceInfo, trigger: Trigger): string[] | null {
  const tokens = info.tokens;
  let at = -1;
  for (
    let k = trigger.end;
    at < 0 && k < tokens.length && k < trigger.end + BETWEEN_LOOKAHEAD;
    k++
  ) {
    if (keyIn(clauseEnd, tokens, k)) break;
    if (keyIn(betweenWords, tokens, k)) at = k;
  }
  if (at < 0) return null;
  const codes = new Set<string>();
  for (const m of info.mentions) {
    if (m.first <= at || m.first > at + BETWEEN_PAIR_TOKENS || !m.principal) continue;
    if (m.country !== null) codes.add(m.country);
  }
  return codes.size === 2 ? [...codes].sort() : null;
}

/** Who meets whom as the sentence names them: the subject (side A) and the objects; null for meetings in general. */
function meetingSides(s: SentenceScan, c: CueScan): MeetingSides | null {
  const { info, tokens, people, previousMeeting } = s;
  const { trigger, clauseFrom, ledUp, before } = c;
  // meetings
  // "demonstrated through visits and meetings between senior leaders": meetings in general,
  // where the sentence names no one but groups of people, are no event
  if (keyIn(LEX.pluralCues, tokens, trigger.end - 1) && info.mentions.every((m) => m.plural))
    return null;
  // ("will be in India until Sunday for the festivities and a series of bilateral talks": talks
  // in general, with no one named after them)
  if (
    hasPhrase(
      tokens,
      LEX.seriesOf,
      Math.max(clauseFrom, trigger.first - SERIES_BEFORE),
      trigger.first,
    ) &&
    !keyIn(withWords, tokens, trigger.end) &&
    !keyIn(betweenWords, tokens, trigger.end)
  )
    return null;
  // "his working visit to the United States, during which he will be hosted by B": the visit's
  // host, told after its cue (visitMentions' hostedBy), no meeting of its own
  if (
    anyReadsAt(tokens, trigger.first, hostedByWords) > 0 &&
    info.triggers.some((t) => isVisit(t) && t.end <= trigger.first)
  )
    return null;
  // "B also attended his meeting with C": who attends another's meeting is no side of it
  // only the meeting attended itself ("attended his meeting"), not one after ("attended a ceremony before holding talks")
  let attending: { at: number } | null = null;
  for (let k = trigger.first - 1; k >= Math.max(clauseFrom, trigger.first - ATTENDED_BEFORE); k--) {
    const length = anyReadsAt(tokens, k, LEX.attendance);
    if (length === 0) continue;
    // ("participated in a virtual meeting with B": a meeting of one's own)
    const between = tokens.slice(k + length, trigger.first);
    if (trigger.first - (k + length) <= ATTENDED_GAP && !between.some((t) => indefinite.has(t.key)))
      attending = { at: k };
    break;
  }
  // ("President Xi's second-in-command" names someone else; "Modi's first meeting with B" is Modi's)
  const sides = (
    attending === null ? before : before.filter((p) => p.mention.first > attending.at)
  ).filter(
    (p) =>
      !possessiveAt(tokens, p.mention.end) ||
      (trigger.first - (p.mention.end + 2) <= POSSESSED_CUE_GAP &&
        // ("conveyed A's greetings in a courtesy call to B": A's greetings, not A's call)
        !anyKeyIn(LEX.possessionEnd, tokens, p.mention.end + 2, trigger.first)) ||
      // ("A's first stopover will be Manila, for talks with B": the traveller's talks)
      anyKeyIn(tripNoun, tokens, p.mention.end + 2, p.mention.end + 2 + POSSESSED_CUE_GAP + 1),
  );
  // ("A talked with C on Sunday ahead of his meeting with B": the meeting to come is the subject's;
  // so is the one a possessive owns: "A spoke with C to brief him on his summit with B")
  // (and so is one told as before the clause's act: "A spoke with C following talks with B")
  const possessed =
    keyIn(possessives, tokens, trigger.first - 1) ||
    anyReadsAt(tokens, trigger.first - 1, priorTo) > 0;
  // ("Trump told Putin he would … when he meets Zelenskiy": a pronoun past the last one named
  // stands for the clause's subject, as it does for a visit's visitor)
  const pronounPastSides =
    sides.length > 0 && anyKeyIn(pronouns, tokens, sides.at(-1)!.mention.end, trigger.first);
  const pronounOfSubject = sides.length > 1 && pronounPastSides;
  // ("A is the second leader B has hosted …, following his meeting with C": the possessor is
  // the one named last as the subject of a verb of their own, not the sentence's subject)
  const subjectOfOwnVerb = possessed
    ? sides.findLast(
        (p, n) =>
          n > 0 &&
          (keyIn(LEX.presentPerfect, tokens, p.mention.end) || pastTenseAt(tokens, p.mention.end)),
      )
    : undefined;
  let sideA: PersonRef[] =
    subjectOfOwnVerb !== undefined
      ? [subjectOfOwnVerb]
      : ledUp || possessed || pronounOfSubject
        ? leadingChain(tokens, sides)
        : nearestChain(tokens, sides);
  // ("A was invited by B and the two leaders are to meet tomorrow": the two leaders, named
  // after them right before the cue, are its subject)
  const last = sideA.at(-1);
  if (last && pairReferenceIn(info, last.mention.end, trigger.first)?.leaders) sideA = [];
  // ("He spoke with B on Sunday and yesterday he had a call with C": where a pronoun is the
  // subject of a cue before, whose object the first one named is, so is the "he" past them,
  // the one the story is about; not "He said A told B he would … when he meets C")
  const subjectPronoun = pronounPastSides
    ? tokens.findIndex(
        (t, k) => k >= info.storyFrom && k < sides[0]!.mention.first && pronouns.has(t.key),
      )
    : -1;
  if (
    subjectPronoun >= 0 &&
    info.triggers.some(
      (t) => t !== trigger && t.first > subjectPronoun && t.end <= sides[0]!.mention.first,
    )
  )
    sideA = [];
  let objects: PersonRef[] = [];
  let k = trigger.end;
  while (k < tokens.length && k < trigger.end + OBJECT_LEAD_SKIP && keyIn(objectLead, tokens, k))
    k++;
  // "the phone talks on Thursday between A and B": a date may stand between the cue and "between"
  for (
    let j = k;
    j < tokens.length && j < k + BETWEEN_LOOKAHEAD && !keyIn(clauseEnd, tokens, j);
    j++
  ) {
    // (nor past another cue: "The call follows a meeting between A and B" names the meeting's)
    if (people.some((p) => p.mention.first === j) || info.triggers.some((t) => t.first === j))
      break;
    if (keyIn(betweenWords, tokens, j)) {
      k = j;
      break;
    }
  }
  if (keyIn(betweenWords, tokens, k)) {
    // "cuộc hội kiến (song phương) giữa A và B", "between Peruvian and Chilean ministers A and B"
    const first = people.find((p) => p.mention.first > k && p.mention.first <= k + BETWEEN_SPAN);
    const pair =
      first === undefined
        ? sidesOfCountries(tokens, people, k + 1)
        : chainFrom(tokens, people, first.mention.first);
    sideA = pair.slice(0, 1);
    objects = pair.slice(1);
  } else {
    // ("received in Hanoi on March 21 B": past where and when, as Vietnam's press writes it;
    // "received this Friday at 9:27 a.m. B")
    objects = chainFrom(
      tokens,
      people,
      pastPlace(
        tokens,
        pastDay(info, pastClock(info, pastDay(info, pastPlace(tokens, trigger.end)))),
      ),
      objectLead,
      OBJECT_LEAD_SKIP,
    );
    // "cuộc hội đàm thành công với B": the object after "với" a few words on (past an aside:
    // "held a summit meeting, including a small-group meeting and a plenary meeting, with B")
    const withFrom = pastIncludingAside(tokens, trigger.end);
    for (
      let j = withFrom;
      objects.length === 0 &&
      j < tokens.length &&
      j < withFrom + WITH_SPAN &&
      // ("a “very good telephone call” with B": past the quotation mark)
      (tokens[j]!.word || QUOTATION_MARKS.has(tokens[j]!.text));
      j++
    ) {
      if (
        keyIn(withWords, tokens, j) ||
        (receiving(trigger) && keyIn(receivedFor, tokens, j)) ||
        (CALL_TYPES.has(trigger.type) && keyIn(LEX.callWith, tokens, j))
      )
        objects = chainFrom(tokens, people, j + 1, objectLead, OBJECT_LEAD_SKIP);
    }
    // "meeting with its leadership tonight – including Prime Minister B" ("met with other
    // regional leaders, such as presidents B (Colombia) and C (Ecuador)")
    for (
      let j = trigger.end;
      objects.length === 0 && j < tokens.length && j < trigger.end + INCLUDING_SPAN;
      j++
    ) {
      const lead = keyIn(including, tokens, j) ? 1 : anyReadsAt(tokens, j, LEX.namely);
      if (lead > 0) objects = chainFrom(tokens, people, j + lead, objectLead, OBJECT_LEAD_SKIP);
    }
    // "met separately Tuesday with International Monetary Fund chief C and Indian Prime Minister
    // B": past one the story gives no office it knows (an institution's head), and "and", B
    const withAt = tokens.findIndex(
      (t, j) => j >= withFrom && j < withFrom + WITH_SPAN && withWords.has(t.key),
    );
    for (
      let j = withAt + 1;
      withAt >= 0 && objects.length === 0 && j < tokens.length && j <= withAt + UNKNOWN_OTHER_WORDS;
      j++
    ) {
      if (!tokens[j]!.word || people.some((p) => p.mention.first === j)) break;
      if (keyIn(andWords, tokens, j) && j > withAt + 1) {
        objects = chainFrom(tokens, people, j + 1, objectLead, OBJECT_LEAD_SKIP);
        break;
      }
    }
  }
  // "Meeting with B, A affirmed …", "Receiving B, A said …": an opening participle's meeting is
  // the main clause's subject's, named right after the comma that closes it (and read with B
  // as one list until then: "with B, A" joins them)
  // ("Meeting with the General Secretary … and President B, A …": the first one named before
  // the comma, past the titles)
  if (sideA.length === 0 && trigger.first === 0 && objects.length === 0) {
    const comma = tokens.findIndex((t, k) => k >= trigger.end && t.text === ',');
    const first = people.find((p) => p.mention.first >= trigger.end && p.mention.end <= comma);
    if (first !== undefined) objects = chainFrom(tokens, people, first.mention.first);
  }
  if (sideA.length === 0 && trigger.first === 0 && objects.length > 0) {
    const met = objects[0]!;
    const closing = tokens.findIndex((t, k) => k >= met.mention.end && t.text === ',');
    // (past a day too: "Meeting Chinese Premier B Sunday, A said …")
    const subject = (objects.length > 1 ? objects : people).find(
      (o) =>
        closing >= 0 &&
        o.mention.first > closing &&
        o.mention.first <= closing + 1 + OPENING_SUBJECT_GAP &&
        o.person.country !== null &&
        o.person.country !== met.person.country,
    );
    if (subject !== undefined) {
      sideA =
        objects.length > 1
          ? objects.filter((o) => o.mention.first >= subject.mention.first)
          : [subject];
      objects = objects.filter((o) => o.mention.end <= closing);
    }
  }
  // a delegation: "tiếp Đoàn đại biểu ... do ông X, Chủ tịch ... dẫn đầu / làm Trưởng đoàn"
  // ("with the delegation of Kenya led by B", "with a Kenyan delegation led by B")
  let d = k;
  while (
    d < k + DELEGATION_LEAD &&
    tokens[d]?.word === true &&
    !keyIn(delegation, tokens, d) &&
    (keyIn(indefinite, tokens, d) ||
      keyIn(titleArticle, tokens, d) ||
      countryAt(tokens, d) !== null)
  )
    d++;
  if (objects.length === 0 && keyIn(delegation, tokens, d)) {
    for (let j = d + 1; j < tokens.length && j < d + DELEGATION_SPAN && tokens[j]!.word; j++) {
      if (!keyIn(LEX.delegationLedBy, tokens, j)) continue;
      // (its article before the leader's title or not: "led by the first deputy Prime Minister B")
      const at = j + 1 + (keyIn(titleArticle, tokens, j + 1) ? 1 : 0);
      const leader = people.find((p) => p.mention.first === at);
      if (leader !== undefined) objects = [leader];
      break;
    }
  }
  // passive: "A (đã) được B tiếp": B receives A
  if (objects.length === 0 && trigger.needsObject) {
    let j = trigger.first - 1;
    while (j >= 0 && !keyIn(passive, tokens, j) && trigger.first - j < DELEGATION_SPAN) j--;
    if (j >= 0 && keyIn(passive, tokens, j)) {
      const receivers = before.filter((p) => p.mention.first > j);
      const visitors = before.filter((p) => p.mention.end <= j);
      if (receivers.length > 0 && visitors.length > 0) {
        sideA = receivers.slice(0, 1);
        objects = nearestChain(tokens, visitors);
      }
    }
  }
  // "A was received by B": B receives A (and "He was officially received by B": B receives
  // the visitor the pronoun stands for, meetingPeople's visitorAfter), where it is too:
  // "A was received in Dhaka by B"
  const by = pastPlace(tokens, trigger.end);
  if (objects.length === 0 && trigger.needsObject && keyIn(agentWords, tokens, by)) {
    const agent = people.find((p) => p.mention.first === by + 1);
    if (agent !== undefined && before.length > 0) {
      objects = nearestChain(tokens, before);
      sideA = [agent];
    } else if (agent !== undefined && passiveOfPronoun(tokens, trigger, clauseFrom))
      sideA = [agent];
  }
  // "Cuộc gặp cấp cao giữa hai Đảng do A và B đồng chủ trì"
  if (sideA.length === 0 && objects.length === 0) {
    for (let j = trigger.end; j < tokens.length; j++) {
      if (!keyIn(LEX.chairedBy, tokens, j)) continue;
      const chain = chainFrom(tokens, people, j + 1);
      if (chain.length < 2) continue;
      const after = chain[chain.length - 1]!.mention.end;
      if (!hasPhrase(tokens, LEX.chair, after, after + CHAIRED_BY_GAP + CO_CHAIR_LENGTH)) continue;
      sideA = chain.slice(0, 1);
      objects = chain.slice(1);
      break;
    }
  }
  // "In their call with the Chilean minister, Tran stressed …", "Before meeting B, A said": after the comma that
  // closes the object, a person of another country is the subject
  if (
    sideA.length === 0 &&
    (trigger.noun || introducedBy(tokens, trigger.first)) &&
    objects.length >= 2
  ) {
    const n = objects.findIndex(
      (o, m) =>
        m > 0 &&
        o.person.country !== objects[0]!.person.country &&
        !anyKeyIn(andWords, tokens, objects[m - 1]!.mention.end, o.mention.first),
    );
    if (n > 0) {
      sideA = [objects[n]!];
      objects = objects.slice(0, n);
    }
  }
  // "sau cuộc điện đàm với B vào ngày 24-11, A xác nhận …", "Before meeting B, A said …": the subject comes after
  if (
    sideA.length === 0 &&
    objects.length > 0 &&
    (trigger.noun || introducedBy(tokens, trigger.first))
  ) {
    const objectCountries = new Set(objects.map((o) => o.person.country));
    const end = objects[objects.length - 1]!.mention.end;
    const subject = people.find(
      (p) => p.mention.first >= end && knownPrincipal(p) && !objectCountries.has(p.person.country),
    );
    if (subject !== undefined) sideA = [subject];
  }
  if (
    sideA.length === 0 &&
    objects.length === 0 &&
    (trigger.noun || introducedBy(tokens, trigger.first))
  ) {
    const next = people.find(
      (p) =>
        p.mention.first >= trigger.end &&
        tokens[p.mention.first]!.start - tokens[trigger.end - 1]!.end <= PAIR_AFTER_CHARS,
    );
    let chain = next === undefined ? [] : chainFrom(tokens, people, next.mention.first);
    // "At a meeting in X, which lasted an hour, A and B agreed …": the pair after the opening phrase
    // (right after it too: "In a telephone call, A told B …")
    if (chain.length < 2 && introducedBy(tokens, trigger.first)) {
      const subject = people.find(
        (p) => p.mention.first >= trigger.end && textAt(tokens, p.mention.first - 1) === ',',
      );
      if (subject !== undefined && chain.length === 0)
        chain = chainFrom(tokens, people, subject.mention.first);
      // "During the call on May 5, A congratulated B": the subject and the one they address
      // (not one named in what the subject said, nor the owner of what is named: "During the
      // meeting, A said that the results of B's state visit …")
      const other =
        chain.length === 1
          ? people.find(
              (p) =>
                p.mention.first >= chain[0]!.mention.end &&
                knownPrincipal(p) &&
                p.person.country !== chain[0]!.person.country &&
                !possessiveAt(tokens, p.mention.end) &&
                !anyKeyIn(saidThat, tokens, chain[0]!.mention.end, p.mention.first),
            )
          : undefined;
      if (other !== undefined) chain = [chain[0]!, other];
    }
    if (new Set(chain.map((r) => r.person.country)).size === 2) {
      sideA = chain.slice(0, 1);
      objects = chain.slice(1);
    }
  }
  const goesOnFrom =
    previousMeeting !== null && onlyJoinersBetween(tokens, previousMeeting.objectEnd, trigger.first)
      ? previousMeeting
      : null;
  // ("will hold talks with B, meet C and D": B is no subject)
  if (
    goesOnFrom !== null &&
    (sideA.length === 0 || sideA[0]!.mention.first >= goesOnFrom.objectFirst)
  )
    sideA = goesOnFrom.sideA;
  // "hold talks with A and a meeting with B": the second cue shares the first's subject; A is no subject
  if (
    previousMeeting !== null &&
    sideA.length > 0 &&
    sideA[0]!.mention.first >= previousMeeting.objectFirst &&
    conjoinedCue(tokens, previousMeeting.objectEnd, trigger.first)
  )
    sideA = previousMeeting.sideA;
  // "A held talks with B in Kyiv a day after a meeting with C": one the cue before met is no
  // subject of a meeting told as before it, with someone of its own; the cue before's subject is
  if (
    previousMeeting !== null &&
    objects.length > 0 &&
    sideA.length > 0 &&
    sideA[0]!.mention.first >= previousMeeting.objectFirst &&
    sideA[0]!.mention.end <= previousMeeting.objectEnd &&
    (hasPhrase(tokens, priorTo, previousMeeting.objectEnd, trigger.first) ||
      hasPhrase(tokens, dayAfter, previousMeeting.objectEnd, trigger.first))
  )
    sideA = previousMeeting.sideA;
  const left =
    objects.length > 0
      ? {
          sideA,
          objectFirst: objects[0]!.mention.first,
          objectEnd: objects[objects.length - 1]!.mention.end,
          subject: [],
        }
      : null;
  if (left !== null) s.previousMeeting = left;
  return { attending, sides, sideA, objects, goesOnFrom, left };
}

/** "talks between the State of Kuwait and the Kingdom of Bahrain …, in which A chaired the
 *  Kuwaiti side, while B chaired the Bahraini side": two countries right after "between" are
 *  sides whose principals the sentence names elsewhere, the first of each country. */
function sidesOfCountries(tokens: readonly Token[], people: readonly PersonRef[], at: number) {
  const countries = joinedCountriesAt(tokens, at);
  if (countries === null) return [];
  const of = (code: string) =>
    people.find(
      (p) => p.person.principal && p.person.country === code && p.mention.first >= countries.end,
    );
  const a = of(countries.first);
  const b = of(countries.second);
  return a !== undefined && b !== undefined ? [a, b] : [];
}

/** "touched down at the Saint Isabel Airport, Malabo, where he was received by B": a reception
 *  at `at` in a "where" clause whose place, before it, is an airport, or told in the passive
 *  right after an "and" past an arrival (an arrival's greeting). */
function receivedWhereArrived(tokens: readonly Token[], at: number): boolean {
  const where = whereBefore(tokens, at);
  if (where > 0 && hasPhrase(tokens, arrivalGreeting, 0, where)) return true;
  // ("A arrived in India on Thursday evening, and was received by Minister B": the one who
  // arrived, received in the passive right after, is greeted on arrival)
  return (
    keyIn(passiveLead, tokens, at - 1) &&
    keyIn(andWords, tokens, at - 2) &&
    anyKeyIn(arrival, tokens, 0, at - 2)
  );
}

/** How many words after a quotation's closing mark may name who said it ("…,” said President A"). */
const ATTRIBUTION_WORDS = 6;

/** The principal a quotation that opens the sentence, and holds the cue, is attributed to
 *  right after its closing mark ("“…,” A said", "“…,” said President A"), or null. */
function quotationSpeaker(info: SentenceInfo, trigger: Trigger): Person | null {
  const tokens = info.tokens;
  if (!QUOTATION_MARKS.has(textAt(tokens, 0) ?? '')) return null;
  const close = tokens.findIndex((t, k) => k > 0 && QUOTATION_MARKS.has(t.text));
  if (close < trigger.end) return null;
  const tail = close + 1 + ATTRIBUTION_WORDS;
  if (!hasPhrase(tokens, reportingWords, close + 1, tail)) return null;
  const n = info.mentions.findIndex(
    (m, k) => m.first > close && m.first < tail && info.persons[k]?.principal === true,
  );
  return n < 0 ? null : info.persons[n]!;
}

/** The principals on each side, standing in for those named by title or pronoun; null when the cue makes no meeting. */
function meetingPeople(s: SentenceScan, c: CueScan, m: MeetingSides): MeetingPeople | null {
  const { info, context, tokens } = s;
  const { trigger, clauseFrom } = c;
  const { attending, sideA, objects } = m;
  // "Presidents A and B meet in Anchorage": a plain meeting's two sides may both be its subject
  // (joined by "and", to a bare "meet": not "Before meeting B, A talked with …")
  const pairMeets =
    (isPlainMeeting(trigger) || trigger.pairOnly) &&
    trigger.role === null &&
    !keyIn(withWords, tokens, trigger.end - 1) &&
    sideA.length >= 2 &&
    anyKeyIn(andWords, tokens, sideA[0]!.mention.end, sideA[sideA.length - 1]!.mention.first) &&
    new Set(sideA.filter((r) => r.person.principal).map((r) => r.person.country)).size >= 2 &&
    sideA.every((r) => r.person.country !== null);
  // "A and B discussed …": a cue told only of such a pair (not "A discussed … with B and C")
  if (trigger.pairOnly && !pairMeets) return null;
  // (a country's principal not named, and no one named before to stand for them: the other
  // side is that country)
  const unnamedAfter =
    trigger.needsObject && objects.length === 0
      ? unnamedObject(info, trigger, [], context)
      : undefined;
  const visitor =
    objects.length === 0 ? visitorAfter(tokens, trigger, context, clauseFrom) : undefined;
  // ("The two leaders are to meet Saturday at the palace": the pair a reference names, where
  // no object follows the cue)
  const after = tokens[trigger.end];
  const pairTold =
    !trigger.noun &&
    sideA.length === 0 &&
    (after === undefined || !after.word || LEX.noObjectAfter.has(after.key)) &&
    pairReferenceBefore(info, trigger, clauseFrom) !== null;
  if (
    trigger.needsObject &&
    objects.length === 0 &&
    !pairMeets &&
    !pairTold &&
    visitor === undefined &&
    // (a stand-in for one of that country, found by a word of the title, is no sure one: no
    // meeting; the one a bare title stands for, "the Prime Minister", is: unnamedObject gives
    // that one as a copy with its country, not as the sentence's own mention)
    (unnamedAfter === undefined ||
      (info.mentions.includes(unnamedAfter) && standIn(unnamedAfter, context) !== undefined))
  )
    return null;
  // "called B a madman": a name given to B, no call
  if (
    objects.length > 0 &&
    keyIn(trigger.notAfterObject, tokens, objects[objects.length - 1]!.mention.end)
  )
    return null;
  if (receiving(trigger) && objects.length > 0) {
    // "hosted B for a lunch at the State Department", "for an official State Visit": a meal
    // or the visit itself, no meeting of its own
    if (hostedForAfter(tokens, objects[objects.length - 1]!.mention.end)) return null;
    // "hosted A, B and C at his home": a gathering of several countries' leaders, none bilateral
    if (
      isPlainMeeting(trigger) &&
      new Set(objects.map((r) => r.person.country).filter((c) => c !== null)).size > 1
    )
      return null;
  }
  // "held a video conference with Chancellor B and President C": one call of three countries,
  // none of two
  // (not "held separate video calls with A and B", nor "held video conferences with A and B":
  // a call with each; a phone call with several is one with each, one after the other: "spoke
  // on phone to B and C")
  if (
    trigger.type === 'video_call' &&
    new Set(objects.map((r) => r.person.country).filter((c) => c !== null)).size > 1 &&
    !tokens.some((t) => LEX.separately.has(t.key)) &&
    !anyKeyIn(LEX.pluralCalls, tokens, trigger.first, trigger.end)
  )
    return null;
  // "welcomed B and other heads of state and government", "A, B and other leaders will hold
  // meetings with …": one of many leaders, no meeting of two
  if (
    (objects.length > 0 &&
      anyReadsAt(tokens, objects[objects.length - 1]!.mention.end, otherLeaders) > 0) ||
    amongOtherLeaders(tokens, clauseFrom, trigger.first)
  )
    return null;
  // "A welcomed B at the airport", "received B upon arrival", "A and other officials welcomed
  // B": a greeting on arrival, no meeting (events.ts drops it, and what it stands for)
  const greeting =
    receiving(trigger) &&
    (hasPhrase(tokens, arrivalGreeting, trigger.end) ||
      // ("On his arrival at the airport, A was received by B": told before it)
      hasPhrase(tokens, arrivalGreeting, c.clauseFrom, trigger.first) ||
      hasPhrase(tokens, LEX.greeterParty, clauseFrom, trigger.first) ||
      receivedWhereArrived(tokens, trigger.first));
  // "A received B at the forecourt of the palace", "… with a ceremonial welcome": the visit's
  // welcome, not a call of its own
  // (not one told after the welcome, as the clause's act of its own: "chaired a welcome
  // ceremony and hosted a reception for B")
  const scene = receiving(trigger) ? findAnyPhrase(tokens, welcomeScene) : null;
  if (
    receiving(trigger) &&
    (context.welcomeBefore || context.ceremonyAfter || scene !== null) &&
    !(
      scene !== null &&
      scene.at + scene.length <= trigger.first &&
      anyKeyIn(andWords, tokens, scene.at + scene.length, trigger.first)
    )
  )
    return null;
  // "the two had met and exchanged pleasantries at the summit dinner": a greeting in passing
  if (isPlainMeeting(trigger) && hasPhrase(tokens, LEX.inPassing)) return null;
  // "called on the leadership, including B, to support …": an appeal, no courtesy call
  if (trigger.role === 'callsOn' && objects.length > 0) {
    let k = objects[objects.length - 1]!.mention.end;
    if (textAt(tokens, k) === ',') k++;
    if (keyIn(infinitive, tokens, k) && countryAt(tokens, k + 1) === null) return null;
  }
  let aPeople = sideA.map((r) => r.person).filter((p) => p.principal);
  let bPeople = objects.map((r) => r.person).filter((p) => p.principal);
  // "meetings Monday with his Vietnamese counterpart": an unnamed principal of a country is
  // the one of that country named last (of that title, when one is)
  let unnamedOthers: string[] = [];
  // (not when the subject is of the visitor's country)
  if (visitor !== undefined && aPeople.every((a) => a.country !== visitor.country))
    bPeople = [visitor];
  else if (objects.length === 0) {
    const unnamed = unnamedObject(info, trigger, aPeople, context);
    const stand = unnamed === undefined ? undefined : standIn(unnamed, context, aPeople);
    if (stand !== undefined) bPeople = [stand];
    // ("with his Vietnamese counterpart", "will meet the President of India", where no one
    // stands for them: the other side is that country, no one by name)
    // (and those listed with them: "with the Australian, Japanese and Indian leaders")
    else if (unnamed !== undefined)
      unnamedOthers = [unnamed, ...listedAfter(info.mentions, unnamed)].map((m) => m.country!);
  }
  // "she then met B", "the phone call he had with B", "her meeting with B is set for
  // Monday": the principal named last, of another country than B's; "the Prime Minister held
  // a meeting with B": the one of that title
  const titleOnly = info.mentions.find(
    (m) => m.name === null && !m.plural && m.first >= clauseFrom && m.end <= trigger.first,
  );
  // (not where someone is named who is no principal: "where he was received by Deputy Foreign
  // Minister X" is no one's meeting with a leader; nor where the title alone names no
  // principal: "the Indian Ambassador to Nepal X paid a courtesy call on B")
  if (
    aPeople.length === 0 &&
    bPeople.length > 0 &&
    sideA.length === 0 &&
    titleOnly?.principal !== false &&
    (attending !== null ||
      titleOnly !== undefined ||
      refersBack(tokens, clauseFrom, trigger.first) ||
      (objects.length > 0 && anyKeyIn(pronouns, tokens, trigger.end, objects[0]!.mention.first)))
  ) {
    const others = context.recentPrincipals.filter(
      (p) =>
        p.country !== null &&
        bPeople.every((b) => b.country !== p.country) &&
        (titleOnly?.country == null || p.country === titleOnly.country),
    );
    // ("President A said … by General Secretary B. He expressed his delight at the talks with
    // C": "he" is the one the sentence before was about, not the last one it named)
    const subject =
      titleOnly === undefined ? context.lastNamed.find((p) => others.includes(p)) : undefined;
    // (the one of that whole title first: "Prime Minister" is not the foreign minister named
    // last, whatever word their titles share)
    const whole = titleOnly?.titleKeys.join(' ');
    // (of two of that title, the one of the country the story was filed from: "AMMAN — … the
    // King received B", after a letter from King C of another country)
    const holders = others.filter((p) => whole !== undefined && p.titleKeys.has(whole));
    const stand =
      subject ??
      holders.find((p) => p.country === context.datelineCountry) ??
      holders[0] ??
      others.find((p) => titleOnly?.titleKeys.some((k) => p.titleKeys.has(k))) ??
      (titleOnly === undefined || titleOnly.country !== null ? others[0] : undefined);
    if (stand !== undefined) aPeople = [stand];
  }
  // "The Japanese ministers on Monday paid a courtesy call on B": the principals of that
  // country and title named before (two at least, as the plural says)
  for (let k = clauseFrom; aPeople.length === 0 && bPeople.length > 0 && k < trigger.first; k++) {
    const country = countryAt(tokens, k);
    const plural = country && tokens[k + country.length];
    if (
      !plural?.word ||
      !plural.key.endsWith('s') ||
      bPeople.some((b) => b.country === country!.code)
    )
      continue;
    const theirs = context.recentPrincipals.filter(
      (p) => p.country === country!.code && p.titleKeys.has(plural.key.slice(0, -1)),
    );
    if (theirs.length > 1) aPeople = theirs.toReversed();
  }
  // "A's statement following his meeting with B": "his" is the one the clause named before
  // (and "he", where no sentence before named anyone: "during A's visit to Abuja, where he
  // held talks with B")
  if (aPeople.length === 0 && bPeople.length > 0 && refersBack(tokens, clauseFrom, trigger.first)) {
    const before = info.persons.filter(
      (p, n): p is Person =>
        p?.principal === true &&
        p.country !== null &&
        info.mentions[n]!.first >= clauseFrom &&
        info.mentions[n]!.end <= trigger.first &&
        bPeople.every((b) => b.country !== p.country),
    );
    if (before.length > 0) aPeople = [before[before.length - 1]!];
  }
  // "the President will hold talks with B, meet C and D": who held the talks meets C and D
  if (aPeople.length === 0 && m.goesOnFrom !== null) aPeople = m.goesOnFrom.subject;
  // "I held a summit meeting with B", "my meeting with B" in A's remarks: the speaker, when
  // the word for them stands nearer the cue than anyone named
  // (and in a quotation that opens the sentence, the one it is attributed to: "“I had a good
  // call with B today,” A said", also where the quotation leaves the subject out: "“Just had a
  // very productive call with B,” A said")
  const quoting = quotationSpeaker(info, trigger);
  const speaker = context.speaker ?? quoting;
  if (
    speaker !== null &&
    bPeople.length > 0 &&
    bPeople.every((b) => b.country !== speaker.country)
  ) {
    let self = -1;
    for (let k = trigger.first - 1; k >= clauseFrom && self < 0; k--)
      if (keyIn(LEX.firstPerson, tokens, k)) self = k;
    const named = Math.max(-1, ...sideA.map((r) => r.mention.end - 1));
    if (self > named || (speaker === quoting && aPeople.length === 0)) aPeople = [speaker];
  }
  // "tiếp Trưởng Đại diện Thương mại X", "điện đàm với các nghị sĩ Hoa Kỳ": the other side is
  // named, and is no principal; no one else in the sentence stands in for it
  const withAt = tokens
    .slice(trigger.end, trigger.end + OBJECT_LEAD_SKIP + 1)
    .findIndex((t) => withWords.has(t.key));
  const otherSideNamed =
    objects.length > 0 ||
    (withAt >= 0 &&
      info.mentions.every(
        (m) => m.first !== trigger.end + withAt + 1 || (m.name === null && m.plural),
      ));
  // "A and B ended negotiations with a tea ceremony": the two sides are the subject
  // "The Malaysian prime minister, in a telephonic call, expressed best wishes for him": a
  // call's "him" or "her" is the principal of another country the story named last
  const subject = aPeople.length === 1 ? aPeople[0]! : undefined;
  if (
    subject !== undefined &&
    bPeople.length === 0 &&
    objects.length === 0 &&
    CALL_TYPES.has(trigger.type) &&
    tokens.some((t, k) => k >= trigger.end && objectPronouns.has(t.key))
  ) {
    const other = context.recentPrincipals.find(
      (p) => p.country !== null && p.country !== subject.country,
    );
    if (other !== undefined) bPeople = [other];
  }
  // "In talks slated for Tuesday with B, the two countries plan to …": an opening phrase's
  // meeting whose main clause names only the pair is B's with the principal of another
  // country the story named last
  if (
    aPeople.length === 0 &&
    bPeople.length > 0 &&
    introducedBy(tokens, trigger.first) &&
    mainClausePair(info, trigger) !== null
  ) {
    const theirs = new Set(bPeople.map((b) => b.country));
    const other = context.recentPrincipals.find(
      (p) => p.country !== null && !theirs.has(p.country),
    );
    if (other !== undefined) aPeople = [other];
  }
  const pairSubject = new Set(aPeople.map((a) => a.country).filter((c) => c !== null)).size >= 2;
  if (bPeople.length === 0 && unnamedOthers.length > 0 && !pairSubject)
    return { aPeople, bPeople, unnamedOthers, unnamedSubject: null, greeting };
  if (bPeople.length === 0 && otherSideNamed && (objects.length > 0 || !pairSubject)) return null;
  // "the Foreign Minister held a meeting with Chilean Foreign Minister B" in Japan's own
  // readout: its principal, by office alone, where no one named stands for them
  const own = context.publisherCountry;
  const unnamedSubject =
    aPeople.length === 0 &&
    own !== null &&
    titleOnly?.principal === true &&
    titleOnly.country === null &&
    bPeople.length > 0 &&
    bPeople.every((b) => b.country !== null && b.country !== own)
      ? own
      : null;
  // ("with the Australian, Japanese and Indian leaders", the first of whom the story names
  // later: the others, whom it does not, are still met one by one)
  const last = objects.at(-1)?.mention;
  const listedOthers =
    last === undefined
      ? []
      : listedAfter(info.mentions, last)
          .filter((m) => !objects.some((o) => o.mention.first === m.first))
          .map((m) => m.country!);
  return { aPeople, bPeople, unnamedOthers: listedOthers, unnamedSubject, greeting };
}

/** The unnamed principals listed right after `first` under one plural title ("the
 *  Australian, Japanese and Indian leaders", people.ts severalLeadersAt), in order. */
function listedAfter(mentions: readonly PersonMention[], first: PersonMention): PersonMention[] {
  const out: PersonMention[] = [];
  let last = first;
  for (const m of mentions) {
    if (m.first < last.end || m.first > last.end + 2) continue;
    if (m.name !== null || m.title !== first.title || m.country === null) break;
    out.push(m);
    last = m;
  }
  return out;
}

/** "meetings Monday with his Vietnamese counterpart", "will meet the President of India": a
 *  principal of a country (none of the subject's), titled but not named, right after the cue. */
function unnamedObject(
  info: SentenceInfo,
  trigger: Trigger,
  aPeople: readonly Person[],
  context: ArticleContext,
): PersonMention | undefined {
  const tokens = info.tokens;
  const placed = (m: PersonMention) =>
    m.first >= trigger.end &&
    m.first <= trigger.end + OBJECT_LEAD_SKIP + 2 &&
    (m.first === trigger.end ||
      keyIn(objectLead, tokens, m.first - 1) ||
      keyIn(titleArticle, tokens, m.first - 1)) &&
    !possessiveAt(tokens, m.end) &&
    m.name === null &&
    !m.plural &&
    m.principal;
  const named = info.mentions.find(
    (m) => placed(m) && m.country !== null && aPeople.every((a) => a.country !== m.country),
  );
  if (named !== undefined) return named;
  // "will call on the Prime Minister": of that title, the principal of another country told last
  // (the whole title: "the Prime Minister" is no Foreign Minister, whatever word they share)
  const titled = info.mentions.find((m) => placed(m) && m.country === null && !m.generic);
  const whole = titled?.titleKeys.join(' ');
  const holder = context.recentPrincipals.find(
    (p) => aPeople.every((a) => a.country !== p.country) && whole && p.titleKeys.has(whole),
  );
  if (holder) return { ...titled!, country: holder.country };
  // "had an online meeting with his counterpart": of the other country of the meeting (else
  // the visit) the story told last with the subject's; no one by name, since whoever of that
  // country the story named last may hold another office (with no title and not generic,
  // standIn finds no one for it)
  const counterpart = info.mentions.find((m) => placed(m) && m.country === null && m.generic);
  const other =
    counterpart === undefined ? null : otherCountryTold(context, aPeople[0]?.country ?? null);
  return other === null
    ? undefined
    : { ...counterpart!, country: other, generic: false, titleKeys: [] };
}

/** "B called on the visiting dignitary", "received the visitor": the visitor of the visit the
 *  story told last, named right after the cue; else undefined. */
function visitorAfter(
  tokens: readonly Token[],
  trigger: Trigger,
  context: ArticleContext,
  clauseFrom: number,
): Person | undefined {
  const named = anyReadsAt(tokens, trigger.end, LEX.visitorRef) > 0;
  if (!named && !passiveOfPronoun(tokens, trigger, clauseFrom)) return undefined;
  // (the visitor named so is of the last visit told with its guest: not "During the visit, he
  // will …", which names none)
  const visit = named ? context.visits.find((v) => v.guest !== null) : context.visits[0];
  return visit?.sideA.find((p) => p.principal && p.country !== null && p.country === visit.guest);
}

/** "He was officially received by B": a reception told in the passive of a pronoun, the
 *  clause naming no one before it. */
function passiveOfPronoun(tokens: readonly Token[], trigger: Trigger, clauseFrom: number): boolean {
  return (
    receiving(trigger) &&
    keyIn(agentWords, tokens, pastPlace(tokens, trigger.end)) &&
    anyKeyIn(pronouns, tokens, clauseFrom, trigger.first) &&
    !tokens.slice(clauseFrom, trigger.first).some((t) => t.cap && t.word && !pronouns.has(t.key))
  );
}

/** The other country of the meeting the story told last with `own`'s, else of the visit. */
function otherCountryTold(context: ArticleContext, own: string | null): string | null {
  if (own === null) return null;
  for (const told of [context.meetings[0], context.visits[0]]) {
    if (told === undefined || told.countries.length !== 2 || !told.countries.includes(own))
      continue;
    return told.countries.find((c) => c !== own) ?? null;
  }
  return null;
}

/** Who an unnamed principal is: the one of that country and title named last; for a word
 *  that names no office ("counterpart", "leader"), the one of that country whom `subject`
 *  met in a meeting told before ("A's meeting with her American counterpart", the story
 *  having told A's with B and named a President since), else the one named last. */
function standIn(
  unnamed: PersonMention,
  context: ArticleContext,
  subject: readonly Person[] = [],
): Person | undefined {
  const ofCountry = context.recentPrincipals.filter((p) => p.country === unnamed.country);
  const titled = ofCountry.find((p) => unnamed.titleKeys.some((k) => p.titleKeys.has(k)));
  if (titled !== undefined || !unnamed.generic) return titled;
  const met = context.meetings
    .map(peopleOfMention)
    .find((people) => people.some((p) => subject.some((a) => a.name === p.name)));
  return met?.find((p) => p.country === unnamed.country) ?? ofCountry[0];
}

/** The principals on each side of a meeting; or, where the other side is a country's
 *  principal the article never names, that country. */
interface MeetingPeople {
  aPeople: Person[];
  bPeople: Person[];
  unnamedOthers: string[];
  /** the country of a subject told by office alone, on its government's own site */
  unnamedSubject: string | null;
  /** a greeting on arrival (Mention.greeting) */
  greeting: boolean;
}

/** The pairs of sides that meet. */
function meetingPairs(
  s: SentenceScan,
  c: CueScan,
  m: MeetingSides,
  principals: MeetingPeople,
): Array<[Person[], Person[]]> {
  const { info, context, people, invitedIds, mentions } = s;
  const { trigger, clauseFrom, cue } = c;
  const { sides } = m;
  let { aPeople } = principals;
  const { bPeople } = principals;
  const pairs: Array<[Person[], Person[]]> = [];
  if (bPeople.length > 0) {
    // a plain meeting is one a country ("tiếp xúc với A (Ấn Độ); B và C (Bỉ)": two meetings),
    // talks and calls are one a person ("hội kiến Chủ tịch nước A và Thủ tướng B": two calls)
    // but leaders of one country met in a list ("met President A and Prime Minister B") are met one by one
    // (not "will host President A and Prime Minister B for a meeting": one, the two together)
    const lastObject = m.objects.at(-1)?.mention.end ?? trigger.end;
    const leadersApart =
      isPlainMeeting(trigger) &&
      // (two of them leaders at least: "meet Foreign Minister C, Prime Minister B and President D")
      bPeople.filter((b) => b.leader || [...b.titleKeys].some((k) => LEX.metApart.has(k))).length >
        1 &&
      anyReadsAt(info.tokens, lastObject, LEX.metTogether) === 0;
    const byCountry = new Map<string | null, Person[]>();
    for (const b of bPeople) {
      const key = isPlainMeeting(trigger) && !leadersApart ? b.country : `${b.country}#${b.id}`;
      byCountry.set(key, [...(byCountry.get(key) ?? []), b]);
    }
    const countryOfKey = (key: string | null) => (key === null ? null : key.split('#')[0]!);
    const objectCountries = new Set(bPeople.map((b) => b.country));
    if (aPeople.every((a) => objectCountries.has(a.country))) {
      // the subject is from the objects' country: the party on the other side stands earlier in the clause
      const other = [...sides]
        .reverse()
        .find((p) => knownPrincipal(p) && !objectCountries.has(p.person.country));
      if (other !== undefined) aPeople = [other.person];
    }
    for (const [key, side] of byCountry)
      pairs.push([aPeople.filter((a) => a.country !== countryOfKey(key)), side]);
  } else {
    // "A và B hội đàm", "A đón B … đến hội kiến": the principals of two countries before the cue
    const first = aPeople[0] ?? sides.find((p) => p.person.principal)?.person;
    const inClause = sides.map((p) => p.person).filter((p) => p.principal);
    // "we, A of X, B of Y, C of Z and D of W, met": leaders of three countries or more meet as a group
    if (new Set(inClause.map((p) => p.country).filter((c) => c !== null)).size >= 3) return [];
    // ("at a dinner hosted by B … after a bilateral meeting": who hosts, when no one else is named)
    const hostsInClause = people
      .filter(
        (p) =>
          invitedIds.has(p.mention.first) &&
          p.mention.end <= trigger.first &&
          p.mention.first >= clauseFrom &&
          p.person.principal,
      )
      .map((p) => p.person);
    const others = [...aPeople, ...inClause, ...hostsInClause].filter(
      (p) => first !== undefined && p.country !== first.country,
    );
    if (first !== undefined && others.length > 0) pairs.push([[first], others.slice(0, 1)]);
    else {
      // "hai nhà lãnh đạo vừa có cuộc gặp", "hai Thủ tướng tiến hành hội đàm": the two named last
      // (not where the main clause after an opening phrase names the pair, one of them no
      // principal: "During their meeting, President A and Ambassador C exchanged views")
      if (pairWithEnvoyAfter(info.tokens, people, trigger)) return [];
      const reference = pairReferenceBefore(info, trigger, clauseFrom);
      // ("held separate phone talks with B of Laos and C of Cambodia … During their talks": the
      // sentence before named three countries' principals; which two is not said)
      // (or, besides the clause's own, two: "These were with the leaders of A, B and C … D
      // said they were good meetings")
      const ambiguous =
        new Set(
          context.lastNamed
            .map((p) => p.country)
            .filter((c) => c !== null && inClause.every((q) => q.country !== c)),
        ).size >= (inClause.length === 0 ? 3 : 2);
      // ("A held his first meeting with B, who accompanies C … During their meeting": the
      // pair of the meeting told last, when the clause names no one and no other pair was
      // named since: not after "A attended B's swearing-in", "the two leaders then held talks")
      const told = inClause.length === 0 ? lastMeetingPair(context.meetings) : null;
      const namedSince = recentPair(context.lastNamed, null);
      const toldLast = told !== null && (namedSince === null || samePair(told, namedSince));
      const named =
        reference === null || ambiguous
          ? null
          : titledPair([...inClause.reverse(), ...context.recentPrincipals], reference);
      const met =
        reference === null || ambiguous || told === null || !toldLast
          ? null
          : recentPair(told, reference.title, reference.leaders);
      const pair = met !== null && !samePair(met, named) ? met : named;
      if (pair !== null) pairs.push([[pair[0]], [pair[1]]]);
      // "A is to be in Seoul from Aug. 10 to 13, with a bilateral summit planned for Aug. 11":
      // the visitor meets the host, who is not named (not one it names as no principal: "will
      // have meetings with city leaders")
      else if (
        first !== undefined &&
        trigger.type !== 'phone_call' &&
        trigger.type !== 'video_call' &&
        !keyIn(withWords, info.tokens, trigger.end) &&
        !withWords.has(info.tokens[trigger.end - 1]!.key)
      ) {
        const visit = mentions.find(
          (v) => isVisit(v) && v.host !== null && v.guest === first.country,
        );
        if (visit !== undefined)
          mentions.push(
            newMention(cue, {
              kind: 'meeting',
              type: trigger.type,
              sideA: [first],
              sideB: [],
              countries: visit.countries,
            }),
          );
      }
      // "Xi arrived in Pyongyang on Thursday … after lunch, the two leaders will hold summit
      // talks": the visitor of the visit the story tells meets its host, not yet named; so do
      // talks that no one in their sentence holds ("Tomorrow, negotiations will take place at
      // the highest level"); either only before the story tells any meeting of the visit's two
      // countries (after one, "the talks will be held at the palace" is about the talks it told)
      else if (
        (reference?.leaders === true ||
          (reference === null && people.length === 0 && trigger.type === 'talks')) &&
        trigger.type !== 'phone_call' &&
        trigger.type !== 'video_call'
      ) {
        const visit = [...mentions, ...context.visits].find(
          (v) => isVisit(v) && v.host !== null && v.guest !== null && v.sideA.length > 0,
        );
        if (visit !== undefined && !context.meetings.some((m) => sameCountries(m, visit)))
          mentions.push(
            newMention(cue, {
              kind: 'meeting',
              type: trigger.type,
              sideA: visit.sideA,
              // the host who invited or welcomed the visitor, where the story names one
              sideB: visit.hosts.filter((p) => p.principal).slice(0, 1),
              countries: visit.countries,
            }),
          );
      }
    }
  }
  return pairs;
}

/** Words at most between a passive greeting's verb and its "by" ("was welcomed at the
 *  Banjul International Airport by B"). */
const GREETED_BY_SPAN = 8;

/**
 * "B was received on arrival by President A", "B was warmly welcomed at the airport by A",
 * "B was greeted by A during a formal welcoming ceremony": the leaders who greet the
 * visitor on arrival or at the visit's welcome (not the officials beside them), and the
 * country of the one greeted, or null.
 */
function greetedOnArrival(
  info: SentenceInfo,
): { hosts: Person[]; guestCountry: string | null } | null {
  const { tokens } = info;
  const onArrival = hasPhrase(tokens, arrivalGreeting);
  // "A welcomed B with a hug upon his arrival": a leader who greets the visitor on arrival
  const greeting = onArrival ? findAnyPhrase(tokens, LEX.greeting) : null;
  if (greeting !== null && !keyIn(passiveLead, tokens, greeting.at - 1)) {
    const welcome = welcomers(tokens, refs(info), { ...greeting, needsGuest: true });
    const guestCountry = welcome.guest?.person.country ?? null;
    if (welcome.hosts.length > 0 && guestCountry !== null)
      return { hosts: welcome.hosts.map((r) => r.person), guestCountry };
  }
  // "A received him upon his arrival": the visitor the story tells of, greeted by a pronoun
  const greeted = onArrival
    ? tokens.findIndex(
        (t, n) =>
          arrivalGreeted.has(t.key) &&
          !keyIn(passiveLead, tokens, n - 1) &&
          keyIn(objectPronouns, tokens, n + 1),
      )
    : -1;
  if (greeted >= 0) {
    const hosts = refs(info)
      .filter((r) => r.mention.end <= greeted && r.person.leader)
      .map((r) => r.person);
    if (hosts.length > 0) return { hosts, guestCountry: null };
  }
  // (a welcome or a greeting told in the passive names its host wherever it takes place:
  // "B was welcomed by President A at the museum"; a reception only there: "was received by
  // A" is also how a courtesy call is told)
  // (with the scene of a welcome, a verb right before its "by" is told in the passive, its
  // "was" further back: "was accorded a guard of honour and received by A")
  const scene = onArrival || hasPhrase(tokens, welcomeScene);
  const verbs = scene ? arrivalGreeted : LEX.welcomedBy;
  const k = tokens.findIndex(
    (t, n) =>
      verbs.has(t.key) &&
      (keyIn(passiveLead, tokens, n - 1) ||
        keyIn(passiveLead, tokens, n - 2) ||
        (scene && keyIn(agentWords, tokens, n + 1))),
  );
  if (k < 0) return null;
  const all = refs(info);
  for (let j = k + 1; j < tokens.length && j <= k + GREETED_BY_SPAN; j++) {
    if (!keyIn(agentWords, tokens, j)) continue;
    const guest = all.filter((r) => r.mention.end <= k && r.person.principal).pop();
    // (a leader's "counterpart" is one too, also where the story names them by name only
    // after calling them that: "his counterpart, B, … was received by B")
    const hosts = actedBy(tokens, all, j + 1)
      .filter(
        (r) =>
          r.person.leader ||
          ((r.mention.generic || [...r.person.titleKeys].some((k) => counterpartTitle.has(k))) &&
            guest?.person.leader === true),
      )
      .map((r) => r.person);
    if (hosts.length === 0) return null;
    // "He was warmly received by A upon arrival": the visitor the story tells of, by a pronoun
    if (guest === undefined)
      return anyKeyIn(pronouns, tokens, 0, k) ? { hosts, guestCountry: null } : null;
    const guestCountry = guest.person.country;
    return guestCountry === null || hosts.some((h) => h.country === guestCountry)
      ? null
      : { hosts, guestCountry };
  }
  return null;
}

/** "He will be hosted by his counterpart B", "was invited by President B": the principals the
 *  visitor is, in the passive, hosted or invited by (not in a sentence of a meal they host:
 *  "was hosted to lunch by B"), or null. */
function hostedByLeader(info: SentenceInfo): { hosts: Person[]; guestCountry: null } | null {
  const { tokens } = info;
  const at = findAnyPhrase(tokens, hostedByWords);
  if (
    at === null ||
    !keyIn(passiveLead, tokens, at.at - 1) ||
    tokens.some((t) => hostedFor.has(t.key))
  )
    return null;
  const hosts = inviters(tokens, refs(info), hostedByWords)
    .map((r) => r.person)
    .filter((p) => p.principal);
  return hosts.length === 0 ? null : { hosts, guestCountry: null };
}

/** Welcome ceremonies and invitations in a sentence, to give visits their host-side people. */
/** "President A invited Prime Minister B to Seoul": the principals right before a verb of
 *  inviting told in the past invited the one named right after it, whose visit they host. */
function invitedByVerb(
  info: SentenceInfo,
): { hosts: Person[]; guestCountry: string | null } | null {
  const { tokens } = info;
  const k = tokens.findIndex((t) => inviteVerb.has(t.key) && pastTense(t));
  if (k < 0) return null;
  const all = refs(info);
  const guest = chainFrom(tokens, all, k + 1, objectLead, INVITER_LEAD_SKIP)[0];
  if (guest === undefined || !guest.person.principal) return null;
  const hosts = nearestChain(
    tokens,
    all.filter((p) => p.mention.end <= k && p.mention.end >= k - 1),
  ).filter((h) => h.person.principal && h.person.country !== guest.person.country);
  return hosts.length === 0
    ? null
    : { hosts: hosts.map((h) => h.person), guestCountry: guest.person.country };
}

export function hostingIn(
  info: SentenceInfo,
  afterWelcome = false,
): { hosts: Person[]; guestCountry: string | null } | null {
  // a ceremony anywhere in the story; a greeting ("A welcomed B") only where it names the visit
  const ceremony = findAnyPhrase(info.tokens, LEX.welcome);
  // ("B was accorded a ceremonial welcome. A received B at the palace.": the reception is that welcome)
  const reception =
    ceremony !== null
      ? null
      : (sceneReception(info.tokens) ??
        (afterWelcome ? findAnyPhrase(info.tokens, sceneGreeting) : null));
  const accorded =
    ceremony === null && reception === null ? findAnyPhrase(info.tokens, welcomeAccorded) : null;
  const cue: WelcomeCue | null =
    ceremony !== null
      ? { ...ceremony, needsGuest: false }
      : reception !== null
        ? { ...reception, needsGuest: true, scene: true }
        : accorded !== null
          ? { ...accorded, needsGuest: false, accorded: true }
          : null;
  if (cue === null) {
    // "A held talks with B following an official welcome ceremony for B": no one is said
    // to preside; the principals of the sentence on the host's side are the hosts
    const held = findAnyPhrase(info.tokens, LEX.ceremony);
    // ("B was received on arrival by President A": a leader who greets the visitor on arrival hosts the visit)
    const greeted = held === null ? greetedOnArrival(info) : null;
    if (greeted !== null) return greeted;
    // ("He will be hosted by his counterpart B": whoever the visitor is hosted by, in no
    // meal's sentence, hosts the visit)
    const hosted = held === null ? hostedByLeader(info) : null;
    if (hosted !== null) return hosted;
    // ("He is in Ghana at the invitation of President B": whoever invited the visitor hosts the visit)
    if (held === null) {
      const invitedGuest = invitedByVerb(info);
      if (invitedGuest !== null) return invitedGuest;
      // (most sentences invite no one: the people are read only where one may)
      if (!hasPhrase(info.tokens, inviter) && !info.tokens.some((t) => invitationNoun.has(t.key)))
        return null;
      const invited = inviters(info.tokens, refs(info), inviter).filter((r) => r.person.principal);
      return invited.length === 0
        ? null
        : { hosts: invited.map((r) => r.person), guestCountry: null };
    }
    const all = refs(info);
    const hosts = all.filter((r) => r.person.principal).map((r) => r.person);
    const guest = all.find((r) => r.mention.first === held.at + held.length) ?? null;
    return hosts.length === 0 ? null : { hosts, guestCountry: guest?.person.country ?? null };
  }
  const all = refs(info);
  const excluded = new Set(senders(info.tokens, all).map((r) => r.mention.first));
  const welcome = welcomers(
    info.tokens,
    all.filter((p) => !excluded.has(p.mention.first)),
    cue,
  );
  // ("B was welcomed by A …, received with full military honors": the reception names no one)
  if (welcome.hosts.length === 0) return greetedOnArrival(info);
  return {
    hosts: welcome.hosts.map((r) => r.person),
    guestCountry: welcome.guest?.person.country ?? null,
  };
}
