// Rendered pages kept in memory, in the local server and in a warm Lambda alike.
//
// A page is stored under its representation (format, canonical URL with cursor and
// language, public origin) together with the ETag it was rendered under; the ETag is
// a digest of the change markers of the feed views the page read (caching.ts). A
// request whose markers give the same ETag is answered from here: no event read, no
// render. When a marker moves, the ETag moves, the stored page no longer matches and
// is replaced by the next render. The cache is bounded in bytes, least recently used
// first out; compressed variants count too.
//
// The markers themselves may be read from a short-lived memo (MarkerMemo): at most
// `ttlMs` old (a second in Lambda, where another function ingests), and dropped at
// once when an ingest in this very process changed the store (the local server).
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

/** Default bound of the page cache: 1,024 MB functions keep at most this much. */
export const PAGE_CACHE_BYTES = 32 * 1024 * 1024;
/** How long change markers read from the store may be reused. */
export const MARKER_TTL_MS = 1000;
/** Bodies below this size are sent as they are (a 304 or a problem never gets here). */
export const COMPRESS_MIN_BYTES = 1024;

export type Coding = 'identity' | 'gzip' | 'br';

export interface CachedPage {
  etag: string;
  lastModified: string;
  contentType: string;
  body: Buffer;
  /** compressed variants, made on first demand */
  gzip?: Buffer;
  br?: Buffer;
}

/** A byte-bounded LRU of rendered pages. */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;
  /** renders under way, by representation and ETag: concurrent misses render once */
  private readonly rendering = new Map<string, Promise<CachedPage>>();

  constructor(readonly maxBytes: number = PAGE_CACHE_BYTES) {}

  get size(): number {
    return this.pages.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }

  /** The page stored for this representation, if it was rendered under `etag`. */
  get(key: string, etag: string): CachedPage | null {
    const page = this.pages.get(key);
    if (!page) return null;
    if (page.etag !== etag) {
      // rendered under markers that have moved since: never served again
      this.delete(key);
      return null;
    }
    // most recently used last
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  /** The page for this representation under `etag`: from memory, from a render
   *  already under way, or from `render` (then kept). */
  async obtain(key: string, etag: string, render: () => Promise<CachedPage>): Promise<CachedPage> {
    const have = this.get(key, etag);
    if (have) return have;
    return shared(this.rendering, `${etag}\n${key}`, () =>
      render().then((page) => {
        this.set(key, page);
        return page;
      }),
    );
  }

  set(key: string, page: CachedPage): void {
    this.delete(key);
    const size = sizeOf(key, page);
    if (size > this.maxBytes) return;
    this.pages.set(key, page);
    this.bytes += size;
    this.evict();
  }

  /** The body in the coding asked for, compressed once and kept with the page. */
  encoded(key: string, page: CachedPage, coding: Coding): Buffer {
    if (coding === 'identity') return page.body;
    const have = page[coding];
    if (have) return have;
    const made = compress(page.body, coding);
    page[coding] = made;
    if (this.pages.get(key) === page) {
      this.bytes += made.byteLength;
      this.evict();
    }
    return made;
  }

  private delete(key: string): void {
    const old = this.pages.get(key);
    if (!old) return;
    this.pages.delete(key);
    this.bytes -= sizeOf(key, old);
  }

  private evict(): void {
    for (const key of this.pages.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(key);
    }
  }
}

function sizeOf(key: string, page: CachedPage): number {
  return (
    key.length * 2 +
    page.etag.length * 2 +
    page.body.byteLength +
    (page.gzip?.byteLength ?? 0) +
    (page.br?.byteLength ?? 0) +
    200
  );
}

export function compress(body: Buffer, coding: Exclude<Coding, 'identity'>): Buffer {
  return coding === 'gzip'
    ? gzipSync(body, { level: 6 })
    : brotliCompressSync(body, {
        params: {
          // quality 5: most of brotli's gain over gzip at a fraction of quality 11's time
          [zlib.BROTLI_PARAM_QUALITY]: 5,
          [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
          [zlib.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      });
}

/** The content coding to answer with (RFC 9110 §12.5.3): br, else gzip, when the
 *  client accepts it with a non-zero weight; identity otherwise. */
export function negotiateCoding(acceptEncoding: string | undefined, bytes: number): Coding {
  if (!acceptEncoding || bytes < COMPRESS_MIN_BYTES) return 'identity';
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)).find(Boolean);
    weights.set(name.trim(), q ? Number(q[1]) : 1);
  }
  const weight = (coding: string) =>
    weights.get(coding) ?? (weights.has('*') ? weights.get('*')! : 0);
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return 'identity';
}

/** One promise per key while it is under way: callers that come meanwhile share it
 *  (concurrent misses of one page render it once, concurrent reads of one marker set
 *  read once), and the key is free again once it settles. */
async function shared<T>(
  flights: Map<string, Promise<T>>,
  key: string,
  start: () => Promise<T>,
): Promise<T> {
  const under = flights.get(key);
  if (under) return under;
  const made = start();
  flights.set(key, made);
  try {
    return await made;
  } finally {
    flights.delete(key);
  }
}

/** Change markers read from the store, reused for at most `ttlMs`. */
export class MarkerMemo<T> {
  private readonly memo = new Map<string, { at: number; value: T }>();
  /** reads under way: requests that arrive meanwhile wait for the same read */
  private readonly pending = new Map<string, Promise<T>>();
  /** raised by every local change; a read begun before one is not kept */
  private generation = 0;

  constructor(
    readonly ttlMs: number = MARKER_TTL_MS,
    private readonly now: () => number = () => performance.now(),
    private readonly maxEntries = 1000,
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const at = this.now();
    const hit = this.memo.get(key);
    if (hit && at - hit.at < this.ttlMs) return hit.value;
    const generation = this.generation;
    return shared(this.pending, `${generation}\n${key}`, () =>
      load().then((value) => {
        if (generation === this.generation) {
          this.memo.delete(key);
          this.memo.set(key, { at, value });
          if (this.memo.size > this.maxEntries) this.memo.delete(this.memo.keys().next().value!);
        }
        return value;
      }),
    );
  }

  /** Something in this process changed the store: forget every marker read so far. */
  changed(): void {
    this.generation++;
    this.memo.clear();
    this.pending.clear();
  }
}
