// The article as POST /articles receives it (CONTRACT.md §2).
import * as z from 'zod/mini';
import { languageOf } from '../text/language.js';
import { cleanInput, withoutInvisible } from '../text/unicode.js';
import { canonicalArticleUrl, hasCredentials, sourceUrl } from './article-url.js';

export const MAX_TEXT_CHARS = 200_000;

// RFC 3339 date-time (with offset) or full date.
const RFC3339 =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d))?$/;

// C0 controls other than tab, line feed and carriage return: no article needs them,
// and XML cannot carry them.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** 2026-02-30 matches the pattern but names no day. */
function isRealDate(s: string): boolean {
  const [y, m, d] = [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCMonth() === m - 1 && day.getUTCDate() === d && !Number.isNaN(Date.parse(s));
}

const EARLIEST_PUBLICATION = Date.UTC(1900, 0, 1);
const YEAR_MS = 366 * 86_400_000;

/** Relative dates in the text resolve against publishedAt: a year 0000 or 9999 would
 *  put its events at the end of every feed for good. */
function isPlausiblePublication(s: string): boolean {
  const t = Date.parse(s);
  return t >= EARLIEST_PUBLICATION && t <= Date.now() + YEAR_MS;
}

/** A DNS name of labels (letters, digits, inner hyphens; at most 63 characters each) under a
 *  top-level label of letters, at most 253 characters in all, fully qualified or not (a
 *  trailing dot: "vovworld.vn.", which outlets' own links carry): no IP literal, no
 *  single-label host. Written here rather than taken from `z.regexes`, whose namespace of
 *  ~40 patterns the bundles would then carry whole (~6.5 KB). */
const DOMAIN_NAME = /^(?=.{1,253}\.?$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?$/i;

const httpUrl = z.url({ protocol: /^https?$/, hostname: DOMAIN_NAME });

const optionalText = (max: number) =>
  z.optional(
    z.nullable(
      z.string().check(
        z.maxLength(max),
        z.refine((s) => !CONTROL.test(s), 'must not contain control characters'),
      ),
    ),
  );

export const ArticleInput = z.object({
  url: z.optional(
    z.nullable(
      httpUrl.check(
        z.maxLength(2048),
        z.refine((u) => !hasCredentials(u), 'must not contain a user name or password'),
      ),
    ),
  ),
  title: optionalText(1000),
  publishedAt: z
    .string()
    .check(
      z.regex(RFC3339, 'must be an RFC 3339 date or date-time'),
      z.refine(isRealDate, 'is not a real date'),
      z.refine(
        isPlausiblePublication,
        'is not a plausible publication date (1900 to a year from now)',
      ),
    ),
  language: z.optional(z.nullable(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/)))),
  source: optionalText(200),
  text: z.string().check(
    z.minLength(1),
    z.maxLength(MAX_TEXT_CHARS),
    z.refine((s) => withoutInvisible(s).trim().length > 0, 'must not be blank'),
    z.refine((s) => !CONTROL.test(s), 'must not contain control characters'),
  ),
});
export type ArticleInput = z.infer<typeof ArticleInput>;

/**
 * An accepted article, with the defaults filled in. Its title, outlet and text are
 * stored clean (text/unicode.ts): lone surrogates become U+FFFD, and bidirectional
 * controls and zero-width characters are removed, so no title, name or place read
 * from it carries them. `url` is the link as it was given,
 * less its fragment and tracking parameters (what its sources show, so an integrator finds
 * the link it posted); `canonicalUrl` is the same link in canonical form, which identifies
 * the article.
 */
export interface Article {
  url: string | null;
  canonicalUrl: string | null;
  title: string | null;
  publishedAt: string;
  language: string;
  source: string | null;
  text: string;
}

export function toArticle(input: ArticleInput): Article {
  return {
    url: input.url ? sourceUrl(input.url) : null,
    canonicalUrl: input.url ? canonicalArticleUrl(input.url) : null,
    title: input.title == null ? null : cleanInput(input.title),
    publishedAt: input.publishedAt,
    language: languageOf(input.language, input.text),
    source: input.source == null ? null : cleanInput(input.source),
    text: cleanInput(input.text),
  };
}
