// RSS 2.0 with atom:link self/next, through the `feed` wrapper.
import { feedEntry, feedMeta } from './entries.js';
import { rssWithFeedPackage } from './feed-package.js';
import type { FeedPage } from './types.js';

export function renderRss(page: FeedPage): string {
  return rssWithFeedPackage({
    meta: feedMeta(page),
    selfUrl: page.selfUrl,
    nextUrl: page.nextUrl,
    entries: page.events.filter((e) => !e.withdrawn).map((e) => feedEntry(e, page)),
  });
}
