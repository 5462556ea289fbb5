// Query parameters that only say how a reader arrived (campaign and click ids). One
// list for every URL the project reads: an article's canonical URL and its source
// link drop them (article-url.ts), and a feed or page URL ignores them (feed-query.ts),
// so a link shared with `?fbclid=…` or `?utm_source=…` is the same link. Its own
// module so that the feed function, which has no use for URL normalizing, bundles
// only the list. Pure.

export const TRACKING_PARAMETERS: readonly (string | RegExp)[] = [
  /^utm_/i,
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'zarsrc',
];

/** Whether a query parameter name is a tracking parameter (names compared case-insensitively). */
export function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMETERS.some((p) => (typeof p === 'string' ? p === lower : p.test(name)));
}
