// The phrases that tell who plays which part around a cue (data/roles.json), in the
// tokens' matching form, and the small helpers that find them in a sentence.
import type { Roles, WordSetName } from './table-schemas.js';
import { TABLES } from './tables.js';
import { phraseKeys, type Token } from './tokens.js';

/** The lists of roles.json matched token by token, each read into LEX under its own name. */
export const PHRASE_LISTS = [
  /** "with the Australian, Japanese and Indian leaders": a plural title after two or more
   *  countries listed, an unnamed principal of each */
  'severalLeaders',
  /** "Premier A will not meet the Japanese leader": words right before a cue that deny it */
  'negation',
  /** "arrived in New Delhi, accompanied by Foreign Minister B": who comes along, no visitor */
  'accompaniedBy',
  /** "He will head home on April 29": going home, whose day ends the visitor's visit */
  'goHome',
  /** "After that, the two sides held talks": words opening a sentence that go on from the
   *  sentence before, as sequel's word does */
  'sequelOpening',
  /** "will speak by phone on Monday to discuss the outcomes of last week's talks": words
   *  after a cue that open its purpose, whose words tell nothing of the cue's tense */
  'purposeAfter',
  /** ordinals written as words, in order: "the seventh Intergovernmental Consultations"
   *  numbers a committee's session, "on the second day of his visit" (the words after it,
   *  visitDayOf) a day of a visit */
  'ordinalWords',
  'visitDayOf',
  /** "Moscow hosted talks between A and B": verbs of hosting after which the place right
   *  before them is where the sentence's event takes place */
  'placeHosts',
  /** "his visit while on his way to Washington": words after a visit's noun that lead to the
   *  next leg's destination, no longer this visit's */
  'onTheWay',
  /** "called on the visiting dignitary": who is the visitor of the visit the story told last */
  'visitorRef',
  /** "the first meeting of deputy foreign ministers": who, after a meeting's "of", makes it a
   *  meeting of officials, no principals' */
  'officialsMeet',
  'inviter',
  /** "invited by B", "hosted by B": who invited the visitor, told in the visit's own sentence
   *  ("a dinner hosted by B" elsewhere in the story hosts the dinner, not the visit) */
  'hostedBy',
  'welcome',
  'greeting',
  'ceremony',
  /** "a welcome ceremony held by King B": who holds the ceremony named after it */
  'ceremonyBy',
  /** "B was accorded a ceremonial welcome": a welcome told of its guest, whose hosts are
   *  named only after presenceOf */
  'welcomeAccorded',
  /** "… in the presence of King A": who a welcome was held before */
  'presenceOf',
  /** "received B at the forecourt of …", "with a ceremonial welcome": a reception that is the visit's welcome */
  'welcomeScene',
  /** "received B in an official ceremony": verbs that greet a guest where the sentence sets a welcomeScene */
  'sceneGreeting',
  /** "welcomed B at the airport", "received B upon arrival": where a greeting is the arrival's */
  'arrivalGreeting',
  /** "A and other officials welcomed B": a party of greeters, who greet a visitor on arrival */
  'greeterParty',
  'coChair',
  'chair',
  'sender',
  'placePrefix',
  'visitEnd',
  /** "returned to Moscow following a three-day visit": verbs of going home, and the words
   *  after them before the visit's cue, that make the day told the visit's last */
  'returnHome',
  'returnAfter',
  /** "currently on a three-day visit": words before a visit's cue that tell it under way
   *  since a day not told (not begun today) */
  'underWayLead',
  /** "her host, President X": who is called the visitor's host */
  'hostCalled',
  'passing',
  'pairReference',
  'reporting',
  'multilateralTrip',
  'multilateralBodies',
  'multilateralLead',
  'attendance',
  /** "chuyến công du ba nước": a count of countries right after a visit's cue (a tour) */
  'tourOf',
  'since',
  /** "on Monday, on the eve of their summit", "a day before his summit": the event is the day
   *  after the day told */
  'eveOf',
  /** "met B on the sidelines of the ministerial meeting": a meeting where others gather */
  'sidelines',
  /** "visit two other countries, namely Indonesia and Thailand": words before the places a tour names */
  'namely',
  /** "met B on Thursday, a day after his talks with C": the event is the day before the day told */
  'dayAfter',
  /** "arrive on Monday and have talks with B the next day": after a cue told after a day, words
   *  that put its event a day later */
  'nextDay',
  /** "met ahead of the summit on Tuesday", "the visit will be followed later on Tuesday by
   *  talks": a day after these words (and the word that leads a day, `dayLead`) is the other
   *  event's */
  'aheadOf',
  /** "the 55th anniversary of the historic meeting between A and B": words before a cue that
   *  make its event one commemorated, an earlier one */
  'commemorated',
  /** "began a visit on Friday following his summit with B": words before a meeting that make it
   *  earlier than the main clause, whose day is not the meeting's */
  'priorTo',
  /** what a title calls a readout in its speaker's words ("A's Remarks", "Statement by A") */
  'speech',
  'highLevel',
  'parliament',
  /** "the two leaders": a pair of heads of state or government, not any two principals */
  'leaderPairReference',
  /** "welcomed B and other heads of state", "A, B and other leaders will arrive": words after
   *  a cue's object, or in its subject, that make them some of many leaders */
  'otherLeaders',
  /** "had met and exchanged pleasantries at the summit dinner": a greeting in passing, no meeting */
  'inPassing',
] as const;
type PhraseListName = (typeof PHRASE_LISTS)[number];
/** Lists LEX reads only joined with another (travel with visitEnd's, leadUpTo with aheadOf's). */
export const JOINED_LISTS = [
  /** words of setting off ("left for", "lên đường"); with visitEnd's, what a trip's travel is told by */
  'travel',
  /** "talked with C on Sunday, a prelude to the meeting with B": with `aheadOf`, words before a cue
   *  that put its event after the day the sentence tells (not the cue's own day) */
  'leadUpTo',
] as const;
export type ListName = WordSetName | PhraseListName | (typeof JOINED_LISTS)[number];

/** roles.json (its shape checked by the tests: table-schemas.ts). */
const ROLES = TABLES.roles as Roles;

/** A phrase as the keys of its tokens. */
export type Keys = readonly string[];
const listOf = (p: string | readonly string[] | undefined): readonly string[] =>
  p === undefined ? [] : typeof p === 'string' ? [p] : p;
/** Phrases matched token by token. */
const keyList = (phrases: string | readonly string[] | undefined): Keys[] =>
  listOf(phrases).map((p) => phraseKeys(p));
/** Words (or phrases of a few words, compared joined by spaces) looked up as a set. */
const wordSet = (words: string | readonly string[] | undefined): ReadonlySet<string> =>
  new Set(listOf(words).map((w) => phraseKeys(w).join(' ')));

/** The lists of roles.json read otherwise than as a set of words (each word set's name is
 *  declared with the table's shape, table-schemas.ts, whose tests check that its list is in
 *  the tables: the names cost the bundle nothing that way). */
const NOT_WORD_SETS = new Set<string>([
  ...PHRASE_LISTS,
  ...JOINED_LISTS,
  'placeOfCountry',
  'welcomeTo',
  'duration',
  'pastSuffixes',
]);
const WORD_SET_ENTRIES = Object.fromEntries(
  Object.entries(ROLES)
    .filter(([name]) => !NOT_WORD_SETS.has(name))
    .map(([name, words]) => [name, wordSet(words as string | readonly string[])]),
) as Record<WordSetName, ReadonlySet<string>>;
const PHRASE_LIST_ENTRIES = Object.fromEntries(
  PHRASE_LISTS.map((name) => [name, keyList(ROLES[name])]),
) as Record<PhraseListName, Keys[]>;

export const LEX = {
  ...WORD_SET_ENTRIES,
  ...PHRASE_LIST_ENTRIES,
  /** the joiners of several words ("as well as") */
  joinerPhrases: keyList(listOf(ROLES.joiners).filter((j) => phraseKeys(j).length > 1)),
  placeQualifier: wordSet(ROLES.placeOfCountry?.qualifiers ?? []),
  placeOfCountry: keyList(ROLES.placeOfCountry?.nouns ?? []),
  welcomeVerbs: wordSet(ROLES.welcomeTo?.verbs ?? []),
  welcomeLead: wordSet(ROLES.welcomeTo?.lead ?? []),
  welcomeWithin: ROLES.welcomeTo?.within ?? 0,
  travel: keyList([...listOf(ROLES.visitEnd), ...listOf(ROLES.travel)]),
  durationLead: keyList(ROLES.duration.lead),
  durationUnit: wordSet(ROLES.duration.unit),
  /** spelled-out day counts ("hai ngày", "a three-day visit") */
  durationNumbers: new Map(
    Object.entries(ROLES.duration.numbers).map(([word, n]) => [phraseKeys(word).join(' '), n]),
  ),
  leadUpTo: keyList([...listOf(ROLES.aheadOf), ...listOf(ROLES.leadUpTo)]),
  pastSuffixes: listOf(ROLES.pastSuffixes),
} as const;

/** Whether the tokens from `i` read the phrase. */
export function readsAt(tokens: readonly Token[], i: number, phrase: Keys): boolean {
  if (i < 0 || i + phrase.length > tokens.length) return false;
  for (let n = 0; n < phrase.length; n++) if (tokens[i + n]!.key !== phrase[n]) return false;
  return true;
}

/** The first words of each phrase list, so that most tokens are ruled out by one look-up. */
const FIRST_WORDS = new WeakMap<readonly Keys[], ReadonlySet<string>>();

function firstWordsOf(phrases: readonly Keys[]): ReadonlySet<string> {
  let first = FIRST_WORDS.get(phrases);
  if (first === undefined) {
    first = new Set(phrases.map((p) => p[0]!));
    FIRST_WORDS.set(phrases, first);
  }
  return first;
}

/** The first of the phrases that the tokens from `i` read, as its length, or 0. */
export function anyReadsAt(tokens: readonly Token[], i: number, phrases: readonly Keys[]): number {
  const token = tokens[i];
  if (token === undefined || !firstWordsOf(phrases).has(token.key)) return 0;
  return phraseAt(tokens, i, phrases);
}

function phraseAt(tokens: readonly Token[], i: number, phrases: readonly Keys[]): number {
  for (const p of phrases) if (readsAt(tokens, i, p)) return p.length;
  return 0;
}

/** Where the first of the phrases starts in tokens [from, to), with its length, or null. */
/** Whether any of the phrases stands in the tokens (from `from`, before `to`). */
export const hasPhrase = (...args: Parameters<typeof findAnyPhrase>): boolean =>
  findAnyPhrase(...args) !== null;

export function findAnyPhrase(
  tokens: readonly Token[],
  phrases: readonly Keys[],
  from = 0,
  to = tokens.length,
): { at: number; length: number } | null {
  const first = firstWordsOf(phrases);
  for (let k = Math.max(0, from); k < Math.min(to, tokens.length); k++) {
    if (!first.has(tokens[k]!.key)) continue;
    const length = phraseAt(tokens, k, phrases);
    if (length > 0) return { at: k, length };
  }
  return null;
}
