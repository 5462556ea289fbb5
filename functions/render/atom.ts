// Atom 1.0 (RFC 4287) with RFC 5005 paging links, through the `feed` wrapper.
import { feedEntry, feedMeta } from './entries.js';
import { atomWithFeedPackage } from './feed-package.js';
import type { FeedPage } from './types.js';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

export function renderAtom(page: FeedPage): string {
  return atomWithFeedPackage({
    meta: feedMeta(page),
    selfUrl: page.selfUrl,
    nextUrl: page.nextUrl,
    entries: page.events.map((e) => feedEntry(e, page)),
  });
}
