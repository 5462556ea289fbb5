// The poller's only network I/O: polite HTTP GETs. One request at a time per host,
// with a pause between them (robots.txt Crawl-delay honoured); robots.txt read once
// per host per run and checked before every request, redirects included; a timeout
// over the whole exchange; bodies capped while they stream in; redirects followed by
// hand and bounded. The decisions are in politeness.ts; time and sleeping are injected.
import {
  hostDelay,
  isRedirect,
  redirectTarget,
  robotsAllow,
  robotsRules,
  robotsUrlOf,
  nextSlot,
  type PolitenessLimits,
  type RobotsRules,
} from './politeness.js';

export type Sleep = (ms: number) => Promise<void>;

export interface FetchedResponse {
  status: number;
  /** the final URL, after redirects */
  url: string;
  header(name: string): string | null;
  body: string;
}

/** A request that was not made or not accepted. `transient`: worth trying again later. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    message: string,
    readonly transient: boolean,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export interface GetOptions {
  maxBytes: number;
  /** conditional GET validators */
  etag?: string | null;
  lastModified?: string | null;
  /** refuse the response unless its Content-Type passes (checked before the body is read) */
  accept?: (contentType: string | null) => boolean;
}

export interface FetcherOptions {
  userAgent: string;
  limits: PolitenessLimits;
  sleep: Sleep;
  /** milliseconds, for the per-host pacing */
  now?: () => number;
  fetch?: typeof fetch;
}

interface Host {
  tail: Promise<void>;
  lastEnd: number | undefined;
  robots: Promise<RobotsRules> | undefined;
}

export class PoliteFetcher {
  private readonly hosts = new Map<string, Host>();
  private readonly now: () => number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: FetcherOptions) {
    this.now = options.now ?? Date.now;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** GET with robots.txt, pacing, bounded redirects, timeout and size cap. */
  async get(url: string, options: GetOptions): Promise<FetchedResponse> {
    let current = url;
    for (let hops = 0; ; hops++) {
      const rules = await this.robotsFor(current);
      if (!robotsAllow(rules, current)) {
        const why = rules.kind === 'disallow-all' ? rules.why : 'disallowed by robots.txt';
        throw new FetchError(`${current}: ${why}`, rules.kind === 'disallow-all');
      }
      const response = await this.paced(current, hostDelay(rules, this.options.limits), () =>
        this.once(current, options),
      );
      if (!isRedirect(response.status)) return response;
      const next = redirectTarget(current, response.header('location'), hops, this.options.limits);
      if ('refused' in next) throw new FetchError(`${url}: ${next.refused}`, false, response.status);
      current = next.url;
    }
  }

  private host(url: string): Host {
    const key = new URL(url).host;
    let host = this.hosts.get(key);
    if (!host) {
      host = { tail: Promise.resolve(), lastEnd: undefined, robots: undefined };
      this.hosts.set(key, host);
    }
    return host;
  }

  private robotsFor(url: string): Promise<RobotsRules> {
    const host = this.host(url);
    host.robots ??= this.readRobots(url);
    return host.robots;
  }

  private async readRobots(url: string): Promise<RobotsRules> {
    const robotsUrl = robotsUrlOf(url);
    try {
      const response = await this.paced(robotsUrl, this.options.limits.hostDelayMs, () =>
        this.once(robotsUrl, { maxBytes: this.options.limits.maxRobotsBytes }, 'follow'),
      );
      return robotsRules(robotsUrl, { status: response.status, body: response.body });
    } catch {
      return robotsRules(robotsUrl, null);
    }
  }

  /** Runs `request` when the host is free and its pause has passed. */
  private async paced<T>(url: string, delayMs: number, request: () => Promise<T>): Promise<T> {
    const host = this.host(url);
    const before = host.tail;
    let release!: () => void;
    host.tail = new Promise<void>((resolve) => (release = resolve));
    await before;
    try {
      const wait = nextSlot(host.lastEnd, delayMs, this.now()) - this.now();
      if (wait > 0) await this.options.sleep(wait);
      return await request();
    } finally {
      host.lastEnd = this.now();
      release();
    }
  }

  /** One HTTP exchange under the timeout, the body read up to the cap. */
  private async once(url: string, options: GetOptions, redirect: 'manual' | 'follow' = 'manual'): Promise<FetchedResponse> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.limits.timeoutMs);
    try {
      const headers: Record<string, string> = {
        'user-agent': this.options.userAgent,
        accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5',
      };
      if (options.etag) headers['if-none-match'] = options.etag;
      if (options.lastModified) headers['if-modified-since'] = options.lastModified;
      const response = await this.fetchImpl(url, { headers, redirect, signal: controller.signal });
      const header = (name: string) => response.headers.get(name);
      const done = (body: string): FetchedResponse => ({ status: response.status, url: response.url || url, header, body });
      if (isRedirect(response.status) || response.status === 304 || response.status >= 400) {
        await response.body?.cancel().catch(() => undefined);
        return done('');
      }
      if (options.accept && !options.accept(header('content-type'))) {
        await response.body?.cancel().catch(() => undefined);
        throw new FetchError(`${url}: refused content type ${header('content-type') ?? '(none)'}`, false, response.status);
      }
      const declared = Number(header('content-length') ?? NaN);
      if (declared > options.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new FetchError(`${url}: ${declared} bytes, over the ${options.maxBytes} cap`, false, response.status);
      }
      return done(await readCapped(response, options.maxBytes, url));
    } catch (error) {
      if (error instanceof FetchError) throw error;
      const why = controller.signal.aborted ? `timed out after ${this.options.limits.timeoutMs} ms` : errorText(error);
      throw new FetchError(`${url}: ${why}`, true);
    } finally {
      clearTimeout(timer);
    }
  }
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError(`${url}: body over the ${maxBytes}-byte cap`, false, response.status);
    }
    chunks.push(value);
  }
  return decode(Buffer.concat(chunks), response.headers.get('content-type'));
}

function decode(bytes: Uint8Array, contentType: string | null): string {
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
