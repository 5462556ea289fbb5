// The poller's only network I/O: polite HTTP GETs. One request at a time per host,
// with a pause between them (robots.txt Crawl-delay honoured); robots.txt read once
// per host per run and checked before every request, redirects included; a timeout
// over the whole exchange; bodies capped while they stream in; redirects followed by
// hand and bounded. Every request, each redirect hop and robots.txt included, passes
// the outbound guard first (outbound.ts): its host is resolved once, every address
// checked, and the connection made to the checked one (http-transport.ts). The
// decisions are in politeness.ts and outbound.ts; time, sleeping, DNS and the
// transport are injected.
import { lookup } from 'node:dns/promises';
import { nodeTransport, type ResolvedAddress, type Transport } from './http-transport.js';
import { addressVerdict, type OutboundPolicy, urlVerdict } from './outbound.js';
import {
  hostDelay,
  isRedirect,
  nextSlot,
  type PolitenessLimits,
  type RobotsRules,
  redirectTarget,
  robotsAllow,
  robotsRules,
  robotsUrlOf,
} from './politeness.js';

export type Sleep = (ms: number) => Promise<void>;

/** A host name's addresses (the system resolver unless a test injects its own). */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolve: Resolve = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/** A URL the guard let through, and the address to connect to. */
interface Admitted {
  url: string;
  to: ResolvedAddress;
}

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
  /** where requests may go */
  policy: OutboundPolicy;
  resolve?: Resolve;
  transport?: Transport;
}

interface Host {
  tail: Promise<void>;
  lastEnd: number | undefined;
  robots: Promise<RobotsRules> | undefined;
}

export class PoliteFetcher {
  private readonly hosts = new Map<string, Host>();
  private readonly now: () => number;
  private readonly resolve: Resolve;
  private readonly transport: Transport;

  constructor(private readonly options: FetcherOptions) {
    this.now = options.now ?? Date.now;
    this.resolve = options.resolve ?? systemResolve;
    this.transport = options.transport ?? nodeTransport;
  }

  /** GET with the outbound guard, robots.txt, pacing, bounded redirects, timeout and size cap. */
  async get(url: string, options: GetOptions): Promise<FetchedResponse> {
    let current = url;
    for (let hops = 0; ; hops++) {
      const target = await this.admit(current);
      const rules = await this.robotsFor(current);
      if (!robotsAllow(rules, current)) {
        const why = rules.kind === 'disallow-all' ? rules.why : 'disallowed by robots.txt';
        throw new FetchError(
          `${current}: ${why}`,
          rules.kind === 'disallow-all' && rules.transient,
        );
      }
      const response = await this.paced(current, hostDelay(rules, this.options.limits), () =>
        this.once(target, options),
      );
      if (!isRedirect(response.status)) return response;
      const next = redirectTarget(current, response.header('location'), hops, this.options.limits);
      if ('refused' in next)
        throw new FetchError(`${url}: ${next.refused}`, false, response.status);
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

  /**
   * The guard: the URL's scheme and host, then every address its host resolves to
   * (one lookup, under the request timeout); the first address is the one connected to.
   * A refusal is permanent (the item is skipped with the reason); a failed lookup is not.
   */
  private async admit(url: string): Promise<Admitted> {
    const { policy } = this.options;
    const verdict = urlVerdict(url, policy);
    if ('refused' in verdict) throw new FetchError(`${url}: refused: ${verdict.refused}`, false);
    let addresses: ResolvedAddress[];
    if (verdict.address !== null) {
      addresses = [{ address: verdict.address, family: verdict.address.includes(':') ? 6 : 4 }];
    } else {
      try {
        addresses = await withTimeout(
          this.resolve(verdict.url.hostname),
          this.options.limits.timeoutMs,
        );
      } catch (error) {
        throw new FetchError(
          `${url}: ${verdict.url.hostname} not resolved: ${errorText(error)}`,
          true,
        );
      }
    }
    if (addresses.length === 0)
      throw new FetchError(`${url}: ${verdict.url.hostname} has no address`, true);
    // getaddrinfo answers a handful of addresses: all are checked
    const refused = addressVerdict(
      verdict.url,
      addresses.map((a) => a.address),
      policy,
    );
    if (refused) throw new FetchError(`${url}: refused: ${refused}`, false);
    return { url, to: addresses[0]! };
  }

  /**
   * robots.txt, its redirects followed (at most maxRedirects, RFC 9309 asks for 5),
   * each hop through the guard. A hop the guard refuses blocks the host for good (its
   * items are skipped with the reason); an unreachable robots.txt blocks it for this run.
   */
  private async readRobots(url: string): Promise<RobotsRules> {
    const robotsUrl = robotsUrlOf(url);
    let current = robotsUrl;
    try {
      for (let hops = 0; ; hops++) {
        const target = await this.admit(current);
        const response = await this.paced(current, this.options.limits.hostDelayMs, () =>
          this.once(target, { maxBytes: this.options.limits.maxRobotsBytes }),
        );
        if (!isRedirect(response.status))
          return robotsRules(robotsUrl, { status: response.status, body: response.body });
        const next = redirectTarget(
          current,
          response.header('location'),
          hops,
          this.options.limits,
        );
        if ('refused' in next) return robotsRules(robotsUrl, null);
        current = next.url;
      }
    } catch (error) {
      if (error instanceof FetchError && !error.transient) {
        return { kind: 'disallow-all', why: `robots.txt: ${error.message}`, transient: false };
      }
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
  private async once(target: Admitted, options: GetOptions): Promise<FetchedResponse> {
    const { url } = target;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.limits.timeoutMs);
    try {
      const headers: Record<string, string> = {
        'user-agent': this.options.userAgent,
        accept:
          'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5',
      };
      if (options.etag) headers['if-none-match'] = options.etag;
      if (options.lastModified) headers['if-modified-since'] = options.lastModified;
      const response = await this.transport({
        url: new URL(url),
        to: target.to,
        headers,
        signal: controller.signal,
      });
      const header = (name: string) => response.headers.get(name);
      const done = (body: string): FetchedResponse => ({
        status: response.status,
        url,
        header,
        body,
      });
      if (isRedirect(response.status) || response.status === 304 || response.status >= 400) {
        await response.body?.cancel().catch(() => undefined);
        return done('');
      }
      if (options.accept && !options.accept(header('content-type'))) {
        await response.body?.cancel().catch(() => undefined);
        throw new FetchError(
          `${url}: refused content type ${header('content-type') ?? '(none)'}`,
          false,
          response.status,
        );
      }
      const declared = Number(header('content-length') ?? NaN);
      if (declared > options.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new FetchError(
          `${url}: ${declared} bytes, over the ${options.maxBytes} cap`,
          false,
          response.status,
        );
      }
      return done(await readCapped(response, options.maxBytes, url));
    } catch (error) {
      if (error instanceof FetchError) throw error;
      const why = controller.signal.aborted
        ? `timed out after ${this.options.limits.timeoutMs} ms`
        : errorText(error);
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

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
