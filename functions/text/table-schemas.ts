// The shapes of the text module's gazetteers (data/people.json, data/places.json), declared
// once: names.ts takes their types from here, and the tests check both files against them
// (test/text/table-schemas.test.ts), not each cold start (as the extractor's tables are:
// functions/extract/table-schemas.ts).
import * as z from 'zod/mini';

export const PeopleGazetteerSchema = z.object({
  suffixes: z.array(z.string()),
  suffixSpellings: z.record(z.string(), z.string()),
  /** the words that make the name after them a father's ("bin": "Hamdan bin Mohammed") */
  patronymics: z.array(z.string()),
  /** a particle's other spellings ("el-Sisi" is "al-Sisi") */
  particleSpellings: z.record(z.string(), z.string()),
  /** a given name's familiar form ("Mike" is "Michael") */
  givenNameSpellings: z.record(z.string(), z.string()),
  /** by the ISO 3166-1 alpha-2 of the state they hold office in */
  people: z.record(
    z.string().check(z.regex(/^[A-Z]{2}$/)),
    z.array(
      z.object({
        id: z.string(),
        en: z.string(),
        vi: z.optional(z.string()),
        aliases: z.optional(z.array(z.string())),
      }),
    ),
  ),
});
export type PeopleGazetteer = z.infer<typeof PeopleGazetteerSchema>;

export const PlacesGazetteerSchema = z.object({
  places: z.array(
    z.object({ en: z.string(), vi: z.string(), aliases: z.optional(z.array(z.string())) }),
  ),
});
export type PlacesGazetteer = z.infer<typeof PlacesGazetteerSchema>;
