// Vietnamese text as every part of the service compares it: the "matching form" (lower
// case, modern tone placement, the same length as its input, so that an offset in it is an
// offset in the text as written) and a form without diacritics for names written in other
// languages. The extractor, event identity and the tests all use this one module.

// Old ("hoà", "thuỷ", "Uỷ") and new ("hòa", "thủy", "Ủy") tone placement in open
// syllables: the tone mark moves from the second vowel to the first.
const TONE_ROWS: ReadonlyArray<readonly [string, string]> = [
  ['a', 'àáảãạ'],
  ['e', 'èéẻẽẹ'],
  ['y', 'ỳýỷỹỵ'],
];
const MARKED: Readonly<Record<string, string>> = { o: 'òóỏõọ', u: 'ùúủũụ', O: 'ÒÓỎÕỌ', U: 'ÙÚỦŨỤ' };
const OLD_STYLE =
  /(?<![qQ])([uU])([ỳýỷỹỵỲÝỶỸỴ])(?![\p{L}\p{M}])|([oO])([àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ])(?![\p{L}\p{M}])/gu;

function toneOf(ch: string): readonly [string, number] {
  const lower = ch.toLowerCase();
  for (const [base, marks] of TONE_ROWS) {
    const i = marks.indexOf(lower);
    if (i >= 0) return [ch === lower ? base : base.toUpperCase(), i];
  }
  return [ch, -1];
}

/**
 * Modern tone placement ("hoà" → "hòa", "thuỷ" → "thủy", "Uỷ" → "Ủy"); keeps case and
 * length, so offsets into the result are offsets into the input.
 */
export function modernizeTones(text: string): string {
  return text.replace(
    OLD_STYLE,
    (
      whole,
      u: string | undefined,
      y: string | undefined,
      o: string | undefined,
      ae: string | undefined,
    ) => {
      const first = u ?? o!;
      const [base, tone] = toneOf(y ?? ae!);
      return tone < 0 ? whole : MARKED[first]![tone]! + base;
    },
  );
}

/** Lower case without changing the length (characters whose lower case is longer stay). */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** The form in which cues and gazetteer names are compared: lower case, modern tones. */
export function matchForm(text: string): string {
  return lowerSameLength(modernizeTones(text));
}

/** Letters only Vietnamese writing uses: ă, â, ê, ô, ơ, ư, đ, ĩ, ũ and the tone marks of the
 *  U+1EA0 block (not à or é, which French and Spanish share). Its `source` builds the
 *  counting and searching patterns of the modules that need one. */
export const VIETNAMESE_LETTER = /[ăâêôơưđĩũĂÂÊÔƠƯĐĨŨẠ-ỹ]/u;

/** Without diacritics (Bùi Thanh Sơn → bui thanh son), lower case: names as other languages write them. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
