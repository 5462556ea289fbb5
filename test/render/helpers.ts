// Test helpers: real parsers for every format the renderers write.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Characters XML 1.0 cannot carry (the test's own copy, not the renderer's). */
export const XML_INVALID_RE = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const ARRAYS = new Set(['entry', 'item', 'category', 'link', 'atom:link', 'dc:creator']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true, // needed for numeric references; named HTML entities are rejected below
  textNodeName: '#text',
  isArray: (name) => ARRAYS.has(name),
});

/**
 * Parses an XML document strictly enough for these tests: fast-xml-parser's validator,
 * plus the checks it does not make (characters XML cannot carry, `<` in attribute
 * values). Throws with a reason when the document is not well-formed.
 */
export function parseXml(xml: string): any {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid.err)}`);
  const bad = XML_INVALID_RE.exec(xml);
  if (bad)
    throw new Error(
      `character XML cannot carry: U+${bad[0].codePointAt(0)!.toString(16)} at ${bad.index}`,
    );
  const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  // XML 1.0 §2.4: character data must not contain "]]>" (what a second, unsplit
  // "]]>" in a CDATA section leaves behind); fast-xml-parser does not check it.
  if (outsideCdata.includes(']]>')) throw new Error('"]]>" outside a CDATA section');
  const entity = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(outsideCdata);
  if (entity) throw new Error(`bare & or undeclared entity at ${entity.index}`);
  for (const m of outsideCdata.matchAll(/<[^!?/][^>]*>/g)) {
    // inside a start tag (CDATA and text are excluded by the regex's `<` anchor on tags)
    if (/="[^"]*</.test(m[0])) throw new Error(`'<' in an attribute value: ${m[0].slice(0, 80)}`);
  }
  return parser.parse(xml);
}

/** The text of an element as parsed (string, or {#text} when it has attributes). */
export function text(node: unknown): string {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '#text' in node) return String((node as any)['#text']);
  if (node === undefined || node === null) return '';
  return '';
}

/** Decodes the HTML our renderers write (only these five references are used). */
export function unescapeHtml(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!,
  );
}

let xmllintPath: string | null | undefined;
export function xmllint(): string | null {
  if (xmllintPath === undefined) {
    try {
      xmllintPath =
        execFileSync('sh', ['-c', 'command -v xmllint'], { encoding: 'utf8' }).trim() || null;
    } catch {
      xmllintPath = null;
    }
  }
  return xmllintPath;
}

/**
 * Runs `xmllint --noout --nonet` over documents (in one process). Returns the error
 * output ('' when all are well-formed) or null when xmllint is not installed.
 */
export function xmllintAll(docs: string[]): string | null {
  const bin = xmllint();
  if (!bin || docs.length === 0) return bin ? '' : null;
  const dir = mkdtempSync(join(tmpdir(), 'render-xmllint-'));
  try {
    const files = docs.map((doc, i) => {
      const f = join(dir, `${i}.xml`);
      writeFileSync(f, doc, 'utf8');
      return f;
    });
    try {
      execFileSync(bin, ['--noout', '--nonet', ...files], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return '';
    } catch (err: any) {
      return String(err.stderr || err.message || 'xmllint failed');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
let jsonFeedValidator: ReturnType<Ajv['compile']> | undefined;
/** The acceptance harness's schema, in ../shared beside the repository. */
const JSON_FEED_SCHEMA = path.resolve(
  import.meta.dirname,
  '../../../shared/acceptance/feeds/schemas/jsonfeed-1.1.schema.json',
);

/** The acceptance harness's JSON Feed 1.1 JSON Schema, compiled with ajv + ajv-formats. */
export function validateJsonFeed(doc: unknown): string[] {
  if (!jsonFeedValidator) {
    if (!existsSync(JSON_FEED_SCHEMA)) {
      console.warn(
        `no ${JSON_FEED_SCHEMA} (../shared beside the repository): JSON Feed documents are not checked against its schema`,
      );
      jsonFeedValidator = Object.assign(() => true, { errors: null }) as unknown as ReturnType<
        Ajv['compile']
      >;
      return [];
    }
    const schema = JSON.parse(readFileSync(JSON_FEED_SCHEMA, 'utf8'));
    // The same set-up as the acceptance harness (lib/check-feed.mjs loadAjv).
    const ajv = new Ajv({
      allErrors: true,
      strict: true,
      strictRequired: false,
      strictTypes: false,
    });
    addFormats(ajv);
    const clean = (s: string) => !/[\s\u0000-\u001f\u007f]/.test(s);
    ajv.addFormat('iri', (s: string) => {
      try {
        return clean(s) && /^[a-z][a-z0-9+.-]*:/i.test(s) && Boolean(new URL(s));
      } catch {
        return false;
      }
    });
    ajv.addFormat('iri-reference', (s: string) => {
      try {
        return clean(s) && Boolean(new URL(s, 'http://base.invalid/'));
      } catch {
        return false;
      }
    });
    jsonFeedValidator = ajv.compile(schema);
  }
  const ok = jsonFeedValidator(doc);
  return ok ? [] : (jsonFeedValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

export interface IcalProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** RFC 5545 §3.1: physical lines (CRLF), unfolded content lines. */
export function icalPhysicalLines(ics: string): string[] {
  if (!ics.endsWith('\r\n')) throw new Error('does not end with CRLF');
  const lines = ics.slice(0, -2).split('\r\n');
  for (const l of lines)
    if (/[\r\n]/.test(l))
      throw new Error(`bare CR or LF in line ${JSON.stringify(l.slice(0, 40))}`);
  return lines;
}

export function unfold(ics: string): string[] {
  const out: string[] = [];
  for (const line of icalPhysicalLines(ics)) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (!out.length) throw new Error('continuation line first');
      out[out.length - 1] += line.slice(1);
    } else out.push(line);
  }
  return out;
}

/** Splits a content line into name, params and value (no quoted params needed here). */
export function parseIcalLine(line: string): IcalProperty {
  const colon = line.indexOf(':');
  if (colon < 0) throw new Error(`no colon: ${line}`);
  const [name, ...params] = line.slice(0, colon).split(';');
  return {
    name: name!,
    params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])),
    value: line.slice(colon + 1),
  };
}

/** TEXT unescaping (RFC 5545 §3.3.11). Throws on a bad escape or an unescaped , or ;. */
export function unescapeIcalText(v: string): string {
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '\\') {
      const n = v[++i];
      if (n === 'n' || n === 'N') out += '\n';
      else if (n === '\\' || n === ';' || n === ',') out += n;
      else throw new Error(`bad escape \\${n}`);
    } else if (c === ';' || c === ',') throw new Error(`unescaped ${c} in TEXT`);
    else out += c;
  }
  return out;
}

/** The VEVENTs of a calendar as lists of properties. */
export function icalEvents(ics: string): IcalProperty[][] {
  const events: IcalProperty[][] = [];
  let current: IcalProperty[] | null = null;
  for (const line of unfold(ics)) {
    const p = parseIcalLine(line);
    if (p.name === 'BEGIN' && p.value === 'VEVENT') current = [];
    else if (p.name === 'END' && p.value === 'VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) current.push(p);
  }
  return events;
}

export function prop(event: IcalProperty[], name: string): IcalProperty | undefined {
  return event.find((p) => p.name === name);
}
