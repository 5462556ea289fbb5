// Lookups a page makes over and over (country, person and city names, dates in words),
// worked out once a language and remembered. Bounded: past `max` keys a language's
// values are worked out every time, so a flood of distinct keys costs time, not memory.
import type { RenderLanguage } from './types.js';

/** `compute`, remembered per language for at most `max` keys each. It must be pure. */
export function rememberedPerLanguage<V>(
  max: number,
  compute: (key: string, lang: RenderLanguage) => V,
): (key: string, lang: RenderLanguage) => V {
  const known: Record<RenderLanguage, Map<string, V>> = { vi: new Map(), en: new Map() };
  return (key, lang) => {
    const values = known[lang];
    let value = values.get(key);
    if (value === undefined) {
      value = compute(key, lang);
      if (values.size < max) values.set(key, value);
    }
    return value;
  };
}
