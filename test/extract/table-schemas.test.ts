// Every table the extractor reads has the shape its reader takes it to have
// (functions/extract/table-schemas.ts): a misspelt key or a list where a map belongs fails
// here, before any article is read.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import datesData from '../../functions/extract/data/en/dates.json' with { type: 'json' };
import publishers from '../../functions/extract/data/publishers.json' with { type: 'json' };
import {
  CitiesSchema,
  CountriesSchema,
  CueTableSchema,
  EnglishDatesSchema,
  LeadersSchema,
  NamesSchema,
  NoiseSchema,
  PHRASE_LISTS,
  PublishersSchema,
  RolesSchema,
  TitlesSchema,
  WORD_SETS,
} from '../../functions/extract/table-schemas.js';
import { GROUPS, spelledOut, TABLES, TABLES_BY_LANGUAGE } from '../../functions/extract/tables.js';

describe('the extractor tables', () => {
  it.each([
    ['cues', CueTableSchema, TABLES.cues],
    ['names', NamesSchema, TABLES.names],
    ['countries', CountriesSchema, TABLES.countries],
    ['cities', CitiesSchema, TABLES.cities],
    ['titles', TitlesSchema, TABLES.titles],
    ['leaders', LeadersSchema, TABLES.leaders],
    ['English dates', EnglishDatesSchema, spelledOut(datesData)],
    ['roles', RolesSchema, TABLES.roles],
    ['noise', NoiseSchema, TABLES.noise],
    ['publishers', PublishersSchema, publishers],
  ] as const)('%s has its shape', (_name, schema, table) => {
    expect(schema.safeParse(table).error).toBeUndefined();
  });

  it.each(Object.entries(TABLES_BY_LANGUAGE))(
    '%s names list the words that end a name',
    (_code, t) => {
      expect(
        z.object({ nameStops: NamesSchema.shape.nameStops }).safeParse(t.names).error,
      ).toBeUndefined();
    },
  );

  it('gives every word set LEX reads (a word set is read by its name in the tables)', () => {
    expect(WORD_SETS.filter((name) => !(name in (TABLES.roles as object)))).toEqual([]);
  });

  it('gives every phrase list LEX reads, among its phrases (read by its name there)', () => {
    const phrases = (TABLES.roles as { phrases?: object }).phrases ?? {};
    expect(PHRASE_LISTS.filter((name) => !(name in phrases))).toEqual([]);
  });

  it('keeps a phrase list out of the word sets, where LEX would read it word by word', () => {
    expect(RolesSchema.safeParse({ ...(TABLES.roles as object), negation: ['not'] }).success).toBe(
      false,
    );
  });

  it('spells out every group a phrase names (data/<language>/groups.json), and no other', () => {
    expect(JSON.stringify(TABLES).match(/[(|]@\w+/gu) ?? []).toEqual([]);
    expect(spelledOut(['(@weekday) morning'])).toContain('friday morning');
    expect(spelledOut(['(@weekday|today) at'])).toEqual([
      ...GROUPS.weekday!.split('|').map((day) => `${day} at`),
      'today at',
    ]);
    expect(spelledOut(['met @unlisted'])).toEqual(['met @unlisted']);
  });

  it('fails a table of the wrong shape', () => {
    const cues = TABLES.cues as { cues: unknown[] };
    expect(CueTableSchema.safeParse({ ...cues, cues: [{ phrases: 'held talks' }] }).success).toBe(
      false,
    );
    expect(NamesSchema.safeParse({ ...(TABLES.names as object), nameStops: 'the' }).success).toBe(
      false,
    );
  });
});
