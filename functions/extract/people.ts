// People in a sentence ("Tổng thống Hoa Kỳ Joe Biden", "Thủ tướng Lào Sonexay Siphandone",
// "Tổng Bí thư, Chủ tịch nước Lào", "ông Biden"), and their resolution across the article:
// a later "Tổng thống Biden" or "Thủ tướng Lào" is the same person as the first full mention.

import { nameIn, nameKeys, personIdOf, sameNameKeys } from '../text/names.js';
import { matchForm } from '../text/vietnamese.js';
import {
  bareLeaderAt,
  countryAt,
  honorificAt,
  knownLeaderAt,
  leaderByLastName,
  leaderCountry,
  leaderFullName,
  monarchByName,
  officialIn,
  PLURAL_LEAD,
  placeAt,
  TITLE_QUALIFIERS,
  type TitleEntry,
  titleAt,
  titleBeginsAt,
} from './gazetteer.js';
import { anyReadsAt, endsBefore, LEX } from './lexicon.js';
import type { Names } from './table-schemas.js';
import { TABLES, TABLES_BY_LANGUAGE } from './tables.js';
import { anyKeyIn, keyAt, keyIn, phraseKeys, possessiveAt, type Token, textAt } from './tokens.js';

/** The lexicon's lists this module reads in several places, by name (as `…Words` where the
 *  name is a keyword, a common word or one of this module's own). */
const { governmentHead, severalLeaders, titleArticle, and: andWords, of: ofWords } = LEX;

export interface PersonMention {
  /** token span in the sentence [first, end) */
  first: number;
  end: number;
  /** the name as written, or null for "Thủ tướng Lào" */
  name: string | null;
  nameKeys: string[];
  /** the title as written ("Tổng Bí thư, Chủ tịch nước"), or null */
  title: string | null;
  titleKeys: string[];
  /** country written in the mention */
  country: string | null;
  principal: boolean;
  leader: boolean;
  /** "hai Thủ tướng", "các Bộ trưởng": several people, no one in particular */
  plural: boolean;
  /** introduced by ông/bà only */
  honorific: boolean;
  /** titled only as a country's leader ("nhà lãnh đạo Nga"), no office named */
  generic: boolean;
  /** the foreign country the article was talking about where the mention stands (set by the caller) */
  contextCountry?: string | null;
}

/** A person of the article, after merging the mentions that refer to them. */
export interface Person {
  id: number;
  name: string;
  nameKeys: string[];
  title: string | null;
  titleKeys: Set<string>;
  country: string | null;
  principal: boolean;
  leader: boolean;
}

const NAMES = TABLES.names as Names;
const keysOf = (phrase: string) => phraseKeys(phrase);
const wordSet = (phrases: readonly string[]) => new Set(phrases.map((p) => keysOf(p).join(' ')));

// "Cộng hòa", "Vương quốc" ... before a country name that the gazetteer lists only in short form
const STATE_PREFIX_KEYS = NAMES.statePrefixes.map(keysOf);
// Institutions that can sit between a title and a name ("Bộ trưởng Bộ Công Thương ..."), by one or two words.
const INSTITUTION_HEADS = wordSet(NAMES.institutionHeads);
/** The longest bracketed gloss skipped inside an institution's name. */
const MAX_GLOSS_TOKENS = 4;
const ORG_STOPS = wordSet(NAMES.institutionStops);
const isOrgHead = (tokens: readonly Token[], j: number) =>
  INSTITUTION_HEADS.has(tokens[j]!.key) ||
  INSTITUTION_HEADS.has(`${tokens[j]!.key} ${keyAt(tokens, j + 1)}`);
// Organisations whose heads are not diplomatic principals.
const NON_STATE_ORGS = wordSet(NAMES.nonStateInstitutions);
// Capitalised words that end a name: sentence openers, captions, adverbs
const NAME_STOPS = wordSet(NAMES.nameStops);
const FACILITIES = wordSet(NAMES.facilities);
/** Each language's own words that end a name: Vietnamese stops ("trong", "hai") are given names in English text ("Nguyen Phu Trong"). */
const NAME_STOPS_BY_LANGUAGE = new Map(
  Object.entries(TABLES_BY_LANGUAGE).map(([code, t]) => [
    code,
    wordSet((t.names as Pick<Names, 'nameStops'>).nameStops),
  ]),
);
/** A word that ends a name, alone or with the word after it ("Phu nhân", but "Nguyen Phu Trong"),
 *  not as the first part of a hyphenated one ("Narendra Modi Ji", but "Han Ji-woo"). */
const isNameStop = (tokens: readonly Token[], k: number, stops: ReadonlySet<string>) =>
  (stops.has(tokens[k]!.key) && textAt(tokens, k + 1) !== '-') ||
  (firstWordsOfPairs(stops).has(tokens[k]!.key) &&
    stops.has(`${tokens[k]!.key} ${keyAt(tokens, k + 1)}`));
/** The first words of a stop list's two-word entries: most tokens start none, and need no pair looked up. */
const PAIR_FIRST_WORDS = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();
function firstWordsOfPairs(stops: ReadonlySet<string>): ReadonlySet<string> {
  let first = PAIR_FIRST_WORDS.get(stops);
  if (first === undefined) {
    first = new Set([...stops].filter((w) => w.includes(' ')).map((w) => w.split(' ')[0]!));
    PAIR_FIRST_WORDS.set(stops, first);
  }
  return first;
}
/** whose people bear the names `looksVietnameseName` recognizes */
const VIETNAMESE_NAMES_COUNTRY = 'VN';
const VIETNAMESE_SURNAMES = wordSet(NAMES.vietnameseSurnames);
// Lower-case particles inside foreign names ("Lula da Silva", "bin Salman", "Van der Bellen")
const NAME_PARTICLES = wordSet(NAMES.nameParticles);
// Title tails that may follow the person ("Ferdinand Marcos Jr.")
const NAME_SUFFIXES = wordSet(NAMES.nameSuffixes);
/** The last word of a name that is no suffix ("Ferdinand Marcos Jr." -> marcos). */
export const surnameOf = (keys: readonly string[]): string | undefined =>
  keys.filter((k) => !NAME_SUFFIXES.has(k)).pop();
// "Tổng Bí thư, Chủ tịch nước", "Phó Tổng thống kiêm Chủ tịch Thượng viện"
const TITLE_JOINERS = new Set(NAMES.titleJoiners.map((p) => keysOf(p).join(' ')));
const PORTFOLIO_JOINER = wordSet(NAMES.portfolioJoiner);
// "Đại sứ Ba Lan tại Việt Nam Joanna Skoczek"
const POSTING = wordSet(NAMES.posting);
// "Prime Minister of Japan X", "President X of Peru"
const COUNTRY_LEAD = wordSet(NAMES.countryLead);
// "former Prime Minister X", "the first US president": who held an office is no party now
const FORMER_LEAD = wordSet(NAMES.formerLead);
const QUALIFIER_STOPS = wordSet(NAMES.qualifierStops);
const INSTITUTION_WORDS = wordSet(NAMES.institutionWords);
const INSTITUTION_LEAD = wordSet(NAMES.institutionLead);
const PORTFOLIO_LEAD = wordSet(NAMES.portfolioLead);
const PORTFOLIO_JOINER_WORDS = wordSet(NAMES.portfolioJoiners);
const PORTFOLIO_TITLE_ENDS = wordSet(NAMES.portfolioTitleEnds);
const GENERIC_COUNTRY_LEAD = wordSet(NAMES.genericCountryLead);
/** The longest institution written after a title and "of" ("of the Communist Party of X (CPX) Central Committee"). */
const MAX_INSTITUTION_TOKENS = 16;
/** An abbreviation in brackets after an institution or a country: "(CPV)", "(RoK)". */
const MAX_ABBREVIATION_CHARS = 6;
/** How many honorifics may stand before a name ("H.E. Mr."). */
const MAX_HONORIFICS = 3;
/** How many institution words may stand between a country and a title ("Chilean Senate President"). */
const MAX_INSTITUTION_BEFORE_TITLE = 3;

/** How many tokens an abbreviation in brackets takes at `k` ("(CPV)", "(RoK)", "(T&T)"), or 0. */
function bracketedAbbreviationAt(tokens: readonly Token[], k: number): number {
  if (textAt(tokens, k) !== '(' || tokens[k + 1]?.word !== true) return 0;
  let inner = '';
  let close = k + 1;
  // (written without spaces: "T&T" is three tokens)
  while (
    tokens[close] !== undefined &&
    tokens[close]!.text !== ')' &&
    (close === k + 1 || !tokens[close]!.spaced) &&
    inner.length <= MAX_ABBREVIATION_CHARS
  )
    inner += tokens[close++]!.text;
  return textAt(tokens, close) === ')' &&
    inner.length <= MAX_ABBREVIATION_CHARS &&
    /\p{Lu}.*\p{Lu}/u.test(inner) &&
    /^[\p{L}&.]+$/u.test(inner)
    ? close - k + 1
    : 0;
}

/** How many tokens a gloss in brackets of lower-case words takes at `k` ("(interim government
 *  chief)"), or 0. */
function lowerCaseGlossAt(tokens: readonly Token[], k: number): number {
  if (textAt(tokens, k) !== '(') return 0;
  for (let n = k + 1; n <= k + 1 + MAX_GLOSS_TOKENS && n < tokens.length; n++) {
    const t = tokens[n]!;
    if (t.text === ')') return n > k + 1 ? n - k + 1 : 0;
    if (!t.word || t.cap) return 0;
  }
  return 0;
}

/** One person holding two offices ("X of A and Y B"): the mention of the second office and
 *  the name (`rest`), from the first office's start, with the first office's words written
 *  before the second's title and its standing (and country, where the second names none). */
function bothOffices(
  rest: PersonMention,
  first: number,
  firstOffice: string,
  standing: { country: string | null; principal: boolean; leader: boolean },
): PersonMention {
  return {
    ...rest,
    first,
    title: `${firstOffice}${rest.title ?? ''}`,
    country: rest.country ?? standing.country,
    principal: standing.principal || rest.principal,
    leader: standing.leader || rest.leader,
  };
}

/** How many lower-case words may describe an institution after its article ("the ruling"). */
const DESCRIBING_WORDS = 2;

/**
 * "of the Communist Party of Vietnam (CPV) Central Committee", "of the Cambodian Senate": an
 * institution after a title, as English writes it. Returns where its name ends (the
 * person's name may follow) and the first country named in it, or null when the words
 * after "of" name no institution.
 */
function institutionAfterOf(
  tokens: readonly Token[],
  j: number,
  titleHasPortfolio: boolean,
  ofLeadsPortfolio: boolean,
): { end: number; country: string | null } | null {
  // a portfolio may join its words ("for Europe and Foreign Affairs", "Minister for Foreign
  // Affairs and Trade of X"); an institution may not ("of the X Party and President of …" is a second office)
  const key = keyAt(tokens, j);
  const portfolio =
    PORTFOLIO_LEAD.has(key) ||
    (ofLeadsPortfolio && COUNTRY_LEAD.has(key)) ||
    (titleHasPortfolio && (PORTFOLIO_JOINER_WORDS.has(key) || portfolioListAt(tokens, j)));
  if (!portfolio && !keyIn(COUNTRY_LEAD, tokens, j)) return null;
  let k = j + 1;
  while (tokens[k] !== undefined && INSTITUTION_LEAD.has(tokens[k]!.key) && !tokens[k]!.cap) k++;
  // "of the lawmaking National Assembly", "of the ruling Cambodian People's Party": a word or
  // two after the article that describe the institution
  if (k > j + 1 && INSTITUTION_LEAD.has(tokens[k - 1]!.key)) {
    let q = k;
    while (
      q < k + DESCRIBING_WORDS &&
      tokens[q]?.word === true &&
      /^\p{Ll}+$/u.test(tokens[q]!.text) &&
      !INSTITUTION_WORDS.has(tokens[q]!.key)
    )
      q++;
    if (q > k && tokens[q]?.cap === true) k = q;
    // "Chief Adviser of the interim government, B": an institution named in lower case, before
    // the name it is the office of
    else if (
      tokens[q]?.cap === false &&
      INSTITUTION_WORDS.has(tokens[q]!.key) &&
      textAt(tokens, q + 1) === ',' &&
      tokens[q + 2]?.cap === true
    )
      return { end: q + 1, country: null };
  }
  if (tokens[k]?.cap !== true) return null;
  let end = -1;
  let country: string | null = null;
  /** an institution's word, an abbreviation or a portfolio: more than a country */
  let named = portfolio;
  const limit = Math.min(tokens.length, j + MAX_INSTITUTION_TOKENS);
  while (k < limit) {
    const t = tokens[k]!;
    const c = t.cap ? countryWithPrefix(tokens, k) : null;
    if (c !== null) {
      country ??= c.code;
      k += c.length;
      end = k;
      continue;
    }
    if (t.text === '(') {
      const length = bracketedAbbreviationAt(tokens, k);
      if (length === 0) break;
      k += length;
      end = k;
      named = true;
      continue;
    }
    if (t.word && t.cap) {
      // ("of Asian Infrastructure Investment Bank": a bank's word ends it too)
      if (INSTITUTION_WORDS.has(t.key) || NON_STATE_ORGS.has(t.key)) {
        end = k + 1;
        named = true;
      }
      k++;
      continue;
    }
    // "of", "the" inside the name; "People's"; "and" inside a portfolio (not before a country:
    // "Minister for Defence Production A and Azerbaijani Minister B" names two people)
    if (
      (t.word &&
        !t.cap &&
        (COUNTRY_LEAD.has(t.key) ||
          INSTITUTION_LEAD.has(t.key) ||
          (portfolio &&
            PORTFOLIO_JOINER_WORDS.has(t.key) &&
            countryWithPrefix(tokens, k + 1) === null))) ||
      ((t.text === "'" || t.text === '’') && tokens[k + 1]?.key === 's')
    ) {
      k += t.word ? 1 : 2;
      continue;
    }
    // "of the Japan-Vietnam Friendship Association": two countries joined inside the name
    if (t.text === '-' && country !== null && tokens[k + 1]?.cap === true) {
      k++;
      continue;
    }
    // ("of Foreign Affairs, Regional Integration and International Trade": a list's comma)
    if (portfolio && portfolioListAt(tokens, k)) {
      k++;
      continue;
    }
    // "the Workers' Party": a plural's apostrophe inside the name
    if (
      (t.text === "'" || t.text === '’') &&
      tokens[k - 1]?.key.endsWith('s') === true &&
      tokens[k + 1]?.cap === true
    ) {
      k++;
      continue;
    }
    break;
  }
  // "of Chile" alone is a country after a title, read as such by the caller
  return end < 0 || !named ? null : { end, country };
}

/** "Minister of Foreign Affairs, Regional Integration and International Trade": at `j`, a
 *  comma that goes on with a portfolio's list, its capitalised words up to the "and" before
 *  its last item (not "Minister of Foreign Affairs, B, said": a name after the comma). */
function portfolioListAt(tokens: readonly Token[], j: number): boolean {
  let m = j;
  while (textAt(tokens, m) === ',') {
    const from = ++m;
    while (tokens[m]?.word === true && tokens[m]!.cap) m++;
    if (m === from) return false;
  }
  return m > j && keyIn(PORTFOLIO_JOINER_WORDS, tokens, m);
}

const isAllCaps = (t: Token) =>
  t.text.length >= 2 && t.text === t.text.toUpperCase() && /\p{Lu}/u.test(t.text);
/** A family name in capitals beside a given name in mixed case ("KISHIDA Fumio", "Fumio KISHIDA"), as some governments write them. */
const MIN_CAPITALS_NAME = 2;
const isMixedCaseName = (t: Token | undefined) => t?.word && t.cap && !isAllCaps(t);
const isCapitalsName = (tokens: readonly Token[], k: number) => {
  const t = tokens[k]!;
  return (
    isAllCaps(t) &&
    t.text.length >= MIN_CAPITALS_NAME &&
    /^\p{L}+$/u.test(t.text) &&
    (isMixedCaseName(tokens[k + 1]) || isMixedCaseName(tokens[k - 1]))
  );
};
// Vietnamese syllables carry diacritics or are short; foreign names ("Biden") rarely look like that
const looksVietnameseName = (keys: readonly string[]) =>
  keys.length >= 2 &&
  keys.length <= 4 &&
  VIETNAMESE_SURNAMES.has(keys[0]!) &&
  keys.every((k) => k.length <= 7 && !/[fjwz]/.test(k));

const STATE_PREFIX_FIRST_WORDS = new Set(STATE_PREFIX_KEYS.map((keys) => keys[0]!));

/** The words of a full name that may stand for the person alone: the first and the last
 *  (no suffix), and the middle one of three that does not look Vietnamese ("Samia Suluhu
 *  Hassan" → "Suluhu"; "Nguyen Phu Trong" is never "Phu"). */
export function bareNameWords(keys: readonly string[]): string[] {
  const words = [keys[0]!, surnameOf(keys) ?? keys[keys.length - 1]!];
  if (keys.length === 3 && !looksVietnameseName(keys) && !NAME_PARTICLES.has(keys[1]!))
    // (and the two surnames together: "Lacalle Pou" for Luis Lacalle Pou)
    words.push(keys[1]!, `${keys[1]} ${keys[2]}`);
  // (the surname with its particle: "van Klaveren" for Alberto van Klaveren)
  const last = keys.length - 1;
  if (last >= 2 && NAME_PARTICLES.has(keys[last - 1]!) && keys[last] === surnameOf(keys))
    words.push(`${keys[last - 1]} ${keys[last]}`);
  return words;
}

/** Where a run of honorifics at `k` ends ("H.E. Mr.", "Dato' Seri Utama Haji"; each
 *  capitalised, with `capitalised`), at most MAX_HONORIFICS of them. */
/** Past the honorifics at `k` ("H.E. Dr.", "His Excellency"), at most MAX_HONORIFICS. */
export function pastHonorifics(tokens: readonly Token[], k: number, capitalised = false): number {
  for (let n = 0; n < MAX_HONORIFICS; n++) {
    // ("Lyonchhen (Dr.) Lotay Tshering": one in brackets too)
    const bracketed = textAt(tokens, k) === '(' ? honorificAt(tokens, k + 1) : 0;
    if (bracketed > 0 && textAt(tokens, k + 1 + bracketed) === ')') {
      k += bracketed + 2;
      continue;
    }
    const h = capitalised && tokens[k]?.cap !== true ? 0 : honorificAt(tokens, k);
    if (h === 0) break;
    k += h;
  }
  return k;
}

/** The tokens of a possessive "'s" written on its word at `j` ("Japan's"), or 0. */
const possessiveLength = (tokens: readonly Token[], j: number) =>
  possessiveAt(tokens, j) && !tokens[j]!.spaced ? 2 : 0;

/** How many lower-case words ("newly elected") may stand between a country and a title. */
const MAX_QUALIFIER_TOKENS = 4;
/** How many state prefixes may stand before a country's name ("nước Cộng hòa nhân dân Trung Hoa"). */
const MAX_STATE_PREFIXES = 2;

function statePrefixLength(tokens: readonly Token[], i: number): number {
  let total = 0;
  for (let n = 0; n < MAX_STATE_PREFIXES; n++) {
    const at = i + total;
    // most tokens start no prefix: one set look-up instead of comparing every prefix
    if (at >= tokens.length || !STATE_PREFIX_FIRST_WORDS.has(tokens[at]!.key)) break;
    let best = 0;
    for (const keys of STATE_PREFIX_KEYS) {
      if (keys.length > best && keys.every((k, m) => tokens[at + m]?.key === k)) best = keys.length;
    }
    if (best === 0) break;
    total += best;
  }
  return total;
}

/** A country written at token `i`, possibly as "Cộng hòa X" or "nước X". */
export function countryWithPrefix(
  tokens: readonly Token[],
  i: number,
): { code: string; length: number } | null {
  const c = prefixedCountryAt(tokens, i);
  if (c === null) return null;
  // "United Arab Emirates (UAE) President B": the country's short name in brackets after it
  const at = i + c.length;
  const short = textAt(tokens, at) === '(' ? countryAt(tokens, at + 1) : null;
  return short !== null && short.code === c.code && textAt(tokens, at + 1 + short.length) === ')'
    ? { code: c.code, length: c.length + short.length + 2 }
    : c;
}

/** The country at `i`, named directly or after state prefixes ("nước Cộng hòa X"), or null. */
function prefixedCountryAt(
  tokens: readonly Token[],
  i: number,
): { code: string; length: number } | null {
  const direct = countryAt(tokens, i);
  if (direct !== null) return direct;
  // "nước Cộng hòa X": the longest run of prefixes that a country follows
  for (let prefix = statePrefixLength(tokens, i); prefix > 0; prefix--) {
    const inner = countryAt(tokens, i + prefix, true);
    if (inner !== null) return { code: inner.code, length: prefix + inner.length };
  }
  return null;
}

/** "Thủ tướng Thủ tướng Belarus": the title just before `k` written again (a slip of the
 *  pen), which is no name; "King Sultan Ibrahim" is one, a title that is part of a name. */
function titleWrittenTwiceAt(tokens: readonly Token[], k: number): boolean {
  const title = titleBeginsAt(tokens, k);
  if (title === null || k < title.length) return false;
  for (let n = 0; n < title.length; n++)
    if (tokens[k - title.length + n]!.key !== tokens[k + n]!.key) return false;
  return true;
}

/** Whether tokens `from` to `to` are only a name's suffix and its punctuation (", Jr."). */
function onlySuffixes(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.word ? !NAME_SUFFIXES.has(t.key) : t.text !== ',' && t.text !== '.') return false;
  }
  return true;
}

/** Capitalised name tokens from `i`: returns the end index (exclusive); `i` (no name) for a
 *  place named after someone ("King Khalid International Airport"). */
function nameEnd(tokens: readonly Token[], i: number, stops: ReadonlySet<string>): number {
  let k = i;
  let words = 0;
  while (k < tokens.length && words < 7) {
    const t = tokens[k]!;
    if (
      t.word &&
      t.cap &&
      (!isAllCaps(t) || isCapitalsName(tokens, k)) &&
      !(words > 0 && isNameStop(tokens, k, stops))
    ) {
      if (words > 0 && FACILITIES.has(t.key)) return i;
      // "Prime Minister Sheikh Hasina Hasina": a word written twice is a slip, not a longer name
      if (words > 0 && tokens[k - 1]!.key === t.key) break;
      if (words > 0 && (countryAt(tokens, k) !== null || titleBeginsAt(tokens, k) !== null)) break;
      if (words === 0 && (isNameStop(tokens, k, stops) || titleWrittenTwiceAt(tokens, k))) break;
      k++;
      words++;
      continue;
    }
    // "Jr." / "J.D." / "Kim Jong-un" / "Díaz-Canel" / "Lula da Silva"
    if (
      words > 0 &&
      !t.word &&
      (t.text === '-' || t.text === '.' || t.text === "'" || t.text === '’') &&
      !t.spaced
    ) {
      const after = tokens[k + 1];
      // ("Jr." takes its point; "Charles III." ends the sentence)
      if (t.text === '.' && NAME_SUFFIXES.has(tokens[k - 1]!.key) && !isAllCaps(tokens[k - 1]!)) {
        k++;
        continue;
      }
      if (t.text === '.' && tokens[k - 1]!.text.length === 1 && after?.cap === true) {
        k++;
        continue;
      }
      // "the minister's visit": a possessive ends the name
      if ((t.text === "'" || t.text === '’') && after?.key === 's') break;
      if (after?.word && !after.spaced) {
        k += 2;
        words++;
        continue;
      }
      break;
    }
    // 'Joko "Jokowi" Widodo': a nickname in quotes within the name (left out of its text, spanText)
    if (
      words > 0 &&
      t.spaced &&
      OPENING_QUOTES.has(t.text) &&
      tokens[k + 1]?.cap === true &&
      CLOSING_QUOTES.has(textAt(tokens, k + 2) ?? '') &&
      tokens[k + 3]?.cap === true &&
      tokens[k + 3]!.word
    ) {
      k += 3;
      continue;
    }
    if (
      words > 0 &&
      t.word &&
      !t.cap &&
      NAME_PARTICLES.has(t.key) &&
      tokens[k + 1]?.cap === true &&
      tokens[k + 1]!.word
    ) {
      k++;
      continue;
    }
    // "Abdel Fattah el-Sisi", "Mohammed Shia al-Sudani": a particle joined by a hyphen
    if (
      words > 0 &&
      t.word &&
      !t.cap &&
      NAME_PARTICLES.has(t.key) &&
      textAt(tokens, k + 1) === '-' &&
      !tokens[k + 1]!.spaced &&
      tokens[k + 2]?.cap === true &&
      tokens[k + 2]!.word &&
      !tokens[k + 2]!.spaced
    ) {
      k += 3;
      words++;
      continue;
    }
    if (words > 0 && t.word && isAllCaps(t) && NAME_SUFFIXES.has(t.key)) {
      k++;
      continue;
    }
    // "Ferdinand R. Marcos, Jr.": a suffix after a comma is the name's
    if (
      words > 0 &&
      t.text === ',' &&
      tokens[k + 1]?.cap === true &&
      NAME_SUFFIXES.has(tokens[k + 1]!.key)
    ) {
      k += 2;
      continue;
    }
    break;
  }
  // "Thủ tướng Phạm Minh Chính Ảnh" is caught by NAME_STOPS; trailing particles are dropped
  while (k > i && !tokens[k - 1]!.word && tokens[k - 1]!.text !== '.') k--;
  return k;
}

const OPENING_QUOTES: ReadonlySet<string> = new Set(['"', '“', "'", '‘']);
const CLOSING_QUOTES: ReadonlySet<string> = new Set(['"', '”', "'", '’']);
/** A nickname in quotes between two words of a name (nameEnd reads past it). */
const QUOTED_NICKNAME = /\s["“'‘][^\s"“”'‘’]+["”'’](?=\s)/gu;

function spanText(text: string, tokens: readonly Token[], from: number, to: number): string {
  return text.slice(tokens[from]!.start, tokens[to - 1]!.end).replace(QUOTED_NICKNAME, '');
}

/** How a language writes people, for reading their mentions. */
export interface PeopleOptions {
  /** the language's code, for its own words that end a name */
  code: string;
  /** a country's name or adjective may stand before the title ("Lao Prime Minister X", "Japan's Prime Minister") */
  modifiersFirst: boolean;
  /** a person may be written by one part of the name alone ("Ishiba will meet …") */
  bareNames: boolean;
}

/** Person mentions in one sentence, left to right. */
export function findPeople(
  text: string,
  tokens: readonly Token[],
  options: PeopleOptions,
): PersonMention[] {
  const people: PersonMention[] = [];
  const stops = NAME_STOPS_BY_LANGUAGE.get(options.code) ?? NAME_STOPS;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const pair = options.modifiersFirst
      ? (countryPairPeopleAt(text, tokens, stops, i) ??
        titlePairPeopleAt(text, tokens, stops, i) ??
        titleOfPairPeopleAt(text, tokens, stops, i))
      : null;
    if (pair !== null) {
      people.push(...pair);
      i = pair[1].end;
      continue;
    }
    const several = severalLeadersAt(text, tokens, i);
    if (several !== null) {
      people.push(...several);
      i = several.at(-1)!.end;
      continue;
    }
    // titles and known names start with a capital letter; an honorific ("ông") may not
    const mention =
      (options.modifiersFirst ? countryThenPersonAt(text, tokens, stops, i) : null) ??
      (t.cap
        ? (titledPersonAt(text, tokens, stops, i) ??
          honorificPersonAt(text, tokens, stops, i) ??
          knownPersonAt(text, tokens, i) ??
          (options.modifiersFirst ? nameThenTitleAt(text, tokens, stops, i) : null) ??
          (options.bareNames ? bareLeaderPersonAt(text, tokens, i) : null))
        : t.word
          ? (honorificPersonAt(text, tokens, stops, i) ??
            titledPersonAt(text, tokens, stops, i) ??
            lowerCaseTitledPersonAt(text, tokens, stops, i, false, null))
          : null);
    if (mention === null) {
      i++;
      continue;
    }
    // "his counterpart PM Lee": a generic title, then a title of its own before the name
    if (mention.generic && mention.name !== null) {
      const nameAt = mention.end - mention.nameKeys.length;
      const inner =
        titleBeginsAt(tokens, nameAt) !== null ? titledPersonAt(text, tokens, stops, nameAt) : null;
      if (inner !== null && inner.name !== null && inner.end === mention.end) {
        inner.first = mention.first;
        inner.title =
          text.slice(tokens[mention.first]!.start, tokens[nameAt - 1]!.end) +
          ' ' +
          (inner.title ?? '');
        inner.titleKeys = [...mention.titleKeys, ...inner.titleKeys];
        inner.country ??= mention.country;
        Object.assign(mention, inner);
      }
    }
    appositionOf(text, tokens, stops, mention, options.modifiersFirst);
    // ("India said on Friday its foreign minister and his Chinese counterpart spoke": the
    // country "its" stands for, the last one named before it)
    if (
      mention.country === null &&
      mention.name === null &&
      keyIn(LEX.countryPossessive, tokens, mention.first - 1)
    )
      for (let k = mention.first - 2; k >= 0 && mention.country === null; k--)
        mention.country = countryAt(tokens, k)?.code ?? null;
    if (
      keyIn(FORMER_LEAD, tokens, mention.first - 1) ||
      // ("paid tribute to President Ho Chi Minh at his mausoleum": one honoured, no party)
      endsBefore(tokens, mention.first, LEX.tributeTo) ||
      // ("Pakistan's Foreign Secretary": a civil servant's office there)
      (mention.country !== null && officialIn(mention.titleKeys, mention.country))
    ) {
      mention.principal = false;
      mention.leader = false;
    } else if (
      !mention.principal &&
      mention.name !== null &&
      (leaderCountry(mention.nameKeys) !== null ||
        (mention.nameKeys.length === 1 && leaderByLastName(mention.nameKeys[0]!) !== null))
    )
      // "Secretary A", "Secretary Blinken": a leader or minister the gazetteer knows (by the
      // last name alone too) takes part whatever short title they are given
      mention.principal = true;
    // "his counterpart, Uzbek President X", "his counterpart, the head of Uzbekistan X": one
    // person; so is "the President, His Excellency X" (or "President His Highness Sheikh X"),
    // whose leader's title is the one before
    const counterpart = people[people.length - 1];
    let titleOnly = false;
    if (counterpart?.leader === true && counterpart.name === null && mention.title === null) {
      // (honorifics stand between, with a comma before them or not)
      const from = counterpart.end + (textAt(tokens, counterpart.end) === ',' ? 1 : 0);
      const past = pastHonorifics(tokens, from, true);
      titleOnly = past > from && mention.first >= from && mention.first <= past;
    }
    // "Senator the Hon. X, Minister for Trade of B": a lesser title, honorifics, then the
    // person with the title given after the name, which is the one that counts
    const lesserTitle =
      counterpart !== undefined &&
      counterpart.name === null &&
      counterpart.title !== null &&
      !counterpart.leader &&
      mention.title !== null &&
      mention.first >= counterpart.end &&
      mention.first < pastHonorifics(tokens, counterpart.end) &&
      (counterpart.country === null || counterpart.country === mention.country);
    if (
      counterpart !== undefined &&
      (counterpart.generic || titleOnly || lesserTitle) &&
      counterpart.name === null &&
      !counterpart.plural &&
      mention.name !== null &&
      (titleOnly ||
        lesserTitle ||
        (textAt(tokens, counterpart.end) === ',' &&
          mention.first - counterpart.end - 1 <=
            (keyIn(titleArticle, tokens, counterpart.end + 1) ? 1 : 0))) &&
      (counterpart.country === null ||
        mention.country === null ||
        counterpart.country === mention.country)
    ) {
      people.pop();
      mention.first = counterpart.first;
      if (titleOnly) takeTitle(mention, counterpart, mention.country ?? counterpart.country);
    }
    const offices = mention.name !== null ? officeBefore(tokens, mention.first, people) : null;
    if (offices !== null) {
      while (people.length > 0 && people[people.length - 1]!.first >= offices) people.pop();
      mention.first = offices;
    }
    people.push(mention);
    i = Math.max(mention.end, i + 1);
  }
  return people;
}

/** How many words an office held beside another may take, its institution's name included. */
const OFFICE_WORDS = 16;

/**
 * "met with Member of the Political Bureau of the CPC Central Committee and Foreign Minister
 * Wang Yi", "the Director of the Office of the Central Foreign Affairs Commission and Chinese
 * Foreign Minister Wang Yi": a named person's second office, written before the first with
 * its institution ("of"), in capitals and joined by "and"; where that office begins, or null.
 * Not one with a country in it ("the President of Vietnam and Prime Minister B" are two), nor
 * one that names someone.
 */
function officeBefore(
  tokens: readonly Token[],
  first: number,
  people: readonly PersonMention[],
): number | null {
  if (!keyIn(andWords, tokens, first - 1)) return null;
  let start = first - 1;
  while (
    start > 0 &&
    first - start <= OFFICE_WORDS &&
    tokens[start - 1]!.word &&
    (tokens[start - 1]!.cap ||
      keyIn(ofWords, tokens, start - 1) ||
      keyIn(titleArticle, tokens, start - 1))
  )
    start--;
  while (start < first - 1 && !tokens[start]!.cap) start++;
  const stretch = tokens.slice(start, first - 1);
  if (
    stretch.length < 3 ||
    first - start > OFFICE_WORDS ||
    !stretch.some((t) => ofWords.has(t.key)) ||
    people.some((p) => p.end > start && (p.name !== null || p.leader || p.country !== null))
  )
    return null;
  for (let k = start; k < first - 1; k++) if (countryAt(tokens, k) !== null) return null;
  return start;
}

/** "with the Australian, Japanese and Indian leaders": countries listed (two or more) before a
 *  plural title of principals, one unnamed principal of each, or null. */
function severalLeadersAt(
  text: string,
  tokens: readonly Token[],
  i: number,
): PersonMention[] | null {
  // (as the object of a cue: "with", "his", "the" before them; not "a meeting between
  // Philippine and Indonesian foreign ministers", which names no pair of its own)
  const before = keyAt(tokens, i - 1);
  if (!LEX.objectLead.has(before) && !titleArticle.has(before)) return null;
  const listed: { first: number; end: number; code: string }[] = [];
  // ("his counterparts from the US, China and Canada": the title first, its countries after it)
  const titled = anyReadsAt(tokens, i, severalLeaders);
  const lead = keyAt(tokens, i + titled);
  // (not its chairs: "chaired by the leaders of Uzbekistan and Kazakhstan" names the pair)
  if (
    titled > 0 &&
    (ofWords.has(lead) || GENERIC_COUNTRY_LEAD.has(lead)) &&
    !keyIn(LEX.agent, tokens, i - 2)
  ) {
    for (let k = i + titled + 1; ; ) {
      const c = countryWithPrefix(tokens, k);
      if (c === null) break;
      listed.push({ first: listed.length > 0 ? k : i, end: k + c.length, code: c.code });
      k += c.length + (textAt(tokens, k + c.length) === ',' ? 1 : 0);
      if (keyIn(andWords, tokens, k)) k++;
    }
    return listed.length > 1
      ? listed.map((l) => ({
          ...mentionFrom(
            text,
            tokens,
            i,
            i + titled,
            i + titled,
            i + titled,
            [],
            l.code,
            true,
            false,
          ),
          first: l.first,
          end: l.end,
        }))
      : null;
  }
  for (let k = i; ; ) {
    const c = countryWithPrefix(tokens, k);
    if (c === null) return null;
    listed.push({ first: k, end: k + c.length, code: c.code });
    k += c.length;
    const from = k;
    if (textAt(tokens, k) === ',') k++;
    if (keyIn(andWords, tokens, k)) k++;
    const title = anyReadsAt(tokens, k, severalLeaders);
    if (title > 0 && listed.length > 1) {
      const end = k + title;
      // (of no title entry: generic, a country's principal by a title that names no office)
      return listed.map((l, n) => ({
        ...mentionFrom(text, tokens, k, end, end, end, [], l.code, true, false),
        first: l.first,
        end: n === listed.length - 1 ? end : l.end,
      }));
    }
    if (k === from || title > 0) return null;
  }
}

/** A city (no building) written at token `i`, as its country. */
function cityCountryAt(
  tokens: readonly Token[],
  i: number,
): { code: string; length: number } | null {
  const city = placeAt(tokens, i);
  return city === null || city.entry.venue ? null : { code: city.entry.code, length: city.length };
}

/** "Abu Dhabi Crown Prince B": a city written before a leader's title, as its country. */
function leaderCityAt(
  tokens: readonly Token[],
  i: number,
): { code: string; length: number } | null {
  const city = cityCountryAt(tokens, i);
  return city !== null && titleBeginsAt(tokens, i + city.length)?.entry.leader ? city : null;
}

/**
 * A country, or its adjective, or its possessive, before a title or a known name: "Peruvian Prime
 * Minister X", "her Chilean counterpart Y", "Chile's Foreign Minister", "Peru's Z". The mention
 * starts at the country.
 */
function countryThenPersonAt(
  text: string,
  tokens: readonly Token[],
  stops: ReadonlySet<string>,
  i: number,
): PersonMention | null {
  const c = countryWithPrefix(tokens, i) ?? leaderCityAt(tokens, i);
  if (c === null) return null;
  let j = i + c.length;
  j += possessiveLength(tokens, j);
  // "Chilean Senate President X", "Lao National Assembly Chairman Y": an institution of the country before the title
  const institutionFrom = j;
  for (let k = j, n = 0; n < MAX_INSTITUTION_BEFORE_TITLE && tokens[k]?.cap === true; k++, n++) {
    if (!INSTITUTION_WORDS.has(tokens[k]!.key) && !INSTITUTION_HEADS.has(tokens[k]!.key)) break;
    if (titleBeginsAt(tokens, k + 1) !== null) {
      j = k + 1;
      break;
    }
  }
  const institution = j > institutionFrom ? spanText(text, tokens, institutionFrom, j) : null;
  // "Chile's newly elected Minister X": a few lower-case words between the country and the title
  // (also a possessive: "Bangladeshi interim government's Chief Adviser X")
  for (
    let k = j;
    k < j + MAX_QUALIFIER_TOKENS &&
    tokens[k] !== undefined &&
    !tokens[k]!.cap &&
    !QUALIFIER_STOPS.has(tokens[k]!.key) &&
    // (words of letters: "Laos - ảnh 1Vietnamese President" is a caption run into a name)
    ((tokens[k]!.word && /^[\p{L}-]+$/u.test(tokens[k]!.key)) ||
      tokens[k]!.text === '-' ||
      possessiveLength(tokens, k) > 0);
    k++
  ) {
    // a lower-case title only where a name follows it ("Vietnam's new leader To Lam"), also
    // set off by a comma ("Vietnam's new leader, To Lam,")
    const title = titleBeginsAt(tokens, k + 1);
    const after = title === null ? 0 : k + 1 + title.length;
    if (
      title !== null &&
      (tokens[k + 1]!.cap ||
        tokens[after]?.cap === true ||
        (textAt(tokens, after) === ',' && tokens[after + 1]?.cap === true))
    ) {
      j = k + 1;
      break;
    }
  }
  const person =
    titledPersonAt(text, tokens, stops, j, true) ??
    knownPersonAt(text, tokens, j, true) ??
    honorificPersonAt(text, tokens, stops, j) ??
    lowerCaseTitledPersonAt(text, tokens, stops, j, true, c.code);
  if (person === null) return null;
  // "New Zealand officials welcome Prime Minister Pham Minh Chinh": a listed leader of another
  // country is not this country's
  const listed = person.name === null ? null : leaderCountry(person.nameKeys);
  if (listed !== null && listed !== c.code) return null;
  // "Vietnamese President X of ...": the country written before wins over none
  person.country ??= c.code;
  if (person.country !== c.code) return null;
  person.first = i;
  // "Vietnam's late President X", "Japan's former Prime Minister Y": who held an office is no party now
  if (anyKeyIn(FORMER_LEAD, tokens, institutionFrom, j)) {
    person.principal = false;
    person.leader = false;
  }
  if (institution !== null && person.title !== null) {
    // the head of a chamber or a party is no head of state or government
    person.title = `${institution} ${person.title}`;
    person.titleKeys = [...keysOf(institution), ...person.titleKeys];
    person.leader = false;
  }
  return person;
}

// Ranks and styles between a title and a name ("Bộ trưởng Quốc phòng X, Trung tướng A")
const RANKS = NAMES.ranks.map(keysOf);

function rankLength(tokens: readonly Token[], i: number): number {
  let best = 0;
  for (const r of RANKS)
    if (r.length > best && r.every((k, n) => tokens[i + n]?.key === k)) best = r.length;
  return best;
}

/** `m` is the holder of `titled`'s title (written beside it: "X, Prime Minister of Y",
 *  "President His Highness X"), of `country`. */
function takeTitle(m: PersonMention, titled: PersonMention, country: string | null): void {
  m.title = titled.title;
  m.titleKeys = titled.titleKeys;
  m.country = country;
  m.principal = titled.principal;
  m.leader = titled.leader;
  m.honorific = false;
}

/**
 * Apposition: "ông A, Bộ trưởng Bộ Nội vụ X" (name, then title) and "Bộ trưởng Quốc phòng X,
 * Trung tướng A" (title and country, then rank and name): one person, not two.
 */
function appositionOf(
  text: string,
  tokens: readonly Token[],
  stops: ReadonlySet<string>,
  m: PersonMention,
  modifiersFirst = false,
): void {
  if (textAt(tokens, m.end) !== ',') return;
  // ("Lee Hsien Loong, Prime Minister of Singapore": a name with no title before it, likewise;
  // in lower case, "Zhao Leji, chairman of …", only after someone whose country is known)
  if ((m.honorific || m.title === null) && m.name !== null) {
    const anyCase = !m.honorific && m.country !== null;
    // (and after an article: "Sheikh Tamim, the Amir of Qatar,")
    const from = m.end + 1 + (keyIn(titleArticle, tokens, m.end + 1) ? 1 : 0);
    // ("Prince Khalid bin Salman, Saudi Arabia's Minister of Defence": the office set off after
    // an honorific's name, its country written first where the language puts it there)
    const t =
      titledPersonAt(text, tokens, stops, from, false, anyCase) ??
      (modifiersFirst && m.honorific ? countryThenPersonAt(text, tokens, stops, from) : null);
    // (not a title cut short by a possessive: "To Lam, general secretary of Vietnam's ruling
    // party": the country owns what follows, the mention would end at it)
    if (t === null || t.name !== null || possessiveAt(tokens, t.end)) return;
    takeTitle(m, t, t.country ?? m.country);
    m.end = t.end;
    return;
  }
  // ("His Majesty Sultan Hassan, King of Malaysia,": the office set off after a titled name
  // with no country gives it its country)
  if (m.title !== null && m.name !== null && m.country === null && !m.honorific) {
    const t = titledPersonAt(text, tokens, stops, m.end + 1);
    if (t === null || t.name !== null || t.country === null || possessiveAt(tokens, t.end)) return;
    m.country = t.country;
    m.end = t.end;
    return;
  }
  // "General Secretary of the Communist Party of Vietnam, To Lam": a listed title naming its country
  if (m.name === null && m.title !== null && m.country === null && !m.honorific) {
    for (let k = m.first; k < m.end && m.country === null; k++)
      m.country = countryAt(tokens, k)?.code ?? null;
    // "the Vietnamese Communist Party’s General Secretary, Nguyen Phu Trong": the country of the
    // institution whose title it is
    if (tokens[m.first - 1]?.key === 's' && tokens[m.first - 2]?.key === "'")
      for (let k = m.first - 3; k >= 0 && k >= m.first - 3 - MAX_INSTITUTION_BEFORE_TITLE; k--) {
        const c = countryAt(tokens, k);
        if (c === null) continue;
        m.country = c.code;
        break;
      }
  }
  // ("his counterpart, Nawaz Sharif,": a generic title names no country; the name set off
  // after it, between commas or before the sentence's end, is its holder's)
  const generic = m.country === null && m.generic;
  // ("This morning, the Minister of Foreign Affairs, Antonia Urrejola, had a call": the
  // office with its article and no country, the name set off between commas, its holder's;
  // not an institution's office, "the Chairman of the African Union Commission, B,", which a
  // country's story would make its own; or opening the sentence, "Minister for Foreign
  // Affairs, Dr A, paid a courtesy call on …")
  const definite =
    m.country === null &&
    (keyIn(titleArticle, tokens, m.first - 1) || m.first === 0) &&
    (!m.titleKeys.some((k) => titleArticle.has(k)) || knownLeaderAt(tokens, m.end + 1) !== null);
  if (
    m.name === null &&
    m.title !== null &&
    (m.country !== null || generic || definite) &&
    !m.honorific
  ) {
    // "President of Chile, H.E. Mr. X": honorifics one after another
    const r = pastHonorifics(tokens, m.end + 1 + rankLength(tokens, m.end + 1)) - m.end - 1;
    let at = m.end + 1 + r;
    // "Tiểu vương Dubai A": the emirate is not part of the name
    const seat = r > 0 ? placeAt(tokens, at) : null;
    if (seat !== null && !seat.entry.venue) at += seat.length;
    const first = tokens[at];
    if (
      first === undefined ||
      !first.cap ||
      !first.word ||
      titleAt(tokens, at) !== null ||
      countryAt(tokens, at) !== null
    )
      return;
    const end = nameEnd(tokens, at, stops);
    if (end <= at) return;
    const keys = tokens
      .slice(at, end)
      .filter((x) => x.word)
      .map((x) => x.key);
    // a Vietnamese name after a foreign title is someone else ("..., Phó Thủ tướng Trần A"),
    // after a Vietnamese one the title's holder
    const vietnamese = looksVietnameseName(keys);
    if (
      r === 0 &&
      (keys.length < 2 || (!generic && vietnamese && m.country !== VIETNAMESE_NAMES_COUNTRY))
    )
      return;
    if ((generic || definite) && !CLAUSE_CLOSERS.has(textAt(tokens, end) ?? '.')) return;
    if (definite && !generic && (keys.length < 2 || textAt(tokens, end) !== ',')) return;
    m.name = spanText(text, tokens, at, end);
    m.nameKeys = keys;
    m.end = end;
    // ("Qatar's Emir and Prime Minister, A,": offices joined by "and" are one person's when
    // a name is set off after them)
    m.plural = false;
  }
}

/** "… of Vietnam Central Committee and Vietnamese President Z": how many words at `at` write
 *  again a country the title's words [from, at) already name, before the next office of its
 *  chain (0 if they do not). */
function ownCountryAgain(tokens: readonly Token[], from: number, at: number): number {
  const again = countryWithPrefix(tokens, at);
  for (let k = from; again !== null && k < at; k++)
    if (countryAt(tokens, k)?.code === again.code) return again.length;
  return 0;
}

function titledPersonAt(
  text: string,
  tokens: readonly Token[],
  stops: ReadonlySet<string>,
  i: number,
  afterCountry = false,
  anyCase = false,
): PersonMention | null {
  // after a country's adjective the capitalised word before the title is that country, not an institution
  const first = afterCountry ? titleBeginsAt(tokens, i, anyCase) : titleAt(tokens, i, anyCase);
  if (first === null) return null;
  // title chain: "Tổng Bí thư, Chủ tịch nước", "Phó Thủ tướng, Bộ trưởng Ngoại giao"
  const entries: TitleEntry[] = [first.entry];
  let j = i + first.length;
  // "Phó Tổng thống kiêm Chủ tịch Thượng viện"
  while (tokens[j] !== undefined && TITLE_JOINERS.has(tokens[j]!.key)) {
    const next = titleAt(tokens, j + 1);
    if (next === null) break;
    entries.push(next.entry);
    j = j + 1 + next.length;
  }
  // a portfolio joined by "và" before the country: "Bộ trưởng Ngoại giao và Kiều dân <country>"
  if (keyIn(PORTFOLIO_JOINER, tokens, j)) {
    let k = j + 1;
    while (
      k < j + 5 &&
      tokens[k]?.word &&
      (k > j + 1 || tokens[k]!.cap) &&
      !stops.has(tokens[k]!.key) &&
      !ORG_STOPS.has(tokens[k]!.key) &&
      countryWithPrefix(tokens, k) === null &&
      titleAt(tokens, k) === null
    )
      k++;
    if (k > j + 1 && countryWithPrefix(tokens, k) !== null) j = k;
  }
  // a portfolio that goes on past the title's last word: "Minister of Defence Industry B"
  // (the title ends in a portfolio's word, and a name follows the next ones)
  while (
    INSTITUTION_WORDS.has(keyAt(tokens, j - 1)) &&
    tokens[j]?.cap === true &&
    INSTITUTION_WORDS.has(tokens[j]!.key) &&
    tokens[j + 1]?.cap === true &&
    tokens[j + 1]!.word
  )
    j++;
  // the institution's abbreviation after a title that names it: "General Secretary of the X Party (XP) Y"
  const abbreviation = bracketedAbbreviationAt(tokens, j);
  if (abbreviation > 0 && entries.length === 1 && tokens[j + abbreviation]?.cap === true)
    j += abbreviation;
  let titleEnd = j;
  let principal = entries.some((e) => e.principal) && !entries.some((e) => e.corporate);
  const leader = entries.some((e) => e.leader);
  let country: string | null = null;
  // an institution between title and name: "Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên",
  // "Chủ tịch Đảng Nhân dân Campuchia Hun Sen"
  const orgStart = tokens[j];
  // (not a listed leader's name that opens with such a word: "President Duma Boko")
  if (
    orgStart?.cap &&
    isOrgHead(tokens, j) &&
    countryWithPrefix(tokens, j) === null &&
    knownLeaderAt(tokens, j) === null
  ) {
    const orgKey2 = `${orgStart.key} ${keyAt(tokens, j + 1)}`;
    // "Hội đồng Liên bang" is a parliament's chamber though "Hội" alone is an association
    if (
      NON_STATE_ORGS.has(orgKey2) ||
      (!INSTITUTION_HEADS.has(orgKey2) && NON_STATE_ORGS.has(orgStart.key))
    )
      principal = false;
    let k = j + 1;
    let found = -1;
    for (; k < tokens.length && k < j + 10; k++) {
      const t = tokens[k]!;
      // "Hội đồng Liên bang (Thượng viện) Nga": a bracketed gloss inside the institution's name
      if (t.text === '(') {
        const close = tokens.findIndex(
          (x, n) => n > k && n <= k + MAX_GLOSS_TOKENS && x.text === ')',
        );
        if (close > 0) {
          k = close;
          continue;
        }
      }
      // a stop word is no stop where it is a family name ("Central Committee To Lam")
      if (
        (!t.word && t.text !== '-' && t.text !== '&') ||
        (ORG_STOPS.has(t.key) && !(t.cap && VIETNAMESE_SURNAMES.has(t.key)))
      )
        break;
      if (countryWithPrefix(tokens, k) !== null) {
        found = k;
        break;
      }
      if (
        t.cap &&
        VIETNAMESE_SURNAMES.has(t.key) &&
        k > j + 1 &&
        looksVietnameseName(tokens.slice(k, nameEnd(tokens, k, stops)).map((x) => x.key))
      ) {
        found = k;
        break;
      }
    }
    if (found < 0) {
      // "Chủ tịch Quốc hội Chính quyền nhân dân, Chủ tịch Hội đồng Nhà nước Cuba X", "General
      // Secretary of the Communist Party of X Central Committee and President Y": the next title
      // of the chain, after the institution, names the person
      const own = ownCountryAgain(tokens, i, k + 1);
      if (keyIn(TITLE_JOINERS, tokens, k) && titleBeginsAt(tokens, k + 1 + own) !== null) {
        const rest = titledPersonAt(text, tokens, stops, k + 1 + own, own > 0);
        if (rest !== null && rest.name !== null)
          // (as written between them: "…, Chủ tịch", "… and President")
          return bothOffices(rest, i, text.slice(tokens[i]!.start, tokens[rest.first]!.start), {
            country: null,
            principal,
            leader,
          });
      }
      return mentionFrom(
        text,
        tokens,
        i,
        titleEnd,
        titleEnd,
        titleEnd,
        entries,
        null,
        principal,
        leader,
      );
    }
    j = found;
    titleEnd = found;
  }
  // "General Secretary of the Communist Party of X (CPX) Central Committee Y", "President of the
  // Senate Z": the institution is part of the title, its country the person's
  const institution = institutionAfterOf(
    tokens,
    j,
    tokens.slice(i, j).some((t) => PORTFOLIO_LEAD.has(t.key) || COUNTRY_LEAD.has(t.key)),
    // (not "Prime Minister of Japan X": a country, read as such below)
    keyIn(PORTFOLIO_TITLE_ENDS, tokens, j - 1) && countryWithPrefix(tokens, j + 1) === null,
  );
  if (institution !== null) {
    const at = institution.end;
    const own = ownCountryAgain(tokens, i, at + 1);
    // "president of the Asian Development Bank": the head of no state's body
    if (NON_STATE_ORGS.has(tokens[at - 1]!.key)) principal = false;
    if (tokens[at]?.cap === true && nameEnd(tokens, at, stops) > at) {
      j = at;
      titleEnd = at;
      country = institution.country;
    } else if (keyIn(TITLE_JOINERS, tokens, at) && titleBeginsAt(tokens, at + 1 + own) !== null) {
      // "President of the X Party and President of the Y Senate Z": one person, two offices
      // (also where the name follows, set off by commas: "…, Samdech Z,"; and after the
      // institution's own country: "… of Vietnam Central Committee and Vietnamese President Z")
      const rest = titledPersonAt(text, tokens, stops, at + 1 + own, own > 0);
      if (rest !== null && (rest.name !== null || textAt(tokens, rest.end) === ','))
        return bothOffices(rest, i, `${spanText(text, tokens, i, rest.first)} `, {
          country: institution.country,
          principal,
          leader,
        });
    } else if (institution.country !== null || CLAUSE_CLOSERS.has(textAt(tokens, at) ?? '')) {
      // "X, Minister for Europe and Foreign Affairs of France,", "X, South Africa's Minister of
      // International Relations and Cooperation,": the office (and its country), named before
      j = at;
      titleEnd = at;
      country = institution.country;
    }
  }
  // "the Minister of Foreign Affairs (Menlu) of the People's Republic of China B": the office's
  // short name in brackets, before its country
  if (
    textAt(tokens, j) === '(' &&
    tokens[j + 1]?.word === true &&
    textAt(tokens, j + 2) === ')' &&
    keyIn(COUNTRY_LEAD, tokens, j + 3) &&
    countryWithPrefix(tokens, j + 4) !== null
  )
    j += 3;
  // "Prime Minister of Japan Fumio Kishida", "his counterpart from New Zealand"
  const leadKey = keyAt(tokens, j);
  const lead =
    (COUNTRY_LEAD.has(leadKey) ||
      (entries.every((e) => e.generic) && GENERIC_COUNTRY_LEAD.has(leadKey))) &&
    countryWithPrefix(tokens, j + 1) !== null
      ? 1
      : 0;
  // ("the Crown Prince of Abu Dhabi, Sheikh B": a leader of a city, set off by a comma before
  // the name, is of the city's country)
  const city =
    lead === 0 && COUNTRY_LEAD.has(leadKey) && entries.some((e) => e.leader)
      ? cityCountryAt(tokens, j + 1)
      : null;
  const c =
    countryWithPrefix(tokens, j + lead) ??
    (city !== null && textAt(tokens, j + 1 + city.length) === ','
      ? { code: city.code, length: 1 + city.length }
      : null);
  if (c !== null) {
    j += lead;
    country = c.code;
    j += c.length;
    // the country's abbreviation in brackets: "Thủ tướng Vương quốc Anh (UK) <name>", "Prime
    // Minister of Trinidad and Tobago (T&T) <name>"
    if (
      textAt(tokens, j) === '(' &&
      textAt(tokens, j + 2) === ')' &&
      tokens[j + 1] !== undefined &&
      isAllCaps(tokens[j + 1]!)
    )
      j += 3;
    else j += bracketedAbbreviationAt(tokens, j);
    // "Đại sứ Ba Lan tại Việt Nam Joanna Skoczek"
    if (keyIn(POSTING, tokens, j)) {
      const there = countryWithPrefix(tokens, j + 1);
      if (there !== null) j += 1 + there.length;
    }
    // "Deputy Prime Minister of Qatar and Minister of State for Defence Affairs B": one person
    // holding both offices
    const rest =
      keyIn(TITLE_JOINERS, tokens, j) && titleAt(tokens, j + 1) !== null
        ? titledPersonAt(text, tokens, stops, j + 1)
        : null;
    if (rest?.name != null)
      return bothOffices(rest, i, `${spanText(text, tokens, i, j + 1)} `, {
        country,
        principal,
        leader,
      });
  }
  // an honorific before the name is not part of it: "Quốc vương Campuchia Preah Bat Samdech … Norodom Sihamoni"
  // (but a listed name that opens with a rank is: "PM Sheikh Hasina")
  if (knownLeaderAt(tokens, j) === null) j = pastHonorifics(tokens, j, true);
  // "Chief Advisor (interim government chief) B": a gloss in brackets between title and name
  const gloss = lowerCaseGlossAt(tokens, j);
  if (gloss > 0 && tokens[j + gloss]?.cap === true) j += gloss;
  // "Prime Minister Hun Manet Facebook (left)": a listed leader's name ends where the listing does
  // (its suffix goes on: "Ferdinand R. Marcos, Jr.")
  const listed = knownLeaderAt(tokens, j);
  const read = nameEnd(tokens, j, stops);
  // (and so do a family's or forebears' names after a particle: "Crown Prince Mohammed bin
  // Salman bin Abdulaziz Al Saud")
  // ("Prime Minister Luis Montenegro": a listed name read whole, though a word of it is a
  // country's)
  const end =
    listed !== null && j + listed.length > read
      ? j + listed.length
      : listed === null ||
          onlySuffixes(tokens, j + listed.length, read) ||
          keyIn(NAME_PARTICLES, tokens, j + listed.length)
        ? read
        : Math.min(read, j + listed.length);
  const mention = mentionFrom(
    text,
    tokens,
    i,
    titleEnd,
    j,
    end,
    entries,
    country,
    principal,
    leader,
  );
  // "President X of Peru"
  if (mention.country === null && mention.name !== null && keyIn(COUNTRY_LEAD, tokens, end)) {
    const after = countryWithPrefix(tokens, end + 1);
    if (after !== null) {
      mention.country = after.code;
      mention.end = end + 1 + after.length;
    }
  }
  // ("Nepal's President and PM": leaders' offices joined by "and" with no name after them are
  // two people, no one in particular; not "the Deputy Prime Minister and Foreign Minister")
  if (
    mention.name === null &&
    entries.length > 1 &&
    entries.every((e) => e.leader) &&
    anyKeyIn(andWords, tokens, i, titleEnd)
  )
    mention.plural = true;
  return mention;
}

/**
 * "the general secretary of Vietnam's Communist Party, To Lam", "Japan's prime minister, Shigeru
 * Ishiba", "prime minister Narendra Modi": any title in lower case, as English writes one set off
 * by commas, when a name goes with it (`country`: the one written before it).
 */
function lowerCaseTitledPersonAt(
  text: string,
  tokens: readonly Token[],
  stops: ReadonlySet<string>,
  i: number,
  afterCountry: boolean,
  country: string | null,
): PersonMention | null {
  if (tokens[i]?.cap !== false) return null;
  const m = titledPersonAt(text, tokens, stops, i, afterCountry, true);
  if (m === null) return null;
  if (m.name === null) {
    m.country ??= country;
    appositionOf(text, tokens, stops, m);
  }
  return m.name === null ? null : m;
}

function mentionFrom(
  text: string,
  tokens: readonly Token[],
  first: number,
  titleEnd: number,
  nameStart: number,
  nameStop: number,
  entries: TitleEntry[],
  country: string | null,
  principal: boolean,
  leader: boolean,
): PersonMention {
  const hasName = nameStop > nameStart;
  const before = tokens[first - 1]?.key;
  const plural = before !== undefined && PLURAL_LEAD.has(before);
  const title = spanText(text, tokens, first, titleEnd);
  return {
    first,
    end: Math.max(hasName ? nameStop : titleEnd, nameStart),
    name: hasName ? spanText(text, tokens, nameStart, nameStop) : null,
    nameKeys: hasName
      ? tokens
          .slice(nameStart, nameStop)
          .filter((t) => t.word)
          .map((t) => t.key)
      : [],
    title,
    titleKeys: tokens
      .slice(first, titleEnd)
      .filter((t) => t.word)
      .map((t) => t.key),
    country,
    principal,
    leader,
    plural,
    honorific: false,
    generic: entries.every((e) => e.generic),
  };
}

function honorificPersonAt(
  text: string,
  tokens: readonly Token[],
  stops: ReadonlySet<string>,
  i: number,
): PersonMention | null {
  // "H.E. Dr. X": honorifics one after another (not "Sri Lanka", a country's name)
  const j = pastHonorifics(tokens, i);
  if (j === i || countryAt(tokens, i) !== null) return null;
  // ("His Majesty King Abdullah II": the title after the honorific introduces the person)
  if (titleBeginsAt(tokens, j) !== null) return null;
  const end = nameEnd(tokens, j, stops);
  if (end <= j) return null;
  return untitledMention(text, tokens, i, j, end, {
    country: null,
    principal: false,
    honorific: true,
  });
}

function knownPersonAt(
  text: string,
  tokens: readonly Token[],
  i: number,
  afterCountry = false,
): PersonMention | null {
  const hit = knownLeaderAt(tokens, i);
  if (hit === null) return null;
  const before = tokens[i - 1];
  // inside a longer name (not after the sentence's first word when none follows: "When John
  // Kerry arrives …", but "The Anthony Albanese Foundation")
  const after = tokens[i + hit.length];
  const opener = i === 1 && !(after?.word === true && after.cap);
  // (but "the chief of Vietnam's ruling Communist Party Nguyen Phu Trong": after an
  // institution's last word the name is someone's own)
  if (!afterCountry && !opener && before?.word && before.cap && !INSTITUTION_WORDS.has(before.key))
    return null;
  if (insideByParticle(tokens, i)) return null;
  return untitledMention(text, tokens, i, i, i + hit.length, {
    country: hit.code,
    principal: true,
    honorific: false,
  });
}

/** The title two people named after it hold, written over tokens [from, at]: its last word
 *  in the plural ("counterparts", "Prime Ministers"), read in the singular, or written in the
 *  singular as some outlets do; null where it is none. Only those words are copied: this is
 *  tried at many positions of every sentence. */
function pairTitleAt(
  tokens: readonly Token[],
  from: number,
  at: number,
): { entry: TitleEntry; keys: string[] } | null {
  const last = tokens[at];
  if (last?.word !== true) return null;
  const words = tokens.slice(from, at + 1);
  // ("Armenian and Azerbaijani Foreign Minister A and B": the singular as written)
  if (last.key.endsWith('s')) words[words.length - 1] = { ...last, key: last.key.slice(0, -1) };
  const held = titleBeginsAt(words, 0, true);
  return held === null || held.length !== words.length
    ? null
    : { entry: held.entry, keys: words.map((t) => t.key) };
}

/** A name [from, end) and the country whose holder of a title it is. */
interface TitleHolder {
  from: number;
  end: number;
  code: string;
}

/** The two people a title in the plural names: its words [titleFrom, titleEnd) (the last in
 *  the plural), each holder's mention starting at its name, the first's at `first`. */
function pluralTitleHolders(
  text: string,
  tokens: readonly Token[],
  first: number,
  title: { from: number; end: number; keys: string[]; entry: TitleEntry },
  one: TitleHolder,
  other: TitleHolder,
): [PersonMention, PersonMention] {
  const written = spanText(text, tokens, title.from, title.end).slice(0, -1);
  const holder = (start: number, name: TitleHolder): PersonMention => ({
    ...untitledMention(text, tokens, start, name.from, name.end, {
      country: name.code,
      principal: title.entry.principal,
      honorific: false,
    }),
    title: written,
    titleKeys: title.keys,
    leader: title.entry.leader,
    generic: title.entry.generic,
  });
  return [holder(first, one), holder(other.from, other)];
}

/** How many words a title in the plural may have ("Presidents", "Prime Ministers"). */
const PLURAL_TITLE_WORDS = 3;

/**
 * "his Malaysian and Lao counterparts(,) A and B", "Armenian and Azerbaijani Foreign Ministers A
 * and B": two countries, one title for both (in the plural), two names, each the holder of the
 * title in the country written in the same place.
 */
function countryPairPeopleAt(
  text: string,
  tokens: readonly Token[],
  stops: ReadonlySet<string>,
  i: number,
): [PersonMention, PersonMention] | null {
  const first = countryAt(tokens, i);
  if (first === null || !keyIn(andWords, tokens, i + first.length)) return null;
  const secondAt = i + first.length + 1;
  const second = countryAt(tokens, secondAt);
  if (second === null || second.code === first.code) return null;
  const at = secondAt + second.length;
  // the title in the plural ("counterparts", "Foreign Ministers"), its last word the plural one
  for (let last = at; last < at + PLURAL_TITLE_WORDS && last < tokens.length; last++) {
    const held = pairTitleAt(tokens, at, last);
    if (held === null) continue;
    const pair = namePairAt(tokens, stops, last + 1, [first.code, second.code]);
    return (
      pair && pluralTitleHolders(text, tokens, i, { from: at, end: last + 1, ...held }, ...pair)
    );
  }
  return null;
}

/** Two countries joined by "and" from `at`, each after "the" or not ("the State of Kuwait
 *  and the Kingdom of Bahrain", "Kazakhstan and Türkiye"), and where they end; or null. */
export function joinedCountriesAt(
  tokens: readonly Token[],
  at: number,
): { first: string; second: string; end: number } | null {
  const past = (k: number) => k + (keyIn(titleArticle, tokens, k) ? 1 : 0);
  const firstAt = past(at);
  const first = countryWithPrefix(tokens, firstAt);
  if (first === null || !keyIn(andWords, tokens, firstAt + first.length)) return null;
  const secondAt = past(firstAt + first.length + 1);
  const second = countryWithPrefix(tokens, secondAt);
  if (second === null || second.code === first.code) return null;
  return { first: first.code, second: second.code, end: secondAt + second.length };
}

/** Two names from `at`, set off by a comma or not, each past its honorifics, "and" between
 *  them ("A and B", ", A and B"), or null. */
function namePairAt(
  tokens: readonly Token[],
  stops: ReadonlySet<string>,
  at: number,
  codes: readonly [string, string],
): [TitleHolder, TitleHolder] | null {
  const nameAt = (from: number, code: string) => {
    const k = pastHonorifics(tokens, from);
    const end = nameEnd(tokens, k, stops);
    return tokens[k]?.cap === true && end > k + 1 ? { from: k, end, code } : null;
  };
  const one = nameAt(textAt(tokens, at) === ',' ? at + 1 : at, codes[0]);
  if (one === null || !keyIn(andWords, tokens, one.end)) return null;
  const other = nameAt(one.end + 1, codes[1]);
  return other === null ? null : [one, other];
}

/**
 * "Presidents A of Paraguay and B of Argentina": one title in the plural, then two names, each
 * with the country after "of" whose holder of that title they are.
 */
function titlePairPeopleAt(
  text: string,
  tokens: readonly Token[],
  stops: ReadonlySet<string>,
  i: number,
): [PersonMention, PersonMention] | null {
  if (tokens[i]?.cap !== true) return null;
  for (let at = i; at < i + PLURAL_TITLE_WORDS && at < tokens.length; at++) {
    const held = tokens[at]!.cap ? pairTitleAt(tokens, i, at) : null;
    if (held === null) continue;
    // each name, then "of" and its country
    const holderAt = (from: number) => {
      const k = pastHonorifics(tokens, from);
      const end = nameEnd(tokens, k, stops);
      if (tokens[k]?.cap !== true || end <= k + 1 || !keyIn(ofWords, tokens, end)) return null;
      const country = countryWithPrefix(tokens, end + 1);
      return country === null
        ? null
        : { from: k, end, code: country.code, next: end + 1 + country.length };
    };
    const one = holderAt(at + 1);
    if (one === null || !keyIn(andWords, tokens, one.next)) return null;
    const other = holderAt(one.next + 1);
    if (other === null || other.code === one.code) return null;
    return pluralTitleHolders(text, tokens, i, { from: i, end: at + 1, ...held }, one, other);
  }
  return null;
}

/**
 * "presidents of Kazakhstan and Türkiye A and B": one title in the plural, "of" two countries,
 * then two names, the first the first country's holder of that title, the second the second's.
 */
function titleOfPairPeopleAt(
  text: string,
  tokens: readonly Token[],
  stops: ReadonlySet<string>,
  i: number,
): [PersonMention, PersonMention] | null {
  if (tokens[i]?.word !== true) return null;
  for (let at = i; at < i + PLURAL_TITLE_WORDS && at < tokens.length; at++) {
    const held = pairTitleAt(tokens, i, at);
    if (held === null || !keyIn(ofWords, tokens, at + 1)) continue;
    const countries = joinedCountriesAt(tokens, at + 2);
    if (countries === null) return null;
    const pair = namePairAt(tokens, stops, countries.end, [countries.first, countries.second]);
    return pair && pluralTitleHolders(text, tokens, i, { from: i, end: at + 1, ...held }, ...pair);
  }
  return null;
}

/** Words of a name written before its title ("Naledi Pandor, South Africa's foreign minister"). */
const NAME_BEFORE_TITLE_WORDS = { min: 2, max: 4 } as const;

/**
 * "Naledi Pandor, South Africa's foreign minister," / "X, the Kenyan Foreign Minister.": a
 * name the tables do not know, then its country and title set off by commas. The title
 * must close the clause, and name no one of its own.
 */
function nameThenTitleAt(
  text: string,
  tokens: readonly Token[],
  stops: ReadonlySet<string>,
  i: number,
): PersonMention | null {
  if (titleAt(tokens, i) !== null || countryAt(tokens, i) !== null || placeAt(tokens, i) !== null)
    return null;
  const end = nameEnd(tokens, i, stops);
  const words = tokens.slice(i, end).filter((t) => t.word).length;
  if (words < NAME_BEFORE_TITLE_WORDS.min || words > NAME_BEFORE_TITLE_WORDS.max) return null;
  if (textAt(tokens, end) !== ',') return null;
  let k = end + 1;
  // "X, sworn in as Lithuania's President on Friday, will …": what made them so, and when
  const lead = anyReadsAt(tokens, k, NAME_TITLE_LEADS);
  k += lead;
  if (keyIn(INSTITUTION_LEAD, tokens, k)) k++;
  // "X, South Africa's foreign minister," or "X, the president of Chile,"
  const c = countryWithPrefix(tokens, k);
  let j = k + (c?.length ?? 0);
  if (c !== null) j += possessiveLength(tokens, j);
  const title = titledPersonAt(text, tokens, stops, j, c !== null, true);
  const code = c?.code ?? title?.country ?? null;
  if (title === null || title.name !== null || code === null || (title.country ?? code) !== code)
    return null;
  // "X, the leader of Libya's transitional presidential council,": the body the title heads, in the country's possessive
  let titleEnd = title.end;
  const body = possessiveLength(tokens, titleEnd);
  if (body > 0 && c === null) {
    let b = titleEnd + body;
    while (b < titleEnd + body + MAX_BODY_WORDS && tokens[b]?.word === true) b++;
    if (b > titleEnd + body && CLAUSE_CLOSERS.has(textAt(tokens, b) ?? '')) titleEnd = b;
  }
  // (closed by a comma, or, where a writer left it out, by a lower-case word that goes on with
  // the sentence: "X, the president of Somalia on Wednesday arrived in …")
  const closing = tokens[titleEnd];
  if (
    lead === 0 &&
    closing !== undefined &&
    !CLAUSE_CLOSERS.has(closing.text) &&
    !(closing.word && !closing.cap && !LEX.joiners.has(closing.key) && !ofWords.has(closing.key))
  )
    return null;
  return {
    ...untitledMention(text, tokens, i, i, end, {
      country: code,
      principal: title.principal,
      honorific: false,
    }),
    end: titleEnd,
    title: title.title,
    titleKeys: title.titleKeys,
    leader: title.leader,
  };
}

/** How many words may name the body a title after a name heads ("the leader of Libya's
 *  transitional presidential council"). */
const MAX_BODY_WORDS = 4;

const CLAUSE_CLOSERS: ReadonlySet<string> = new Set([',', '.', ';', ')']);
const NAME_TITLE_LEADS = NAMES.nameTitleLeads.map(keysOf);

/** A word after a name's particle ("Mohammed bin Salman bin Abdulaziz Al Saud" holds no
 *  King Salman bin Abdulaziz, nor a Salman). */
const insideByParticle = (tokens: readonly Token[], i: number) =>
  keyIn(NAME_PARTICLES, tokens, i - 1) && tokens[i - 2]?.cap === true;

/** "Ishiba will meet …": a listed leader by last name alone. */
function bareLeaderPersonAt(
  text: string,
  tokens: readonly Token[],
  i: number,
): PersonMention | null {
  if (!bareLeaderAt(tokens, i) || insideByParticle(tokens, i)) return null;
  // no country yet: "Cruz" is the article's Elena Cruz before any listed leader of that name
  return untitledMention(text, tokens, i, i, i + 1, {
    country: null,
    principal: true,
    honorific: false,
  });
}

/**
 * A mention by name with no title: after an honorific ("ông Biden"), a well-known leader's
 * name, or a surname alone; the name runs over tokens [from, end) of a mention from `first`.
 */
function untitledMention(
  text: string,
  tokens: readonly Token[],
  first: number,
  from: number,
  end: number,
  how: Pick<PersonMention, 'country' | 'principal' | 'honorific'>,
): PersonMention {
  return {
    first,
    end,
    name: spanText(text, tokens, from, end),
    nameKeys: tokens
      .slice(from, end)
      .filter((x) => x.word)
      .map((x) => x.key),
    title: null,
    titleKeys: [],
    country: how.country,
    principal: how.principal,
    leader: false,
    plural: false,
    honorific: how.honorific,
    generic: false,
  };
}

// ---------------------------------------------------------------- article-level resolution

/** Whether `name` is the name the people gazetteer lists `person` by in English (a full
 *  name, whatever its length beside theirs: "Joe Biden" beside "Joseph Biden, Jr."). */
function isListedName(name: string, person: Person): boolean {
  const keys = nameKeys(name);
  const id = personIdOf(keys);
  return (
    id !== null &&
    id === personIdOf(person.nameKeys) &&
    nameKeys(nameIn(name, 'en')).join(' ') === keys.join(' ')
  );
}

/**
 * Merges mentions into people. Named mentions first (a short name such as "Biden"
 * joins the full "Joe Biden"); then title-only mentions ("Thủ tướng Lào", "Chủ tịch nước")
 * join the named person with that title (and country, when written); unqualified
 * titles default to the Vietnamese office holder, as Vietnamese outlets write them, and
 * on a government's own site (`publisherCountry`) to that government's, named or not.
 * Returns, for each mention (same order as given), the person or null.
 */
export function resolvePeople(
  mentions: readonly PersonMention[],
  homeCountry: string | null,
  publisherCountry: string | null = null,
  /** how many of `mentions`, first, the headline makes: the story's own spelling of a name wins */
  titleMentions = 0,
): { people: Person[]; personOf: Array<Person | null> } {
  const people: Person[] = [];
  const personOf: Array<Person | null> = new Array<Person | null>(mentions.length).fill(null);
  const order = mentions.map((m, n) => ({ m, n }));
  /** matching forms of the parts of titles: an article repeats the same few titles */
  const titlePartKeys = new Map<string, string>();
  /** people some mention gives an office, and people some mention calls someone's counterpart */
  const officeKnown = new Set<Person>();
  const counterparts = new Set<Person>();
  // full names before short ones, so that "Biden" finds "Joe Biden" wherever it comes
  const named = order
    .filter(({ m }) => m.name !== null && !m.plural)
    .sort((a, b) => b.m.nameKeys.length - a.m.nameKeys.length || a.n - b.n);
  /** each person by the keys of their full name as first written */
  const byFullName = new Map<string, Person>();
  /** how often each spelling of a person's full name is written: the most frequent is their name */
  const spellings = new Map<Person, Map<string, number>>();
  for (const { m, n } of named) {
    const countryFits = (p: Person) =>
      m.country === null || p.country === null || p.country === m.country;
    // the same full name is the common case: one map look-up before comparing with everyone
    const exact = byFullName.get(m.nameKeys.join(' '));
    // "PM Ishiba" beside "Prime Minister Ishiba Shigeru" and "Mrs. Ishiba Yoshiko": the one of their standing
    const namesakes =
      exact !== undefined && countryFits(exact)
        ? [exact]
        : people.filter((p) => sameNameKeys(p.nameKeys, m.nameKeys) && countryFits(p));
    // (a surname alone is the principal's)
    const principal = m.principal || m.title === null;
    let person = namesakes.find((p) => p.principal === principal) ?? namesakes[0];
    if (person === undefined) {
      person = {
        id: people.length,
        name: m.name!,
        nameKeys: m.nameKeys,
        title: m.title,
        titleKeys: new Set(m.titleKeys),
        country: null,
        principal: false,
        leader: false,
      };
      people.push(person);
      byFullName.set(m.nameKeys.join(' '), person);
    }
    absorb(person, m, titlePartKeys);
    if (m.title !== null) (m.generic ? counterparts : officeKnown).add(person);
    personOf[n] = person;
    if (
      (m.nameKeys.length === person.nameKeys.length || isListedName(m.name!, person)) &&
      n >= titleMentions
    ) {
      const counts = spellings.get(person) ?? new Map<string, number>();
      counts.set(m.name!, (counts.get(m.name!) ?? 0) + 1);
      spellings.set(person, counts);
    }
  }
  // "Donal Trump" twice and "Donald Trump" five times: one person, written the usual way
  // (the story's way: a headline that spells it otherwise, and repeats, counts for nothing)
  for (const [person, counts] of spellings) {
    let best = person.name;
    // (as often as another: the gazetteer's English name)
    for (const [name, count] of counts) {
      const most = counts.get(best) ?? 0;
      if (count > most || (count === most && isListedName(name, person))) best = name;
    }
    if (best !== person.name) {
      person.name = best;
      person.nameKeys = nameKeys(best);
    }
  }
  const contextOf = new Map<Person, string | null>();
  for (const { m, n } of named) {
    const p = personOf[n]!;
    // the first mention that stands where the article names a foreign country
    if (!contextOf.get(p) && m.contextCountry !== undefined) contextOf.set(p, m.contextCountry);
  }
  for (const person of people) {
    // "General Secretary of the Workers' Party of Korea Kim Jong Un": a listed leader's own
    // country, whatever an institution in the title seemed to name
    const listed = leaderCountry(person.nameKeys);
    if (listed !== null && person.nameKeys.length >= 2) person.country = listed;
    person.country ??=
      listed ??
      // "Muhammad Shehbaz Sharif": a listed leader's name with a given name before it
      (person.nameKeys.length >= 3 ? leaderCountry(person.nameKeys.slice(-2)) : null) ??
      leaderCountry(person.nameKeys.slice(-1)) ??
      (person.nameKeys.length === 1 ? leaderByLastName(person.nameKeys[0]!) : null) ??
      (person.nameKeys.length === 1 && person.leader ? monarchByName(person.nameKeys[0]!) : null) ??
      (looksVietnameseName(person.nameKeys) ? VIETNAMESE_NAMES_COUNTRY : null);
    // a titled foreign-looking name with no country written: on a government's own site, that
    // government's ("President A visited Finland" on the Estonian presidency's); elsewhere
    // the country the article is about there
    if (
      person.country === null &&
      person.title !== null &&
      !VIETNAMESE_SURNAMES.has(person.nameKeys[0] ?? '')
    )
      person.country = publisherCountry ?? contextOf.get(person) ?? null;
    if (!person.principal && listed !== null && person.title === null) person.principal = true;
    // "President Trump" in an article that never writes his given name: the name he is listed by
    if (person.nameKeys.length === 1 && person.country !== null) {
      const full = leaderFullName(person.nameKeys[0]!, person.country);
      if (full !== null) {
        person.name = full;
        person.nameKeys = nameKeys(full);
      }
    }
  }
  /** where each person is first written by name, in the article's order of mentions */
  const firstNamed = new Map<Person, number>();
  for (const { m, n } of order) {
    const p = personOf[n];
    if (m.name !== null && p && !firstNamed.has(p)) firstNamed.set(p, n);
  }
  for (const { m, n } of order) {
    if (m.name !== null || m.plural || m.title === null) continue;
    const titleKey = m.titleKeys.join(' ');
    if (m.generic) {
      // "Nhà lãnh đạo Nga": the one leader (else the one principal) of that country the article names
      const ofCountry = people.filter(
        (p) => p.principal && m.country !== null && p.country === m.country,
      );
      // (not for a counterpart, whose office is the one they face: "met with his Vietnamese
      // counterpart" is no president because the story names one leader there)
      const leaders = LEX.counterpartTitle.has(titleKey) ? [] : ofCountry.filter((p) => p.leader);
      // ("the premier" with no country: the one holder of that office named before it)
      const holders =
        m.country === null
          ? people.filter(
              (p) => p.principal && p.titleKeys.has(titleKey) && (firstNamed.get(p) ?? n) < n,
            )
          : [];
      // ("the foreign ministers of A and B": the one holder there of the office they name, not
      // the leader; or, where no one there is given it, the one named only as the counterpart
      // of someone of another country who holds it: "A met the South Korean foreign minister")
      const heldElsewhere = people.some((q) => q.titleKeys.has(titleKey));
      const office = ofCountry.filter(
        (p) =>
          p.titleKeys.has(titleKey.slice(0, -1)) ||
          (heldElsewhere && counterparts.has(p) && !officeKnown.has(p)),
      );
      personOf[n] =
        (office.length === 1
          ? office[0]
          : leaders.length === 1
            ? leaders[0]
            : ofCountry.length === 1
              ? ofCountry[0]
              : holders.length === 1
                ? holders[0]
                : undefined) ?? null;
      continue;
    }
    const candidates = people.filter(
      (p) =>
        p.principal === m.principal &&
        p.titleKeys.has(titleKey) &&
        (m.country === null ? true : p.country === m.country),
    );
    // ("External Affairs Minister Jaishankar called on the Vietnam PM": the one principal of
    // that country the article names only as someone's counterpart; not for an office of no
    // principal's, "the Indian Ambassador")
    const unnamedOffice = () => {
      const only = people.filter(
        (p) => p.principal && p.country === m.country && counterparts.has(p) && !officeKnown.has(p),
      );
      return only.length === 1 ? only[0] : undefined;
    };
    // (on a government's own site, its own office holder, even unnamed: in Japan's "the
    // Foreign Minister held a meeting with Chilean Foreign Minister B", B does not meet B)
    // ("President A will visit Kenya … The President will be in Nairobi at the invitation of
    // B", B titled President further on: the one of them named before)
    const namedBefore = candidates.filter((p) => (firstNamed.get(p) ?? n) < n);
    const pick =
      m.country === null
        ? publisherCountry !== null
          ? candidates.find((p) => p.country === publisherCountry)
          : (candidates.find((p) => homeCountry !== null && p.country === homeCountry) ??
            (candidates.length === 1 ? candidates[0] : undefined) ??
            (namedBefore.length === 1 ? namedBefore[0] : undefined))
        : (candidates[0] ?? (m.principal ? unnamedOffice() : undefined));
    personOf[n] = pick ?? null;
  }
  // ("Pakistan's Foreign Secretary Amna Baloch": in her country, the office is a civil servant's)
  for (const person of people)
    if (
      person.principal &&
      person.country !== null &&
      person.title !== null &&
      officialIn(keysOf(person.title), person.country)
    ) {
      person.principal = false;
      person.leader = false;
    }
  return { people, personOf };
}

/** A bracketed gloss or abbreviation in a title. */
const BRACKETED = /\([^()]*\)/g;

function absorb(person: Person, m: PersonMention, titlePartKeys: Map<string, string>): void {
  if (m.nameKeys.length > person.nameKeys.length) {
    person.name = m.name!;
    person.nameKeys = m.nameKeys;
  }
  if (m.title !== null) {
    if (person.title === null || m.title.length > person.title.length) person.title = m.title;
    person.titleKeys.add(m.titleKeys.join(' '));
    for (const part of m.title.split(',')) {
      let key = titlePartKeys.get(part);
      if (key === undefined) {
        // ("Prime Minister (PM)": the office without the abbreviation written after it)
        key = matchForm(part.replace(BRACKETED, ' ').trim().split(/\s+/).join(' '));
        titlePartKeys.set(part, key);
      }
      person.titleKeys.add(key);
      // ("Caretaker Prime Minister": the office itself too, for "the Prime Minister")
      if (TITLE_QUALIFIERS.has(key.split(' ')[0]!))
        person.titleKeys.add(key.slice(key.indexOf(' ') + 1));
      // "the premier" for a prime minister: one office by either name
      if (governmentHead.has(key)) for (const name of governmentHead) person.titleKeys.add(name);
    }
  }
  if (m.country !== null) person.country ??= m.country;
  if (m.principal) person.principal = true;
  if (m.leader) person.leader = true;
}

/**
 * A person written by one part of their name alone ("Tran added", "Rojas invited Tran"), as
 * English writes someone already named in full: each capitalised word that is the first or
 * last word of a full name the article gives, outside the mentions already found.
 */
export function bareNameMentions(
  text: string,
  tokens: readonly Token[],
  nameWords: ReadonlySet<string>,
  found: readonly PersonMention[],
): PersonMention[] {
  const out: PersonMention[] = [];
  let next = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    while (next < found.length && found[next]!.end <= k) next++;
    const inside = next < found.length && found[next]!.first <= k;
    // ("van Klaveren": a surname with its particle, in lower case)
    const particle = NAME_PARTICLES.has(t.key) && tokens[k + 1]?.cap === true;
    if (inside || !t.word || (!t.cap && !particle)) continue;
    // ("Lacalle Pou": two words of one name, read together)
    const two = nameWords.has(`${t.key} ${keyAt(tokens, k + 1)}`) ? 2 : 1;
    if (!t.cap && two === 1) continue;
    if (two === 1 && !nameWords.has(t.key)) continue;
    // part of a longer capitalised name is someone else's name
    const before = tokens[k - 1];
    const after = tokens[k + two];
    if ((before?.word === true && before.cap) || (after?.word === true && after.cap)) continue;
    out.push(
      untitledMention(text, tokens, k, k, k + two, {
        country: null,
        principal: false,
        honorific: true,
      }),
    );
    k += two - 1;
  }
  return out;
}
