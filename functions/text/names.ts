// People's names as different articles write them: one rule for the extractor (which
// mentions are one person) and for event identity (which reports name the same
// principal). Names are compared as the keys of their words in the matching form.
import peopleData from './data/people.json' with { type: 'json' };
import placesData from './data/places.json' with { type: 'json' };
import type { PeopleGazetteer, PlacesGazetteer } from './table-schemas.js';
import { foldDiacritics, matchForm, VIETNAMESE_LETTER } from './vietnamese.js';

/** The shortest word in which a one-letter slip is taken for a typo rather than another name. */
const MIN_TYPO_WORD = 4;

/** The words of a name in the matching form ("Kim Jong-un" → kim, jong, un). */
export function nameKeys(name: string): string[] {
  return matchForm(name.normalize('NFC'))
    .split(/[\s.,;:!?"'“”‘’()[\]\-–—]+/u)
    .filter((k) => k.length > 0);
}

function containsAll(big: readonly string[], small: readonly string[]): boolean {
  const counts = new Map<string, number>();
  for (const t of big) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const t of small) {
    const n = counts.get(t) ?? 0;
    if (n === 0) return false;
    counts.set(t, n - 1);
  }
  return true;
}

/**
 * Whether two names (as keys) are one person's: the same words in any order (Kishida Fumio /
 * Fumio Kishida), a shorter form inside the longer one (Biden / Joe Biden, Marcos Jr. /
 * Ferdinand Marcos Jr.) — a single word only as the first or last word, since a Vietnamese
 * given name alone ("Chính") says too little — or an obvious typo of the same name.
 */
export function sameNameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  // a known person: every listed spelling is theirs, and no one else's ("Tập Cận Bình" = "Xi Jinping")
  const idA = personIdOf(a);
  const idB = personIdOf(b);
  if (idA !== null && idB !== null) return idA === idB;
  const known = idA ?? idB;
  if (known !== null) {
    const other = idA === null ? a : b;
    return (SPELLINGS.get(known) ?? []).some((spelling) => spellingsMatch(spelling, other));
  }
  return (
    spellingsMatch(a, b) ||
    // ("Badr Albusaidi" / "Badr Hamad al-Busaidi": a particle written joined to the name after it)
    ((hasParticle(a) || hasParticle(b)) &&
      spellingsMatch(joinedParticles(a), joinedParticles(b))) ||
    // ("@TamimbinHamad Al-Thani" / "Tamim bin Hamad Al Thani": the words run together, as a
    // social-media handle writes them)
    (a.length !== b.length && a.join('') === b.join(''))
  );
}

const GAZETTEER = peopleData as PeopleGazetteer;
/** every person listed, with the country they hold office in (the table lists them by it) */
const PEOPLE = Object.entries(GAZETTEER.people).flatMap(([country, people]) =>
  people.map((p) => ({ ...p, country })),
);
/** "Jr.", "III": left out of a short form */
const SUFFIXES: ReadonlySet<string> = new Set(GAZETTEER.suffixes);
const PATRONYMICS: ReadonlySet<string> = new Set(GAZETTEER.patronymics);
/** "Junior" -> "jr", "el" -> "al", "Mike" -> "michael": one spelling of a suffix, a
 *  particle or a given name */
const KEY_SPELLINGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ...GAZETTEER.suffixSpellings,
    ...GAZETTEER.particleSpellings,
    ...GAZETTEER.givenNameSpellings,
  }),
);
/** The particles that may be written joined to the name after them ("al": "al-Busaidi" is
 *  "Albusaidi"), in their listed spelling. */
const JOINING_PARTICLES: ReadonlySet<string> = new Set(Object.values(GAZETTEER.particleSpellings));
const hasParticle = (keys: readonly string[]) =>
  keys.some((k) => JOINING_PARTICLES.has(KEY_SPELLINGS.get(k) ?? k));

/** The keys with each particle joined to the word after it (al, busaidi → albusaidi). */
function joinedParticles(keys: readonly string[]): string[] {
  const out: string[] = [];
  for (let n = 0; n < keys.length; n++) {
    const k = KEY_SPELLINGS.get(keys[n]!) ?? keys[n]!;
    if (JOINING_PARTICLES.has(k) && n + 1 < keys.length) {
      out.push(k + keys[n + 1]!);
      n++;
    } else out.push(keys[n]!);
  }
  return out;
}

const asListed = (keys: readonly string[]) =>
  keys.some((k) => KEY_SPELLINGS.has(k)) ? keys.map((k) => KEY_SPELLINGS.get(k) ?? k) : keys;
/** Every spelling of each listed person, by the country they hold office in: principals
 *  the extractor knows without a country written (extract/tables.ts adds them to its
 *  leaders, once; a function, so that the feed function, which never asks, does no work). */
export function peopleByCountry(): Record<string, string[]> {
  const byCountry: Record<string, string[]> = {};
  for (const p of PEOPLE) {
    const listed = byCountry[p.country] ?? [];
    listed.push(p.en, p.vi ?? p.en, ...(p.aliases ?? []));
    byCountry[p.country] = listed;
  }
  return byCountry;
}
/** Each person's name in each language, by id. */
const NAME_IN = new Map(PEOPLE.map((p) => [p.id, { en: p.en, vi: p.vi ?? p.en }]));
/** Each listed spelling (its keys, without diacritics) → the person's id. */
const PERSON_BY_SPELLING = new Map<string, string>();
/** Each listed spelling of two words or more, its keys run together → the person's id. */
const PERSON_BY_LETTERS = new Map<string, string>();
/** Each person's spellings as keys. */
const SPELLINGS = new Map<string, string[][]>();
for (const person of PEOPLE) {
  for (const name of [
    person.en,
    ...(person.vi === undefined ? [] : [person.vi]),
    ...(person.aliases ?? []),
  ]) {
    const keys = nameKeys(name);
    const folded = keys.map(foldDiacritics);
    PERSON_BY_SPELLING.set(folded.join(' '), person.id);
    // (also run together, as a social-media handle writes it: "@TamimbinHamad Al-Thani")
    if (keys.length > 1) PERSON_BY_LETTERS.set(folded.join(''), person.id);
    SPELLINGS.set(person.id, [...(SPELLINGS.get(person.id) ?? []), keys]);
  }
}

/** The id of the person a full name (as keys) is a listed spelling of, or null. */
export function personIdOf(keys: readonly string[]): string | null {
  const folded = keys.map(foldKey);
  const id =
    PERSON_BY_SPELLING.get(folded.join(' ')) ??
    (keys.length > 1 ? PERSON_BY_LETTERS.get(folded.join('')) : undefined);
  if (id !== undefined) return id;
  // ("Joseph Biden, Jr.": a suffix that no listed spelling of theirs writes)
  const last = keys[keys.length - 1];
  return keys.length > 2 && last !== undefined && SUFFIXES.has(KEY_SPELLINGS.get(last) ?? last)
    ? personIdOf(keys.slice(0, -1))
    : null;
}

/** A key without diacritics; plain ASCII keys (most names compared) are that already. */
const foldKey = (key: string): string => (PLAIN_KEY.test(key) ? key : foldDiacritics(key));
const PLAIN_KEY = /^[a-z0-9]*$/;

/** "A.K. Abdul Momen" and "AK Abdul Momen": initials written apart or together are one word. */
function joinedInitials(keys: readonly string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const k of keys) {
    if (k.length === 1 && /\p{L}/u.test(k)) {
      run += k;
      continue;
    }
    if (run.length > 0) out.push(run);
    run = '';
    out.push(k);
  }
  if (run.length > 0) out.push(run);
  return out;
}

function spellingsMatch(a: readonly string[], b: readonly string[]): boolean {
  a = joinedInitials(asListed(a));
  b = joinedInitials(asListed(b));
  if (a.length === b.length && a.every((k, n) => k === b[n])) return true;
  // a foreign name with or without its accents (Hernández / Hernandez), and a Vietnamese
  // name as the foreign press writes it, without any (Pham Minh Chinh), are one name; but
  // between two Vietnamese spellings a diacritic makes another name (Thành / Thanh)
  const vietnamese = vietnameseSpelling(a) || vietnameseSpelling(b);
  if (!vietnamese || unaccented(a) || unaccented(b)) {
    a = a.map(foldKey);
    b = b.map(foldKey);
  }
  const [small, big] = a.length <= b.length ? [a, b] : [b, a];
  // ("Mohammed bin Rashid Al Maktoum" inside "Hamdan bin Mohammed bin Rashid Al Maktoum" is
  // the father's name in his son's, not the son; so is one word of it: "King Abdullah" is not
  // "Crown Prince Al Hussein bin Abdullah II")
  const at = big.indexOf(small[0]!);
  if (at > 0 && PATRONYMICS.has(big[at - 1]!)) return false;
  if (containsAll(big, small)) {
    // "Marcos" is "Ferdinand Marcos Jr.": the last name before a suffix; "Suluhu" is "Samia
    // Suluhu Hassan" (the middle of three, not of a Vietnamese name: "Minh" is not "Phạm Minh Chính")
    const named = big.filter((k) => !SUFFIXES.has(k));
    return (
      small.length >= 2 ||
      small[0] === named[named.length - 1] ||
      small[0] === big[0] ||
      (named.length === 3 && !vietnamese && small[0] === named[1])
    );
  }
  return (
    givenNameByInitial(a, b) ||
    givenNameByInitial(b, a) ||
    oneLetterApart(a, b) ||
    // ("Makhdoom Shah Mahmood Qureshi" / "Shah Mehmood Qureshi": a longer name's last words)
    (small.length >= 2 && oneLetterApart(small, big.slice(-small.length)))
  );
}

/** "S.Mi-xen" / "Sác-lơ Mi-xen", "V. Putin" / "Vladimir Putin": the given name written by its
 *  initial, the rest as in the full name. */
function givenNameByInitial(short: readonly string[], full: readonly string[]): boolean {
  const [initial, ...rest] = short;
  if (initial === undefined || initial.length !== 1 || rest.length === 0) return false;
  if (full.length <= rest.length || !full[0]!.startsWith(initial)) return false;
  const tail = full.slice(full.length - rest.length);
  return rest.every((k, n) => k === tail[n]);
}

export function sameName(a: string, b: string): boolean {
  return sameNameKeys(nameKeys(a), nameKeys(b));
}

/**
 * An obvious typo or a second spelling of the same name: as many words, all the same but
 * one, and that one a letter longer, shorter or different ("Donal Trump", "Anthony
 * Blinken" / "Antony Blinken", "Prak Sokhon" / "Prak Sokhonn"). Letters that differ only by
 * their diacritics make another name (Thành / Thanh), not a typo.
 */
function oneLetterApart(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  let differing = 0;
  for (let n = 0; n < a.length; n++) {
    if (a[n] === b[n]) continue;
    const x = foldKey(a[n]!);
    const y = foldKey(b[n]!);
    if (
      ++differing > 1 ||
      x === y ||
      Math.min(x.length, y.length) < MIN_TYPO_WORD ||
      !editDistanceOne(x, y)
    )
      return false;
  }
  return differing === 1;
}

const vietnameseSpelling = (keys: readonly string[]) => keys.some((k) => VIETNAMESE_LETTER.test(k));
/** Written without a single diacritic, as other languages write Vietnamese names. */
const unaccented = (keys: readonly string[]) => keys.every((k) => /^[a-z0-9]*$/.test(k));

function editDistanceOne(x: string, y: string): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  // (two letters swapped count as one slip: "Kier" / "Keir")
  return short.length === long.length
    ? short.slice(i + 1) === long.slice(i + 1) ||
        (short[i] === long[i + 1] &&
          short[i + 1] === long[i] &&
          short.slice(i + 2) === long.slice(i + 2))
    : short.slice(i) === long.slice(i + 1);
}

/**
 * A person's name as a page in `language` writes it: the gazetteer's name for a listed
 * person ("Tập Cận Bình" on a Vietnamese page, "Xi Jinping" on an English one), and in
 * English a Vietnamese name without its diacritics, as the English-language press writes
 * it ("Phạm Minh Chính" → "Pham Minh Chinh"); any other name as written.
 */
export function nameIn(name: string, language: 'vi' | 'en'): string {
  const id = personIdOf(nameKeys(name));
  if (id !== null) return NAME_IN.get(id)![language];
  if (language === 'en' && VIETNAMESE_LETTER.test(name)) return withoutDiacritics(name);
  return name;
}

/** The letters without their marks, case kept ("Đỗ" → "Do"). */
function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Each spelling of a listed city (its keys, without diacritics) → its name in each language. */
const PLACE_BY_SPELLING = new Map<string, { en: string; vi: string }>();
for (const place of (placesData as PlacesGazetteer).places) {
  for (const name of [place.en, place.vi, ...(place.aliases ?? [])])
    PLACE_BY_SPELLING.set(nameKeys(name).map(foldDiacritics).join(' '), place);
}

/** A city's name as a page in `language` writes it ("Viêng Chăn" → "Vientiane"); an unlisted one as written, in English without diacritics. */
export function placeIn(name: string, language: 'vi' | 'en'): string {
  const place = PLACE_BY_SPELLING.get(nameKeys(name).map(foldDiacritics).join(' '));
  if (place !== undefined) return place[language];
  return language === 'en' && VIETNAMESE_LETTER.test(name) ? withoutDiacritics(name) : name;
}
