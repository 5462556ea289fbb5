// The phrases that tell who plays which part around a cue (data/roles.json), in the
// tokens' matching form, and the small helpers that find them in a sentence.
import * as z from 'zod/mini';
import languageData from './data/vi/language.json' with { type: 'json' };
import rolesData from './data/vi/roles.json' with { type: 'json' };
import { phraseKeys, type Token } from './tokens.js';

const Phrase = z.string();
const RolesSchema = z.object({
  joiners: z.array(Phrase),
  spouse: z.array(Phrase),
  inviter: Phrase,
  welcome: Phrase,
  welcomeLevel: z.array(Phrase),
  coChair: Phrase,
  chair: Phrase,
  chairedBy: Phrase,
  of: Phrase,
  between: Phrase,
  delegation: Phrase,
  delegationLedBy: Phrase,
  passive: Phrase,
  sender: z.array(Phrase),
  objectLead: z.array(Phrase),
  visitGap: z.array(Phrase),
  destination: z.array(Phrase),
  placeLead: z.array(Phrase),
  placePrefix: z.array(Phrase),
  capitalQualifier: z.array(Phrase),
  travel: z.array(Phrase),
  visitEnd: z.array(Phrase),
  arrival: z.array(Phrase),
  arrivalNot: z.array(Phrase),
  passing: z.array(Phrase),
  duration: z.object({ lead: Phrase, unit: Phrase }),
  pairReference: z.array(Phrase),
  pairTitleLead: Phrase,
  ordinal: Phrase,
  clauseEnd: z.array(Phrase),
  reporting: z.array(Phrase),
  and: Phrase,
  multilateralTrip: z.array(Phrase),
  since: z.array(Phrase),
  highLevel: Phrase,
  parliament: Phrase,
  with: Phrase,
});
const LanguageSchema = z.object({ code: z.string(), homeCountry: z.string() });
const ROLES = RolesSchema.parse(rolesData);

/** A phrase as the keys of its tokens. */
export type Keys = readonly string[];
const keys = (phrase: string): Keys => phraseKeys(phrase);
const keyList = (phrases: readonly string[]): Keys[] => phrases.map(keys);
const wordSet = (words: readonly string[]): ReadonlySet<string> =>
  new Set(words.map((w) => keys(w).join(' ')));

export const LEX = {
  joiners: wordSet(ROLES.joiners),
  spouse: wordSet(ROLES.spouse),
  inviter: keys(ROLES.inviter),
  welcome: keys(ROLES.welcome),
  welcomeLevel: wordSet(ROLES.welcomeLevel),
  coChair: keys(ROLES.coChair),
  chair: keys(ROLES.chair),
  chairedBy: keys(ROLES.chairedBy)[0]!,
  of: keys(ROLES.of)[0]!,
  between: keys(ROLES.between)[0]!,
  delegation: keys(ROLES.delegation)[0]!,
  delegationLedBy: keys(ROLES.delegationLedBy)[0]!,
  passive: keys(ROLES.passive)[0]!,
  sender: keyList(ROLES.sender),
  objectLead: wordSet(ROLES.objectLead),
  visitGap: wordSet(ROLES.visitGap),
  destination: wordSet(ROLES.destination),
  placeLead: wordSet(ROLES.placeLead),
  placePrefix: keyList(ROLES.placePrefix),
  capitalQualifier: wordSet(ROLES.capitalQualifier),
  travel: keyList(ROLES.travel),
  visitEnd: keyList(ROLES.visitEnd),
  arrival: wordSet(ROLES.arrival),
  arrivalNot: wordSet(ROLES.arrivalNot),
  passing: keyList(ROLES.passing),
  durationLead: keys(ROLES.duration.lead),
  durationUnit: keys(ROLES.duration.unit)[0]!,
  pairReference: keyList(ROLES.pairReference),
  pairTitleLead: keys(ROLES.pairTitleLead)[0]!,
  ordinal: keys(ROLES.ordinal)[0]!,
  clauseEnd: wordSet(ROLES.clauseEnd),
  reporting: keyList(ROLES.reporting),
  and: keys(ROLES.and)[0]!,
  multilateralTrip: keyList(ROLES.multilateralTrip),
  since: keyList(ROLES.since),
  highLevel: keys(ROLES.highLevel),
  parliament: keys(ROLES.parliament),
  with: keys(ROLES.with)[0]!,
} as const;

/** The language the tables read and the country its outlets write from (data/language.json). */
export const LANGUAGE = LanguageSchema.parse(languageData);

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

/** Where the phrase first starts in tokens [from, to), or -1. */
export function findPhrase(
  tokens: readonly Token[],
  phrase: Keys,
  from = 0,
  to = tokens.length,
): number {
  for (let k = Math.max(0, from); k < Math.min(to, tokens.length); k++)
    if (readsAt(tokens, k, phrase)) return k;
  return -1;
}
