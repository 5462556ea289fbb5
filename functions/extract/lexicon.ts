// The phrases that tell who plays which part around a cue (data/roles.json), in the
// tokens' matching form, and the small helpers that find them in a sentence.
import * as z from 'zod/mini';
import { TABLES } from './tables.js';
import { phraseKeys, type Token } from './tokens.js';

/** One phrase or several: a table of one language may give one where another gives a list. */
const Phrases = z.union([z.string(), z.array(z.string())]);
const RolesSchema = z.object({
  joiners: Phrases,
  spouse: Phrases,
  inviter: Phrases,
  /** "invited by B", "hosted by B": who invited the visitor, told in the visit's own sentence
   *  ("a dinner hosted by B" elsewhere in the story hosts the dinner, not the visit) */
  hostedBy: z.optional(Phrases),
  /** the noun of "at B's invitation": the possessor invited the visitor */
  invitationNoun: z.optional(Phrases),
  welcome: Phrases,
  welcomeLevel: Phrases,
  greeting: Phrases,
  ceremony: Phrases,
  /** "received B at the forecourt of …", "with a ceremonial welcome": a reception that is the visit's welcome */
  welcomeScene: z.optional(Phrases),
  /** "received B in an official ceremony": verbs that greet a guest where the sentence sets a welcomeScene */
  sceneGreeting: z.optional(Phrases),
  coChair: Phrases,
  /** "who is here to co-chair the meeting": the mark of a verb's infinitive (a purpose, not a report) */
  infinitive: z.optional(Phrases),
  chair: Phrases,
  chairedBy: Phrases,
  of: Phrases,
  between: Phrases,
  delegation: Phrases,
  delegationLedBy: Phrases,
  passive: Phrases,
  agent: z.optional(Phrases),
  sender: Phrases,
  objectLead: Phrases,
  conjoinedCueLead: Phrases,
  visitGap: Phrases,
  destination: Phrases,
  placeLead: Phrases,
  placePrefix: Phrases,
  capitalQualifier: Phrases,
  /** "the western Indian city of Ahmedabad": a place given by its country's adjective */
  placeOfCountry: z.optional(z.object({ qualifiers: Phrases, nouns: Phrases })),
  /** "welcomed B to Beijing": verbs after which "to" leads to where they take place, within
   *  a few tokens */
  welcomeTo: z.optional(z.object({ verbs: Phrases, lead: Phrases, within: z.number() })),
  /** words of setting off ("left for", "lên đường"); with visitEnd's, what a trip's travel is told by */
  travel: Phrases,
  visitEnd: Phrases,
  arrival: Phrases,
  arrivalNot: Phrases,
  /** "currently on a three-day visit": words before a visit's cue that tell it under way
   *  since a day not told (not begun today) */
  underWayLead: z.optional(Phrases),
  /** "is in Kenya for a two-day state visit": a verb of being somewhere, before "in" and the place */
  presence: z.optional(Phrases),
  /** "her host, President X": who is called the visitor's host */
  hostCalled: z.optional(Phrases),
  /** words after a cue that open what happens during the event ("a state visit where she will hold talks") */
  during: z.optional(Phrases),
  /** words before a verb of hosting that make it passive ("to be hosted … by B") */
  passiveLead: z.optional(Phrases),
  passing: Phrases,
  duration: z.object({ lead: Phrases, unit: Phrases, numbers: z.record(z.string(), z.number()) }),
  pairReference: Phrases,
  pairTitleLead: Phrases,
  /** "both Prime Ministers", "the two presidents": the words of a pair reference before the title it names */
  pairLead: z.optional(Phrases),
  /** "starting from March 1": words right before a day that make it the start of a span */
  spanStart: z.optional(Phrases),
  ordinal: Phrases,
  clauseEnd: Phrases,
  /** "confirmed during talks on Sunday that their countries will …": the word that opens what was said */
  saidThat: z.optional(Phrases),
  /** verbs that, right after a clause's end, go on with its subject ("…; pay a visit to B") */
  subjectGoesOn: z.optional(Phrases),
  reporting: Phrases,
  and: Phrases,
  multilateralTrip: Phrases,
  multilateralBodies: Phrases,
  multilateralLead: Phrases,
  attendance: Phrases,
  introLead: Phrases,
  /** "chuyến công du ba nước": a count of countries right after a visit's cue (a tour) */
  tourOf: z.optional(Phrases),
  /** "Tại cuộc hội kiến, …", "At the talks, …": the lead words of an opening that is within the event */
  withinLead: z.optional(Phrases),
  since: Phrases,
  /** "a state visit until May 27": the word that makes a visit's date its last day */
  visitUntil: z.optional(Phrases),
  /** "The two leaders then held talks": a word before a cue that goes on from the sentence before */
  sequel: z.optional(Phrases),
  /** "on Monday, on the eve of their summit", "a day before his summit": the event is the day
   *  after the day told */
  eveOf: z.optional(Phrases),
  /** "visit two other countries, namely Indonesia and Thailand": words before the places a tour names */
  namely: z.optional(Phrases),
  /** "received B, who is in Vietnam for a visit": words that open a clause about the one named before */
  relative: z.optional(Phrases),
  /** "met B on Thursday, a day after his talks with C": the event is the day before the day told */
  dayAfter: z.optional(Phrases),
  /** "arrive on Monday and have talks with B the next day": after a cue told after a day, words
   *  that put its event a day later */
  nextDay: z.optional(Phrases),
  /** "met ahead of the summit on Tuesday": a day after these words (and the word that leads
   *  a day, `dayLead`) is the other event's */
  aheadOf: z.optional(Phrases),
  /** "the 55th anniversary of the historic meeting between A and B": words before a cue that
   *  make its event one commemorated, an earlier one */
  commemorated: z.optional(Phrases),
  /** "talked with C on Sunday, a prelude to the meeting with B": with `aheadOf`, words before a cue
   *  that put its event after the day the sentence tells (not the cue's own day) */
  leadUpTo: z.optional(Phrases),
  /** "began a visit on Friday following his summit with B": words before a meeting that make it
   *  earlier than the main clause, whose day is not the meeting's */
  priorTo: z.optional(Phrases),
  /** the indefinite article: a meeting it introduces is not one told before */
  indefinite: z.optional(Phrases),
  /** plural cues that tell of meetings in general unless someone is named ("through visits and
   *  meetings between senior leaders") */
  pluralCues: z.optional(Phrases),
  /** heads of a legislature, whom a guest meets one by one like the leaders when the text lists
   *  them together ("met General Secretary A, National Assembly Chairwoman B and Prime Minister C") */
  metApart: z.optional(Phrases),
  dayLead: z.optional(Phrases),
  /** "with the President of China Xi Jinping": an article before a named person's title */
  titleArticle: z.optional(Phrases),
  /** "I held talks with B" in "Prime Minister A's Remarks": the words that are the speaker */
  firstPerson: z.optional(Phrases),
  /** what a title calls a readout in its speaker's words ("A's Remarks", "Statement by A") */
  speech: z.optional(Phrases),
  speechBy: z.optional(Phrases),
  /** "meeting with its leadership, including B": the word that names who is met among many */
  including: z.optional(Phrases),
  /** "hosted a reception in Hanoi on May 5 for B": the word before whom a host receives */
  receivedFor: z.optional(Phrases),
  /** "received a phone call from B": the word before whom a call comes from */
  callFrom: z.optional(Phrases),
  /** "hosted B for a lunch", "for an official State Visit": what a guest is received for that is
   *  no meeting of its own (a meal, or the visit itself) */
  hostedFor: z.optional(Phrases),
  /** words that may stand between "for" and what the guest is hosted for ("for a private dinner") */
  hostedForLead: z.optional(Phrases),
  /** "the war in Ukraine": words after which "in X" names what is discussed, not where */
  placeTopics: z.optional(Phrases),
  highLevel: Phrases,
  parliament: Phrases,
  with: Phrases,
  pronouns: Phrases,
  /** "A's statement following his meeting with B": words that make the one named before the cue its subject */
  possessives: z.optional(Phrases),
  leaderPairReference: Phrases,
});
const ROLES = RolesSchema.parse(TABLES.roles);

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

export const LEX = {
  joiners: wordSet(ROLES.joiners),
  /** the joiners of several words ("as well as") */
  joinerPhrases: keyList(listOf(ROLES.joiners).filter((j) => phraseKeys(j).length > 1)),
  spouse: wordSet(ROLES.spouse),
  inviter: keyList(ROLES.inviter),
  hostedBy: keyList(ROLES.hostedBy ?? []),
  invitationNoun: wordSet(ROLES.invitationNoun ?? []),
  welcome: keyList(ROLES.welcome),
  welcomeLevel: wordSet(ROLES.welcomeLevel),
  greeting: keyList(ROLES.greeting),
  ceremony: keyList(ROLES.ceremony),
  welcomeScene: keyList(ROLES.welcomeScene ?? []),
  underWayLead: keyList(ROLES.underWayLead ?? []),
  sceneGreeting: keyList(ROLES.sceneGreeting ?? []),
  coChair: keyList(ROLES.coChair),
  infinitive: wordSet(ROLES.infinitive ?? []),
  chair: keyList(ROLES.chair),
  chairedBy: wordSet(ROLES.chairedBy),
  of: wordSet(ROLES.of),
  between: wordSet(ROLES.between),
  delegation: wordSet(ROLES.delegation),
  delegationLedBy: wordSet(ROLES.delegationLedBy),
  passive: wordSet(ROLES.passive),
  /** "was received by B": the word after a cue that names who acted */
  agent: wordSet(ROLES.agent),
  sender: keyList(ROLES.sender),
  objectLead: wordSet(ROLES.objectLead),
  conjoinedCueLead: wordSet(ROLES.conjoinedCueLead),
  visitGap: wordSet(ROLES.visitGap),
  destination: wordSet(ROLES.destination),
  placeLead: wordSet(ROLES.placeLead),
  placePrefix: keyList(ROLES.placePrefix),
  capitalQualifier: wordSet(ROLES.capitalQualifier),
  placeQualifier: wordSet(ROLES.placeOfCountry?.qualifiers ?? []),
  placeOfCountry: keyList(ROLES.placeOfCountry?.nouns ?? []),
  welcomeVerbs: wordSet(ROLES.welcomeTo?.verbs ?? []),
  welcomeLead: wordSet(ROLES.welcomeTo?.lead ?? []),
  welcomeWithin: ROLES.welcomeTo?.within ?? 0,
  travel: keyList([...listOf(ROLES.visitEnd), ...listOf(ROLES.travel)]),
  visitEnd: keyList(ROLES.visitEnd),
  arrival: wordSet(ROLES.arrival),
  arrivalNot: wordSet(ROLES.arrivalNot),
  presence: wordSet(ROLES.presence ?? []),
  hostCalled: keyList(ROLES.hostCalled ?? []),
  during: wordSet(ROLES.during ?? []),
  passiveLead: wordSet(ROLES.passiveLead ?? []),
  passing: keyList(ROLES.passing),
  durationLead: keyList(ROLES.duration.lead),
  durationUnit: wordSet(ROLES.duration.unit),
  /** spelled-out day counts ("hai ngày", "a three-day visit") */
  durationNumbers: new Map(
    Object.entries(ROLES.duration.numbers).map(([word, n]) => [phraseKeys(word).join(' '), n]),
  ),
  pairReference: keyList(ROLES.pairReference),
  /** "the two leaders": a pair of heads of state or government, not any two principals */
  leaderPairReference: keyList(ROLES.leaderPairReference),
  pairTitleLead: wordSet(ROLES.pairTitleLead),
  pairLead: wordSet(ROLES.pairLead ?? []),
  spanStart: wordSet(ROLES.spanStart ?? []),
  ordinal: wordSet(ROLES.ordinal),
  clauseEnd: wordSet(ROLES.clauseEnd),
  saidThat: wordSet(ROLES.saidThat ?? []),
  subjectGoesOn: wordSet(ROLES.subjectGoesOn ?? []),
  reporting: keyList(ROLES.reporting),
  and: wordSet(ROLES.and),
  multilateralTrip: keyList(ROLES.multilateralTrip),
  multilateralBodies: keyList(ROLES.multilateralBodies),
  multilateralLead: keyList(ROLES.multilateralLead),
  attendance: keyList(ROLES.attendance),
  introLead: wordSet(ROLES.introLead),
  tourOf: keyList(ROLES.tourOf ?? []),
  withinLead: wordSet(ROLES.withinLead ?? []),
  since: keyList(ROLES.since),
  visitUntil: wordSet(ROLES.visitUntil ?? []),
  sequel: wordSet(ROLES.sequel ?? []),
  eveOf: keyList(ROLES.eveOf ?? []),
  dayAfter: keyList(ROLES.dayAfter ?? []),
  nextDay: keyList(ROLES.nextDay ?? []),
  relative: wordSet(ROLES.relative ?? []),
  namely: keyList(ROLES.namely ?? []),
  aheadOf: keyList(ROLES.aheadOf ?? []),
  commemorated: keyList(ROLES.commemorated ?? []),
  leadUpTo: keyList([...(ROLES.aheadOf ?? []), ...(ROLES.leadUpTo ?? [])]),
  priorTo: keyList(ROLES.priorTo ?? []),
  indefinite: wordSet(ROLES.indefinite ?? []),
  pluralCues: wordSet(ROLES.pluralCues ?? []),
  metApart: wordSet(ROLES.metApart ?? []),
  dayLead: wordSet(ROLES.dayLead ?? []),
  titleArticle: wordSet(ROLES.titleArticle ?? []),
  firstPerson: wordSet(ROLES.firstPerson ?? []),
  speech: keyList(ROLES.speech ?? []),
  speechBy: wordSet(ROLES.speechBy ?? []),
  including: wordSet(ROLES.including ?? []),
  receivedFor: wordSet(ROLES.receivedFor ?? []),
  callFrom: wordSet(ROLES.callFrom ?? []),
  hostedFor: wordSet(ROLES.hostedFor ?? []),
  hostedForLead: wordSet(ROLES.hostedForLead ?? []),
  placeTopics: wordSet(ROLES.placeTopics ?? []),
  highLevel: keyList(ROLES.highLevel),
  parliament: keyList(ROLES.parliament),
  with: wordSet(ROLES.with),
  /** "he asked to meet B": a person named before, standing in as the subject */
  pronouns: wordSet(ROLES.pronouns),
  possessives: wordSet(ROLES.possessives ?? []),
} as const;

/** Whether the tokens from `i` read the phrase. */
export function readsAt(tokens: readonly Token[], i: number, phrase: Keys): boolean {
  if (i < 0 || i + phrase.length > tokens.length) return false;
  for (let n = 0; n < phrase.length; n++) if (tokens[i + n]!.key !== phrase[n]) return false;
  return true;
}

/** The first words of each phrase list, so that most tokens are ruled out by one look-up. */
const FIRST_WORDS = new WeakMap<readonly Keys[], ReadonlySet<string>>();

/** The first of the phrases that the tokens from `i` read, as its length, or 0. */
export function anyReadsAt(tokens: readonly Token[], i: number, phrases: readonly Keys[]): number {
  const token = tokens[i];
  if (token === undefined) return 0;
  let first = FIRST_WORDS.get(phrases);
  if (first === undefined) {
    first = new Set(phrases.map((p) => p[0]!));
    FIRST_WORDS.set(phrases, first);
  }
  if (!first.has(token.key)) return 0;
  for (const p of phrases) if (readsAt(tokens, i, p)) return p.length;
  return 0;
}

/** Where the first of the phrases starts in tokens [from, to), with its length, or null. */
export function findAnyPhrase(
  tokens: readonly Token[],
  phrases: readonly Keys[],
  from = 0,
  to = tokens.length,
): { at: number; length: number } | null {
  for (let k = Math.max(0, from); k < Math.min(to, tokens.length); k++) {
    const length = anyReadsAt(tokens, k, phrases);
    if (length > 0) return { at: k, length };
  }
  return null;
}
