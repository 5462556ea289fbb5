// Whose government published an article: a readout on a government's own site ("the Foreign
// Minister held a meeting with Chilean Foreign Minister B" on Japan's) writes of its own
// principals by office alone. Read from the article's host name only: never from its text.
import publishers from './data/publishers.json' with { type: 'json' };
import type { PublisherTable } from './table-schemas.js';

const TABLE = publishers as PublisherTable;
const LABELS = new Set(TABLE.governmentLabels);
/** How many labels a government site's domain has at most ("lamoncloa.gob.es": 3). */
const MAX_SITE_LABELS = 3;

/** The country whose government's site `url` is on, or null (not a government's, or no URL). */
export function publisherCountry(url: string | null): string | null {
  if (url === null) return null;
  let labels: string[];
  try {
    labels = new URL(url).hostname.toLowerCase().split('.');
  } catch {
    return null;
  }
  for (let n = Math.min(MAX_SITE_LABELS, labels.length); n >= 1; n--) {
    const site = TABLE.governmentSites[labels.slice(-n).join('.')];
    if (site !== undefined) return site;
  }
  const [label, domain] = labels.slice(-2);
  if (label === undefined || domain === undefined || !LABELS.has(label) || domain.length !== 2)
    return null;
  return TABLE.countryDomains[domain] ?? domain.toUpperCase();
}
