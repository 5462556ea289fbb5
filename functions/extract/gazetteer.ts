// Look-ups in the data files (countries, cities and venues, titles, known leaders),
// built once at module load as token tries: finding every entry in a sentence costs
// one walk per token, however many entries there are.
import { nameIn } from '../text/names.js';
import { matchForm } from '../text/vietnamese.js';
import type { Cities, Countries, Leaders, Titles } from './table-schemas.js';
import { TABLES } from './tables.js';
import { phraseKeys, type Token, textAt } from './tokens.js';
import { TokenTrie } from './trie.js';

export interface CountryEntry {
  code: string;
  name: string;
  ambiguous: boolean;
  notFollowedBy: ReadonlySet<string>;
}
export interface PlaceEntry {
  code: string;
  name: string;
  venue: boolean;
}
export interface TitleEntry {
  name: string;
  principal: boolean;
  leader: boolean;
  /** names a country's leader without naming the office; may be written in lower case */
  generic: boolean;
  /** a company's office ("Chief Executive Officer"): whoever also holds it beside another
   *  ("President and CEO") heads a company, no state */
  corporate?: boolean;
}

const countriesData = TABLES.countries as Countries;
const citiesData = TABLES.cities as Cities;
const titlesData = TABLES.titles as Titles;
const leadersData = TABLES.leaders as Leaders;

const countryTrie = new TokenTrie<CountryEntry>();
const ambiguousNames = new Set(countriesData.ambiguous.map(matchForm));
const ambiguousAfter: ReadonlySet<string> = new Set(
  (countriesData.ambiguousAfter ?? []).map(matchForm),
);
const notFollowedBy = new Map<string, Set<string>>(
  Object.entries(countriesData.notFollowedBy).map(([name, words]) => [
    matchForm(name),
    new Set(words.map(matchForm)),
  ]),
);
for (const [code, names] of Object.entries(countriesData.countries)) {
  for (const name of names) {
    const key = matchForm(name);
    countryTrie.add(name, {
      code,
      name,
      ambiguous: ambiguousNames.has(key),
      notFollowedBy: notFollowedBy.get(key) ?? new Set(),
    });
  }
}

const placeTrie = new TokenTrie<PlaceEntry>();
for (const [code, names] of Object.entries(citiesData.cities))
  for (const name of names) placeTrie.add(name, { code, name, venue: false });
for (const [code, names] of Object.entries(citiesData.venues))
  for (const name of names) placeTrie.add(name, { code, name, venue: true });
// (a state or province places an event in its country and no city, as a venue does)
for (const [code, names] of Object.entries(citiesData.regions))
  for (const name of names) placeTrie.add(name, { code, name, venue: true });

const titleTrie = new TokenTrie<TitleEntry>();
/** The titles that may be written in lower case ("nhà lãnh đạo"): lower-case words are looked up only here. */
const lowerCaseTitleTrie = new TokenTrie<TitleEntry>();
// (the generic ones last: "President" the office wins over "president" the word, which only
// the lower-case trie keeps)
const titleClasses: [string[] | undefined, Omit<TitleEntry, 'name'>][] = [
  [titlesData.leaders, { principal: true, leader: true, generic: false }],
  [titlesData.principals, { principal: true, leader: false, generic: false }],
  [titlesData.others, { principal: false, leader: false, generic: false }],
  [titlesData.corporate, { principal: false, leader: false, generic: false, corporate: true }],
  [titlesData.genericLeaders, { principal: true, leader: true, generic: true }],
  [titlesData.generic, { principal: true, leader: false, generic: true }],
];
for (const [names, kind] of titleClasses) {
  for (const name of names ?? []) {
    const entry: TitleEntry = { name, ...kind };
    titleTrie.add(name, entry);
    if (entry.generic) lowerCaseTitleTrie.add(name, entry);
  }
}
/** The office's words (keys joined by spaces) -> the one country that has it. */
const titleCountries = new Map<string, string>();
for (const [code, names] of Object.entries(titlesData.countryTitles ?? {}))
  for (const name of names) titleCountries.set(phraseKeys(name).join(' '), code);

/** Each country's offices (keys joined by spaces) that are a civil servant's there (the
 *  table may list several countries' codes together, separated by spaces). */
const officialTitles = new Map<string, Set<string>>(
  Object.entries(titlesData.officialTitles ?? {}).flatMap(([codes, names]) =>
    codes.split(' ').map((code) => [code, new Set(names.map((n) => phraseKeys(n).join(' ')))]),
  ),
);

/** Whether the office (its keys) is a civil servant's in that country ("Foreign Secretary" in
 *  Pakistan), however principal it is elsewhere. */
export function officialIn(titleKeys: readonly string[], country: string): boolean {
  return officialTitles.get(country)?.has(titleKeys.join(' ')) === true;
}

/** The country of a title only one country has ("External Affairs Minister" is India's),
 *  written whole or last in a chain of titles ("Deputy Prime Minister and Chief Cabinet
 *  Secretary"), or null. */
export function titleCountry(titleKeys: readonly string[]): string | null {
  for (let from = 0; from < titleKeys.length; from++) {
    const code = titleCountries.get(titleKeys.slice(from).join(' '));
    if (code !== undefined) return code;
  }
  return null;
}

/** Words before a title that make it several people ("hai Thủ tướng", "các Bộ trưởng"). */
export const PLURAL_LEAD: ReadonlySet<string> = new Set(titlesData.pluralLead.map(matchForm));
/** Words before a title that qualify its holder, capitalised at a sentence's start ("Incoming
 *  President X", "Former Prime Minister Y"), where another capitalised word would make the title
 *  part of an institution's name. */
export const TITLE_QUALIFIERS: ReadonlySet<string> = new Set(
  (titlesData.qualifiers ?? []).map(matchForm),
);
/** Words that open a sentence before a title ("With President X meeting B, …"), capitalised only
 *  because they open it. */
const TITLE_OPENERS: ReadonlySet<string> = new Set((titlesData.openers ?? []).map(matchForm));

const honorificTrie = new TokenTrie<true>();
for (const h of titlesData.honorifics) honorificTrie.add(h, true);

/** a word shorter than this ("Xi", "Lam", "Jr") is no name on its own */
const MIN_BARE_NAME = 4;
/** the last word long enough to be a surname ("Ferdinand Marcos Jr." -> marcos) */
const lastNameOf = (keys: readonly string[]) =>
  keys.filter((k) => /^\p{L}/u.test(k) && k.length >= MIN_BARE_NAME).pop();

const leaderCountries = new Map<string, string>();
const leaderTrie = new TokenTrie<{ code: string; name: string }>();
/** the last word of a listed leader's name, or the one word the press calls them by -> the leaders it names ("ishiba" -> Shigeru Ishiba) */
const leadersByLastWord = new Map<string, Map<string, string>>();
/** per country, the first or last word of a listed leader's name of two words or more -> those
 *  names, one per person ("Kishida Fumio" and "Fumio Kishida" are one) */
const leaderNamesByWord = new Map<string, Map<string, string>>();
for (const [code, listed] of Object.entries(leadersData.leaders)) {
  // each name also as the English-language press writes it ("Phạm Minh Chính" → "Pham Minh
  // Chinh", "Tập Cận Bình" → "Xi Jinping"), so the English table need not list it again
  const names = [...new Set(listed.flatMap((name) => [name, nameIn(name, 'en')]))];
  for (const name of names) {
    const keys = phraseKeys(name);
    leaderCountries.set(keys.join(' '), code);
    // (and as a person's name keys are written: words only, "Moon Jae-in" = moon jae in)
    const words = keys.filter((k) => /^[\p{L}\d]/u.test(k));
    leaderCountries.set(words.join(' '), code);
    if (words.length >= 2) {
      // ("Donald J. Trump" is "Donald Trump": an initial names no one else; "Tayyip Erdogan"
      // is "Recep Tayyip Erdogan", one person of the people gazetteer)
      const person = phraseKeys(nameIn(name, 'en'))
        .filter((w) => /^[\p{L}\d]/u.test(w) && w.length > 1)
        .sort()
        .join(' ');
      for (const word of new Set([words[0]!, words[words.length - 1]!])) {
        const byPerson = leaderNamesByWord.get(`${code} ${word}`) ?? new Map<string, string>();
        if (!byPerson.has(person)) byPerson.set(person, name);
        leaderNamesByWord.set(`${code} ${word}`, byPerson);
      }
    }
    // (a name of one word is its own last word: "Prabowo", "Paetongtarn")
    // (and written without its hyphens, as some outlets write it: "Hossein Amir Abdollahian")
    if (keys.length >= 2)
      for (const written of new Set([name, name.replaceAll('-', ' ')]))
        leaderTrie.add(written, { code, name });
    const last = lastNameOf(keys);
    if (last === undefined) continue;
    // "Trump" beside "Donald Trump": a short form of one already listed, not another person
    if (keys.length === 1 && names.some((n) => n !== name && lastNameOf(phraseKeys(n)) === last))
      continue;
    const byPerson = leadersByLastWord.get(last) ?? new Map<string, string>();
    // "Shigeru Ishiba" and "Ishiba Shigeru" are one person
    byPerson.set([...keys].sort().join(' '), code);
    leadersByLastWord.set(last, byPerson);
  }
}

/** "President Trump", "PM Paetongtarn": the full name of the one listed leader of that country
 *  whose name begins or ends with the one word written, or null. */
export function leaderFullName(word: string, country: string): string | null {
  const byPerson = leaderNamesByWord.get(`${country} ${word}`);
  return byPerson === undefined || byPerson.size !== 1 ? null : [...byPerson.values()][0]!;
}

/** A country name starting at token `i` (capitalised; ambiguous names not inside a person's name). */
export function countryAt(
  tokens: readonly Token[],
  i: number,
  afterStatePrefix = false,
): { code: string; length: number } | null {
  const first = tokens[i];
  if (first === undefined || !first.cap) return null;
  const hit = countryTrie.longest(tokens, i, (entry, length) => {
    const after = tokens[i + length];
    if (after !== undefined && entry.notFollowedBy.has(after.key)) return false;
    // "Cộng hòa Ả Rập Ai Cập": after a state's prefix a name is the country's, whatever precedes
    if (!entry.ambiguous || afterStatePrefix) return true;
    // "Nguyễn Minh Đức": after a capitalised word the name is part of a person's name (not
    // after a title's qualifier opening the sentence: "Visiting Lao Prime Minister X", nor
    // after a day's name: "received on Wednesday Jordan's King B")
    const before = tokens[i - 1];
    return !(
      before?.word &&
      before.cap &&
      !TITLE_QUALIFIERS.has(before.key) &&
      !ambiguousAfter.has(before.key)
    );
  });
  return hit === null ? null : { code: hit.value.code, length: hit.length };
}

/** Longest a country's name runs, in tokens ("U . S .", "United Arab Emirates"). */
const COUNTRY_TOKENS = 4;

/** The country whose name ends right before token `end`, and where it starts, or null. */
function countryEndingAt(
  tokens: readonly Token[],
  end: number,
): { at: number; code: string } | null {
  // (the longest: "Papua New Guinea", not "Guinea")
  for (let j = Math.max(0, end - COUNTRY_TOKENS); j < end; j++) {
    const c = countryAt(tokens, j);
    if (c?.length === end - j) return { at: j, code: c.code };
  }
  return null;
}

/** Two different countries written together right before token `end`, joined by a token
 *  `joins` accepts ("U.S.-Russia", "Philippines-Malaysia"): where the first starts, and the
 *  two codes in the order written; null where there are not two. */
export function countryPairEndingAt(
  tokens: readonly Token[],
  end: number,
  joins: (t: Token | undefined) => boolean,
): { at: number; codes: [string, string] } | null {
  const second = countryEndingAt(tokens, end);
  if (second === null || !joins(tokens[second.at - 1])) return null;
  const first = countryEndingAt(tokens, second.at - 1);
  if (first === null || first.code === second.code) return null;
  return { at: first.at, codes: [first.code, second.code] };
}

/** The longest entry of `trie` at token `i` when that word is capitalised, as a name is written. */
function capitalisedEntryAt<T>(trie: TokenTrie<T>, tokens: readonly Token[], i: number) {
  return tokens[i]?.cap ? trie.longest(tokens, i) : null;
}

export function placeAt(
  tokens: readonly Token[],
  i: number,
): { entry: PlaceEntry; length: number } | null {
  const hit = capitalisedEntryAt(placeTrie, tokens, i);
  return hit === null ? null : { entry: hit.value, length: hit.length };
}

export function titleAt(
  tokens: readonly Token[],
  i: number,
  anyCase = false,
): { entry: TitleEntry; length: number } | null {
  // "Phủ Chủ tịch", "Văn phòng Chủ tịch nước": a title inside an institution's name ("Hai Thủ tướng" is two people)
  const before = tokens[i - 1];
  if (
    before?.word &&
    before.cap &&
    !PLURAL_LEAD.has(before.key) &&
    !TITLE_QUALIFIERS.has(before.key) &&
    !(i === 1 && TITLE_OPENERS.has(before.key)) &&
    !honorificEndsAt(tokens, i)
  )
    return null;
  return titleBeginsAt(tokens, i, anyCase);
}

/** How many words an honorific may have ("His Royal Highness"). */
const HONORIFIC_WORDS = 3;

/** Whether an honorific ends right before token `i` ("His Majesty King A": the title is the
 *  person's, not inside an institution's name). */
function honorificEndsAt(tokens: readonly Token[], i: number): boolean {
  for (let back = 1; back <= HONORIFIC_WORDS && back <= i; back++)
    if (honorificAt(tokens, i - back) === back) return true;
  return false;
}

/** An hour or its minutes, as a clock writes them before "PM". */
const CLOCK_HOUR = /^\d{1,2}$/;

/** A title written at token `i`, whatever precedes it (where a name ends: "Donald Trump Chủ tịch nước …");
 *  `anyCase`: any title in lower case too, where the caller checks that a name goes with it. */
export function titleBeginsAt(
  tokens: readonly Token[],
  i: number,
  anyCase = false,
): { entry: TitleEntry; length: number } | null {
  const first = tokens[i];
  if (first === undefined) return null;
  // ("at 1 PM Washington DC time", "11:30 PM IST": after an hour, a time of day)
  if (CLOCK_HOUR.test(tokens[i - 1]?.text ?? '')) return null;
  const trie = first.cap || anyCase ? titleTrie : lowerCaseTitleTrie;
  if (!trie.startsWith(first.key)) return null;
  const hit = trie.longest(tokens, i);
  return hit === null ? null : { entry: hit.value, length: hit.length };
}

/** How many tokens an honorific ("ông", "Samdech Techo") takes at token `i`, or 0. */
export function honorificAt(tokens: readonly Token[], i: number): number {
  const first = tokens[i];
  if (first === undefined || !honorificTrie.startsWith(first.key)) return 0;
  return honorificTrie.longest(tokens, i)?.length ?? 0;
}

/** A well-known leader's full name written at token `i`. */
export function knownLeaderAt(
  tokens: readonly Token[],
  i: number,
): { code: string; length: number } | null {
  const hit = capitalisedEntryAt(leaderTrie, tokens, i);
  if (hit !== null) return { code: hit.value.code, length: hit.length };
  // "Donald J. Trump", "Joseph R. Biden": a listed name with a middle initial written in it
  const initial = tokens[i + 1];
  if (
    initial === undefined ||
    !initial.cap ||
    initial.text.length !== 1 ||
    textAt(tokens, i + 2) !== '.' ||
    !tokens[i]!.cap
  )
    return null;
  const rest = tokens.slice(i + 3, i + 3 + MAX_NAME_AFTER_INITIAL);
  const spliced = capitalisedEntryAt(leaderTrie, [tokens[i]!, ...rest], 0);
  return spliced === null || spliced.length < 2
    ? null
    : { code: spliced.value.code, length: spliced.length + 2 };
}

/** How many words of a listed name may follow a middle initial. */
const MAX_NAME_AFTER_INITIAL = 3;

/**
 * "Ishiba will meet with To Lam": a listed leader's last name written alone, when it is no
 * other listed leader's and stands apart from other capitalised words.
 */
export function bareLeaderAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined || !t.cap || !t.word || leaderByLastName(t.key) === null) return false;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return !((before?.word === true && before.cap) || (after?.word === true && after.cap));
}

/** The country of the listed leaders whose names end with this word, when they share one
 *  ("Marcos": Ferdinand Marcos and Ferdinand Marcos Jr.), or null. */
export function leaderByLastName(key: string): string | null {
  const countries = new Set(leadersByLastWord.get(key)?.values());
  return countries.size === 1 ? [...countries][0]! : null;
}

/** A regnal number written after a monarch's name ("Abdullah II", "Charles III"). */
const REGNAL_NUMBER = /^[ivx]+$/;

/** "King Abdullah": the country of the one listed monarch whose name is this word and a regnal
 *  number ("Abdullah II"), for a leader's title; the surname alone may name others ("Saifuddin
 *  Abdullah"). */
export function monarchByName(key: string): string | null {
  const countries = new Set<string>();
  for (const [person, code] of leadersByLastWord.get(key) ?? []) {
    const words = person.split(' ');
    if (words.length === 2 && words.includes(key) && words.some((w) => REGNAL_NUMBER.test(w)))
      countries.add(code);
  }
  return countries.size === 1 ? [...countries][0]! : null;
}

/** The country of a well-known leader, by the name's keys (full name or a listed short form). */
export function leaderCountry(nameKeys: readonly string[]): string | null {
  const found = leaderCountries.get(nameKeys.join(' '));
  if (found !== undefined) return found;
  // "Antony J. Blinken": a middle initial the gazetteer does not list
  const initials = nameKeys.filter((k) => k.length === 1).length;
  if (initials > 0 && initials < nameKeys.length) {
    const withoutInitials = leaderCountries.get(nameKeys.filter((k) => k.length > 1).join(' '));
    if (withoutInitials !== undefined) return withoutInitials;
  }
  return withMiddleNames(nameKeys) ?? withLineage(nameKeys);
}

/** The fewest words a listed name must have for more written after it to be the same person's. */
const MIN_LINEAGE_PREFIX = 3;

/** "Abdullah bin Zayed Al Nahyan", "Mohammed bin Salman bin Abdulaziz Al Saud": a listed name of
 *  three words or more ("Abdullah bin Zayed") with the family's or forebears' names written
 *  after it. */
function withLineage(nameKeys: readonly string[]): string | null {
  for (let n = nameKeys.length - 1; n >= MIN_LINEAGE_PREFIX; n--) {
    const found = leaderCountries.get(nameKeys.slice(0, n).join(' '));
    if (found !== undefined) return found;
  }
  return null;
}

/** The most middle names a listed name may leave out. */
const MAX_MIDDLE_NAMES = 3;

/** "Nana Addo Dankwa Akufo-Addo": a listed name ("Nana Akufo-Addo") with middle names written
 *  in, its first and last words the same. */
function withMiddleNames(nameKeys: readonly string[]): string | null {
  const middle = nameKeys.slice(1, -1);
  if (middle.length === 0 || middle.length > MAX_MIDDLE_NAMES) return null;
  for (let kept = 0; kept < 1 << middle.length; kept++) {
    const keys = [nameKeys[0]!, ...middle.filter((_, n) => kept & (1 << n)), nameKeys.at(-1)!];
    if (keys.length === nameKeys.length) continue;
    const found = leaderCountries.get(keys.join(' '));
    if (found !== undefined) return found;
  }
  return null;
}
