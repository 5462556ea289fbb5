// The shapes of the extractor's tables (data/<lang>/: cues, roles, names, countries, cities,
// titles, leaders, noise and the English dates; data/publishers.json), declared once: the
// modules that read a table take its type from here, and the tests check every table
// against its shape (test/extract/table-schemas.test.ts). The tables are bundled with the
// code that reads them, so a table that passes the tests is the one every cold start reads:
// checking them again at each start cost the ingest bundle ~3 KB and its cold start the
// parse. (language.json, whose reading derives a pattern, is still read through its schema
// where it is read.)
import * as z from 'zod/mini';
import { EventType } from '../domain/event.js';
import { JOINED_LISTS, type ListName } from './lexicon.js';

export const CueSchema = z.object({
  /** the phrases that share this cue's type (and the kind it makes: kindOf) and conditions */
  phrases: z.array(z.string()),
  type: EventType,
  levels: z.optional(z.boolean()),
  needsObject: z.optional(z.enum(['always', 'asVerb'])),
  role: z.optional(z.enum(['receives', 'callsOn'])),
  /** committeeName: a committee's name follows; purpose: what the trip is for follows ("left
   *  for X to hold talks"); bilateral: the sentence tells of no trip to a summit ("đã đến
   *  Jakarta, bắt đầu chuyến công tác dự Hội nghị Cấp cao ASEAN" is that trip);
   *  countryPair: two countries joined by a dash stand right before it ("a U.S.-Russia
   *  summit"), no third ("the China-Japan-South Korea summit" is no meeting of two);
   *  placeAfter: a place the gazetteer knows follows it, or its city does (placeArrivedIn) */
  requires: z.optional(
    z.enum(['committeeName', 'purpose', 'bilateral', 'countryPair', 'placeAfter']),
  ),
  notBefore: z.optional(z.array(z.string())),
  notAfter: z.optional(z.array(z.string())),
  notAfterObject: z.optional(z.array(z.string())),
  /** the type of a meeting told by this cue that the story places nowhere and during no
   *  visit: "spoke with B" in a readout is a call */
  remote: z.optional(EventType),
  /** this cue's type is the event's whatever the story's other cues call it: "informal
   *  talks" are a meeting, though a round of delegation-level talks follows them */
  settles: z.optional(z.boolean()),
  /** a meeting only where two principals of two countries are together the cue's subject
   *  ("A and B discussed …"); with an object after it ("discussed … with B and C") none */
  pairOnly: z.optional(z.boolean()),
  /** a committee's name may begin with these phrases too (after "a meeting of the": the
   *  cue table's committeeName) */
  namesCommittee: z.optional(z.boolean()),
});
export const CueTableSchema = z.object({
  nounMarkers: z.array(z.string()),
  /** how a word that modifies a noun may end ("highly anticipated"): such words may stand
   *  between a noun marker and its cue */
  modifierEndings: z.array(z.string()),
  cues: z.array(CueSchema),
  visitLevels: z.array(z.object({ phrase: z.string(), type: EventType })),
  committeeName: z.object({
    start: z.array(z.string()),
    notBefore: z.array(z.string()),
    within: z.number(),
  }),
  /** what a departure is for, when it makes a visit ("to hold talks"), within a few words of it */
  purpose: z.optional(z.object({ phrases: z.array(z.string()), within: z.number() })),
  markers: z.object({
    future: z.array(z.string()),
    past: z.array(z.string()),
    precedent: z.array(z.string()),
    /** "years after", "building on": precedent markers that govern what follows them, so they
     *  tell of a cue only standing before it ("some 30 years after her predecessor toured
     *  Kenya", told after "has arrived for a state visit", looks back on the tour alone) */
    precedentLead: z.optional(z.array(z.string())),
    /** "paused tariffs for a month after a conversation with B": the words right before a
     *  precedent marker that make its span a duration after the event, which is no earlier one */
    precedentNotAfter: z.optional(z.array(z.string())),
    /** "arrived the previous day": the words right after a precedent marker that make it a
     *  day's name, no earlier event */
    precedentNotBefore: z.optional(z.array(z.string())),
    /** "has spoken to B … a number of times": contacts told as repeated, no one event, from
     *  anywhere after the cue up to its clause's end */
    repeated: z.optional(z.array(z.string())),
    /** "a meeting is possible": what is only talked of, not planned */
    hypothetical: z.optional(z.array(z.string())),
    /** "the trip was postponed", "has given up on visiting": what was planned and will not be */
    calledOff: z.optional(z.array(z.string())),
    /** "are meeting this Monday": what looks ahead only where the sentence tells a day; told
     *  with none ("is meeting with B at the White House"), it is under way */
    futureWithDay: z.optional(z.array(z.string())),
  }),
});
export type Cue = z.infer<typeof CueSchema>;
export type CueTable = z.infer<typeof CueTableSchema>;

export const NamesSchema = z.object({
  statePrefixes: z.array(z.string()),
  institutionHeads: z.array(z.string()),
  institutionStops: z.array(z.string()),
  nonStateInstitutions: z.array(z.string()),
  nameStops: z.array(z.string()),
  vietnameseSurnames: z.array(z.string()),
  nameParticles: z.array(z.string()),
  nameSuffixes: z.array(z.string()),
  ranks: z.array(z.string()),
  titleJoiners: z.array(z.string()),
  portfolioJoiner: z.array(z.string()),
  posting: z.array(z.string()),
  countryLead: z.array(z.string()),
  formerLead: z.array(z.string()),
  /** words that end a qualifier between a country and a title ("Vietnam at the invitation of President X" is no "Vietnamese President X") */
  qualifierStops: z.array(z.string()),
  /** words that make a capitalised run an institution ("of the Cambodian Senate X"): the name comes after the last */
  institutionWords: z.array(z.string()),
  /** words between "of" and an institution's name ("of the Senate") */
  institutionLead: z.array(z.string()),
  /** what leads a portfolio after a title ("Minister for Europe and Foreign Affairs of France") */
  portfolioLead: z.array(z.string()),
  /** words that join a portfolio's parts ("Europe and Foreign Affairs") */
  portfolioJoiners: z.array(z.string()),
  /** the last word of a title whose "of" leads a portfolio, as "for" does ("Minister of
   *  International Relations and Cooperation X") */
  portfolioTitleEnds: z.array(z.string()),
  /** words between a generic title and its country, besides countryLead ("his counterpart
   *  from New Zealand") */
  genericCountryLead: z.array(z.string()),
  /** words between a name and its title written after it ("X, sworn in as Lithuania's President on Friday,") */
  nameTitleLeads: z.array(z.string()),
  /** the last word of a place named after someone ("King Khalid International Airport"): no person */
  facilities: z.array(z.string()),
});
export type Names = z.infer<typeof NamesSchema>;

const NamesByCode = z.record(z.string(), z.array(z.string()));
export const CountriesSchema = z.object({
  ambiguous: z.array(z.string()),
  /** capitalised words that are no part of a person's name before an ambiguous one */
  ambiguousAfter: z.optional(z.array(z.string())),
  notFollowedBy: NamesByCode,
  countries: NamesByCode,
});
export type Countries = z.infer<typeof CountriesSchema>;
export const CitiesSchema = z.object({
  cities: NamesByCode,
  venues: NamesByCode,
  regions: NamesByCode,
});
export type Cities = z.infer<typeof CitiesSchema>;
const TitleList = z.optional(z.array(z.string()));
export const TitlesSchema = z.object({
  leaders: TitleList,
  principals: TitleList,
  others: TitleList,
  corporate: TitleList,
  genericLeaders: TitleList,
  generic: TitleList,
  pluralLead: z.array(z.string()),
  /** offices only one country has ("External Affairs Minister"): their holder's country */
  countryTitles: z.optional(NamesByCode),
  /** offices that in these countries are a civil servant's, though elsewhere a minister's
   *  ("Foreign Secretary" in India, not in Britain) */
  officialTitles: z.optional(NamesByCode),
  qualifiers: TitleList,
  /** words that, capitalised as a sentence's first word, stand before a title without making
   *  it part of an institution's name ("With President X meeting B on Monday, …") */
  openers: z.optional(z.array(z.string())),
  honorifics: z.array(z.string()),
});
export type Titles = z.infer<typeof TitlesSchema>;
export const LeadersSchema = z.object({ leaders: NamesByCode });
export type Leaders = z.infer<typeof LeadersSchema>;

/** a word or phrase as the text writes it, in the matching form (lower case) */
const Phrase = z.string();
const Phrases = z.array(Phrase);
/** words and the number each stands for (a month, a weekday, a shift of days or of weeks,
 *  months and years) */
const NumberWords = z.record(Phrase, z.number());
export const EnglishDatesSchema = z.object({
  months: NumberWords,
  weekdays: NumberWords,
  relativeDays: NumberWords,
  shift: NumberWords,
  week: Phrase,
  /** "later this week": the word before it that leaves out the days up to publication's */
  restOfWeek: Phrase,
  month: Phrase,
  year: Phrase,
  /** words right after a month or a day that give it the year told before it in the sentence
   *  ("in September 2014, followed by a visit in November that year") */
  sameYear: Phrases,
  rangeJoiners: Phrases,
  dayJoiner: Phrase,
  /** the word between a span that only suggests its day and the day itself ("next week on
   *  8 June") */
  dayInSpanLead: Phrases,
  monthLead: Phrases,
  weekdayForward: Phrases,
  /** what looks ahead only for the weekdays after it: "met on Sunday ahead of his visit on
   *  Monday" (the Monday to come), "During their talks on Saturday, … ahead of next month's
   *  forum" (the Saturday gone by) */
  weekdayForwardAfter: Phrases,
  /** a headline's future: "Biden to meet To Lam on Wednesday" */
  headlineForward: Phrases,
  /** past verbs that govern a weekday told right after them ("who arrived on Tuesday, will
   *  end his visit on Saturday"): the last such day, whatever the rest of the sentence plans */
  weekdayBack: Phrases,
  /** words right before such a verb that make it no past ("will be held on Tuesday") */
  weekdayBackNot: Phrases,
  /** past verbs right after a weekday ("Modi on Saturday said his meeting … will …") */
  weekdayBackAfter: Phrases,
  /** present verbs of a schedule that point a weekday told a few words after them forward
   *  ("The president arrives in Lima Friday": the Friday to come) */
  weekdayAheadBefore: Phrases,
  /** words right before a weekday that start a span ("from Sunday"): the nearest such day, or the next one where weekdayLeadAhead says so */
  weekdayForwardLead: Phrases,
  /** the words that may open a sentence before its weekday ("On Tuesday, A hosted B") */
  weekdayOpening: Phrases,
  /** what makes "from Sunday" the next Sunday ("to visit Laos from Sunday"), as a headline says it */
  weekdayLeadAhead: Phrases,
  sameDay: Phrases,
  /** "arrived in the country the previous day": the day before the last reported event's */
  previousDay: Phrases,
  /** the words that end a bracketed gloss giving the time elsewhere ("at 1:10 p.m. local
   *  time (2:10 a.m., September 21, Japan time)"): its day is the same moment's, no other */
  timeGlossEnd: Phrases,
  /** "nine months ago": how many (in figures or these words), of which unit, before the word for "ago" */
  ago: z.object({
    word: Phrase,
    numbers: NumberWords,
    units: z.record(z.string(), z.enum(['day', 'week', 'month', 'year'])),
  }),
});
export type EnglishDates = z.infer<typeof EnglishDatesSchema>;

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
  /** "met visiting Lao Prime Minister B": the word before a principal that makes them the guest */
  'visitingWord',
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
  /** "Speaking at a news conference after talks with B, A said": the participles that may open a
   *  sentence before an opening phrase's lead word */
  'openingParticiple',
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
  /** "The talks will continue on March 21": verbs after a meeting's noun that tell the
   *  meeting told last going on, on another day */
  'goesOnVerb',
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
  /** "after meeting Brazil's new president who was sworn in on January 1": words that open a
   *  clause about a person past the cue, comma or not, whose days are that person's */
  'relativeWho',
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
  /** "received an official visit from B": the word after a visit's noun before its visitor */
  'visitFrom',
  /** "A briefed B on his visit to Kyiv": verbs of telling, whose subject's is the visit its
   *  object hears of */
  'briefing',
  /** "said on Friday in a statement in Abuja": what is issued, whose place right after it is
   *  where it was issued */
  'issuedNouns',
  /** "is currently in the United States on an official working visit": words between a verb
   *  of being somewhere and its "in" */
  'presenceAdverbs',
  /** "India said on Friday its foreign minister …": the possessive that stands for the country
   *  named before it */
  'countryPossessive',
] as const;
export type WordSetName = (typeof WORD_SETS)[number];

/** The lists of roles.json matched token by token (its `phrases`), each read into LEX under its
 *  own name (the names are declared here, read by the tests alone: LEX reads every list the
 *  table's `phrases` hold, and a test checks that each name declared here is one of them). */
export const PHRASE_LISTS = [
  /** "had visited Venezuela last month, according to the Brazilian President": the words
   *  before who a clause is attributed to, no one the clause tells of */
  'attribution',
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
  /** "for a state visit before heading to Laos": words after a visit's noun that lead to the
   *  trip's next leg, whose destination is not this visit's (nor where what follows is held) */
  'nextLeg',
  /** "called on the visiting dignitary": who is the visitor of the visit the story told last */
  'visitorRef',
  /** "the first meeting of deputy foreign ministers": who, after a meeting's "of", makes it a
   *  meeting of officials, no principals' */
  'officialsMeet',
  /** "a meeting at the level of deputy foreign ministers": what leads to whose meeting it is, as 'of' does */
  'officialsLevel',
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
  /** "chaired by A and B": the words of chairing in the passive, before a session's chairs */
  'passiveChair',
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
  /** "A received a warm welcome from B": the one welcomed is named first, as in the passive */
  'welcomeFrom',
  /** "a series of bilateral talks": talks in general unless someone is named after them */
  'seriesOf',
  /** "paid tribute to President Ho Chi Minh": the words before one honoured, who is no party */
  'tributeTo',
  /** "The ceremony, held on Wednesday, …": a sentence that opens by naming the welcome just told */
  'ceremonyOpening',
  /** "are scheduled to meet in person": a meeting of people in one place, never a call */
  'inPerson',
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
  /** "will host President A and Prime Minister B for a meeting": words after leaders of one
   *  country, listed, that make theirs one meeting together, not one each (metApart) */
  'metTogether',
] as const;
export type PhraseListName = (typeof PHRASE_LISTS)[number];

/** One phrase or several: a table of one language may give one where another gives a list. */
const PhraseOrList = z.union([z.string(), z.array(z.string())]);

/** roles.json: every list optional (a table of one language may lack one), the few entries of
 *  another shape, and no other key (a misspelt one is an error, not a list silently empty). */
export const RolesSchema = z.strictObject({
  ...(Object.fromEntries(
    [...WORD_SETS, ...JOINED_LISTS].map((name) => [name, z.optional(PhraseOrList)]),
  ) as Record<Exclude<ListName, PhraseListName>, z.ZodMiniOptional<typeof PhraseOrList>>),
  /** the lists matched token by token (PHRASE_LISTS) */
  phrases: z.optional(
    z.strictObject(
      Object.fromEntries(PHRASE_LISTS.map((name) => [name, z.optional(PhraseOrList)])) as Record<
        PhraseListName,
        z.ZodMiniOptional<typeof PhraseOrList>
      >,
    ),
  ),
  /** "the western Indian city of Ahmedabad": a place given by its country's adjective */
  placeOfCountry: z.optional(z.object({ qualifiers: PhraseOrList, nouns: PhraseOrList })),
  /** "welcomed B to Beijing": verbs after which "to" leads to where they take place, within
   *  a few tokens */
  welcomeTo: z.optional(z.object({ verbs: PhraseOrList, lead: PhraseOrList, within: z.number() })),
  duration: z.object({
    lead: PhraseOrList,
    unit: PhraseOrList,
    numbers: z.record(z.string(), z.number()),
  }),
  /** the endings of a verb in the past tense ("signed"), as written */
  pastSuffixes: z.optional(PhraseOrList),
});
export type Roles = z.infer<typeof RolesSchema>;

export const NoiseSchema = z.object({
  captionMarkers: z.array(z.string()),
  relatedMarkers: z.array(z.string()),
  captionTailWords: z.number(),
  /** a photographer's or agency's credit ("NAME / AFP", "REUTERS/NAME"): a line of at most
   *  creditWords words holding one is a credit, and it and the line before it in its
   *  paragraph are a caption */
  creditMarkers: z.optional(z.array(z.string())),
  creditWords: z.optional(z.number()),
  /** quotation marks, and the verbs that attribute a quotation to its speaker */
  quoteMarks: z.optional(z.array(z.string())),
  /** the marks among them that only ever close a quotation (”): one a sentence holds unpaired
   *  closes a quotation opened in the sentence before */
  quoteCloses: z.optional(z.array(z.string())),
  quoteAttributions: z.optional(z.array(z.string())),
  quoteTailWords: z.optional(z.number()),
  /** verbs that make a quotation the announcement itself ("“A will visit …,” the ministry announced") */
  quoteAnnouncements: z.optional(z.array(z.string())),
  /** words of a government's document in a quotation's attribution, wherever they stand
   *  in it ("“…,” a statement issued by the Prime Minister's Office here said"): the
   *  quotation is that document's words, the announcement itself */
  quoteDocuments: z.optional(z.array(z.string())),
  /** words of saying that open a quotation right after them ("A said, “…"): what it tells is
   *  the speaker's own account */
  quoteOpeners: z.optional(z.array(z.string())),
});
export type Noise = z.infer<typeof NoiseSchema>;

export const PublishersSchema = z.object({
  /** the label before a country's code that makes a host its government's ("gov.uk", "go.jp", "gouv.fr") */
  governmentLabels: z.array(z.string()),
  /** country-code domains that are not the country's ISO code in lower case */
  countryDomains: z.record(z.string(), z.string().check(z.regex(/^[A-Z]{2}$/))),
  /** government sites by the domain they end in ("kremlin.ru"; "gov" alone is the United States') */
  governmentSites: z.record(z.string(), z.string().check(z.regex(/^[A-Z]{2}$/))),
});
export type PublisherTable = z.infer<typeof PublishersSchema>;
