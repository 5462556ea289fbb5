// RSS 2.0 with atom:link self/next (written by feed-xml.ts).
import { xmlFeedInput } from './entries.js';
import { rssDocument } from './feed-xml.js';
import type { FeedPage } from './types.js';

export function renderRss(page: FeedPage): string {
  return rssDocument(xmlFeedInput(page));
}
