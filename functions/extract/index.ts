// The extractor's public entry: an article in, its bilateral diplomatic events out.
// Pure and deterministic: no I/O, no clock; the same article always gives the same list.
import type { Article } from '../domain/article.js';
import type { ExtractedEvent } from '../domain/event.js';
import { primaryLanguage } from '../text/language.js';
import { extractFromArticle } from './events.js';
import { LANGUAGES, profileOf } from './languages.js';

/** The languages the extractor has tables for. */
export const EXTRACTED_LANGUAGES: readonly string[] = LANGUAGES.map((l) => l.code);

export function readsLanguage(language: string): boolean {
  return EXTRACTED_LANGUAGES.includes(primaryLanguage(language));
}

/**
 * The visits and meetings an article reports, each once. Visits come before the meetings
 * that took place during them (`partOf` is the visit's index in the returned array).
 */
export function extractEvents(article: Article): ExtractedEvent[] {
  if (typeof article.text !== 'string' || article.text.trim().length === 0) return [];
  const profile = profileOf(primaryLanguage(article.language));
  if (profile === undefined) return [];
  return extractFromArticle(article, profile);
}
