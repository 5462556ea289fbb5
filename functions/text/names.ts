// People's names as different articles write them: one rule for the extractor (which
// mentions are one person) and for event identity (which reports name the same
// principal). Names are compared as the keys of their words in the matching form.
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
  if (a.length === b.length && a.every((k, n) => k === b[n])) return true;
  // a foreign name with or without its accents (Hernández / Hernandez), and a Vietnamese
  // name as the foreign press writes it, without any (Pham Minh Chinh), are one name; but
  // between two Vietnamese spellings a diacritic makes another name (Thành / Thanh)
  if ((!vietnameseSpelling(a) && !vietnameseSpelling(b)) || unaccented(a) || unaccented(b)) {
    a = a.map(foldDiacritics);
    b = b.map(foldDiacritics);
  }
  const [small, big] = a.length <= b.length ? [a, b] : [b, a];
  if (containsAll(big, small))
    return small.length >= 2 || small[0] === big[big.length - 1] || small[0] === big[0];
  return oneLetterApart(a, b);
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
export function oneLetterApart(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  let differing = 0;
  for (let n = 0; n < a.length; n++) {
    if (a[n] === b[n]) continue;
    const x = foldDiacritics(a[n]!);
    const y = foldDiacritics(b[n]!);
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
  return short.length === long.length
    ? short.slice(i + 1) === long.slice(i + 1)
    : short.slice(i) === long.slice(i + 1);
}
