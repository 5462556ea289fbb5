// Text clean-up before extraction: HTML residue, entities, Unicode form, whitespace.
// (The matching form that cues and names are compared in lives in ../text/vietnamese.ts.)

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  deg: '°',
  times: '×',
  shy: '',
  zwnj: '',
  zwj: '',
  thinsp: ' ',
  ensp: ' ',
  emsp: ' ',
};

// `[^<>]*` cannot overlap with itself across matches, so the scan stays linear.
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>|<!--[^<>]*-->/g;
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figure',
  'figcaption',
  'section',
  'article',
  'header',
  'footer',
]);
const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g;

function decodeEntity(whole: string, body: string): string {
  if (body.startsWith('#')) {
    const code =
      body[1] === 'x' || body[1] === 'X'
        ? parseInt(body.slice(2), 16)
        : parseInt(body.slice(1), 10);
    if (
      !Number.isFinite(code) ||
      code <= 0 ||
      code > 0x10ffff ||
      (code >= 0xd800 && code <= 0xdfff)
    )
      return ' ';
    return String.fromCodePoint(code);
  }
  return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
}

function stripTags(text: string): string {
  return text.replace(TAG, (_m, name: string | undefined) =>
    name !== undefined && BLOCK_TAGS.has(name.toLowerCase()) ? '\n' : ' ',
  );
}

/**
 * The article body as the extractor reads it: NFC, no HTML tags or entities (also
 * escaped ones such as `&lt;p&gt;`), no control characters, runs of spaces folded,
 * paragraphs separated by one blank line.
 */
export function cleanText(raw: string): string {
  const nfc = raw.normalize('NFC');
  // a wire story wrapped at a fixed width ("President Barack Obama\nwill visit") is one sentence
  // (the text's own breaks only: a block tag's break ends a paragraph whatever follows)
  const joined = joinWrappedLines(nfc);
  let text = joined;
  if (text.includes('<')) text = stripTags(text);
  if (text.includes('&')) {
    text = text.replace(ENTITY, decodeEntity);
    if (text.includes('<')) text = stripTags(text); // entity-escaped markup
  }
  text = text.replace(CONTROL, '');
  // Removed markup, entities and control characters can leave a combining mark after a new
  // base, so the text needs NFC again; the whitespace folding below never joins characters.
  const renormalize = text !== joined;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  text = text.replace(SPACE_RUN, ' ').replace(SPACE_AT_BREAK, '\n').replace(BLANK_LINES, '\n\n');
  return (renormalize ? text.normalize('NFC') : text).trim();
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\u200e\u200f\ufeff]/g;
// The folding patterns match only where they change something (a lone space, a bare
// line break and a single blank line stay), which saves rebuilding the whole text.
/** a run of spaces that is not a single " " */
const SPACE_RUN =
  / [ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000][ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*/g;
/** a line break with a space before or after it */
const SPACE_AT_BREAK = / \n ?|\n /g;
const BLANK_LINES = /\n{3,}/g;
const LOWER = /\p{Ll}/u;

/** What a line break is, by the characters around it: 'inside' a sentence (after a
 *  lower-case letter or a comma, before a lower-case letter: "President Barack Obama\nwill
 *  visit"), or 'beforeCapital' (the same before a capital: "visiting Vietnamese\nPresident
 *  Nguyen Minh Triet", inside a sentence too where the text is wrapped at a fixed width, else
 *  a heading's end), or neither. */
type LineBreak = { before: number; after: number; kind: 'inside' | 'beforeCapital' | null };
const UPPER = /\p{Lu}/u;

/** A text wrapped at a fixed width: at least this many breaks inside sentences, and at
 *  least this share of all its breaks. */
const WRAPPED_BREAKS = 3;
const WRAPPED_SHARE = 0.4;
/** In such a text, a line this much of its longest line or longer runs on (a shorter one,
 *  or one in title case, is a heading or a paragraph's end). */
const WRAPPED_LINE_SHARE = 0.6;

/** A heading in title case: every word of four letters or more begins with a capital
 *  ("Bush, Vietnam President Hold Historic Meeting"). */
function titleCase(line: string): boolean {
  return line.split(' ').every((w) => w.length < 4 || !LOWER.test(w[0]!));
}

/** The text with each line break inside a sentence made a space; only the breaks are
 *  looked at, and the lines where the text is wrapped at a fixed width. */
function joinWrappedLines(text: string): string {
  if (text.indexOf('\n') < 0) return text;
  const breaks: LineBreak[] = [];
  let inside = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    let before = at - 1;
    while (before >= 0 && (text[before] === ' ' || text[before] === '\t' || text[before] === '\r'))
      before--;
    let after = at + 1;
    while (text[after] === ' ' || text[after] === '\t') after++;
    const prev = text[before] ?? '';
    const next = text[after] ?? '';
    const runsOn = prev === ',' || LOWER.test(prev);
    const kind = !runsOn
      ? null
      : LOWER.test(next)
        ? 'inside'
        : UPPER.test(next)
          ? 'beforeCapital'
          : null;
    if (kind === 'inside') inside++;
    breaks.push({ before, after, kind });
  }
  const wrapped = inside >= WRAPPED_BREAKS && inside >= breaks.length * WRAPPED_SHARE;
  let longest = 0;
  if (wrapped) {
    let lineStart = 0;
    for (const b of breaks) {
      longest = Math.max(longest, b.before + 1 - lineStart);
      lineStart = b.after;
    }
  }
  let out = '';
  let from = 0;
  let lineStart = 0;
  for (const b of breaks) {
    const lineFrom = lineStart;
    lineStart = b.after;
    const join =
      b.kind === 'inside' ||
      (wrapped &&
        b.kind === 'beforeCapital' &&
        b.before + 1 - lineFrom >= longest * WRAPPED_LINE_SHARE &&
        !titleCase(text.slice(lineFrom, b.before + 1)));
    if (!join) continue;
    out += `${text.slice(from, b.before + 1)} `;
    from = b.after;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** An excerpt cut off mid-word ("… with French President Emmanuel Macr"): a text that ends in a
 *  letter ends in a fragment, which is no name or word to read. */
export function withoutCutWord(text: string): string {
  const end = text.trimEnd();
  // (walked back from the end: a regular expression anchored at the end tries every start)
  let at = end.length;
  while (at > 0 && LETTER_OR_MARK.test(end[at - 1]!)) at--;
  return at === end.length || !LETTER.test(end[end.length - 1]!)
    ? text
    : end.slice(0, at).trimEnd();
}

const LETTER = /\p{L}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
