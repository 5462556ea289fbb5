// The phrase tables of every language the extractor reads (data/<language>/*.json), united
// table by table: lists are joined, maps merged, a single phrase becomes a list, and a
// bound takes the larger value. Words of different languages do not collide ("thăm" and
// "visit"), and articles mix them (an English name in a Vietnamese story, a Vietnamese name
// in an English one), so one lexicon reads both. What differs by language (its home
// country, its dates) is in the language profiles (languages.ts).

import { peopleByCountry } from '../text/names.js';
import enCities from './data/en/cities.json' with { type: 'json' };
import enCountries from './data/en/countries.json' with { type: 'json' };
import enCues from './data/en/cues.json' with { type: 'json' };
import enGroups from './data/en/groups.json' with { type: 'json' };
import enLeaders from './data/en/leaders.json' with { type: 'json' };
import enNames from './data/en/names.json' with { type: 'json' };
import enNoise from './data/en/noise.json' with { type: 'json' };
import enRoles from './data/en/roles.json' with { type: 'json' };
import enTitles from './data/en/titles.json' with { type: 'json' };
import viCities from './data/vi/cities.json' with { type: 'json' };
import viCountries from './data/vi/countries.json' with { type: 'json' };
import viCues from './data/vi/cues.json' with { type: 'json' };
import viLeaders from './data/vi/leaders.json' with { type: 'json' };
import viNames from './data/vi/names.json' with { type: 'json' };
import viNoise from './data/vi/noise.json' with { type: 'json' };
import viRoles from './data/vi/roles.json' with { type: 'json' };
import viTitles from './data/vi/titles.json' with { type: 'json' };
import { alternatives } from './tokens.js';

type Json = unknown;

/** Alternatives named once and given by name in a table's phrases ("(@weekday|today)": the
 *  days of the week or today), data/en/groups.json (the one language that names any). */
export const GROUPS: Readonly<Record<string, string>> = enGroups;
const withGroups = (phrase: string): string =>
  phrase.replace(/@(\w+)/gu, (written, name: string) => GROUPS[name] ?? written);

/** A table whose lists of phrases may give alternatives for a word ("(Deputy|Vice) Prime
 *  Minister", "(@weekday) morning"), with every list spelled out. */
export function spelledOut(table: Json): Json {
  if (Array.isArray(table))
    return table.flatMap((v) =>
      typeof v === 'string' ? alternatives(withGroups(v)) : [spelledOut(v)],
    );
  if (table !== null && typeof table === 'object')
    return Object.fromEntries(Object.entries(table).map(([k, v]) => [k, spelledOut(v)]));
  return table;
}

/** Two tables as one: lists joined, maps merged key by key, phrases listed, bounds at their maximum. */
export function uniteTables(a: Json, b: Json): Json {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (typeof a === 'number' && typeof b === 'number') return Math.max(a, b);
  if (Array.isArray(a) || Array.isArray(b) || typeof a === 'string' || typeof b === 'string') {
    const list = (v: Json) => (Array.isArray(v) ? v : [v]);
    return [...list(a), ...list(b)];
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const out: Record<string, Json> = {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (key.startsWith('$')) continue;
      out[key] = uniteTables((a as Record<string, Json>)[key], (b as Record<string, Json>)[key]);
    }
    return out;
  }
  return b;
}

/** Each language's own tables, for the few look-ups that must not mix languages. */
export const TABLES_BY_LANGUAGE = {
  vi: { names: spelledOut(viNames) as typeof viNames },
  en: { names: spelledOut(enNames) as typeof enNames },
};

/** Every table, both languages united, its phrases spelled out (the one place that reads
 *  their alternatives: the modules that read the tables see plain phrases). */
export const TABLES = {
  cities: spelledOut(uniteTables(viCities, enCities)),
  countries: spelledOut(uniteTables(viCountries, enCountries)),
  cues: spelledOut(uniteTables(viCues, enCues)),
  // (and everyone the people gazetteer lists, in every spelling it gives)
  leaders: spelledOut(
    uniteTables(uniteTables(viLeaders, enLeaders), { leaders: peopleByCountry() }),
  ),
  names: uniteTables(TABLES_BY_LANGUAGE.vi.names, TABLES_BY_LANGUAGE.en.names),
  noise: spelledOut(uniteTables(viNoise, enNoise)),
  roles: spelledOut(uniteTables(viRoles, enRoles)),
  titles: spelledOut(uniteTables(viTitles, enTitles)),
};
