// The phrases that tell who plays which part around a cue (data/roles.json), in the
// tokens' matching form, and the small helpers that find them in a sentence.
import type { PhraseListName, Roles, WordSetName } from './table-schemas.js';
import { TABLES } from './tables.js';
import { phraseKeys, type Token } from './tokens.js';

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
  'phrases',
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
  Object.entries(ROLES.phrases ?? {}).map(([name, phrases]) => [name, keyList(phrases)]),
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
  travel: keyList([...listOf(ROLES.phrases?.visitEnd), ...listOf(ROLES.travel)]),
  durationLead: keyList(ROLES.duration.lead),
  durationUnit: wordSet(ROLES.duration.unit),
  /** spelled-out day counts ("hai ngày", "a three-day visit") */
  durationNumbers: new Map(
    Object.entries(ROLES.duration.numbers).map(([word, n]) => [phraseKeys(word).join(' '), n]),
  ),
  leadUpTo: keyList([...listOf(ROLES.phrases?.aheadOf), ...listOf(ROLES.leadUpTo)]),
  pastSuffixes: listOf(ROLES.pastSuffixes),
} as const;

/** Whether the tokens from `i` read the phrase. */
export function readsAt(tokens: readonly Token[], i: number, phrase: Keys): boolean {
  if (i < 0 || i + phrase.length > tokens.length) return false;
  for (let n = 0; n < phrase.length; n++) if (tokens[i + n]!.key !== phrase[n]) return false;
  return true;
}

/** Whether one of the phrases ends right before token `k` ("return home | to Lilongwe"). */
export function endsBefore(tokens: readonly Token[], k: number, phrases: readonly Keys[]): boolean {
  return phrases.some((p) => readsAt(tokens, k - p.length, p));
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
