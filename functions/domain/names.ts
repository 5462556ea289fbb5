// Comparing people's names as different articles write them: Unicode NFC, case, old
// and new Vietnamese tone placement (hoà/hòa, thuỷ/thủy), word order (Kishida Fumio /
// Fumio Kishida), and a shorter form inside a longer one (Marcos Jr. / Ferdinand Marcos Jr.).

const TONES: Record<string, string> = { a: 'àáảãạ', e: 'èéẻẽẹ', o: 'òóỏõọ', u: 'ùúủũụ', y: 'ỳýỷỹỵ' };

/** Old-style tone placement in open syllables (hoà, thuỷ) → the modern one (hòa, thủy). */
function modernTonePlacement(lower: string): string {
  return lower
    .replace(/o([àáảãạèéẻẽẹ])(?![\p{L}\p{M}])/gu, (_m, toned: string) => {
      const vowel = TONES.a!.includes(toned) ? 'a' : 'e';
      return TONES.o![TONES[vowel]!.indexOf(toned)]! + vowel;
    })
    .replace(/(?<!q)u([ỳýỷỹỵ])(?![\p{L}\p{M}])/gu, (_m, toned: string) => TONES.u![TONES.y!.indexOf(toned)]! + 'y');
}

export function nameTokens(name: string): string[] {
  const folded = modernTonePlacement(name.normalize('NFC').toLowerCase()).normalize('NFC');
  return folded.split(/[\s.,;:!?"'“”‘’()[\]\-–—]+/u).filter((t) => t.length > 0);
}

function containsAll(small: string[], big: string[]): boolean {
  const counts = new Map<string, number>();
  for (const t of big) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const t of small) {
    const n = counts.get(t) ?? 0;
    if (n === 0) return false;
    counts.set(t, n - 1);
  }
  return true;
}

export function sameName(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length === long.length) return containsAll(short, long);
  return short.length >= 2 && containsAll(short, long);
}
