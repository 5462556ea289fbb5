// The source list: the outlets' section feeds the poller follows. Kept in the
// repository as sources/sources.json (overridable per stage, see infra/constructs/poller.ts) and
// handed to the poller as the SOURCES environment variable, validated here both at
// synth time and when the function starts.
import * as z from 'zod/mini';

const httpUrl = z.url({ protocol: /^https?$/ });

function isRegex(s: string): boolean {
  try {
    new RegExp(s, 'u');
    return true;
  } catch {
    return false;
  }
}

export const Source = z.object({
  /** unique, short: it names the source's state item and appears in logs and metrics */
  name: z
    .string()
    .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/, 'letters, digits, space . _ - (1–64)')),
  /** an RSS 2.0 or Atom 1.0 feed */
  feedUrl: httpUrl,
  /** BCP 47 language of its articles (ArticleInput.language) */
  language: z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/)),
  /** optional: only item links matching this regular expression are fetched */
  urlFilter: z.optional(z.string().check(z.refine(isRegex, 'must be a valid regular expression'))),
  /** hosts besides the page's own whose <link rel="canonical"> is trusted (the outlet's
   *  main host when pages are served from m., amp. or a CDN host) */
  canonicalHosts: z.optional(z.array(z.string().check(z.regex(/^[a-z0-9.-]{1,253}$/)))),
  /** the outlet's name as articles record it (ArticleInput.source); default `name` */
  outlet: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
export type Source = z.infer<typeof Source>;

export const SourceList = z
  .array(Source)
  .check(
    z.refine(
      (list) => new Set(list.map((s) => s.name)).size === list.length,
      'source names must be unique',
    ),
  );
export type SourceList = z.infer<typeof SourceList>;

/** Parses a source list from JSON text; throws with the offending fields named. */
export function parseSources(json: string, origin = 'sources'): SourceList {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new Error(
      `${origin}: not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const parsed = SourceList.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(list)'}: ${i.message}`)
      .join('; ');
    throw new Error(`${origin}: invalid source list: ${detail}`);
  }
  return parsed.data;
}
