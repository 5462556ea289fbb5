// From an article to its events: reads every sentence, merges the mentions of one event,
// dates them, decides status, host and guest, links meetings to the visit they belong to.
import type { Article } from '../domain/article.js';
import { dayNumber, dayRange, isoDay, isoDayOf, isoMonth } from '../domain/dates.js';
import {
  type EventType,
  type Evidence,
  type ExtractedEvent,
  GENERIC_TYPES,
  isCallType,
  type Participant,
} from '../domain/event.js';
import { matchForm } from '../text/vietnamese.js';
import {
  findTriggers,
  isCommitteeName,
  isMeeting,
  isPlainMeeting,
  isVisit,
  tourListed,
} from './classify.js';
import {
  type DateMention,
  isDay,
  isMonth,
  type RefDate,
  refDateOf,
  refDayNumber,
} from './dates.js';
import { countryAt, placeAt, titleCountry } from './gazetteer.js';
import type { LanguageProfile } from './languages.js';
import { anyReadsAt, findAnyPhrase, hasPhrase, LEX } from './lexicon.js';
import {
  citiesIn,
  cityPlace,
  comesAlong,
  FRAME_BEFORE,
  findMentions,
  hostingIn,
  type Mention,
  multilateralAfter,
  nounDatedBy,
  onTenseSide,
  type Place,
  peopleOfMention,
  type SentenceInfo,
  sameCountries,
  sinceDated,
  visitDayBefore,
} from './mentions.js';
import {
  type Furniture,
  furnitureOf,
  quotationOpening,
  quotesDocument,
  saidQuoteAt,
} from './noise.js';
import { cleanText, withoutCutWord } from './normalize.js';
import {
  bareNameMentions,
  bareNameWords,
  findPeople,
  type Person,
  type PersonMention,
  resolvePeople,
} from './people.js';
import { publisherCountry } from './publisher.js';
import { splitSentences } from './sentences.js';
import type { Token } from './tokens.js';
import { anyKeyIn, keyIn, textAt, tokenize } from './tokens.js';

/** The lexicon's lists this module reads in several places, by name (as `…Words` where the
 *  name is a keyword, a common word or one of this module's own). */
const {
  counterpartTitle,
  definite,
  multilateralTrip,
  placeLead,
  possessives,
  pronouns,
  sidelines,
  speech,
  titleArticle,
  arrival: arrivalWords,
  and: andWords,
  sequel: sequelWords,
} = LEX;

/** Sentences longer than this are cut: no real sentence is, and it bounds the work per sentence. */
const MAX_SENTENCE_CHARS = 1500;
/** "do hai Bộ trưởng đồng chủ trì": how far after the pair the co-chairing verb may stand. */
const CO_CHAIR_SPAN = 6;
/** How many days before its first dated meeting a visitor's arrival may be told. */
const ARRIVAL_DAYS_BEFORE = 2;
/** How many recently named principals a sentence may refer back to. */
const MAX_RECENT_PRINCIPALS = 12;
/** Events further than this from the publication date are history, not news. */
const MAX_DISTANCE_DAYS = 400;

interface Group {
  kind: Mention['kind'];
  mentions: Mention[];
}

interface Draft {
  category: 'visit' | 'meeting';
  type: EventType;
  group: Group;
  start: string;
  end: string | null;
  precision: 'day' | 'month';
  dateMention: Mention | null;
  countries: string[];
  host: string | null;
  guest: string | null;
  people: Person[];
  place: Place | null;
  placeMention: Mention | null;
  status: 'announced' | 'held';
  partOf: Draft | null;
  /** the host was inferred (from who receives or calls on whom, or from the other meetings
   *  that day), nothing placing the meeting: a visit found later that it is part of hosts it */
  hostInferred: boolean;
  order: number;
  evidence: Evidence[];
}

// ---------------------------------------------------------------- reading

/** Each sentence read once: matching form, tokens, cues and people, then dates in article order. */
function readSentences(
  article: Article,
  profile: LanguageProfile,
  /** whose government's own site the article is on, or null (publisher.ts) */
  publisher: string | null,
): SentenceInfo[] {
  const ref = refDateOf(article.publishedAt);
  const title = article.title === null ? '' : cleanText(article.title);
  const sentences: SentenceInfo[] = [];
  /** the matching form of each sentence, for the date pass below */
  const lowers: string[] = [];
  const allPeople: PersonMention[] = [];
  /** how many of allPeople the title names (they come first) */
  let titleMentions = 0;
  // the countries of a tour the story has listed so far (classify.ts tourListed)
  const legs = new Set<string>();
  const read = (text: string, lower: string, isTitle: boolean, furniture: Furniture | null) => {
    const tokens = tokenize(text, lower);
    const mentions = findPeople(text, tokens, profile);
    // "“…,” he said after meeting B": the quotation's own cues are someone's words
    // (not a government's document quoted: "“…,” a statement issued by the ministry said")
    const document = !isTitle && quotesDocument(lower);
    const quoted = furniture === null && !isTitle && !document ? quotationOpening(text) : -1;
    const storyFrom =
      quoted < 0
        ? 0
        : Math.max(
            0,
            tokens.findIndex((t) => t.start >= quoted),
          );
    // ("In a post on X, A said, “Pleased to meet B this morning in Delhi.”": what a quotation
    // opened after the words of saying tells is the speaker's own account)
    const said = isTitle || document ? -1 : saidQuoteAt(lower);
    const storyTo =
      said < 0
        ? tokens.length
        : Math.max(
            0,
            tokens.findIndex((t) => t.start > said),
          );
    for (const m of mentions) allPeople.push(m);
    if (isTitle) titleMentions = allPeople.length;
    const order = isTitle ? -1 : sentences.length - (title.length > 0 ? 1 : 0);
    const triggers =
      furniture === 'related'
        ? []
        : findTriggers(tokens, legs).filter((t) => t.first >= storyFrom && t.first < storyTo);
    for (const code of tourListed(tokens, triggers)) legs.add(code);
    // persons and dates are filled in below, once the article's people are resolved
    sentences.push({
      text,
      tokens,
      triggers,
      mentions,
      persons: [],
      dates: [],
      order,
      isTitle,
      caption: furniture === 'caption' || furniture === 'quote',
      anchor: null,
      heldAnchor: null,
      sequel: null,
      storyFrom,
      datelined: false,
    });
    lowers.push(lower);
  };
  if (title.length > 0) read(title, matchForm(title), true, null);
  const body = splitSentences(withoutCutWord(cleanText(article.text)));
  const bodyLowers = body.map((s) => matchForm(s.text));
  body.forEach((s, n) => {
    const next = body[n + 1];
    const lower = bodyLowers[n]!;
    const furniture = furnitureOf(
      lower,
      next !== undefined && next.paragraph === s.paragraph ? bodyLowers[n + 1]! : null,
    );
    for (let at = 0; at < s.text.length; at += MAX_SENTENCE_CHARS)
      read(
        s.text.slice(at, at + MAX_SENTENCE_CHARS),
        lower.slice(at, at + MAX_SENTENCE_CHARS),
        false,
        furniture,
      );
  });
  if (profile.bareNames) addBareNames(sentences, allPeople);
  setContextCountries(sentences, profile.homeCountry);
  const { personOf } = resolvePeople(allPeople, profile.homeCountry, publisher, titleMentions);
  let cursor = 0;
  let anchor: string | null = null;
  let heldAnchor: string | null = null;
  const today = isoDay(ref.year, ref.month, ref.day);
  // the day "today" and "this evening" are told of: publication's, or that of a date on a line
  // of its own above them (a listing page's item: "23 October 2022", then that day's readout)
  let lineRef = ref;
  // the day the sentence just before dates its cue by: what "the same day" or "the previous
  // day" in the next one counts from ("He arrived on Thursday for a visit. The same day, he met
  // B"), before the story's anchor
  let cueDay: string | null = null;
  const titleLower = title.length > 0 ? matchForm(title) : null;
  sentences.forEach((info, n) => {
    info.persons = personOf.slice(cursor, cursor + info.mentions.length);
    cursor += info.mentions.length;
    // dates matter where there is a cue, and where a later "cùng ngày" may refer to them
    const lower = lowers[n]!;
    const dayBefore = cueDay;
    cueDay = null;
    if (info.triggers.length === 0 && !profile.mayHoldDay.test(lower)) return;
    info.dates = sameDayInSentence(
      withoutDateline(
        info,
        // (the page's first line is often the headline again: it reads as one)
        profile.findDates(
          lower,
          info.isTitle ? ref : lineRef,
          info.isTitle ? null : (dayBefore ?? anchor),
          info.isTitle || lower === titleLower,
        ),
      ),
    );
    if (!info.isTitle) lineRef = dateLineOf(info, lower) ?? lineRef;
    cueDay =
      info.triggers.length > 0
        ? (info.dates.find((d) => isDay(d) && !d.approximate && d.endValue === null)?.value ?? null)
        : null;
    // (a day in a quotation that opens the sentence is the speaker's, not the reporter's)
    if (info.storyFrom > 0) {
      const from = info.tokens[info.storyFrom]!.start;
      info.dates = info.dates.filter((d) => d.start >= from);
    }
    if (!info.isTitle) {
      info.anchor = anchor;
      info.heldAnchor = heldAnchor;
      // (a photo's caption dates the scene it shows, not the sentences after it: "A met B in
      // Riyadh on December 8, 2022. (Agency)" above a story of their call this week)
      if (!info.caption) anchor = nextAnchor(anchor, info);
      if (anchor !== null && anchor <= today) heldAnchor = anchor;
      const before = sentences[n - 1];
      if (before !== undefined && !before.isTitle && goesOn(info))
        info.sequel =
          before.dates.find((d) => isDay(d) && !d.approximate && !sinceDated(before, d))?.value ??
          null;
    }
  });
  return sentences;
}

/** The day a sentence that is only a date written out with its year stands for ("23 October
 *  2022" on its own line), or null. */
function dateLineOf(info: SentenceInfo, lower: string): RefDate | null {
  const [date] = info.dates;
  if (
    info.dates.length !== 1 ||
    !isDay(date!) ||
    date!.relative ||
    date!.yearGuessed === true ||
    date!.endValue !== null ||
    lower.slice(0, date!.start).trim() !== '' ||
    !/^[\s.]*$/.test(lower.slice(date!.end))
  )
    return null;
  const [year, month, day] = date!.value.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** How many words before a cue a word that goes on may stand ("will then hold official talks"). */
const SEQUEL_BEFORE = 3;

/** "The two leaders then held talks", "Later, the two leaders will hold talks", "A will then
 *  hold official talks": a cue a few words after a word that goes on from the sentence
 *  before, or in a sentence that opens with one. */
const goesOn = (info: SentenceInfo): boolean =>
  info.triggers.length > 0 &&
  (keyIn(sequelWords, info.tokens, info.storyFrom) ||
    anyReadsAt(info.tokens, info.storyFrom, LEX.sequelOpening) > 0 ||
    info.triggers.some((t) => {
      for (let k = t.first - 1; k >= 0 && t.first - k <= SEQUEL_BEFORE; k--) {
        const token = info.tokens[k]!;
        if (sequelWords.has(token.key)) return true;
        if (!token.word) return false;
      }
      return false;
    }));

/**
 * "BEIJING, Sept. 30 (Wire) -- A met B on Saturday": the day a story was filed is not the day
 * of what it reports when the sentence gives that day too; alone, it stands for it.
 */
/** "to meet A on November 7 and later in the day B": a day told relative to the last event's
 *  is the one the sentence gave before it, where it gave one. */
function sameDayInSentence(dates: DateMention[]): DateMention[] {
  let day: string | null = null;
  return dates.map((d) => {
    if (!d.anchored) {
      if (isDay(d) && d.endValue === null) day = d.value;
      return d;
    }
    return day === null ? d : { ...d, value: day };
  });
}

/** The sentence's dates without the day of a dateline that opens it ("HANOI, March 5
 *  (Reuters) -", "New Delhi, Oct 6 (PTI)"), the day it was filed; such a sentence is marked
 *  `datelined`, so that datelineOf still knows it was dated. */
function withoutDateline(info: SentenceInfo, dates: DateMention[]): DateMention[] {
  if (dates.length === 0 || info.isTitle) return dates;
  const t = info.tokens;
  const lead = leadingPlace(t);
  // ("JOHANNESBURG (Wire / Agency - 07th August, 2023) …": the day in the credit right after
  // the city)
  if (lead !== null && textAt(t, lead.end) === '(') {
    const open = t[lead.end]!.end;
    const close = info.text.indexOf(')', open);
    if (close < 0 || close - open > DATELINE_CREDIT_CHARS) return dates;
    const kept = dates.filter((d) => d.start < open || d.start > close);
    if (kept.length < dates.length) info.datelined = true;
    return kept;
  }
  if (lead === null || textAt(t, lead.end) !== ',') return dates;
  const first = dates[0]!;
  if (first.start - t[lead.end]!.end > DATELINE_DATE_GAP) return dates;
  // the date is followed by the wire's name in brackets (with a dash or a colon after it, or
  // none: "New Delhi, Oct 6 (PTI) A called on B") or by a dash or a colon
  const after = info.text.slice(first.end, first.end + DATELINE_CREDIT_CHARS);
  const credit = /^\s*,?\s*\([^)]*\)/u.exec(after);
  if (credit === null && !/^\s*,?\s*(?:-|–|—|:)/u.test(after)) return dates;
  info.datelined = true;
  // (a day inside the credit is the filing day again: "Berlin, Dec 8 (UrduPoint / Pakistan
  // Point News - 8th Dec, 2021 ) :")
  const creditEnd = first.end + (credit?.[0].length ?? 0);
  return dates.slice(1).filter((d) => d.start >= creditEnd);
}

/** "Tran added": mentions of people by a part of the full name the article gives them, in sentence order. */
function addBareNames(sentences: readonly SentenceInfo[], allPeople: PersonMention[]): void {
  const nameWords = new Set<string>();
  for (const m of allPeople) {
    // a full name, or one word with a title ("Emperor Akihito", "President Prabowo")
    if (
      m.nameKeys.length === 0 ||
      (m.title === null && (m.nameKeys.length < 2 || m.country === null))
    )
      continue;
    for (const word of bareNameWords(m.nameKeys)) nameWords.add(word);
  }
  if (nameWords.size === 0) return;
  allPeople.length = 0;
  for (const info of sentences) {
    const bare = bareNameMentions(info.text, info.tokens, nameWords, info.mentions);
    if (bare.length > 0)
      info.mentions = [...info.mentions, ...bare].sort((a, b) => a.first - b.first);
    for (const m of info.mentions) allPeople.push(m);
  }
}

/** Foreign countries written in a sentence, with their token positions; with `cities`,
 *  also by a city of theirs. */
function foreignCountries(
  tokens: readonly Token[],
  homeCountry: string | null,
  cities: boolean,
): Array<{ at: number; code: string }> {
  const out: Array<{ at: number; code: string }> = [];
  for (let k = 0; k < tokens.length; k++) {
    if (!tokens[k]!.cap) continue;
    const country = countryAt(tokens, k);
    const city = country === null && cities ? placeAt(tokens, k) : null;
    const code = country?.code ?? city?.entry.code;
    if (code === undefined) continue;
    if (code !== homeCountry) out.push({ at: k, code });
    k += (country ?? city)!.length - 1;
  }
  return out;
}

/** Of the countries a sentence names (`listed`), one written joined to one of `others`
 *  ("Finland and Estonia", "Finland, Estonia", "Finnish-Estonian") and not among them, or null. */
function pairedCountry(
  tokens: readonly Token[],
  listed: ReadonlyArray<{ at: number; code: string }>,
  others: ReadonlySet<string>,
): string | null {
  for (const [i, a] of listed.entries()) {
    const b = listed[i + 1];
    if (b === undefined || others.has(a.code) === others.has(b.code)) continue;
    const end = a.at + (countryAt(tokens, a.at)?.length ?? 1);
    const joiner = textAt(tokens, end);
    if (b.at === end + 1 && (joiner === ',' || keyIn(LEX.countryPairJoiner, tokens, end)))
      return others.has(a.code) ? b.code : a.code;
  }
  return null;
}

/** How many words may stand between "at the invitation of" and the one who invited ("of
 *  Russian Foreign Minister B"). */
const INVITER_GAP = 6;

/** The city a line opens with as a dateline ("Muscat: …", "HANOI — …", "Tokyo, May 3 …"), or
 *  stands alone on ("Dhaka"), past an aggregator's credit, with its country, or null. */
function filedFrom(t: readonly Token[]): { at: number; code: string } | null {
  const lead = leadingPlace(t);
  return lead !== null &&
    t[lead.from]!.cap &&
    (DATELINE_MARKS.has(textAt(t, lead.end) ?? '') || lead.end === t.length)
    ? { at: lead.from, code: lead.entry.code }
    : null;
}

/**
 * For named mentions without a country ("Bộ trưởng Carlos Salazar"), the foreign country the
 * article was talking about there: the last one before it in the sentence, else in the
 * sentences before (the headline first), else the first one after it in the sentence.
 */
function setContextCountries(sentences: readonly SentenceInfo[], homeCountry: string | null): void {
  const cache = new Map<number, Array<{ at: number; code: string }>>();
  // (a counterpart is of another country than the one they are met by: where a city is
  // named, "is due in Asuncion for talks with his counterpart B", that city's)
  const of = (n: number, cities: boolean) => {
    let list = cache.get(n * 2 + Number(cities));
    if (list === undefined) {
      list = foreignCountries(sentences[n]!.tokens, homeCountry, cities);
      // ("Muscat: Sayyid B, Foreign Minister, on Wednesday held a virtual meeting with C,
      // India's Minister for External Affairs": the city a story is filed from, opening its
      // first lines, is where those it names without a country are from)
      const filed =
        n < DATELINE_SENTENCES && !sentences[n]!.isTitle ? filedFrom(sentences[n]!.tokens) : null;
      if (filed !== null && filed.code !== homeCountry && list[0]?.at !== filed.at)
        list = [filed, ...list];
      cache.set(n * 2 + Number(cities), list);
    }
    return list;
  };
  sentences.forEach((info, n) => {
    for (const m of info.mentions) {
      // ("The Arab League said its Secretary-General A will receive B": an office "its" gives to
      // what is no country is no country's; people.ts gave one "its" gives to a country)
      if (
        m.country !== null ||
        m.name === null ||
        m.title === null ||
        keyIn(LEX.countryPossessive, info.tokens, m.first - 1)
      )
        continue;
      // an office only one country has says whose it is
      const own = titleCountry(m.titleKeys);
      if (own !== null) {
        m.contextCountry = own;
        continue;
      }
      // Countries the mention is not of: "A called on his Malaysian counterpart B" (A is of
      // the other country the story names, the headline's "visit to Malaysia"
      // notwithstanding); "At the invitation of Russian Foreign Minister B, Foreign Minister A
      // will leave on an official visit" (A, the first named after the inviter, is invited)
      const invitedBy = (c: PersonMention) =>
        c.end <= m.first &&
        !info.mentions.some((o) => o.first >= c.end && o.first < m.first) &&
        hasPhrase(info.tokens, LEX.inviter, Math.max(0, c.first - INVITER_GAP), c.first);
      const notOf = new Set(
        info.mentions
          .filter(
            (c) =>
              c.country !== null &&
              ((c.first >= m.end && c.titleKeys.some((k) => counterpartTitle.has(k))) ||
                invitedBy(c)),
          )
          .map((c) => c.country!),
      );
      const here = of(n, m.generic).filter((c) => !notOf.has(c.code));
      let code: string | null = null;
      for (const c of here) if (c.at < m.first) code = c.code;
      // ("Prime Minister A and her Estonian counterpart B" in a story of "Finland and Estonia":
      // the country the story pairs with the counterpart's; else with that of anyone the
      // sentence names after them: "Minister for Foreign Affairs, Dr A, paid a courtesy call on
      // Prime Minister of Sri Lanka, B" in a story of "Nepal and Sri Lanka"; not an office of an
      // institution: "Secretary-General of the Arab League A received B")
      const paired =
        notOf.size > 0 || m.titleKeys.some((k) => titleArticle.has(k))
          ? notOf
          : new Set(
              info.mentions.filter((c) => c.first >= m.end && c.country).map((c) => c.country!),
            );
      for (let b = 0; code === null && paired.size > 0 && b < sentences.length; b++)
        code = pairedCountry(sentences[b]!.tokens, of(b, false), paired);
      for (let b = n - 1; code === null && b >= 0; b--) {
        const l = of(b, m.generic).filter((c) => !notOf.has(c.code));
        if (l.length > 0) code = l[l.length - 1]!.code;
      }
      if (code === null) code = here.find((c) => c.at >= m.end)?.code ?? null;
      for (let a = n + 1; code === null && notOf.size > 0 && a < sentences.length; a++)
        code = of(a, m.generic).find((c) => !notOf.has(c.code))?.code ?? null;
      m.contextCountry = code;
    }
  });
}

/** A date that opens its sentence ("Ngày 6/3, ...", "Trước đó, tối 22/6, ...") rather than sitting inside it. */
const OPENING_CHARS = 24;

/**
 * The day a later "cùng ngày" or "Sau đó," refers to: the day of the last reported event,
 * normally the lead's. A day in a sentence that reports a meeting moves it (also back:
 * "Trước đó, ngày 6/11, A hội kiến B"). Other days are background unless they open their
 * sentence and go forward ("Ngày 6/3, A đến TP.HCM"): an arrival the evening before
 * ("đã tới sân bay tối 22/6"), a visit's span ("từ ngày 14 đến 17/9", its first day
 * earlier than the lead) or its end ("kéo dài đến ngày 17/9") leave it where it is.
 */
function nextAnchor(anchor: string | null, info: SentenceInfo): string | null {
  if (isStamp(info)) return anchor;
  let day: DateMention | undefined;
  let span: DateMention | undefined;
  for (const d of info.dates) {
    if (!isDay(d) || d.anchored || d.approximate || sinceDated(info, d)) continue;
    // ("following the February 8 polls": a day of something no cue names)
    const noun = nounDatedBy(info.tokens, d);
    if (noun >= 0 && !info.triggers.some((t) => t.first === noun)) continue;
    if (d.endValue !== null) {
      span ??= d;
      continue;
    }
    day = d;
    break;
  }
  if (anchor === null) return day?.value ?? span?.value ?? null;
  if (day === undefined || day.value === anchor) return anchor;
  if (info.triggers.some((t) => !isVisit(t))) return day.value;
  return day.start <= OPENING_CHARS && day.value > anchor ? day.value : anchor;
}

/** How many words besides its dates a page's time stamp may have ("Cập nhật", "Published"). */
const STAMP_WORDS = 3;

/** "Thứ Năm 18/10/2018 16:15", "Published : Aug 16, 2021 - 21:06": a line that is a date and
 *  little else stamps the page; what the story tells later is not on that day. */
function isStamp(info: SentenceInfo): boolean {
  if (info.triggers.length > 0 || info.dates.length === 0) return false;
  const words = info.tokens.filter(
    (t) =>
      t.word && !/^\d/.test(t.key) && !info.dates.some((d) => t.start >= d.start && t.end <= d.end),
  );
  return words.length <= STAMP_WORDS;
}

const POSSESSIVE_MARKS: ReadonlySet<string> = new Set(["'", '\u2019', '\u2018']);

/** "Prime Minister A's Remarks at …", "Statement by President A": whose words the article is
 *  (its headline, or a line of its own among the page's first, "Press Conference by Foreign
 *  Minister A", ending with the speaker's name). */
function speakerOf(sentences: readonly SentenceInfo[]): Person | null {
  const lines = [
    ...sentences.filter((s) => s.isTitle),
    ...sentences.filter((s) => !s.isTitle).slice(0, SPEAKER_LINES),
  ];
  for (const line of lines) {
    const t = line.tokens;
    for (let n = 0; n < line.mentions.length; n++) {
      const m = line.mentions[n]!;
      const person = line.persons[n];
      if (person?.principal !== true) continue;
      const possessive = POSSESSIVE_MARKS.has(textAt(t, m.end) ?? '') && t[m.end + 1]?.key === 's';
      if (line.isTitle && possessive && anyReadsAt(t, m.end + 2, speech) > 0) return person;
      // "Remarks by A": a speech word, then "by", right before the mention
      const by = m.first - 1;
      if (!keyIn(LEX.speechBy, t, by) || (!line.isTitle && m.end < t.length)) continue;
      for (let k = Math.max(0, by - MAX_SPEECH_WORDS); k < by; k++)
        if (anyReadsAt(t, k, speech) === by - k) return person;
    }
  }
  return null;
}
/** How many of a page's first lines may name whose words it is. */
const SPEAKER_LINES = 3;
/** How many words a speech's name ("Opening Statement") may take. */
const MAX_SPEECH_WORDS = 3;

function hasCommitteeName(info: SentenceInfo): boolean {
  return info.triggers.some(
    (t) => t.kind === 'committee' && isCommitteeName(info.tokens, t.end) >= 0,
  );
}

// ---------------------------------------------------------------- merging mentions

/** The days a date mention covers: a month's every day, else its first to its last. */
function span(d: DateMention): [number, number] {
  if (isMonth(d)) return dayRange(d.value);
  return [dayNumber(d.value), dayNumber(d.endValue ?? d.value)];
}

function datesCompatible(
  a: DateMention | null,
  b: DateMention | null,
  exactDays: boolean,
  slackDays = 0,
): boolean {
  if (a === null || b === null) return true;
  // "his meeting with B last year" is not this year's meeting
  if (a.precision === 'year' || b.precision === 'year')
    return a.value.slice(0, 4) === b.value.slice(0, 4);
  if (exactDays && isDay(a) && isDay(b) && a.endValue === null && b.endValue === null)
    return a.value === b.value;
  const [a0, a1] = span(a);
  const [b0, b1] = span(b);
  return a0 <= b1 + slackDays && b0 <= a1 + slackDays;
}

/** How long before a day a visit was under way on it may have begun, in days. */
const UNDER_WAY_DAYS = 7;

/** "who is on a three-day state visit … on Thursday" and "began his visit on July 30": a day
 *  the visit was under way on, and a day up to a week before it that it may have begun. */
function underWay(during: DateMention | null, begun: DateMention | null): boolean {
  if (during?.precision !== 'day' || begun?.precision !== 'day') return false;
  const gap = dayNumber(during.value) - dayNumber(begun.value);
  return gap >= 0 && gap <= UNDER_WAY_DAYS;
}

/** "who is on a three-day state visit … on Wednesday" (or "touched down … on Thursday") and
 *  "will be in Bangladesh till December 17": a day the visit was under way on, and its last
 *  day up to a week after. */
const endsAfter = (during: DateMention | null, last: Mention): boolean =>
  last.dateIsEnd && underWay(last.date, during);

/** A visit told on one day here and on the next there is one visit: it lasts days. */
const VISIT_SLACK_DAYS = 1;

/** What the mentions of a group agree on so far; a new mention is compared with this, not with each mention. */
interface Summary {
  countries: string;
  host: string | null;
  guest: string | null;
  ordinal: number | null;
  date: DateMention | null;
  /** the date is the frame's ("arrived on Wednesday for his summit with B"), not the event's own */
  dateFramed: boolean;
  /** the date is a day the visit was under way on, named in passing ("who is on a visit …
   *  on Thursday"), not when it began */
  dateBorrowed: boolean;
  type: EventType;
  /** country -> ids of the people on that side */
  people: Map<string, Set<number>>;
  /** the countries a leader stands on the side of */
  leaders: Set<string>;
  /** the mentions are told as done ("hosted", "đã hội đàm"), none as to come */
  done: boolean;
  /** the mentions tell an earlier event the story refers to ("since a phone call in September") */
  precedent: boolean;
  /** the country the first placed mention puts it in */
  placeCountry: string | null;
  /** a mention tells it met in person ("are scheduled to meet in person"): no call */
  inPerson: boolean;
  /** every mention is told as to come ("will meet") */
  toCome: boolean;
}

const toCome = (m: Mention) => m.future && !m.past;
/** Talks or a meeting named in an opening "After …,": the ones told. */
const openingReference = (m: Mention) =>
  m.opensAfter && (isTalksOrCall(m.type) || isPlainMeeting(m));
const told = (m: Mention) => m.past && !m.future;
/** "to meet in person", "met face to face": the words right after the cue */
const metInPerson = (m: Mention) =>
  !isCallType(m.type) &&
  findAnyPhrase(m.sentence.tokens, LEX.inPerson, m.trigger.end, m.trigger.end + 1) !== null;

function summarize(m: Mention): Summary {
  const summary: Summary = {
    countries: m.countries.join(),
    host: m.host,
    guest: m.guest,
    ordinal: m.ordinal,
    date: m.date,
    dateFramed: m.dateFramed,
    dateBorrowed: m.dateBorrowed,
    type: m.type,
    people: new Map(),
    leaders: new Set(),
    done: told(m),
    precedent: m.precedent,
    placeCountry: m.place?.country ?? null,
    inPerson: metInPerson(m),
    toCome: toCome(m),
  };
  addPeople(summary, m);
  return summary;
}

function addPeople(summary: Summary, m: Mention): void {
  for (const p of peopleOfMention(m)) {
    if (p.country === null) continue;
    let ids = summary.people.get(p.country);
    if (ids === undefined) {
      ids = new Set();
      summary.people.set(p.country, ids);
    }
    ids.add(p.id);
    if (p.leader) summary.leaders.add(p.country);
  }
}

/** "A arrived in Islamabad on a three-day visit … Earlier today, A's Foreign Minister B reached
 *  Islamabad": a minister arriving where the leader of the same country visits, on the same
 *  days, comes with the leader's delegation (the visit's people keep the leader alone). */
function ofDelegation(summary: Summary, m: Mention): boolean {
  const guests = peopleOfMention(m).filter((p) => p.country === m.guest);
  return (
    m.guest !== null &&
    summary.leaders.has(m.guest) &&
    guests.length > 0 &&
    guests.every((p) => !p.leader)
  );
}

function peopleCompatible(summary: Summary, m: Mention): boolean {
  const mine = new Map<string, number[]>();
  for (const p of peopleOfMention(m))
    if (p.country !== null) mine.set(p.country, [...(mine.get(p.country) ?? []), p.id]);
  for (const [country, ids] of mine) {
    const other = summary.people.get(country);
    if (other !== undefined && !ids.some((id) => other.has(id))) return false;
  }
  return true;
}

/** How many days before the story's a day may still be the one it tells as news. */
const NEWS_DAYS = 7;
/** How near publication the day a later line of a story tells must be to date an undated
 *  event that line tells ("agreed Thursday", in a story of Friday morning). */
const STORY_DAYS = 2;
/** How many words before a cue its auxiliary may stand ("has held a telephone conversation"). */
const PERFECT_BEFORE = 3;

function fits(group: Group, summary: Summary, m: Mention, ref: RefDate): boolean {
  if (group.kind !== m.kind) return false;
  // an earlier event the story refers to is not the one it reports
  // (but "the talks" names back one told only as before another act: "met the press after
  // holding telephone talks with B … in the talks with A")
  if (m.precedent !== summary.precedent && !(namedBack(m) && summary.date === null)) return false;
  if (m.countries.length > 0 && summary.countries !== m.countries.join()) return false;
  // a visit by another person of the same country is another visit (a past one mentioned in passing, an invitation)
  // a reference to "the visit" (no host written) joins the visit its people fit
  // "arrived in Hanoi on May 25, beginning a state visit until May 27": one visit
  if (
    isVisit(m) &&
    m.host !== null &&
    summary.host === m.host &&
    summary.guest === m.guest &&
    group.mentions.some((o) => o.sentence === m.sentence) &&
    // (not "A had visited Egypt in February and B had paid a separate visit in August")
    peopleCompatible(summary, m)
  )
    return true;
  if (isVisit(m))
    return (
      // (a reference to "the visit to B" names no guest)
      (m.host === null ||
        (summary.host === m.host && (summary.guest === m.guest || m.countries.length === 0))) &&
      (datesCompatible(summary.date, m.date, false, VISIT_SLACK_DAYS) ||
        underWay(summary.dateBorrowed ? summary.date : null, m.dateBorrowed ? null : m.date) ||
        underWay(m.dateBorrowed ? m.date : null, summary.dateBorrowed ? null : summary.date) ||
        endsAfter(summary.date, m) ||
        group.mentions.some((o) => endsAfter(m.date, o))) &&
      (peopleCompatible(summary, m) ||
        (m.host !== null &&
          datesCompatible(summary.date, m.date, true) &&
          ofDelegation(summary, m)))
    );
  if (m.kind === 'committee')
    return (
      (summary.ordinal === null || m.ordinal === null || summary.ordinal === m.ordinal) &&
      datesCompatible(summary.date, m.date, true)
    );
  // "The two met in July in Brazil at a summit" and "a brief meeting in Ahmedabad": a meeting
  // told only by its month, somewhere else, is background, not the one the story reports
  if (
    m.place?.country != null &&
    summary.placeCountry !== null &&
    m.place.country !== summary.placeCountry &&
    (m.date?.precision === 'month' || summary.date?.precision === 'month')
  )
    return false;
  // talks told once as talks and once as a call ("held talks …", "in their phone talks …") are the call
  // "hosted B on Monday … formal talks between A and B will follow": what is to come is another meeting
  // (not "welcomed B ahead of their talks" after "A held talks with B": those talks)
  // (but "After the talks, both leaders will lay wreaths" refers to the talks told)
  if (m.date === null && toCome(m) && !m.ledUp && !openingReference(m) && summary.done)
    return false;
  // "A will meet B … as agreed at their summit in March": what was is not what will be
  if (m.date !== null && told(m) && summary.toCome) return false;
  // "A will receive B in Paris on Tuesday … The two met in Rome after she took office": nor is a
  // meeting told as done, with no day, one announced for a day still to come
  if (
    m.date === null &&
    told(m) &&
    summary.toCome &&
    summary.date !== null &&
    dayRange(summary.date.value)[0] > refDayNumber(ref)
  )
    return false;
  // "A and B have wrapped up their virtual summit … A will visit Beijing in February": nor is
  // what is to come after the day of publication what the story tells as done
  if (
    m.date !== null &&
    toCome(m) &&
    summary.done &&
    summary.date === null &&
    dayRange(m.date.value)[0] > refDayNumber(ref)
  )
    return false;
  // "A has held a telephone conversation with B … Earlier on April 10, A made a phone call with
  // B": a day gone by, days before the story's, is not what it tells as the day's news
  if (
    m.date?.precision === 'day' &&
    summary.date === null &&
    dayRange(m.date.value)[1] < refDayNumber(ref) - NEWS_DAYS &&
    group.mentions.some(
      (o) =>
        o.date === null &&
        anyKeyIn(
          LEX.presentPerfect,
          o.sentence.tokens,
          Math.max(0, o.trigger.first - PERFECT_BEFORE),
          o.trigger.first,
        ),
    )
  )
    return false;
  // "to hold their first summit on the sidelines of the summit in Laos … During the call (last
  // week), the leaders agreed": a meeting somewhere, or in person, is no call
  const placed = (type: EventType, country: string | null | undefined, inPerson: boolean) =>
    !isCallType(type) && (country != null || inPerson);
  // (but "holds talks with B via a video link in Moscow" is one call, told by one sentence;
  // not "After the call, A hoped to meet B in Laos", whose opening names the call told before)
  if (
    ((isCallType(m.type) && placed(summary.type, summary.placeCountry, summary.inPerson)) ||
      (isCallType(summary.type) && placed(m.type, m.place?.country, metInPerson(m)))) &&
    !group.mentions.some((o) => o.sentence === m.sentence && !openingReference(o))
  )
    return false;
  const typesFit =
    summary.type === m.type ||
    isPlainMeeting(summary) ||
    isPlainMeeting(m) ||
    (isTalksOrCall(summary.type) && isTalksOrCall(m.type)) ||
    receptionOfTalks(summary, m);
  return (
    typesFit &&
    (datesCompatible(summary.date, m.date, true) ||
      framedDayBefore(summary, m) ||
      (writersDayOff(summary.date, m.date, ref) &&
        (summary.placeCountry === null ||
          m.place?.country == null ||
          m.place.country === summary.placeCountry))) &&
    peopleCompatible(summary, m)
  );
}

/** "set to meet today in Beijing" under "to meet Xi Friday morning in Beijing", filed the
 *  evening before in Canada: a day told as the writer's ("today") and a day next to it, of the
 *  same two meeting in the same place (or one not placed), are one day told from two time zones. */
function writersDayOff(a: DateMention | null, b: DateMention | null, ref: RefDate): boolean {
  if (a?.precision !== 'day' || b?.precision !== 'day') return false;
  if (a.endValue !== null || b.endValue !== null || a.deictic === b.deictic) return false;
  // (the writer's own day: "yesterday" beside "on Sunday" tells two days)
  const today = a.deictic ? a : b;
  if (dayNumber(today.value) !== refDayNumber(ref)) return false;
  return Math.abs(dayNumber(a.value) - dayNumber(b.value)) === 1;
}

/** "A received his counterpart B" and "A and B held talks" the same day: one meeting, when
 *  both name the same two people (a visitor received by one leader and in talks with
 *  another has two). */
function receptionOfTalks(summary: Summary, m: Mention): boolean {
  const types = new Set([summary.type, m.type]);
  if (!types.has('courtesy_call') || !types.has('talks')) return false;
  const named = new Set(peopleOfMention(m).map((p) => p.country));
  named.delete(null);
  return (
    named.size >= 2 &&
    [...named].every((c) => summary.people.has(c!)) &&
    summary.people.size === named.size
  );
}

/** "arrived on Wednesday for his summit with B" and "a day before his summit with B" in one
 *  story: a meeting dated by the arrival that frames it, and the day after told as its own, are
 *  one meeting (on its own day). */
function framedDayBefore(summary: Summary, m: Mention): boolean {
  const [framed, own] = summary.dateFramed
    ? [summary.date, m.dateFramed ? null : m.date]
    : [m.dateFramed ? m.date : null, summary.date];
  if (framed === null || own === null) return false;
  if (!isDay(framed) || !isDay(own)) return false;
  if (framed.endValue !== null || own.endValue !== null) return false;
  return dayNumber(own.value) - dayNumber(framed.value) === 1;
}

/**
 * "The two leaders last met in Vientiane … During their meeting in Laos, A said …": an
 * undated mention placed where an earlier meeting of the same pair was is that meeting.
 */
function refersBack(group: Group, summary: Summary, m: Mention): boolean {
  return (
    summary.precedent &&
    !m.precedent &&
    group.kind === m.kind &&
    m.date === null &&
    m.place?.country != null &&
    m.place.country === summary.placeCountry &&
    summary.countries === m.countries.join() &&
    !m.countries.includes(m.place.country)
  );
}

function absorb(summary: Summary, m: Mention): void {
  if (
    summary.date === null ||
    (m.date !== null && isDay(m.date) && !isDay(summary.date)) ||
    (m.date !== null && summary.dateFramed && !m.dateFramed)
  ) {
    summary.date = m.date;
    summary.dateFramed = m.dateFramed;
    summary.dateBorrowed = m.dateBorrowed;
  }
  // (a reception that is also told as talks is the talks: receptionOfTalks)
  if (isPlainMeeting(summary) || (summary.type === 'courtesy_call' && m.type === 'talks'))
    summary.type = m.type;
  summary.ordinal ??= m.ordinal;
  summary.placeCountry ??= m.place?.country ?? null;
  summary.inPerson ||= metInPerson(m);
  // (an opening "After the talks," tells nothing of their tense: the main clause's is its own)
  if (!openingReference(m)) {
    // (told done by any of them: "after a meeting with B" names no tense, "met B" does)
    summary.done = (summary.done || told(m)) && !toCome(m);
    summary.toCome &&= toCome(m);
  }
  addPeople(summary, m);
}

function groupMentions(
  mentions: readonly Mention[],
  sentences: readonly SentenceInfo[],
  ref: RefDate,
): Group[] {
  const groups: Group[] = [];
  const summaries: Summary[] = [];
  // "In January 2010, A, then party secretary, visited B": history is no report of today's event
  // (nor "whom his grandfather had met in Hanoi in 1964", known only by another year)
  const far = (d: DateMention) =>
    Math.abs(dayRange(d.value)[0] - refDayNumber(ref)) > MAX_DISTANCE_DAYS;
  const history = (m: Mention) =>
    m.date !== null ? far(m.date) : m.year !== null && m.year !== ref.year;
  // "A's one earlier trip to B was a state visit in 2019. A also visited C on that trip": told as
  // done, with no day, right after a sentence that tells such an event only in past years, it
  // is that history, no event of today's
  const recalled = (m: Mention) => {
    if (m.date !== null || m.year !== null || !told(m)) return false;
    const before = sentences.find((s) => s.order === m.sentence.order - 1);
    return (
      before?.triggers.some((t) => t.kind === m.kind) === true &&
      before.dates.length > 0 &&
      before.dates.every(far)
    );
  };
  // "during his meetings with B this year": meetings of a year, in the plural, are several
  // events told together, none of them today's
  const severalOfYear = (m: Mention) =>
    m.date === null &&
    m.year !== null &&
    anyKeyIn(LEX.pluralCues, m.sentence.tokens, m.trigger.first, m.trigger.end);
  for (const m of mentions) {
    if (m.countries.length === 0 || m.sentence.caption || recalled(m) || severalOfYear(m)) continue;
    const back = groups.findIndex((g, n) => refersBack(g, summaries[n]!, m));
    const at = history(m)
      ? -1
      : back >= 0
        ? back
        : groups.findIndex((g, n) => fits(g, summaries[n]!, m, ref));
    if (at < 0) {
      groups.push({ kind: m.kind, mentions: [m] });
      summaries.push(summarize(m));
    } else {
      groups[at]!.mentions.push(m);
      absorb(summaries[at]!, m);
    }
  }
  // references without countries ("kỳ họp năm nay") and captions join the event they refer to
  for (const m of mentions) {
    if (m.countries.length > 0 && !m.sentence.caption) continue;
    const at = groups.findIndex((g, n) => fits(g, summaries[n]!, m, ref));
    if (at >= 0) groups[at]!.mentions.push(m);
  }
  for (const g of groups) g.mentions.sort((a, b) => a.sentence.order - b.sentence.order);
  return groups;
}

// ---------------------------------------------------------------- facts of one event

/** The groups without the greetings on arrival ("A received B at the airport"): no meeting,
 *  nor is a reception of the same two that day grouped with one ("A received B, who arrived
 *  on Thursday … A received B at the airbase"); a meeting of theirs that day stays, told by
 *  its own mentions. */
function withoutGreetings(groups: readonly Group[]): Group[] {
  const kept: Group[] = [];
  for (const g of groups) {
    const told = g.mentions.filter((m) => !m.greeting);
    if (told.length === g.mentions.length) kept.push(g);
    else if (!told.every((m) => m.receives && m.type === 'courtesy_call'))
      kept.push({ kind: g.kind, mentions: told });
  }
  return kept;
}

/** Which type a group's mentions give the event (the highest; unlisted types 1): a plain
 *  meeting or visit yields to what is named, a reception to the talks it was part of
 *  (receptionOfTalks), talks to the call they were held by. */
const TYPE_RANK: Partial<Record<EventType, number>> = {
  visit: 0,
  meeting: 0,
  courtesy_call: 0.5,
  state_visit: 2,
  official_visit: 2,
  working_visit: 1,
  phone_call: 2,
  video_call: 2,
};
const isTalksOrCall = (t: EventType) => t === 'talks' || t === 'phone_call' || t === 'video_call';

function bestType(group: Group): { type: EventType; from: Mention } {
  const story = storyMentions(group);
  const settled = story.find((m) => m.trigger.settles);
  if (settled !== undefined) return { type: settled.type, from: settled };
  const highest = (pool: readonly Mention[]) =>
    pool.reduce((best, m) => ((TYPE_RANK[m.type] ?? 1) > (TYPE_RANK[best.type] ?? 1) ? m : best));
  // ("A received B at the palace … During their talks, A and B discussed …": the story's
  // name for what it told is no kind of its own; it names only a plain meeting's)
  const told = story.filter((m) => !namedBack(m));
  const best = told.length > 0 ? highest(told) : highest(story);
  const named = GENERIC_TYPES.has(best.type) ? highest(story) : best;
  return { type: named.type, from: named };
}

/** "During their talks", "the talks": a meeting's noun the story uses for a meeting told
 *  before, with no day of its own (a visit's level stays what the story calls it, and "the
 *  digital conversation" still tells a call). */
function namedBack(m: Mention): boolean {
  const tokens = m.sentence.tokens;
  return (
    isMeeting(m) &&
    !isCallType(m.type) &&
    m.date === null &&
    m.trigger.noun &&
    [tokens[m.trigger.first - 1], tokens[m.trigger.first]].some(
      (t) => t !== undefined && LEX.referenceLead.has(t.key),
    )
  );
}

/** "They also spoke on March 5 and March 10", "On March 5 and 10, they also had
 *  conversations": a meeting on each day a list joins to its own, after it or before it
 *  (not on the day after: "talks on March 5 and 6" may be one event over both). */
function eachListedDay(m: Mention, ref: RefDate): Mention[] {
  const own = m.date;
  if (!isMeeting(m) || own?.precision !== 'day') return [m];
  const { tokens } = m.sentence;
  // (a day written without its year on the side of the story's day the cue's own lies: "after
  // two phone calls on Sept 9 and Feb 10" in November, a list not always in order)
  const refDay = refDayNumber(ref);
  const ownDay = dayNumber(own.value);
  const dates = m.sentence.dates.map((d) =>
    d.yearGuessed ? onTenseSide(d, { past: ownDay < refDay, future: ownDay > refDay }, ref) : d,
  );
  // two days are listed when only commas, "and" and "on" stand between them, "and" among them
  const listed = (a: DateMention, b: DateMention) => {
    if (b.precision !== 'day' || Math.abs(dayNumber(b.value) - dayNumber(a.value)) < 2)
      return false;
    const between = tokens.filter((t) => t.start >= a.end && t.end <= b.start);
    return (
      between.some((t) => andWords.has(t.key)) &&
      between.every((t) => t.key === ',' || andWords.has(t.key) || LEX.dayLead.has(t.key))
    );
  };
  const days = [own];
  const at = dates.findIndex((d) => d.start === own.start && d.end === own.end);
  if (at < 0) return [m];
  for (let i = at - 1; i >= 0 && listed(dates[i]!, days[0]!); i--) days.unshift(dates[i]!);
  for (let i = at + 1; i < dates.length && listed(days[days.length - 1]!, dates[i]!); i++)
    days.push(dates[i]!);
  return days.map((date) => (date === own ? m : { ...m, date }));
}

/** The mentions outside captions (every group has one: captions only join events the story tells). */
function storyMentions(group: Group): Mention[] {
  const story = group.mentions.filter((m) => !m.sentence.caption);
  return story.length > 0 ? story : group.mentions;
}

/** How many days a visit lasts, as one of its mentions tells ("a three-day visit"), or null. */
const lengthOf = (group: Group): number | null =>
  group.mentions.find((m) => m.durationDays !== null)?.durationDays ?? null;

/** "A, currently on a three-day visit to India, …": a visit told under way since a day the
 *  story does not tell. */
const sinceUntold = (group: Group): boolean =>
  group.mentions.some(
    (m) => isVisit(m) && hasPhrase(m.sentence.tokens, LEX.underWayLead, 0, m.trigger.first),
  );

/** The country pair a group's first mention with countries names ("KH,VN"), or ''. */
const pairOf = (group: Group): string =>
  group.mentions.find((m) => m.countries.length > 0)?.countries.join() ?? '';

function bestDate(group: Group): Mention | null {
  const dated = group.mentions.filter((m) => m.date !== null && m.date.precision !== 'year');
  if (dated.length === 0) return null;
  const score = (m: Mention) =>
    (isDay(m.date!) && !m.date!.approximate ? 4 : 0) +
    (m.dateBorrowed || m.dateFramed ? 0 : m.dateIsEnd ? 1 : 2) +
    (m.date!.endValue !== null ? 1 : 0);
  // ("their state visits to India and Bangladesh from March 2-6 … the visit to Bangladesh from
  // March 4-6": a span inside another told as well is the visit's own, the other a tour's)
  const inside = (b: Mention, a: Mention) =>
    a.date!.endValue !== null &&
    b.date!.endValue !== null &&
    b.date!.value >= a.date!.value &&
    b.date!.endValue <= a.date!.endValue &&
    (b.date!.value > a.date!.value || b.date!.endValue < a.date!.endValue);
  return dated.reduce((a, b) =>
    score(b) > score(a) || (score(b) === score(a) && inside(b, a)) ? b : a,
  );
}

function uniquePeople(list: Iterable<Person>): Person[] {
  const seen = new Map<number, Person>();
  for (const p of list) if (!seen.has(p.id) && p.principal && p.country !== null) seen.set(p.id, p);
  return [...seen.values()];
}

/**
 * An undated event is kept only when the article is about it: it is in the title or the
 * lead (the first sentence with a cue: captions and chrome may come first), or told twice,
 * or the lead names someone on each side of it, or it is a meeting during a dated visit.
 */
/** A time of day ("at 5pm", "10.30 a.m."). */
const CLOCK_TIME = /\b\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b/iu;

/** What an article's opening tells, against which an undated event is judged worth keeping. */
interface Frame {
  /** the first sentence with a cue (captions and chrome may come first) */
  lead: SentenceInfo | undefined;
  /** the country pairs of the visits the article dates */
  datedVisits: ReadonlySet<string>;
  /** the country pairs of the events the title or the lead tells */
  leadCountries: ReadonlySet<string>;
  /** the first dated sentence that tells of meetings ("met several counterparts on Friday") */
  seriesHost: SentenceInfo | undefined;
  /** the countries the lead names, when it tells of a meeting */
  leadMeetingCountries: ReadonlySet<string>;
  /** the story tells of a visit (its own, not one it looks back on), named or not */
  visitStory: boolean;
}

function salient(
  group: Group,
  { lead, datedVisits, leadCountries, seriesHost, leadMeetingCountries, visitStory }: Frame,
): boolean {
  if (group.mentions.every((m) => m.precedent)) return false;
  if (
    group.mentions.some((m) => m.sentence.isTitle || m.sentence === lead) ||
    new Set(group.mentions.map((m) => m.sentence.order)).size >= 2
  )
    return true;
  // a meeting during the visit the article dates ("…, hai bên sau đó sẽ tiến hành hội đàm"; a
  // committee's session told beside that visit: "During the visit, the council will meet"), or
  // between the two countries whose event the title or the lead tells ("Tổng thống Putin sẽ
  // hội đàm với …; hội kiến …" in an article about his visit)
  if (
    (isMeeting(group) ||
      (group.kind === 'committee' &&
        group.mentions.some((m) => m.sentence.triggers.some(isVisit)))) &&
    group.mentions.some(
      (m) => datedVisits.has(m.countries.join()) || leadCountries.has(m.countries.join()),
    )
  )
    return true;
  // "The leaders of China and Japan held an ice-breaking summit … Xi Jinping and Shinzo Abe met
  // in Beijing": the lead tells the meeting of the two countries without naming their people
  if (
    isMeeting(group) &&
    group.mentions.some(
      (m) => m.countries.length === 2 && m.countries.every((c) => leadMeetingCountries.has(c)),
    )
  )
    return true;
  if (lead === undefined) return false;
  const named = new Set(
    lead.persons.filter((p): p is Person => p?.principal === true).map((p) => p.id),
  );
  // "A met several counterparts on Friday … A and B discussed trade …":
  // the meetings of someone the first dated sentence about meetings names
  if (isMeeting(group) && seriesHost !== undefined) {
    const hosts = new Set(
      seriesHost.persons.filter((p): p is Person => p?.principal === true).map((p) => p.id),
    );
    if (group.mentions.some((m) => peopleOfMention(m).some((p) => hosts.has(p.id)))) return true;
  }
  // "X, now on a visit to Peru, …" in an article whose lead tells his meeting there
  if (
    isVisit(group) &&
    group.mentions.some(
      (m) =>
        !toCome(m) && leadCountries.has(m.countries.join()) && m.sideA.some((p) => named.has(p.id)),
    )
  )
    return true;
  const sides = group.mentions.flatMap((m) => [m.sideA, m.sideB]).filter((side) => side.length > 0);
  if (sides.length >= 2 && sides.every((side) => side.some((p) => named.has(p.id)))) return true;
  // "The two-day visit began with a ceremony led by President B … The Prime Minister
  // subsequently held a meeting with B": in a story of a visit, a meeting held by one the lead
  // names
  return (
    isMeeting(group) &&
    visitStory &&
    group.mentions.some((m) => !toCome(m) && [...m.sideA, ...m.sideB].some((p) => named.has(p.id)))
  );
}

/** Whether a draft or mention is told as to come. */
const announced = (d: { status: string }) => d.status === 'announced';

function statusOf(
  start: string,
  precision: 'day' | 'month',
  ref: RefDate,
  future: boolean,
): 'announced' | 'held' {
  if (precision === 'month') {
    const month = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7));
    const refMonth = ref.year * 12 + ref.month;
    if (month !== refMonth) return month < refMonth ? 'held' : 'announced';
    return future ? 'announced' : 'held';
  }
  const diff = dayNumber(start) - refDayNumber(ref);
  // (the day after, begun at UTC when it was published, is today where it is told of)
  if (diff !== 0 && !(diff === 1 && ref.utcAhead)) return diff < 0 ? 'held' : 'announced';
  return future ? 'announced' : 'held';
}

function draftOf(group: Group, ref: RefDate, order: number, frame: Frame): Draft | null {
  const { type, from: typeMention } = bestType(group);
  const first = storyMentions(group).find((m) => m.countries.length > 0) ?? group.mentions[0]!;
  const dateMention = bestDate(group);
  // the tense of the sentence that dates it ("đã đến …, bắt đầu thăm … từ ngày 30-9" is under way,
  // whatever a later "hai bên sẽ …" about it says); for an undated event, of all its mentions
  // (what "ahead of" leads up to is later than its sentence's event: it tells the tense only
  // when nothing else does)
  // (a caption's or a quotation's words add to what the story tells, and tell its tense only
  // where the story does not: "“… the first UK Prime Minister in 30 years to visit Kenya,” said
  // Mrs May" beside "has arrived in Nairobi")
  const told = group.mentions.filter((m) => !m.ledUp && !openingReference(m));
  const uncaptioned = told.filter((m) => !m.sentence.caption);
  const plain = uncaptioned.length > 0 ? uncaptioned : told;
  // (nor a reference to it that names no country, where a mention that names them tells it
  // as done: "has arrived for a working visit … The highlight of the visit will be the
  // meeting with B")
  // (nor one the clause's own event happens during: "“During the visit the two presidents will
  // hold talks”" tells when the talks are, not the visit a mention beside it tells under way)
  const framed = (m: Mention) =>
    m.countries.length === 0 &&
    anyKeyIn(
      LEX.visitFrame,
      m.sentence.tokens,
      Math.max(0, m.trigger.first - FRAME_BEFORE),
      m.trigger.first,
    );
  const named = plain.filter((m) => m.countries.length > 0);
  const tensed = named.some((m) => m.past && !m.future)
    ? named
    : plain.length > 0
      ? named.length > 0 && plain.some(framed)
        ? plain.filter((m) => !framed(m))
        : plain
      : group.mentions;
  // ("is on a three-day state visit …; he will be in Bangladesh till December 17": the day
  // it ends, to come, does not make a visit told as under way one to come)
  const underWayTold =
    isVisit(group) &&
    dateMention?.dateIsEnd === true &&
    group.mentions.some((m) => m !== dateMention && m.past && !m.future);
  // ("On Thursday, May 23, A headed to Belarus on an official visit … A will visit Belarus on
  // May 23-24": told as begun on the day its span starts, by publication)
  const begunTold =
    isVisit(group) &&
    dateMention?.date != null &&
    dayNumber(dateMention.date.value) <= refDayNumber(ref) &&
    group.mentions.some(
      (m) => m !== dateMention && !m.future && m.date?.value === dateMention.date!.value,
    );
  const future =
    dateMention !== null && !dateMention.dateBorrowed
      ? (dateMention.future && !dateMention.past && !underWayTold && !begunTold) ||
        // ("ahead of an expected meeting … later this week": a span the text only suggests,
        // after publication's day, is to come)
        (dateMention.date!.approximate && dayNumber(dateMention.date!.value) > refDayNumber(ref))
      : // ("has arrived in China for a state visit … This will be his third visit to China":
        // a visit whose arrival is told done is under way, whatever is said of it)
        (tensed.some((m) => m.future && !m.past) &&
          !(
            isVisit(group) &&
            tensed.some(
              (m) => m.past && !m.future && keyIn(arrivalWords, m.sentence.tokens, m.trigger.first),
            )
          )) ||
        (tensed.some((m) => m.future) && !tensed.some((m) => m.past));
  let start: string;
  let end: string | null = null;
  let precision: 'day' | 'month';
  if (dateMention !== null) {
    const d = dateMention.date!;
    // "A last visited the Philippines in August 2026 for a forum": a month gone by, told only
    // as what the story looks back on, is history
    if (
      isMonth(d) &&
      d.value < isoMonth(ref.year, ref.month) &&
      group.mentions.every((m) => m.precedent)
    )
      return null;
    start = d.value;
    end = d.endValue;
    precision = isMonth(d) ? 'month' : 'day';
    if (Math.abs(dayNumber(start) - refDayNumber(ref)) > MAX_DISTANCE_DAYS) return null;
    if (isVisit(group) && dateMention.dateIsEnd) {
      // a visit told only as having ended ("ngay sau khi kết thúc chuyến thăm Hà Lan") is the
      // previous leg, not news; unless the story opens with it ("A left Hanoi on May 3, concluding …")
      // (one that "will end Saturday", told after the visit, is under way)
      const opens = dateMention.sentence.isTitle || dateMention.sentence === frame.lead;
      const endsLater =
        dateMention.future &&
        d.start >= dateMention.sentence.tokens[dateMention.trigger.end - 1]!.end;
      if (group.mentions.length === 1 && !opens && !endsLater) return null;
      // "kết thúc chuyến thăm" on a day: when it ended is known, when it began by its length, else its month
      end = d.value;
      const days = lengthOf(group);
      // ("traveled this Saturday for an official visit, which will last until May 24": a day
      // before the cue in its sentence is the first)
      const cueAt = dateMention.sentence.tokens[dateMention.trigger.first]!.start;
      const before = dateMention.sentence.dates.findLast(
        (x) => isDay(x) && x.end <= cueAt && x.value < d.value,
      )?.value;
      if (days !== null && days > 1) {
        start = isoDayOf(dayNumber(end) - days + 1);
      } else if (before) start = before;
      else {
        start = d.value.slice(0, 7);
        precision = 'month';
      }
    } else if ((isVisit(group) && dateMention.dateBorrowed) || d.approximate) {
      // a day of a meeting held during a visit named in passing, or a week the text only
      // suggests ("tuần tới"): the month is what is known
      start = d.value.slice(0, 7);
      end = null;
      precision = 'month';
    } else if (isVisit(group) && end === null && precision === 'day') {
      // (a visit known by its month has no day to count its length from)
      const days = lengthOf(group);
      // "on the second day of his three-day visit, on Friday": it began the day before; on
      // "the last day of" it, its length back
      const nth = visitDayBefore(dateMention.sentence.tokens, dateMention.trigger.first);
      if (nth !== null && nth > 1) start = isoDayOf(dayNumber(start) - nth + 1);
      else if (nth === 0 && days !== null && days > 1)
        start = isoDayOf(dayNumber(start) - days + 1);
      // "arrived on May 25, beginning a state visit until May 27"
      const last = group.mentions.find(
        (m) => m.dateIsEnd && m.date?.precision === 'day' && m.date.value > start,
      );
      if (last !== undefined) end = last.date!.value;
      else if (days !== null && days > 1) end = isoDayOf(dayNumber(start) + days - 1);
    }
  } else {
    if (!salient(group, frame)) return null;
    // only a year: kept when it is this year ("năm nay"), dated by the article
    const years = group.mentions.map((m) => m.year).filter((y): y is number => y !== null);
    if (years.length > 0 && !years.includes(ref.year)) return null;
    // ("A, currently on a three-day visit to India, …": under way since a day not told)
    const underWay = sinceUntold(group);
    // ("his meeting with Mr Xi, which is due to take place at 5pm": a time of day told for
    // what is to come is today's)
    const clocked = group.mentions.some((m) => CLOCK_TIME.test(m.sentence.text));
    precision = (future && !clocked) || underWay ? 'month' : 'day';
    start =
      precision === 'month' ? isoMonth(ref.year, ref.month) : isoDay(ref.year, ref.month, ref.day);
    // "have arrived in Hanoi to begin a five-day visit": from today, for its length
    const days = lengthOf(group);
    if (isVisit(group) && precision === 'day' && days !== null && days > 1)
      end = isoDayOf(dayNumber(start) + days - 1);
    // a meeting told without a day ("Sau cuộc hội đàm, …") was on the day the article was
    // telling of there, when that day is before publication
    // (past a line that tells no day, the first that does, when it is one of these days: "The
    // ministers agreed Thursday … Hayashi also raised concern during phone talks with B", under
    // a headline; not a day a line about an earlier call tells, weeks before)
    const told = !isVisit(group)
      ? (storyMentions(group)
          .map((m) => m.sentence.sequel ?? (future ? m.sentence.anchor : m.sentence.heldAnchor))
          .find(
            (d, n) =>
              d !== null && (n === 0 || Math.abs(refDayNumber(ref) - dayNumber(d)) <= STORY_DAYS),
          ) ?? null)
      : null;
    if (told !== null && !future && dayNumber(told) < refDayNumber(ref)) start = told;
    // "On Friday, A will tour a port. Talks between A and B follow": an announced meeting on
    // the coming day the article was telling of there
    if (told !== null && future && dayNumber(told) > refDayNumber(ref)) {
      start = told;
      precision = 'day';
    }
  }
  const people = uniquePeople(group.mentions.flatMap((m) => [...m.sideA, ...m.sideB]));
  const placed = storyMentions(group);
  // (where the story places it nowhere, its photo's caption may: "A and B in Lisbon on Monday (Photo)")
  const placeMention =
    placed.find((m) => m.place !== null && m.place.city !== null) ??
    placed.find((m) => m.place !== null) ??
    group.mentions.find((m) => m.place !== null) ??
    null;
  return {
    category: isVisit(group) ? 'visit' : 'meeting',
    type,
    group,
    start,
    end,
    precision,
    dateMention,
    countries: first.countries,
    host: isVisit(group) ? first.host : null,
    guest: isVisit(group) ? first.guest : null,
    people,
    place: placeMention?.place ?? null,
    placeMention,
    status: statusOf(start, precision, ref, future),
    partOf: null,
    hostInferred: false,
    order,
    evidence: [{ field: 'type', text: typeMention.sentence.text }],
  };
}

// ---------------------------------------------------------------- visits and their meetings

function within(meeting: Draft, visit: Draft): boolean {
  // a visit the article does not date is the frame of the meetings of its two countries there
  if (visit.dateMention === null) return true;
  const m0 = dayNumber(meeting.start);
  const v0 = dayNumber(visit.start);
  if (isMonth(visit) || isMonth(meeting))
    return meeting.start.slice(0, 7) === visit.start.slice(0, 7);
  // a visit whose end is not given lasts a few days for the meetings of its two countries there
  const v1 = visit.end === null ? v0 + OPEN_VISIT_DAYS : dayNumber(visit.end);
  return m0 >= v0 && m0 <= v1;
}

/** A meeting to come that the article gives no day or month for (dated by publication),
 *  while it dates another meeting of the same two countries in that month. */
function expectedBeside(draft: Draft, drafts: readonly Draft[]): boolean {
  if (draft.dateMention !== null || !isMonth(draft)) return false;
  // (not talks told as held before the dated one: "expected to meet Wang after talks with B")
  if (
    draft.group.mentions.some(
      (m) => anyReadsAt(m.sentence.tokens, m.trigger.first - 1, LEX.priorTo) > 0,
    )
  )
    return false;
  const pair = draft.countries.join();
  return drafts.some(
    (other) =>
      other.dateMention !== null &&
      other.countries.join() === pair &&
      (draft.category === 'meeting' || other.host === draft.host) &&
      other.start.startsWith(draft.start),
  );
}

/** The same two (or more) principals meeting on the same day, in person or remotely alike, told
 *  by a sentence before ("A received B on Saturday in Caracas, where both will hold a bilateral
 *  meeting" under "A and B are meeting in Caracas"; a call in a photo's caption and in the
 *  lead): one event, the first telling it. */
function toldBefore(meeting: Draft, meetings: readonly Draft[]): boolean {
  if (!isDay(meeting) || meeting.type === 'committee_session') return false;
  const ids = new Set(meeting.people.map((p) => p.id));
  // ("will hold a virtual summit on Tuesday morning … the virtual meeting on Monday night US
  // time": a call named again with "the" may be dated in another time zone, a day off)
  const day = dayNumber(meeting.start);
  const namedAgain =
    isCall(meeting) &&
    meeting.group.mentions.every(
      (m) =>
        m.trigger.noun &&
        anyKeyIn(definite, m.sentence.tokens, m.trigger.first - 2, m.trigger.first),
    );
  return (
    ids.size >= 2 &&
    meetings.some(
      (o) =>
        o.order < meeting.order &&
        isDay(o) &&
        (o.start === meeting.start ||
          (namedAgain && o.end === null && Math.abs(dayNumber(o.start) - day) === 1)) &&
        o.end === meeting.end &&
        o.type !== 'committee_session' &&
        isCall(o) === isCall(meeting) &&
        sameCountries(o, meeting) &&
        o.people.length === ids.size &&
        o.people.every((p) => ids.has(p.id)),
    )
  );
}

/** How many sentences after a meeting told without its kind may name it as a call. */
const CALL_TOLD_WITHIN = 3;

/**
 * "A spoke with B on Saturday … During the phone conversation, A congratulated B", "A and B
 * spoke on Tuesday … Biden raised … The call, which lasted two hours, …": a meeting told
 * without its kind is the call one of the next few sentences names, when none up to it names
 * anyone else or tells another event; so are talks, where that sentence tells talks held by
 * the call ("A held talks with B … The talks were held via video conference").
 */
function callToldNext(meeting: Draft, sentences: readonly SentenceInfo[]): void {
  // (a meeting the story places somewhere was met in person: "met B in Santiago")
  if (!(isPlainMeeting(meeting) || meeting.type === 'talks') || meeting.placeMention !== null)
    return;
  // (nor an earlier meeting the story recalls: "the first call since their meeting in November")
  if (meeting.group.mentions.every((m) => m.precedent)) return;
  const first = storyMentions(meeting.group)[0]!;
  const told = first.sentence;
  // (nor one its sentence tells a trip for, before it: "will be visiting Malaysia next week to
  // meet B", before "he had a telephone conversation with B")
  if (told.triggers.some((t) => isVisit(t) && t.end <= first.trigger.first)) return;
  const ours = new Set(meeting.people.map((p) => p.id));
  for (let order = told.order + 1; order <= told.order + CALL_TOLD_WITHIN; order++) {
    const next = sentences.find((s) => s.order === order);
    if (next === undefined) return;
    if (next.persons.some((p) => p?.principal === true && !ours.has(p.id))) return;
    const call = next.triggers.find((t) => isCallType(t.type));
    if (
      call !== undefined &&
      (isPlainMeeting(meeting) || next.triggers.some((t) => t.type === 'talks'))
    ) {
      meeting.type = call.type;
      return;
    }
    if (next.triggers.length > 0) return;
  }
}

/** How long a visit with no end date is taken to last, for the meetings held during it
 *  (a state visit often runs four or five days: "arrived late Sunday … is to meet B on
 *  Wednesday" is one trip). */
const OPEN_VISIT_DAYS = 4;

const isCall = (d: Draft) => isCallType(d.type);

function placeMeeting(meeting: Draft, visits: readonly Draft[]): void {
  if (isCall(meeting)) {
    meeting.host = null;
    meeting.guest = null;
    meeting.place = null;
    return;
  }
  const [a, b] = meeting.countries as [string, string];
  const placeCountry = meeting.place?.country ?? null;
  if (placeCountry !== null && placeCountry !== a && placeCountry !== b) {
    // a third location: the sidelines of a summit
    meeting.host = null;
    meeting.guest = null;
    return;
  }
  // (a meeting held during the visit held, not during one announced: "A is planning a visit to
  // Kuala Lumpur … following a meeting with B", B on a visit here)
  const fitting = visits.filter(
    (v) =>
      sameCountries(v, meeting) &&
      within(meeting, v) &&
      (placeCountry === null || placeCountry === v.host),
  );
  const visit = fitting.find((v) => v.status === meeting.status) ?? fitting[0];
  if (visit !== undefined) {
    meeting.partOf = visit;
    meeting.host = visit.host;
    meeting.guest = visit.guest;
  } else if (placeCountry !== null) {
    meeting.host = placeCountry;
    meeting.guest = placeCountry === a ? b : a;
  } else {
    // the one who receives (tiếp) is at home; the one who calls on (hội kiến) is the guest,
    // unless the one called on is told visiting ("paid a courtesy call on visiting Lao Prime
    // Minister B", "met visiting …": the visitor is the guest, wherever the story places it)
    const visiting = visitingCountry(meeting);
    const m = meeting.group.mentions.find((x) => x.receives || x.callsOn);
    if (visiting !== null) {
      meeting.host = visiting === a ? b : a;
      meeting.guest = visiting;
      meeting.hostInferred = true;
    } else if (m !== undefined) {
      const subject = m.sideA[0]?.country ?? null;
      const object = m.sideB[0]?.country ?? null;
      meeting.host = m.receives ? subject : object;
      meeting.guest = m.receives ? object : subject;
      meeting.hostInferred = true;
    }
  }
  if (meeting.place === null || meeting.place.country !== meeting.host) {
    meeting.place =
      meeting.host === null ? meeting.place : { city: null, country: meeting.host, venue: false };
  }
}

/** The country of a side of the meeting its sentence calls visiting ("met visiting Lao Prime
 *  Minister B"), or null. */
function visitingCountry(meeting: Draft): string | null {
  for (const m of meeting.group.mentions) {
    const { tokens, mentions, persons } = m.sentence;
    const sides = [...m.sideA, ...m.sideB];
    for (const [n, p] of persons.entries())
      if (p && sides.includes(p) && keyIn(LEX.visitingWord, tokens, mentions[n]!.first - 1))
        return p.country;
  }
  return null;
}

/**
 * "Sáng 20-1, A chào xã giao B … Ngày 20-1, A hội đàm với C": a meeting the story places
 * nowhere is where the other meetings of its two countries that day are, when they agree;
 * so is one told on the day of a welcome of the one by the other ("A received B with a guard
 * of honour in Dhaka on Sunday. The two presidents then held talks").
 */
function hostBySameDay(meetings: readonly Draft[], welcomes: readonly Welcome[]): void {
  for (const m of meetings) {
    if (m.host !== null || m.place !== null || isCall(m) || !isDay(m)) continue;
    const hosts = new Set([
      ...meetings
        .filter(
          (o) =>
            o !== m && o.host !== null && isDay(o) && o.start === m.start && sameCountries(o, m),
        )
        .map((o) => o.host!),
      ...welcomes
        .filter(
          (w) =>
            w.day.value === m.start &&
            w.guestCountry !== null &&
            sameCountries(m, { countries: [w.hostCountry, w.guestCountry].sort() }),
        )
        .map((w) => w.hostCountry),
    ]);
    if (hosts.size !== 1) continue;
    const host = [...hosts][0]!;
    m.host = host;
    m.guest = m.countries.find((c) => c !== host) ?? null;
    m.place = { city: null, country: host, venue: false };
    m.hostInferred = true;
  }
}

/**
 * "During their talks on Saturday, A and B discussed … ahead of A's summit with C in
 * Washington": a place in a third country, in a sentence that names a leader of that
 * country who has no part in the meeting, is where that leader's event is.
 */
function placeOfAnother(meeting: Draft, mentions: readonly Mention[]): boolean {
  const country = meeting.place?.country ?? null;
  if (country === null || meeting.countries.includes(country)) return false;
  return meeting.group.mentions.some(
    (m) =>
      m.place === meeting.place &&
      m.sentence.persons.some((p) => p?.principal === true && p.country === country) &&
      // (not "talks with B of Korea and C of China in Seoul": one cue, both its meetings there)
      !mentions.some((o) => o !== m && o.trigger === m.trigger && o.countries.includes(country)),
  );
}

/** How near the story's day a caption's meeting must be to lead the story. */
const CAPTION_LEAD_DAYS = 3;

/** How many opening sentences may hold the dateline (a caption or a byline may come first). */
const DATELINE_SENTENCES = 12;
/** How long the credit after a dateline's date may be, its brackets included: "(Xinhua)",
 *  "(UrduPoint / Pakistan Point News - 8th Dec, 2021 )". */
const DATELINE_CREDIT_CHARS = 80;
/** How close after the city a dateline's date stands, in characters. */
const DATELINE_DATE_GAP = 2;

/**
 * The city a story was filed from: capitals at the start of one of its first sentences,
 * then a comma, a bracket or a dash ("LIMA, May 3 (Wire) -", "HANOI (Wire) -",
 * "HÀ NỘI —"), or the city alone on a line above the story, when the city is a listed one.
 */
function datelineOf(sentences: readonly SentenceInfo[]): Place | null {
  for (const info of sentences.filter((s) => !s.isTitle).slice(0, DATELINE_SENTENCES)) {
    const t = info.tokens;
    // "September 7, 2017, Vladivostok": a line of the day it was filed, then the place (past
    // a venue: "May 10, 2025, The Kremlin, Moscow")
    const filed = info.dates[0];
    if (filed !== undefined && filed.start === 0) {
      const k = t.findIndex((w) => w.start >= filed.end);
      let at = textAt(t, k) === ',' ? k + 1 : k;
      const venueFrom = at + (keyIn(titleArticle, t, at) ? 1 : 0);
      const venue = k < 0 ? null : placeAt(t, venueFrom);
      if (venue?.entry.venue === true && textAt(t, venueFrom + venue.length) === ',')
        at = venueFrom + venue.length + 1;
      const place = k < 0 ? null : placeAt(t, at);
      if (place !== null && !place.entry.venue && at + place.length === t.length)
        return cityPlace(place.entry);
    }
    // "… — VNA/VNS Photo Thống Nhất HAVANA — First Secretary …": a city in capitals and a dash,
    // glued to the photo credit before it
    for (let k = 1; k < t.length - 1; k++) {
      const glued = t[k]!.cap ? placeAt(t, k) : null;
      if (
        glued !== null &&
        !glued.entry.venue &&
        ['–', '—'].includes(textAt(t, k + glued.length) ?? '') &&
        t
          .slice(k, k + glued.length)
          .every((w) => w.text.length > 2 && w.text === w.text.toUpperCase())
      )
        return cityPlace(glued.entry);
    }
    // ("(MENAFN- Kuwait News Agency (KUNA)) MANAMA, Feb 13 (KUNA) -- …": past an
    // aggregator's credit in brackets)
    const lead = leadingPlace(t);
    if (lead === null) continue;
    const { entry, end } = lead;
    const capitals = t.slice(lead.from, end).every((w) => w.text === w.text.toUpperCase());
    // ("MANILA 09 January 2024 — …": in capitals, the day it was filed right after it)
    const datedRight = capitals && info.dates.some((d) => d.start === t[end]?.start);
    // ("Islamabad" on a line of its own above the story)
    const alone = end === t.length;
    if (!datedRight && !alone && !DATELINE_MARKS.has(textAt(t, end) ?? '')) continue;
    // in capitals ("BEIJING, …"), or followed by the date it was filed ("Lima, 3 May 2025
    // (Wire):", "Hiroshima, Japan, May 20 (EFE).-": past the city's own country), or by a
    // colon ("New Delhi: …")
    // ("Colombo [Sri Lanka], March 29 (ANI):": its country in brackets)
    const opener = textAt(t, end) ?? '';
    const own = [',', '[', '('].includes(opener) ? countryAt(t, end + 1) : null;
    let after = own !== null && own.code === entry.code ? end + 1 + own.length : end;
    if (after > end && opener !== ',' && [']', ')'].includes(textAt(t, after) ?? ''))
      after += textAt(t, after + 1) === ',' ? 1 : 0;
    // (the day it was filed, taken out of the sentence's dates: withoutDateline)
    const dated =
      info.datelined ||
      info.dates.some(
        (d) => d.start - t[after]!.end <= DATELINE_DATE_GAP && d.start >= t[after]!.end,
      );
    // (a colon also past the city's own country in brackets: "Kazan [Russia]: …")
    if (
      alone ||
      capitals ||
      dated ||
      t[end]!.text === ':' ||
      (after > end &&
        (textAt(t, after) === ':' ||
          ([']', ')'].includes(textAt(t, after) ?? '') && textAt(t, after + 1) === ':'))) ||
      agencyAfter(t, end)
    )
      return cityPlace(entry);
  }
  return null;
}

/** What follows a dateline's city ("HANOI, …", "Muscat: …", "Hanoi (VNA) –", "Colombo [Sri Lanka]"). */
const DATELINE_MARKS: ReadonlySet<string> = new Set([',', '(', '[', '-', '–', '—', ':']);

/** The place a line opens with (past an aggregator's credit), no venue, and where it ends; or null. */
function leadingPlace(
  t: readonly Token[],
): { from: number; entry: { name: string; code: string }; end: number } | null {
  const from = pastLeadingCredit(t);
  const hit = placeAt(t, from);
  return hit === null || hit.entry.venue
    ? null
    : { from, entry: hit.entry, end: from + hit.length };
}

/** How many tokens an aggregator's credit before a dateline may have. */
const LEADING_CREDIT_TOKENS = 12;

/** Past "(MENAFN- Kuwait News Agency (KUNA))" at a line's start: a credit in brackets (which
 *  may hold brackets of its own) that names no place the tables know; else 0. */
function pastLeadingCredit(t: readonly Token[]): number {
  if (textAt(t, 0) !== '(') return 0;
  let depth = 0;
  for (let k = 0; k < t.length && k <= LEADING_CREDIT_TOKENS; k++) {
    if (t[k]!.text === '(') depth++;
    else if (t[k]!.text === ')' && --depth === 0) return k + 1;
    else if (placeAt(t, k) !== null) return 0;
  }
  return 0;
}

/** How many words an agency's name in a dateline may have ("(VNA)", "(Xinhua)"). */
const AGENCY_WORDS = 3;

/** "Hanoi (VNA) – …": the agency's name in brackets, then a dash or a colon, at `at`. */
function agencyAfter(t: readonly Token[], at: number): boolean {
  if (textAt(t, at) !== '(') return false;
  for (let k = at + 1; k <= at + 1 + AGENCY_WORDS && k < t.length; k++) {
    const w = t[k]!;
    if (w.text === ')') return k > at + 1 && ['-', '–', '—', ':'].includes(textAt(t, k + 1) ?? '');
    if (!w.word || !w.cap) return false;
  }
  return false;
}

/**
 * "Cùng ngày, A cũng gặp B": a meeting with no place, on the day of an earlier meeting on the
 * sidelines of a summit in a third country, is held there too.
 */
function carrySidelines(meetings: readonly Draft[], story: StorySidelines | null): void {
  const byOrder = [...meetings].sort((a, b) => a.order - b.order);
  byOrder.forEach((m, n) => {
    if (m.place !== null || isCall(m) || !isDay(m)) return;
    // "A had meetings with leaders on the sidelines of the G20 Summit in Rio de Janeiro,
    // Brazil, on Tuesday … Meeting with B, A affirmed …": that day, a third country's
    // gathering the story leads with places its meetings
    if (
      story !== null &&
      m.start === story.day &&
      story.place.country !== null &&
      !m.countries.includes(story.place.country)
    ) {
      m.place = story.place;
      return;
    }
    for (let k = n - 1; k >= 0; k--) {
      const p = byOrder[k]!;
      const there = p.place?.country ?? null;
      if (there === null || isCall(p) || p.start !== m.start) continue;
      if (p.countries.includes(there)) {
        // "A and C held talks on the sidelines of the summit in A's country … At his meeting
        // with B, A …": the host leader's other meetings that day are held there too
        const hostLeader = p.people.filter((x) => x.country === there);
        if (
          m.countries.includes(there) &&
          p.group.mentions.some((x) => hasPhrase(x.sentence.tokens, sidelines)) &&
          m.people.some((x) => hostLeader.some((h) => h.id === x.id))
        ) {
          m.place = { city: null, country: there, venue: false };
          m.host = there;
          m.guest = m.countries.find((c) => c !== there) ?? null;
          return;
        }
        continue;
      }
      if (!m.countries.includes(there)) m.place = { city: null, country: there, venue: false };
      return;
    }
  });
}

/** A gathering a story leads with, by the place and day its lead gives it. */
interface StorySidelines {
  place: Place;
  day: string;
}

/** How many of a story's first lines may lead it with a gathering. */
const SIDELINES_LEAD_LINES = 3;

/** "A had meetings with leaders … on the sidelines of the G20 Summit in Rio de Janeiro, Brazil,
 *  on Tuesday": the gathering's city and day, from one of the story's first lines, or null. */
function storySidelines(sentences: readonly SentenceInfo[]): StorySidelines | null {
  for (const s of sentences
    .filter((x) => !x.isTitle && !x.caption)
    .slice(0, SIDELINES_LEAD_LINES)) {
    const at = findAnyPhrase(s.tokens, sidelines);
    const day = s.dates.find((d) => isDay(d) && !d.approximate && d.endValue === null);
    if (at === null || day === undefined) continue;
    for (let k = at.at + at.length; k < s.tokens.length - 1; k++) {
      if (!placeLead.has(s.tokens[k]!.key)) continue;
      const hit = placeAt(s.tokens, k + 1);
      if (hit === null || hit.entry.venue) continue;
      return {
        place: cityPlace(hit.entry),
        day: day.value,
      };
    }
  }
  return null;
}

/**
 * A meeting with no date of its own ("hai nhà lãnh đạo sẽ gặp nhau nhân dịp … chuyến thăm …
 * từ ngày 30/9-1/10") during the one visit of its two countries the article dates: on the
 * publication day when that falls within the visit, else on the visit's first day.
 */
/** how many days after a visit's first day a story may tell its meetings as the day's news,
 *  its end untold */
const VISIT_NEWS_DAYS = 2;

/** "On the second day of his visit, A will meet B": which day of a visit its sentence
 *  tells a meeting on (a visit's cue in its sentence, before the meeting's), or null. */
function nthDayOfVisit(meeting: Draft): number | null {
  for (const m of meeting.group.mentions) {
    const nth = visitDayTold(m, (t) => isVisit(t) && t.first < m.trigger.first);
    if (nth !== null) return nth;
  }
  return null;
}

/** Which day of a visit a meeting's mention tells it on, by the ordinal before the first
 *  visit cue of its sentence that `cue` takes ("the second day of his visit"), or null. */
function visitDayTold(m: Mention, cue: (t: Mention['trigger']) => boolean): number | null {
  const visitCue = m.sentence.triggers.find(cue);
  return visitCue === undefined ? null : visitDayBefore(m.sentence.tokens, visitCue.first);
}

/** "A called on B in Putrajaya yesterday, the first day of his working visit": a meeting told
 *  as a visit's nth day gives the visit's first day, when the visit's own dates do not. */
function startByNthDay(visit: Draft, meetings: readonly Draft[], ref: RefDate): void {
  // (a visit given no day of its own, dated by a day it ends on or by its month; or by the
  // very day its sentence tells as a later one of it: "met B on Tuesday, the second day of
  // his visit")
  const untold =
    visit.dateMention === null || !isDay(visit) || visit.dateMention.dateIsEnd === true;
  const cues = new Set(visit.group.mentions.map((m) => m.trigger));
  for (const meeting of meetings) {
    if (!isDay(meeting) || !sameCountries(meeting, visit)) continue;
    if (!untold && visit.start !== meeting.start) continue;
    for (const m of meeting.group.mentions) {
      const nth = visitDayTold(m, (t) => cues.has(t) && t.first > m.trigger.first);
      if (nth === null || nth < 1 || (!untold && nth < 2)) continue;
      const start = dayNumber(meeting.start) - nth + 1;
      if (visit.end !== null && start > dayNumber(visit.end)) continue;
      visit.start = isoDayOf(start);
      visit.precision = 'day';
      visit.status = statusOf(visit.start, 'day', ref, false);
      return;
    }
  }
}

function dateByVisit(meeting: Draft, visits: readonly Draft[], ref: RefDate): void {
  if (meeting.dateMention !== null || isCall(meeting)) return;
  const today = refDayNumber(ref);
  const candidates = visits.filter(
    (v) =>
      v.dateMention !== null &&
      sameCountries(v, meeting) &&
      // (not a visit to the other country where the meeting is placed)
      (meeting.place?.country ?? v.host) === v.host &&
      // (nor where it may be part of a visit the other way: "A paid a courtesy call on B here,
      // marking the start of his visit … B undertook an official visit to A's country in November")
      !visits.some((o) => o.host !== v.host && sameCountries(o, v) && within(meeting, o)) &&
      // ("A is scheduled to hold talks with B" beside "C's visit to A's country in June": a
      // meeting to come is no part of a visit over before the story)
      !(announced(meeting) && dayRange(v.end ?? v.start)[1] < today),
  );
  if (candidates.length !== 1) return;
  const visit = candidates[0]!;
  // "On the second day of his visit, A will meet B": that day of the visit
  const nth = isDay(visit) ? nthDayOfVisit(meeting) : null;
  if (nth !== null && nth > 0) {
    meeting.start = isoDayOf(dayNumber(visit.start) + nth - 1);
    meeting.precision = 'day';
    meeting.status = statusOf(meeting.start, 'day', ref, announced(meeting));
    return;
  }
  // "… arrived home on July 29, concluding his State visit to Italy. During his stay, A held talks
  // with B": a story told from the visit's end, or after it ("During his visit on September 2-3,
  // A had talks with B"), does not say which of its days a meeting was on
  if (
    visit.end !== null &&
    (visit.dateMention?.dateIsEnd === true || dayNumber(visit.end) < today) &&
    meeting.status === 'held' &&
    (isMonth(visit) || dayNumber(visit.end) > dayNumber(visit.start))
  ) {
    meeting.start = visit.start.slice(0, 7);
    meeting.precision = 'month';
    return;
  }
  if (isMonth(visit)) {
    // a day the story tells within the visit's month is the meeting's
    if (isDay(meeting) && meeting.start.startsWith(visit.start)) return;
    // a visit known by its month ("vào giữa tháng 1 tới"): so are its meetings
    meeting.start = visit.start;
    meeting.precision = 'month';
    meeting.status = statusOf(meeting.start, 'month', ref, announced(meeting));
    return;
  }
  const first = dayNumber(visit.start);
  const last = visit.end === null ? first : dayNumber(visit.end);
  // "On Friday, … formal talks begin. Both leaders will then …": a day the story was telling of, within the visit
  const told = isDay(meeting) ? dayNumber(meeting.start) : null;
  if (told !== null && told >= first && told <= last) return;
  // "will pay an official visit from June 22 to 26 … During the visit, B will meet with A": nor
  // does a story told before a visit of several days say which of its days a meeting is on
  if (first > today && last > first && announced(meeting)) {
    meeting.start = visit.start.slice(0, 7);
    meeting.precision = 'month';
    return;
  }
  // "It is expected that during the visit, A will hold talks with B": a meeting to come during a
  // visit under way whose end is not told falls on no day the story gives; its month is known
  // (also told on the visit's first day, when said to be within it: "Dự kiến trong khuôn khổ
  // chuyến thăm, A sẽ hội đàm với B"; not "after lunch, the two leaders will hold talks")
  const withinVisit = () =>
    meeting.group.mentions.some((m) => hasPhrase(m.sentence.tokens, LEX.passing));
  if (
    visit.end === null &&
    (today > first || (today === first && withinVisit())) &&
    meeting.group.mentions.every(toCome)
  ) {
    meeting.start = isoMonth(ref.year, ref.month);
    meeting.precision = 'month';
    meeting.status = 'announced';
    return;
  }
  // ("NEW DELHI, December 5 - A met B at the palace. … A arrived in India on Thursday": a
  // meeting told before the arrival that dates a visit under way, a day or two before, its end
  // not told, is the story's news, that day's; told after it, it goes on from the arrival:
  // "A arrived on April 27. After visiting a plant, he met with B"; a visit told by its first
  // day and no arrival, "A met B, who is on a visit to Japan from Monday", is under way too)
  const arrivedIn = visit.dateMention?.sentence;
  const underWay =
    visit.end === null &&
    today > first &&
    today - first <= VISIT_NEWS_DAYS &&
    arrivedIn !== undefined &&
    (!arrivedIn.tokens.some((t) => arrivalWords.has(t.key)) ||
      meeting.group.mentions.some((m) => m.sentence.order < arrivedIn.order));
  meeting.start =
    (today >= first && today <= last) || underWay
      ? isoDay(ref.year, ref.month, ref.day)
      : visit.start;
  meeting.precision = 'day';
  meeting.status = statusOf(meeting.start, 'day', ref, announced(meeting));
}

/**
 * A meeting in its host country whose sentence names no city is in the one city of that
 * country the article names ("arrived in Hanoi", "HANOI —", "at the Presidential Palace in
 * Hanoi"), when it names only one.
 */
function cityByArticle(
  meetings: Draft[],
  mentions: readonly Mention[],
  sentences: readonly SentenceInfo[],
  dateline: Place | null,
): void {
  const citiesOf = (places: Iterable<Place | null>) => {
    const cities = new Map<string, Set<string>>();
    for (const p of places) {
      if (p?.city == null || p.country === null) continue;
      cities.set(p.country, (cities.get(p.country) ?? new Set<string>()).add(p.city));
    }
    return cities;
  };
  const ofStory = citiesOf([...mentions.map((m) => m.place), dateline]);
  // (else a city any line places something in: "the minister in Oslo: what was agreed",
  // "thanked them for the stay in Tallinn")
  let ofAnyLine: Map<string, Set<string>> | undefined;
  for (const m of meetings) {
    if (isCall(m) || m.host === null || m.place?.country !== m.host || m.place.city !== null)
      continue;
    ofAnyLine ??= citiesOf(sentences.flatMap((s) => citiesIn(s.tokens)));
    const cities = ofStory.get(m.host) ?? ofAnyLine.get(m.host);
    if (cities?.size === 1) m.place = { city: [...cities][0]!, country: m.host, venue: false };
  }
}

/**
 * "Putin arrived earlier in the day for a two-day state visit", told where no visit of the
 * article takes it in: a dated visit by a named visitor is to the country that hosts the
 * visitor's meeting in the story, in the visit's days.
 */
function visitOfMeeting(
  m: Mention,
  meetings: readonly Draft[],
  visits: readonly Draft[],
  welcomes: readonly Welcome[],
): Mention | null {
  if (!isVisit(m) || m.countries.length > 0 || m.sentence.caption || m.precedent) return null;
  const guest = m.sideA[0]?.country ?? null;
  if (guest === null) return null;
  let host: string | null = null;
  let date = m.date;
  if (date !== null && isDay(date)) {
    const first = dayNumber(date.value);
    const last = first + Math.max(0, (m.durationDays ?? 1) - 1);
    host =
      meetings.find(
        (d) =>
          !isCall(d) &&
          d.type !== 'committee_session' &&
          d.host !== null &&
          d.guest === guest &&
          isDay(d) &&
          dayNumber(d.start) >= first &&
          dayNumber(d.start) <= last,
      )?.host ?? null;
  }
  // "A hosted an official welcome ceremony for B in Hanoi on April 14": where and when the visit began
  if (host === null && (date === null || isDay(date))) {
    const welcome = welcomes.find(
      (w) => w.hostCountry !== guest && (w.guestCountry === null || w.guestCountry === guest),
    );
    if (welcome !== undefined) {
      host = welcome.hostCountry;
      date ??= welcome.day;
    }
  }
  if (host === null || date === null) return null;
  const countries = [guest, host].sort();
  if (visits.some((v) => v.countries.join() === countries.join())) return null;
  return { ...m, host, guest, date, countries };
}

/** A visit is in its host country; its people are the visitor and the hosts who invited or welcomed them. */
function placeVisit(
  v: Draft,
  hostings: ReadonlyArray<NonNullable<ReturnType<typeof hostingIn>>>,
): void {
  v.place = { city: null, country: v.host, venue: false };
  const hosts = v.group.mentions.flatMap((m) => m.hosts);
  for (const h of hostings)
    if (h.guestCountry === null || h.guestCountry === v.guest)
      hosts.push(...h.hosts.filter((p) => p.country === v.host));
  // (the ministers of a leader's delegation are no visitors of their own)
  const guests = v.people.filter((p) => p.country === v.guest);
  const leaders = guests.filter((p) => p.leader);
  v.people = uniquePeople([
    ...(leaders.length > 0 ? leaders : guests),
    ...hosts.filter((p) => p.country === v.host),
  ]);
}

/** A welcome ceremony the story dates: the host's country, the guest's, the day. */
interface Welcome {
  hostCountry: string;
  guestCountry: string | null;
  day: DateMention;
}

/** "B was accorded a ceremonial welcome at the forecourt.": a sentence of the story that sets
 *  a visit's welcome scene, so that a reception told right after it is that welcome. */
function setsWelcome(s: SentenceInfo): boolean {
  return !s.isTitle && !s.caption && hasPhrase(s.tokens, LEX.welcomeScene);
}

/** `hostingOf[n]`: the welcome or invitation of sentence n, as `hostingIn` reads it (read once). */
function welcomesIn(
  sentences: readonly SentenceInfo[],
  hostingOf: ReadonlyArray<ReturnType<typeof hostingIn>>,
): Welcome[] {
  const out: Welcome[] = [];
  for (const [n, s] of sentences.entries()) {
    if (s.caption) continue;
    const day = s.dates.find((d) => isDay(d) && d.endValue === null);
    const hosting = day === undefined ? null : hostingOf[n]!;
    const hostCountry = hosting?.hosts.find((p) => p.country !== null)?.country ?? null;
    if (hosting === null || hostCountry === null || day === undefined) continue;
    out.push({ hostCountry, guestCountry: hosting.guestCountry, day });
  }
  return out;
}

/**
 * "On August 17, A held a telephone talk with B … The overview of the talk is as follows":
 * a meeting during no visit, told after a call of the same people on the same day, is that
 * call told again (they did not also meet).
 */
function sequelOfCall(m: Draft, meetings: readonly Draft[]): boolean {
  if (isCall(m) || m.partOf !== null || m.people.length === 0) return false;
  return meetings.some(
    (c) =>
      c !== m &&
      isCall(c) &&
      c.order < m.order &&
      c.start === m.start &&
      sameCountries(c, m) &&
      m.people.every((p) => c.people.some((q) => q.id === p.id)),
  );
}

/**
 * A leader of the outlets' own country calling on the host's leader abroad, in an article
 * that names no visit and no summit, is on a visit there. (A foreign leader met at home may
 * be in town for anything; a trip to a summit is no bilateral visit.) So is a guest the story
 * shows welcomed with a ceremony (`welcomed`), whoever writes, and, where no home country is
 * assumed, one met abroad in a story that speaks of a visit it places nowhere (`visitTold`;
 * a meeting to come only where the story tells no other visit).
 */
function impliedVisit(
  meeting: Draft,
  ref: RefDate,
  homeCountry: string | null,
  visitTold: boolean,
  welcomed: boolean,
  visits: readonly Draft[],
): Draft | null {
  // (where no home country is assumed, as in English: when the story speaks of "the visit";
  // and a guest welcomed with a ceremony, whoever writes)
  const guest = homeCountry === null ? visitTold : meeting.guest === homeCountry;
  if (
    !(guest || welcomed) ||
    meeting.guest === null ||
    // (one to come only where the story speaks of a visit it places nowhere else: "will host
    // B tomorrow … the media will cover the visit")
    (meeting.status !== 'held' && !(homeCountry === null && visitTold && visits.length === 0)) ||
    meeting.host === null ||
    meeting.partOf !== null ||
    isCall(meeting)
  )
    return null;
  if (meeting.type === 'committee_session') return null;
  // (a leader's counterpart is a leader: "A received his counterpart from Colombia, B")
  const hostLeader = meeting.people.some((p) => p.country === meeting.host && p.leader);
  const visitor = meeting.people.find(
    (p) =>
      p.country === meeting.guest &&
      (p.leader || (hostLeader && [...p.titleKeys].some((k) => counterpartTitle.has(k)))),
  );
  // ("The Prime Minister met B today in Warsaw" in the British government's readout: its own
  // principal, unnamed, is the visitor)
  const unnamedVisitor =
    visitor === undefined &&
    meeting.guest === homeCountry &&
    meeting.people.every((p) => p.country !== meeting.guest);
  if (visitor === undefined && !unnamedVisitor) return null;
  if (
    meeting.group.mentions.some((m) =>
      m.sentence.tokens.some((_t, k, all) => anyReadsAt(all, k, multilateralTrip) > 0),
    )
  )
    return null;
  return {
    ...meeting,
    category: 'visit',
    type: 'visit',
    // (as long as a meeting of days it is implied by: "will host B tomorrow and Sunday")
    end: meeting.end,
    people: visitor === undefined ? [] : [visitor],
    place: { city: null, country: meeting.host, venue: false },
    placeMention: null,
    status: statusOf(meeting.start, meeting.precision, ref, announced(meeting)),
    partOf: null,
    hostInferred: false,
    order: -1,
    evidence: meeting.evidence.slice(),
  };
}

/**
 * "do hai Bộ trưởng đồng chủ trì": the two people with that title named earlier in the
 * article, one from each country of the session.
 */
function coChairsByReference(d: Draft, sentences: readonly SentenceInfo[]): Person[] {
  if (d.countries.length !== 2) return [];
  for (const m of d.group.mentions) {
    const info = m.sentence;
    const plural = info.mentions.find(
      (x) =>
        x.plural &&
        x.name === null &&
        x.title !== null &&
        keyIn(LEX.pairTitleLead, info.tokens, x.first - 1),
    );
    if (
      plural === undefined ||
      !hasPhrase(info.tokens, LEX.coChair, plural.end, plural.end + CO_CHAIR_SPAN)
    )
      continue;
    const key = plural.titleKeys.join(' ');
    const chairs: Person[] = [];
    for (const code of d.countries) {
      let pick: Person | null = null;
      for (const s of sentences) {
        if (s.order > info.order) break;
        for (const p of s.persons)
          if (
            p?.principal &&
            p.country === code &&
            [...p.titleKeys].some((t) => t === key || t.startsWith(`${key} `))
          )
            pick ??= p;
      }
      if (pick !== null) chairs.push(pick);
    }
    if (chairs.length === 2) return chairs;
  }
  return [];
}

/** How many days before a visit the article dates an arrival may be its first leg. */
const ARRIVAL_LEG_DAYS = 7;

/**
 * "Kim arrived in Hanoi on Tuesday … began his official visit on Friday": a visit told only by
 * its guest's arrival, a few days before a visit of the same guest to the same country that the
 * article dates, is the way there, not a visit of its own.
 */
function isArrivalLeg(v: Draft, visits: readonly Draft[]): boolean {
  if (!isDay(v) || v.guest === null) return false;
  const arrival = (m: Mention) => keyIn(arrivalWords, m.sentence.tokens, m.trigger.first);
  if (!v.group.mentions.every(arrival)) return false;
  const day = dayNumber(v.start);
  return visits.some(
    (o) =>
      o !== v &&
      isDay(o) &&
      o.guest === v.guest &&
      sameCountries(o, v) &&
      o.dateMention !== null &&
      !arrival(o.dateMention) &&
      dayNumber(o.start) > day &&
      dayNumber(o.start) - day <= ARRIVAL_LEG_DAYS,
  );
}

/** How many days after a visit's first a day of going home may stand and still end it. */
const HOME_WITHIN_DAYS = 14;

/**
 * "… arrived in Washington for a weeklong state visit … He will head home on April 29": a visit
 * known by its first day alone ends on the day a later sentence of its visitor's (by name or as
 * "he"/"she", naming no other principal) tells the visitor going home — the visitor's one visit
 * in the story (going home ends a tour, not its first leg).
 */
function homeAtEnd(v: Draft, visits: readonly Draft[], sentences: readonly SentenceInfo[]): void {
  if (!isDay(v) || v.end !== null) return;
  const first = v.group.mentions[0]!.sentence.order;
  const visitors = new Set(v.group.mentions.flatMap((m) => m.sideA).map((p) => p.id));
  const visitorOf = (o: Draft) =>
    o.group.mentions.some((m) => m.sideA.some((p) => visitors.has(p.id)));
  // (not a visit there told from another time: 'Sánchez visited China in March 2023')
  if (visits.some((o) => o !== v && o.host !== v.host && visitorOf(o))) return;
  for (const s of sentences) {
    if (s.isTitle || s.order < first || !hasPhrase(s.tokens, LEX.goHome)) continue;
    const named = s.persons.filter((p): p is Person => p?.principal === true);
    if (named.some((p) => !visitors.has(p.id))) continue;
    if (named.length === 0 && !keyIn(pronouns, s.tokens, 0)) continue;
    const day = s.dates.find(
      (d) =>
        isDay(d) &&
        d.endValue === null &&
        dayNumber(d.value) > dayNumber(v.start) &&
        dayNumber(d.value) - dayNumber(v.start) <= HOME_WITHIN_DAYS,
    );
    if (day === undefined) continue;
    v.end = day.value;
    return;
  }
}

/** How far, in characters, a day may stand after "arrived" with no place between (" late "). */
const BARE_ARRIVAL_GAP = 7;

/** How many words an airport's name may take after "arrived at". */
const AIRPORT_WORDS = 6;

/**
 * "A và đoàn đã đến Ottawa tối 23/9": a visit dated only by a single day (its first meeting)
 * began with the visitor's arrival in the host country a day or two before.
 */
function arrivalBefore(
  v: Draft,
  sentences: readonly SentenceInfo[],
  ref: RefDate,
  firstMeeting: string | null = null,
): void {
  if (v.host === null) return;
  // "who is on a two-day visit … on September 11": a length counted from a day the visit
  // was under way, which its arrival may precede
  const length = lengthOf(v.group);
  const lengthOnly =
    v.end !== null &&
    length !== null &&
    v.dateMention?.date?.endValue === null &&
    v.dateMention.dateIsEnd !== true &&
    dayNumber(v.end) === dayNumber(v.start) + length - 1;
  if (v.end !== null && !lengthOnly) return;
  let v0: number;
  let nearest: number;
  if (v.dateMention === null) {
    // an undated visit dated by its first meeting: its arrival may be that day or before
    if (firstMeeting === null) return;
    v0 = dayNumber(firstMeeting);
    nearest = 0;
  } else {
    const day = v.dateMention.date!;
    // a day borrowed from a meeting during the visit ("nhân dịp … thăm") may be the arrival day itself
    const borrowed = isMonth(v) && v.dateMention.dateBorrowed && isDay(day);
    if (!isDay(v) && !borrowed) return;
    v0 = dayNumber(day.value);
    nearest = borrowed ? 0 : 1;
  }
  let best: string | null = null;
  for (const info of sentences) {
    if (info.isTitle) continue;
    const days = info.dates.filter(
      (d) =>
        isDay(d) &&
        d.endValue === null &&
        !d.approximate &&
        v0 - dayNumber(d.value) >= nearest &&
        v0 - dayNumber(d.value) <= (lengthOnly ? length - 1 : ARRIVAL_DAYS_BEFORE),
    );
    if (days.length === 0) continue;
    const t = info.tokens;
    for (let k = 0; k + 1 < t.length; k++) {
      if (!keyIn(arrivalWords, t, k) || (k > 0 && keyIn(LEX.arrivalNot, t, k - 1))) continue;
      // ("The British leader arrived at the White House on Thursday", in a story that also
      // tells Zelensky's visit there: another country's arrival; in the arrival's clause, not
      // "After visiting China, the Vietnamese leader arrived in Tokyo")
      const clause = t.findLastIndex((x, i) => i < k && x.text === ',');
      if (
        t.some(
          (_, i) =>
            i > clause && i < k && ![null, v.guest, v.host].includes(countryAt(t, i)?.code ?? null),
        )
      )
        continue;
      // "arrived in Seoul", "đến Hà Nội": a place word may come first
      const lead = keyIn(placeLead, t, k + 1) ? 1 : 0;
      const j = k + 1 + lead + anyReadsAt(t, k + 1 + lead, LEX.placePrefix);
      const city = placeAt(t, j);
      const country = city === null ? countryAt(t, j) : null;
      // ("Harris arrived at Noi Bai International Airport late Tuesday": the visitor's arrival
      // at an airport the gazetteer does not know is at the visit's host)
      const atAirport =
        city === null &&
        country === null &&
        hasPhrase(t, LEX.arrivalGreeting, j, j + AIRPORT_WORDS) &&
        info.persons.some((p) => p !== null && p.country === v.guest && v.people.includes(p));
      // ("Sánchez arrived late Sunday": the visitor's arrival told with its day alone is there)
      const bare =
        city === null &&
        country === null &&
        days.some((d) => d.start >= t[k]!.end && d.start - t[k]!.end <= BARE_ARRIVAL_GAP) &&
        info.persons.some((p) => p !== null && p.country === v.guest && v.people.includes(p));
      const there: string | null =
        atAirport || bare ? v.host : (city?.entry.code ?? country?.code ?? null);
      if (there !== v.host) continue;
      // ("arrived in Da Nang on Friday for the APEC Summit": another trip's arrival)
      if (multilateralAfter(t, j + (city?.length ?? country?.length ?? 0))) continue;
      for (const d of days) if (best === null || d.value < best) best = d.value;
    }
  }
  if (best === null) return;
  v.start = best;
  v.precision = 'day';
  v.status = statusOf(best, 'day', ref, false);
  if (lengthOnly) v.end = isoDayOf(dayNumber(best) + length - 1);
}

// ---------------------------------------------------------------- output

function participant(p: Person): Participant {
  // (no office: what someone's counterpart is called, "his New Zealand counterpart A")
  const title = p.title !== null && counterpartTitle.has(p.title.toLowerCase()) ? null : p.title;
  return { name: p.name, title, country: p.country };
}

function evidenceOf(d: Draft): Evidence[] {
  const first = storyMentions(d.group).find((m) => m.countries.length > 0) ?? d.group.mentions[0]!;
  const out: Evidence[] = [...d.evidence];
  const add = (field: Evidence['field'], text: string | undefined) => {
    if (text !== undefined && !out.some((e) => e.field === field && e.text === text))
      out.push({ field, text });
  };
  const dateText = d.dateMention?.sentence.text ?? first.sentence.text;
  add('status', dateText);
  add('start', dateText);
  if (d.end !== null) add('end', dateText);
  add('countries', first.sentence.text);
  if (d.host !== null) add('host', first.sentence.text);
  if (d.guest !== null) add('guest', first.sentence.text);
  for (const m of storyMentions(d.group))
    if (m.sideA.length + m.sideB.length + m.hosts.length > 0) add('participants', m.sentence.text);
  if (d.placeMention !== null) add('location', d.placeMention.sentence.text);
  if (d.partOf !== null) add('part_of', first.sentence.text);
  return out;
}

/** The one principal named before whom a sentence names by title alone, after "the"
 *  ("the prime minister", "the President"): the words after it are all of that principal's
 *  title, and of no other one's named lately. */
function titledOnly({ tokens }: SentenceInfo, recent: readonly Person[]): Person | undefined {
  const fits = new Set<Person>();
  tokens.forEach((t, k) => {
    if (titleArticle.has(t.key))
      for (const p of recent) {
        let end = k + 1;
        while (tokens[end]?.word && p.titleKeys.has(tokens[end]!.key)) end++;
        // (not "the Prime Minister Anwar": a name there is a mention of its own)
        if (end > k + 1 && !tokens[end]?.cap) fits.add(p);
      }
  });
  return fits.size === 1 ? [...fits][0] : undefined;
}

/** How many words before a gathering's name a word may tell it over. */
const GATHERING_OVER_WITHIN = 4;

/** "for hosting the recently concluded Africa Climate Summit": the gathering named at `at` is
 *  told over (roles.json gatheringOver), not one where leaders meet now. */
const toldOver = (tokens: readonly Token[], at: number): boolean =>
  anyKeyIn(LEX.gatheringOver, tokens, Math.max(0, at - GATHERING_OVER_WITHIN), at);

export function extractFromArticle(article: Article, profile: LanguageProfile): ExtractedEvent[] {
  const ref = refDateOf(article.publishedAt);
  const publisher = publisherCountry(article.url);
  const sentences = readSentences(article, profile, publisher);
  const committeeContext = sentences.some(hasCommitteeName);
  const speaker = speakerOf(sentences);
  const from = datelineOf(sentences);
  const mentions: Mention[] = [];
  /** principals named so far, most recent first, for "hai nhà lãnh đạo" and the like */
  let recentPrincipals: Person[] = [];
  let lastNamed: Person[] = [];
  /** the visits told so far, most recent first, for "the two leaders" when one is not yet named */
  const toldVisits: Mention[] = [];
  /** the meetings told so far, most recent first, for "during their talks" */
  const toldMeetings: Mention[] = [];
  /** which sentences set a visit's welcome scene (a reception told next is that welcome) */
  const welcomeSet = sentences.map(setsWelcome);
  for (const [n, s] of sentences.entries()) {
    for (const m of findMentions(s, {
      ref,
      committeeContext,
      recentPrincipals,
      lastNamed,
      homeCountry: profile.homeCountry,
      modifiersFirst: profile.modifiersFirst,
      datesFollow: profile.datesFollow,
      speaker,
      datelineCountry: from?.country ?? null,
      publisherCountry: publisher,
      visits: toldVisits,
      meetings: toldMeetings,
      welcomeBefore: n > 0 && welcomeSet[n - 1]!,
      ceremonyAfter:
        n + 1 < sentences.length &&
        anyReadsAt(sentences[n + 1]!.tokens, 0, LEX.ceremonyOpening) > 0,
    }).flatMap((m) => eachListedDay(m, ref))) {
      mentions.push(m);
      if (isVisit(m)) toldVisits.unshift(m);
      if (isMeeting(m)) toldMeetings.unshift(m);
    }
    // (not one who comes along: "The King arrived, accompanied by Minister B. His visit …" is
    // the King's)
    const here = s.persons.filter(
      (p, k): p is Person => p?.principal === true && !comesAlong(s.tokens, s.mentions[k]!.first),
    );
    if (here.length > 0) {
      // ("His first trip … came after the visit of B": a sentence a pronoun opens is still
      // about the one before, whoever else it names)
      const about =
        keyIn(pronouns, s.tokens, s.storyFrom) || keyIn(possessives, s.tokens, s.storyFrom)
          ? lastNamed
          : [];
      lastNamed = [...new Set([...about, ...here])];
      recentPrincipals = [...new Set([...here.toReversed(), ...recentPrincipals])].slice(
        0,
        MAX_RECENT_PRINCIPALS,
      );
    } else {
      // "A tight schedule awaits the prime minister. He will call on B": a sentence about a
      // principal named by title alone is about the one of that title named before
      const titled = titledOnly(s, recentPrincipals);
      if (titled !== undefined) lastNamed = [titled];
    }
  }
  if (mentions.length === 0) return [];
  // a page that is a photo and its caption ("A and B meet in Helsinki on July 16 … (Agency/…)"),
  // where no line of its own tells an event: the caption is the story
  if (mentions.every((m) => m.sentence.caption || m.countries.length === 0))
    for (const s of sentences) s.caption = false;
  // a page that opens with its photo's caption of a meeting of these days ("A (right) gives
  // a reception in Hanoi on January 14 for B (Photo)") and then tells that meeting only by
  // its noun ("During the reception, A …"): the caption is the story's lead (not a file
  // photo's, of another year)
  const opening = sentences.find((s) => !s.isTitle);
  const datedMeeting = (m: Mention) =>
    isMeeting(m) &&
    m.date?.precision === 'day' &&
    Math.abs(dayRange(m.date.value)[0] - refDayNumber(ref)) <= CAPTION_LEAD_DAYS;
  if (
    opening?.caption === true &&
    mentions.some((m) => m.sentence === opening && datedMeeting(m) && m.countries.length > 0) &&
    !mentions.some((m) => !m.sentence.caption && datedMeeting(m))
  )
    opening.caption = false;
  const groups = withoutGreetings(groupMentions(mentions, sentences, ref));
  // (not the headline, or a sentence of it, where the page repeats it as its first line)
  const headline = sentences.find((s) => s.isTitle)?.text;
  // (nor the headline run into a photo's credit, when that tells no event: "Minister in Oslo:
  // the day's programme Minister A (Photo agency)")
  const tellsEvent = new Set(mentions.map((m) => m.sentence));
  const leads = sentences.filter(
    (s) =>
      !s.isTitle &&
      s.triggers.length > 0 &&
      !(
        headline !== undefined &&
        (headline.includes(s.text) || (s.text.startsWith(headline) && !tellsEvent.has(s)))
      ),
  );
  // (the first that tells an event, past a deck under the headline that names no one met:
  // "Lisbon's top diplomat speaks with Warsaw counterpart for the first time")
  const lead = leads.find((s) => tellsEvent.has(s)) ?? leads[0];
  const leadCountries = new Set(
    groups
      .filter((g) =>
        g.mentions.some((m) => !m.precedent && (m.sentence.isTitle || m.sentence === lead)),
      )
      .map(pairOf),
  );
  const datedVisits = new Set(groups.filter((g) => isVisit(g) && bestDate(g) !== null).map(pairOf));
  // (or, in a story that dates no meeting, a lead telling one: "A met B. A also met C")
  const seriesHost =
    sentences.find(
      (s) =>
        !s.isTitle &&
        s.triggers.some((t) => isMeeting(t)) &&
        s.dates.some((d) => isDay(d)) &&
        // (one that names who meets: not "They confirmed … in their meetings on Wednesday")
        s.persons.some((p) => p?.principal),
    ) ?? (lead?.triggers.some((t) => isMeeting(t)) ? lead : undefined);
  const leadMeetingCountries =
    lead?.triggers.some((t) => isMeeting(t)) === true
      ? new Set(foreignCountries(lead.tokens, null, false).map((c) => c.code))
      : new Set<string>();
  const visitStory = mentions.some((m) => isVisit(m) && !m.precedent);
  const frame: Frame = {
    lead,
    datedVisits,
    leadCountries,
    seriesHost,
    leadMeetingCountries,
    visitStory,
  };
  const drafts = groups
    .map((g, n) => draftOf(g, ref, n, frame))
    .filter((d): d is Draft => d !== null);
  for (const d of drafts)
    if (d.type === 'committee_session' && d.people.length === 0)
      d.people = coChairsByReference(d, sentences);
  const visits = drafts.filter((d) => d.category === 'visit');
  const meetings = drafts.filter((d) => d.category === 'meeting');
  // visits: location is the host country; participants are the visitor and the hosts who invited or welcomed them
  const hostingOf = sentences.map((s, n) => hostingIn(s, n > 0 && welcomeSet[n - 1]!));
  const hostings = hostingOf.filter((h): h is NonNullable<typeof h> => h !== null);
  for (const v of visits) placeVisit(v, hostings);
  for (const v of visits) arrivalBefore(v, sentences, ref);
  for (const v of visits) homeAtEnd(v, visits, sentences);
  for (const leg of visits.filter((v) => isArrivalLeg(v, visits)))
    visits.splice(visits.indexOf(leg), 1);
  carrySidelines(meetings, storySidelines(sentences));
  for (const m of meetings) if (placeOfAnother(m, mentions)) m.place = null;
  // "OTTAWA — Today, the Prime Minister spoke with the President of Brazil": told by a cue of
  // talk alone, placed nowhere, during no visit of the two countries and in a story of no
  // gathering (where leaders speak in person: "spoke with B ahead of the summit"; not a
  // sentence that tells a virtual summit, itself held by video), a call
  // (nor a summit of two, told as such: "to brief him on his summit with B")
  let gathering: boolean | undefined;
  const summitOfTwo = (x: SentenceInfo, k: number): boolean =>
    mentions.some(
      (m) =>
        m.sentence === x &&
        isMeeting(m) &&
        m.countries.length === 2 &&
        m.trigger.first <= k &&
        k < m.trigger.end,
    );
  const storyOfGathering = (): boolean => {
    if (gathering !== undefined) return gathering;
    // ("… participated in the 21st India-Russia annual summit. At the summit, the two sides …":
    // the summit the story tells as one of two, named again: the words of those cues)
    const summitWordsOfTwo = new Set(
      mentions
        .filter((m) => isMeeting(m) && m.countries.length === 2)
        .flatMap((m) => m.sentence.tokens.slice(m.trigger.first, m.trigger.end).map((t) => t.key)),
    );
    const namedAgain = (all: readonly Token[], k: number): boolean =>
      (keyIn(definite, all, k - 1) || (all[k - 1]?.word === true && keyIn(definite, all, k - 2))) &&
      summitWordsOfTwo.has(all[k]!.key);
    gathering = sentences.some(
      (x) =>
        x.tokens.some(
          (_t, k, all) =>
            anyReadsAt(all, k, multilateralTrip) > 0 &&
            !toldOver(all, k) &&
            !summitOfTwo(x, k) &&
            !namedAgain(all, k),
        ) && !x.triggers.some((t) => t.type === 'video_call'),
    );
    return gathering;
  };
  // ("… tweeted on his talks with B": the call told before, named again by its owner)
  const namedAgainByOwner = (x: Mention) =>
    x.trigger.noun && keyIn(possessives, x.sentence.tokens, x.trigger.first - 1);
  for (const m of meetings) {
    const remote = m.group.mentions.find((x) => x.trigger.remote !== null)?.trigger.remote ?? null;
    if (
      (isPlainMeeting(m) || m.type === 'talks') &&
      m.place === null &&
      remote !== null &&
      // (told as earlier only with its day: "The two leaders previously held a conversation
      // on July 24", in a readout of their call)
      m.group.mentions.every(
        (x) =>
          (x.trigger.remote === remote && (!x.precedent || x.date?.precision === 'day')) ||
          namedAgainByOwner(x),
      ) &&
      // (a visit of another time is no frame: "had spoken to B on August 25, 2021", told in
      // the story of a visit the next February)
      !visits.some((v) => sameCountries(v, m) && within(m, v)) &&
      !storyOfGathering()
    )
      m.type = remote;
  }
  // "LIMA, May 3 (Wire) -": a meeting the story places nowhere, and frames by no visit, is
  // where it was reported from when that is one of its two countries, or when it met on the
  // sidelines of something or "here" ("Colombo [Sri Lanka], March 29 - A met B on the
  // sidelines of …", "COLOMBO: … A also met B here")
  const filedWhereMet = (m: Draft) =>
    m.group.mentions.some(
      (x) =>
        hasPhrase(x.sentence.tokens, sidelines) ||
        x.sentence.tokens.some((t) => LEX.here.has(t.key)),
    );
  // (not one held apart: "the Joint Commission Meeting … was held virtually")
  const heldApart = (m: Draft) =>
    m.group.mentions.some((x) => x.sentence.tokens.some((t) => LEX.heldApart.has(t.key)));
  // (nor one of a pair the story places in the other country that day: "RIYADH: A on
  // Wednesday received B at the presidential palace in Nairobi … B also met C")
  const metElsewhereThatDay = (m: Draft, filed: Place) =>
    meetings.some(
      (o) =>
        o !== m &&
        o.place?.country != null &&
        o.place.country !== filed.country &&
        sameCountries(o, m) &&
        o.start === m.start,
    );
  // ("BAKU: A met B at the Presidential Palace": a building many governments have by that name
  // is none of a third country's)
  for (const m of meetings)
    if (m.place?.venue && m.place.city === null && !m.countries.includes(m.place.country!))
      m.place = null;
  if (from !== null) {
    for (const m of meetings) {
      if (
        m.place !== null ||
        isCall(m) ||
        heldApart(m) ||
        metElsewhereThatDay(m, from) ||
        !(m.countries.includes(from.country!) || filedWhereMet(m)) ||
        // (nor one the story tells no day of, where it tells a visit of the same two to come:
        // "will visit Fiji from August 5-6 … will be holding bilateral meetings with B")
        visits.some(
          (v) => sameCountries(v, m) && ((m.dateMention === null && announced(v)) || within(m, v)),
        )
      )
        continue;
      m.place = from;
    }
  }
  for (const m of meetings) callToldNext(m, sentences);
  for (const v of visits) startByNthDay(v, meetings, ref);
  for (const m of meetings) dateByVisit(m, visits, ref);
  for (const m of meetings) placeMeeting(m, visits);
  const welcomes = welcomesIn(sentences, hostingOf);
  hostBySameDay(meetings, welcomes);
  const grouped = new Set(groups.flatMap((g) => g.mentions));
  for (const m of mentions) {
    if (grouped.has(m)) continue;
    const visit = visitOfMeeting(m, meetings, visits, welcomes);
    if (visit === null) continue;
    const draft = draftOf(
      { kind: 'visit', mentions: [visit] },
      ref,
      groups.length + visits.length,
      frame,
    );
    if (draft === null) continue;
    placeVisit(draft, hostings);
    visits.push(draft);
    for (const meeting of meetings)
      if (meeting.partOf === null && sameCountries(meeting, draft) && within(meeting, draft)) {
        meeting.partOf = draft;
        // a meeting during the visit that nothing places is in the visit's host country,
        // whoever calls on whom (the host's minister calls on the visiting president at his
        // hotel), as placeMeeting has it for a visit found first
        const unplaced =
          meeting.hostInferred ||
          (meeting.host === null && meeting.place === null && !isCall(meeting));
        if (unplaced && draft.host !== null && meeting.host !== draft.host) {
          meeting.host = draft.host;
          meeting.guest = draft.guest;
          meeting.place = { city: null, country: draft.host, venue: false };
        }
      }
  }

  cityByArticle(meetings, mentions, sentences, from);

  for (const v of visits) {
    const inside = meetings.filter((m) => m.partOf === v);
    // an undated visit is as old as the first meeting held during it
    if (v.dateMention === null && inside.length > 0) {
      const firstDay = inside
        .filter((m) => isDay(m))
        .map((m) => m.start)
        .sort()[0];
      // (not one told as begun on the day the story is dated: "has arrived … Tomorrow, talks
      // will take place" is no visit from tomorrow; one under way since a day not told, dated
      // by its month, is still as old as its first meeting)
      if (firstDay !== undefined && !(v.status === 'held' && isDay(v) && firstDay > v.start)) {
        v.start = firstDay;
        v.precision = 'day';
        v.status = statusOf(firstDay, 'day', ref, false);
        // and lasts as long as a meeting of several days held during it ("will travel to B
        // for a summit with C from April 27 to 28"; meetings on two days tell no end)
        const lastDay = inside
          .filter((m) => isDay(m) && m.end !== null)
          .map((m) => m.end!)
          .sort()
          .at(-1);
        if (lastDay !== undefined && lastDay > firstDay) v.end = lastDay;
        // "A held a summit with B on Tuesday, during his visit. A arrived late Monday."
        arrivalBefore(v, sentences, ref, firstDay);
        homeAtEnd(v, visits, sentences);
        // (or, begun by then, its length: "has arrived for a three-day official visit"; not
        // one under way since a day not told: "currently on a three-day visit")
        const days = lengthOf(v.group);
        if (
          v.end === null &&
          days !== null &&
          days > 1 &&
          v.status === 'held' &&
          !sinceUntold(v.group)
        )
          v.end = isoDayOf(dayNumber(v.start) + days - 1);
      }
      // "will fly to Beijing for a state visit to meet B next week" (at a year's end): a visit
      // known only by the story's month is in the month of the meeting held during it
      const firstMonth = inside
        .filter((m) => isMonth(m))
        .map((m) => m.start)
        .sort()[0];
      if (firstDay === undefined && firstMonth !== undefined && isMonth(v)) {
        v.start = firstMonth;
        v.status = statusOf(firstMonth, 'month', ref, announced(v));
      }
    }
  }
  // ("A met B in B's country … The visit was designed to …": a visit the story refers to
  // but places nowhere)
  const toldVisit = mentions.find(
    (m) => isVisit(m) && m.countries.length === 0 && !m.precedent && !m.sentence.caption,
  );
  const visitTold = toldVisit !== undefined;
  const welcomeScenes = sentences.filter((_s, n) => welcomeSet[n]!);
  for (const m of meetings) {
    // ("In this official ceremony, A and the Prime Minister of Italy reviewed honour guards":
    // a guest welcomed with a ceremony is on a visit, named or not)
    const scene = welcomeScenes
      .filter((s) => s.persons.some((p) => p?.country === m.guest))
      .flatMap((s) => s.persons);
    // (a government's own readout is written from home, as a Vietnamese outlet is)
    const implied = impliedVisit(
      m,
      ref,
      profile.homeCountry ?? publisher,
      visitTold,
      scene.length > 0,
      visits,
    );
    if (implied === null) continue;
    // ("A will receive B. The one-day visit is set for Wednesday": that visit's day)
    const toldDay = toldVisit?.date;
    if (toldDay && isDay(toldDay) && !isDay(implied)) {
      implied.start = toldDay.value;
      implied.precision = 'day';
      implied.status = statusOf(toldDay.value, 'day', ref, announced(implied));
    }
    const told = visits.find((v) => sameCountries(v, implied) && v.host === implied.host);
    if (told === undefined && !visits.some((v) => sameCountries(v, implied))) {
      // (its hosts too: "The visit began with a formal ceremony led by President B")
      placeVisit(implied, hostings);
      // (and the host's leaders seen in its welcome scene, where nothing else names its hosts)
      if (!implied.people.some((p) => p.country === implied.host))
        implied.people = uniquePeople([
          ...implied.people,
          ...scene.filter((p): p is Person => p?.country === implied.host && p.leader),
        ]);
      // ("A held talks with B on Wednesday … B arrived late Tuesday": from the arrival)
      arrivalBefore(implied, sentences, ref);
      visits.push(implied);
      m.partOf = implied;
    } else if (told !== undefined && told.order < 0)
      // ("Earlier Wednesday, A met Prime Minister C": another meeting of the visit a meeting
      // implied, part of it too)
      m.partOf = told;
  }

  // "A will also meet B and C" beside the meeting the article dates this month: expected
  // meetings with no day are no events of their own; the dated one is the news
  // (and none dated, by whatever reading, further from the story than news reaches: "During
  // their talks, B praised President Ho Chi Minh" after a sentence about November 1, 1954)
  const news = (d: Draft) => Math.abs(dayNumber(d.start) - refDayNumber(ref)) <= MAX_DISTANCE_DAYS;
  const kept = meetings.filter(
    (m) =>
      news(m) &&
      !expectedBeside(m, meetings) &&
      !sequelOfCall(m, meetings) &&
      !toldBefore(m, meetings),
  );
  // likewise a visit told without a day beside the one the article dates ("PM A also chose
  // Vietnam for his first foreign visit" in a story of his visit from October 18 to 20)
  const keptVisits = visits.filter((v) => news(v) && !expectedBeside(v, visits));
  for (const m of kept) {
    const frame = m.partOf;
    if (frame !== null && !keptVisits.includes(frame))
      m.partOf = keptVisits.find((v) => sameCountries(v, frame) && v.host === frame.host) ?? null;
  }
  const ordered = [
    ...keptVisits.sort((a, b) => a.order - b.order),
    ...kept.sort((a, b) => a.order - b.order),
  ];
  const index = new Map<Draft, number>(ordered.map((d, n) => [d, n]));
  return ordered.map((d) => ({
    category: d.category,
    type: d.type,
    status: d.status,
    start: d.start,
    end: d.end,
    countries: d.countries.slice(),
    host: d.host,
    guest: d.guest,
    participants: d.people.map(participant),
    location: {
      place: null,
      city: d.category === 'visit' ? null : (d.place?.city ?? null),
      country: d.place?.country ?? null,
    },
    evidence: evidenceOf(d),
    partOf: d.partOf === null ? null : (index.get(d.partOf) ?? null),
  }));
}
