// What the extractor knows of each language it reads besides its phrases: the country whose
// outlets write in it (their own leaders' trips abroad are what they report, so a leader of
// that country meeting a host abroad is on a visit there, and an unnamed side travelling
// from home is that country) and how its dates are read.
import * as z from 'zod/mini';
import enLanguage from './data/en/language.json' with { type: 'json' };
import viLanguage from './data/vi/language.json' with { type: 'json' };
import { type DateMention, findDates, type RefDate } from './dates.js';
import { findEnglishDates } from './dates-en.js';

const LanguageSchema = z.object({
  code: z.string(),
  homeCountry: z.nullable(z.string()),
  modifiersFirst: z.boolean(),
  bareNames: z.boolean(),
  datesFollow: z.boolean(),
  dayPattern: z.string(),
});

export interface LanguageProfile {
  code: string;
  /** the country the outlets writing in this language report from, or null when they write from everywhere */
  homeCountry: string | null;
  /** a country's name or adjective stands before the word it qualifies ("Lao Prime Minister X", "his China visit") */
  modifiersFirst: boolean;
  /** a person already named in full is written by one part of the name alone ("Tran added") */
  bareNames: boolean;
  /** an event's day is written after it ("met B on July 9") rather than before ("Ngày 9/7, A gặp B") */
  datesFollow: boolean;
  /** whether a sentence (matching form) may hold a day: only those are searched for dates when they hold no cue */
  mayHoldDay: RegExp;
  /** the dates of a sentence (matching form), resolved against the publication day; `previousDay` is what "the same day" refers to */
  findDates(
    lower: string,
    ref: RefDate,
    previousDay: string | null,
    isTitle?: boolean,
  ): DateMention[];
}

function profile(table: unknown, dates: LanguageProfile['findDates']): LanguageProfile {
  const { dayPattern, ...rest } = LanguageSchema.parse(table);
  return { ...rest, mayHoldDay: new RegExp(dayPattern, 'u'), findDates: dates };
}

export const LANGUAGES: readonly LanguageProfile[] = [
  profile(viLanguage, findDates),
  profile(enLanguage, findEnglishDates),
];

export function profileOf(code: string): LanguageProfile | undefined {
  return LANGUAGES.find((l) => l.code === code);
}
