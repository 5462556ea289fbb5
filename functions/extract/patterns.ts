// Regular expressions built from the phrase tables: a phrase as a literal, and an
// alternation of phrases. Pure.

/** A phrase as a literal in a `u` pattern (where a needless escape such as `\\-` is an error). */
export const escapeForPattern = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An alternation of phrases, longest first (so "vừa qua" wins over "qua"). */
export const anyOf = (phrases: Iterable<string>): string =>
  [...phrases]
    .sort((a, b) => b.length - a.length)
    .map(escapeForPattern)
    .join('|');
