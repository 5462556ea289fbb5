// RSS 2.0 with atom:link self/next (written by feed-xml.ts).
import { feedEntry, feedMeta } from './entries.js';
import { rssDocument } from './feed-xml.js';
import type { FeedPage } from './types.js';

export function renderRss(page: FeedPage): string {
  return rssDocument({
    meta: feedMeta(page),
    selfUrl: page.selfUrl,
    nextUrl: page.nextUrl,
    entries: page.events.filter((e) => !e.withdrawn).map((e) => feedEntry(e, page)),
  });
}
