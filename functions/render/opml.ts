// OPML 2.0 (http://opml.org/spec2.opml): the feeds a reader may import in one go, in
// the page's language — every event, the upcoming ones, visits, meetings, and the
// latest changes — each narrowed by the filters the OPML was asked with. Atom is the
// format listed (every reader takes it); the other formats are one link away on the
// home page. Pure: the same page gives the same bytes.
import { escapeXmlAttr } from './escape.js';
import { describeFilters, type FilterWords, feedTitle, renderLanguage, WORDS } from './text.js';
import type { FeedPage } from './types.js';

/** The feeds an OPML lists: the view's own filters plus one more each. */
const OUTLINES: readonly Partial<Pick<FilterWords, 'when' | 'order'> & { type: string }>[] = [
  {},
  { when: 'upcoming' },
  { type: 'visit' },
  { type: 'meeting' },
  { order: 'updated' },
];

export interface OpmlPage extends Pick<FeedPage, 'baseUrl' | 'lang'> {
  /** the filters the OPML was asked with (applied to every feed it lists) */
  filters: FilterWords;
}

function queryOf(filters: FilterWords, lang: string | null): string {
  const params = new URLSearchParams();
  if (filters.country.length) params.set('country', filters.country.join(','));
  if (filters.type.length) params.set('type', filters.type.join(','));
  if (filters.status) params.set('status', filters.status);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.when) params.set('when', filters.when);
  if (filters.order === 'updated') params.set('order', 'updated');
  if (lang) params.set('lang', lang);
  const q = params.toString();
  return q ? `?${q}` : '';
}

export function renderOpml(page: OpmlPage): string {
  const lang = renderLanguage(page);
  const base = page.baseUrl.replace(/\/+$/, '');
  const own = page.filters;
  const filtered =
    own.country.length > 0 || own.type.length > 0 || own.status || own.from || own.to || own.when;
  const outlines: string[] = [];
  const seen = new Set<string>();
  for (const extra of OUTLINES) {
    // the latest changes take no filter; a filter the view already has is not added twice
    if (extra.order && filtered) continue;
    if (extra.type && own.type.length > 0) continue;
    if (extra.when && own.when) continue;
    const filters: FilterWords = {
      ...own,
      ...(extra.type ? { type: [extra.type] } : {}),
      ...(extra.when ? { when: extra.when } : {}),
      ...(extra.order ? { order: extra.order } : {}),
    };
    const query = queryOf(filters, page.lang);
    if (seen.has(query)) continue;
    seen.add(query);
    const title = feedTitle({ lang: page.lang, filterLabel: describeFilters(filters, lang) });
    outlines.push(
      `<outline type="rss" text="${escapeXmlAttr(title)}" title="${escapeXmlAttr(title)}" xmlUrl="${escapeXmlAttr(`${base}/feeds/atom.xml${query}`)}" htmlUrl="${escapeXmlAttr(`${base}/${query}`)}" language="${lang}"/>`,
    );
  }
  const title = feedTitle({ lang: page.lang, filterLabel: describeFilters(own, lang) });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    `<head><title>${escapeXmlAttr(title)}</title><ownerName>${escapeXmlAttr(WORDS[lang].author)}</ownerName><docs>http://opml.org/spec2.opml</docs></head>`,
    '<body>',
    ...outlines,
    '</body>',
    '</opml>',
    '',
  ].join('\n');
}
