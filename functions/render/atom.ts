// Atom 1.0 (RFC 4287) with RFC 5005 paging links, through the `feed` wrapper. A
// withdrawn event (no article reports it any more) is announced, while its posting
// lasts, as an RFC 6721 tombstone: <at:deleted-entry ref="<its entry id>" when="…"/>.
import { rfc3339 } from './dates.js';
import { feedEntry, feedMeta } from './entries.js';
import { escapeXmlAttr } from './escape.js';
import { atomWithFeedPackage } from './feed-package.js';
import { eventFeedId, eventUrl } from './ids.js';
import type { FeedPage } from './types.js';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';
export const TOMBSTONES_NS = 'http://purl.org/atompub/tombstones/1.0';

export function renderAtom(page: FeedPage): string {
  const xml = atomWithFeedPackage({
    meta: feedMeta(page),
    selfUrl: page.selfUrl,
    nextUrl: page.nextUrl,
    entries: page.events.filter((e) => !e.withdrawn).map((e) => feedEntry(e, page)),
  });
  const withdrawn = page.events.filter((e) => e.withdrawn);
  if (withdrawn.length === 0) return xml;
  const tombstones = withdrawn.map(
    (e) =>
      `<at:deleted-entry ref="${escapeXmlAttr(eventFeedId(e.id))}" when="${escapeXmlAttr(rfc3339(e.withdrawn!, e.modified))}">` +
      `<link rel="alternate" href="${escapeXmlAttr(eventUrl(e.id, page))}"/></at:deleted-entry>`,
  );
  const root = '<feed xmlns="http://www.w3.org/2005/Atom"';
  const end = xml.lastIndexOf('</feed>');
  if (!xml.includes(root) || end < 0) throw new Error('atom: no feed element to add tombstones to');
  return (
    xml.slice(0, end).replace(root, `${root} xmlns:at="${TOMBSTONES_NS}"`) +
    `${tombstones.join('\n')}\n` +
    xml.slice(end)
  );
}
