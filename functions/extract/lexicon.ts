// The phrases that tell who plays which part around a cue (data/roles.json), in the
// tokens' matching form, and the small helpers that find them in a sentence.
import type { Roles } from './table-schemas.js';
import { TABLES } from './tables.js';
import { phraseKeys, type Token } from './tokens.js';

/** The lists of roles.json looked up as sets of words (or of phrases of a few words, compared
 *  joined by spaces), each read into LEX under its own name. */
export const WORD_SETS = [
  'joiners',
  'spouse',
  /** "for hosting the recently concluded summit": words a few words before a gathering's name
   *  that tell it over, no gathering where the story's leaders meet now */
  'gatheringOver',
  /** "invited B to Seoul during his visit to Japan": the word before a visit's cue that makes the
   *  visit the time of what the clause tells */
  'visitFrame',
  /** "A's first stopover will be Manila, for talks with B": nouns of a journey whose possessor,
   *  however far before a cue of its clause, is the one who travels and meets */
  'tripNoun',
  /** "met B on Friday, as Washington and Beijing eye a visit": after a comma, a word that opens a
   *  clause with its own verb, whose tense the words before it do not tell */
  'asideOpener',
  /** the noun of "at B's invitation": the possessor invited the visitor */
  'invitationNoun',
  'welcomeLevel',
  /** "who is here to co-chair the meeting": the mark of a verb's infinitive (a purpose, not a report) */
  'infinitive',
  /** "will leave France on Monday for Cape Town to co-chair …": verbs of setting off, whose day
   *  is not that of what the trip is for */
  'departure',
  /** "will depart Abuja for Malabo": the word after a departure (and where it sets off from)
   *  that leads to where the trip goes */
  'departFor',
  /** "on the last day of his visit": the words that make the day told a visit's last */
  'lastDay',
  'chairedBy',
  'of',
  'between',
  'delegation',
  'delegationLedBy',
  'passive',
  /** "was received by B": the word after a cue that names who acted */
  'agent',
  'objectLead',
  'conjoinedCueLead',
  'visitGap',
  'destination',
  'placeLead',
  'capitalQualifier',
  /** "arrived there the day before for a visit": words after "the day before" that make it
   *  the day before the day told, not the eve of what follows */
  'dayBeforeAdverb',
  /** "was received on arrival by B": the verbs of a greeting on arrival */
  'arrivalGreeted',
  /** "was welcomed by President B": the verbs of a greeting that, in the passive, name the
   *  visit's host wherever it takes place */
  'welcomedBy',
  /** "on his official visit to the kingdom": words for the host country named before */
  'countryReference',
  /** "A also met B here": the place the story was filed from */
  'here',
  'arrival',
  'arrivalNot',
  /** "is in Kenya for a two-day state visit": a verb of being somewhere, before "in" and the place */
  'presence',
  /** words after a cue that open what happens during the event ("a state visit where she will hold talks") */
  'during',
  /** words before a verb of hosting that make it passive ("to be hosted … by B") */
  'passiveLead',
  'pairTitleLead',
  /** "both Prime Ministers", "the two presidents": the words of a pair reference before the title it names */
  'pairLead',
  /** "The two leaders will meet on Saturday": words right after a cue that needs its object
   *  which tell that none follows */
  'noObjectAfter',
  /** "the two presidents" are no deputy's: the words before a title that make its holder another
   *  office's ("Deputy President", "Vice President") */
  'deputyLead',
  /** "starting from March 1": words right before a day that make it the start of a span */
  'spanStart',
  /** "the premier" for a prime minister: the names of the head of government's office */
  'governmentHead',
  'ordinal',
  'clauseEnd',
  /** "confirmed during talks on Sunday that their countries will …": the word that opens what was said */
  'saidThat',
  /** verbs that, right after a clause's end, go on with its subject ("…; pay a visit to B") */
  'subjectGoesOn',
  'and',
  'introLead',
  /** ", before holding talks": the words before a participle whose subject is the sentence's */
  'participleLead',
  /** "Tại cuộc hội kiến, …", "At the talks, …": the lead words of an opening that is within the event */
  'withinLead',
  /** "a state visit until May 27": the word that makes a visit's date its last day */
  'visitUntil',
  /** "The two leaders then held talks": a word before a cue that goes on from the sentence before */
  'sequel',
  /** "received B, who is in Vietnam for a visit": words that open a clause about the one named before */
  'relative',
  /** ", a moderate who was elected in July,": the words among those that open a clause about a
   *  person, whose day is that person's, not an event's told outside it */
  'relativePerson',
  /** "conveyed A's greetings in a courtesy call to B": words between a possessive and a cue
   *  that end what the possessor owns, so the cue is not the possessor's */
  'possessionEnd',
  /** "held separate video calls with A and B": words that make a video call with several a call
   *  with each */
  'separately',
  /** "held video conferences with B and C": a call cue's plural noun, a call with each */
  'pluralCalls',
  /** "the upcoming state visit": words right before a cue that tell it to come, whatever the
   *  clause's verb tells */
  'toComeBefore',
  /** the indefinite article: a meeting it introduces is not one told before */
  'indefinite',
  /** the definite article: "The visit to Lima runs from May 3 to 5" refers to the visit the
   *  story is about */
  'definite',
  /** plural cues that tell of meetings in general unless someone is named ("through visits and
   *  meetings between senior leaders") */
  'pluralCues',
  /** heads of a legislature, and vice presidents, whom a guest meets one by one like the leaders
   *  when the text lists them together ("met General Secretary A, National Assembly Chairwoman B
   *  and Prime Minister C", "is scheduled to meet Vice President A and President B") */
  'metApart',
  'dayLead',
  /** "with the President of China Xi Jinping": an article before a named person's title */
  'titleArticle',
  /** "I held talks with B" in "Prime Minister A's Remarks": the words that are the speaker */
  'firstPerson',
  'speechBy',
  /** "meeting with its leadership, including B": the word that names who is met among many */
  'including',
  /** "hosted a reception in Hanoi on May 5 for B": the word before whom a host receives */
  'receivedFor',
  /** "received a phone call from B": the word before whom a call comes from */
  'callWith',
  /** "hosted B for a lunch", "for an official State Visit": what a guest is received for that is
   *  no meeting of its own (a meal, or the visit itself) */
  'hostedFor',
  /** words that may stand between "for" and what the guest is hosted for ("for a private dinner") */
  'hostedForLead',
  /** "the war in Ukraine": words after which "in X" names what is discussed, not where */
  'placeTopics',
  'with',
  /** "co-chaired the Joint Commission with B", "… alongside B": the words before the other co-chair */
  'coChairWith',
  /** "he asked to meet B": a person named before, standing in as the subject */
  'pronouns',
  /** "A received him upon his arrival": the one the story tells of, greeted by a pronoun */
  'objectPronouns',
  /** "A invited B to visit C": the verb of an invitation, whose "to visit" is no visit yet */
  'inviteVerb',
  /** "A's statement following his meeting with B": words that make the one named before the cue its subject */
  'possessives',
  /** "the Philippines-Malaysia Joint Commission": what joins two countries named together */
  'countryPairJoiner',
  /** "has been on an official visit since Thursday": the word before a visit's cue that tells
   *  it under way since the day "since" gives */
  'ongoing',
  /** "the session was held virtually": words that tell a meeting held with its sides apart,
   *  which the place the story was filed from does not place */
  'heldApart',
  /** "held talks with B via videoconference": the words before a call's cue that make it the
   *  means a meeting told just before was held by */
  'callMeans',
  /** "during their talks": the words before a meeting's noun that name an event told before */
  'referenceLead',
  /** "allows both ministers to exchange views": verbs of making possible, whose "to" and cue
   *  tell what could happen, no event */
  'enabler',
  /** "his counterpart B": the titles that name one as the counterpart of the clause's subject */
  'counterpartTitle',
  /** "will follow his summit with B on Nov. 1": verbs of coming after, whose tense is not the cue's */
  'comesAfter',
  /** "made his first state visit to China, while the third will be to Uzbekistan on May 26-27":
   *  after a comma, words that open a clause of its own, whose days are not the cue's */
  'clauseOpener',
  /** "at the Bayan Palace, Kuwait": nouns that end a building's name, which is no city */
  'buildingNouns',
  /** "At the meeting, A was glad to meet B again": words before a future marker ("to meet")
   *  that, in a sentence opening inside a meeting, make it that meeting, none to come */
  'gladTo',
  /** "A has held a telephone conversation with B": the auxiliary right before a cue that tells
   *  it as the day's news */
  'presentPerfect',
  /** "to Cambodia from April 24 to 25 and to Laos from April 26 to 27": the word before a
   *  tour's further host */
  'tourLegLead',
] as const;
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
type WordSetName = (typeof WORD_SETS)[number];
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

const WORD_SET_ENTRIES = Object.fromEntries(
  WORD_SETS.map((name) => [name, wordSet(ROLES[name])]),
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
