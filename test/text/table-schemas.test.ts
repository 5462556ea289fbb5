// The text module's gazetteers have the shapes names.ts takes them to have
// (functions/text/table-schemas.ts).
import { describe, expect, it } from 'vitest';
import peopleData from '../../functions/text/data/people.json' with { type: 'json' };
import placesData from '../../functions/text/data/places.json' with { type: 'json' };
import {
  PeopleGazetteerSchema,
  PlacesGazetteerSchema,
} from '../../functions/text/table-schemas.js';

describe('the text gazetteers', () => {
  it('people.json lists people by the country they hold office in, with id and names', () => {
    expect(PeopleGazetteerSchema.safeParse(peopleData).error).toBeUndefined();
  });

  it('places.json lists places by their names in each language', () => {
    expect(PlacesGazetteerSchema.safeParse(placesData).error).toBeUndefined();
  });

  it('fails people listed under no country code', () => {
    const person = { id: 'local:x', en: 'X' };
    expect(
      PeopleGazetteerSchema.safeParse({ ...peopleData, people: { Vietnam: [person] } }).success,
    ).toBe(false);
  });
});
