// Atom 1.0 (RFC 4287) with RFC 5005 paging links (written by feed-xml.ts). A
// withdrawn event (no article reports it any more) is announced, while its posting
// lasts, as an RFC 6721 tombstone: <at:deleted-entry ref="<its entry id>" when="…"/>.
import { rfc3339 } from './dates.js';
import { xmlFeedInput } from './entries.js';
import { atomDocument } from './feed-xml.js';
import { eventFeedId, eventUrl } from './ids.js';
import type { FeedPage } from './types.js';

export function renderAtom(page: FeedPage): string {
  return atomDocument({
    ...xmlFeedInput(page),
    deleted: page.events
      .filter((e) => e.withdrawn)
      .map((e) => ({
        ref: eventFeedId(e.id),
        when: rfc3339(e.withdrawn!, e.modified),
        url: eventUrl(e.id, page),
      })),
  });
}
