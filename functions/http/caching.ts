// HTTP validators for the feeds, decided from the store's change metadata alone:
// a poll that finds nothing new costs one small read and no rendering.
import { createHash } from 'node:crypto';

/** Raise when a release changes what the same data renders to, so caches refetch. */
export const REPRESENTATION_VERSION = '2';

export const FEED_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';

const EPOCH = '1970-01-01T00:00:00.000Z';

export interface Validators {
  etag: string;
  lastModified: string;
}

/** What a representation's validators come from: a change marker of the data it
 *  shows (a version or token) and when that data last changed. */
export interface ChangeMarker {
  version: string | number;
  modified: string;
}

/** The ETag names the data's change marker and the exact representation asked for. */
export function validatorsFor(marker: ChangeMarker | null, representation: string): Validators {
  const digest = createHash('sha256')
    .update(`${REPRESENTATION_VERSION}\n${marker?.version ?? 0}\n${representation}`)
    .digest('base64url')
    .slice(0, 22);
  return {
    etag: `"${digest}"`,
    lastModified: new Date(marker?.modified ?? EPOCH).toUTCString(),
  };
}

/** One marker for several feed views (a page that merges them): changed when any is. */
export function combineMarkers(markers: readonly (ChangeMarker | null)[]): ChangeMarker {
  const known = markers.filter((m): m is ChangeMarker => m !== null);
  return {
    version: markers.map((m) => (m ? String(m.version) : '-')).join(' '),
    // biome-ignore lint/complexity/useMathMinMax: ISO timestamps compare as text
    modified: known.reduce((latest, m) => (m.modified > latest ? m.modified : latest), EPOCH),
  };
}

/** RFC 9110 §13.1.2 and §13.1.3: If-None-Match (weak comparison) wins over
 *  If-Modified-Since, which compares at one-second resolution. */
export function notModified(
  validators: Validators,
  ifNoneMatch: string | undefined,
  ifModifiedSince: string | undefined,
): boolean {
  if (ifNoneMatch !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    const ours = opaque(validators.etag);
    return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === ours);
  }
  if (ifModifiedSince !== undefined) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Date.parse(validators.lastModified) <= since;
  }
  return false;
}
