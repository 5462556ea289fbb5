// Query parameters that only say how a reader arrived (campaign tags and click ids). One
// list for every URL the project reads: an article's canonical URL drops them all and its
// source link the click ids (article-url.ts), and a feed or page URL ignores them
// (feed-query.ts), so a link shared with `?fbclid=…` or `?utm_source=…` is the same link. Its own
// module so that the feed function, which has no use for URL normalizing, bundles
// only the list. Pure.

/** Ids of one reader's click, visit or mailbox: personal, never shown to anyone else. */
export const CLICK_IDENTIFIERS: readonly string[] = [
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
];

/** Tags of the outlet's own campaign ("utm_source=rss"): part of the link as it published
 *  it, the same for every reader. */
export const CAMPAIGN_PARAMETERS: readonly (string | RegExp)[] = [/^utm_/i, 'mc_cid', 'zarsrc'];

export const TRACKING_PARAMETERS: readonly (string | RegExp)[] = [
  ...CAMPAIGN_PARAMETERS,
  ...CLICK_IDENTIFIERS,
];

const matches = (list: readonly (string | RegExp)[], name: string): boolean => {
  const lower = name.toLowerCase();
  return list.some((p) => (typeof p === 'string' ? p === lower : p.test(name)));
};

/** Whether a query parameter is one reader's click or visit id (names compared case-insensitively). */
export const isClickIdentifier = (name: string): boolean => matches(CLICK_IDENTIFIERS, name);

/** Whether a query parameter name is a tracking parameter (names compared case-insensitively). */
export const isTrackingParameter = (name: string): boolean => matches(TRACKING_PARAMETERS, name);
