// The polite fetcher (functions/poll/fetcher.ts) over a scripted transport and
// resolver (every host a public address; nothing leaves the process): robots.txt
// read once per host and checked before every request, redirects included; pacing
// per host with an injected clock and sleep (nothing here waits); caps and refusals.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FetchError, PoliteFetcher } from '../../functions/poll/fetcher.js';
import type { Transport } from '../../functions/poll/http-transport.js';
import { outboundPolicy } from '../../functions/poll/outbound.js';
import { DEFAULT_LIMITS, isFeedType, isHtml } from '../../functions/poll/politeness.js';

/** A public address, never connected to: the transport is scripted. */
const PUBLIC = { address: '93.184.215.14', family: 4 as const };
const publicResolve = async () => [PUBLIC];
const scripted =
  (f: (url: string, init: RequestInit) => Promise<Response>): Transport =>
  ({ url, headers, signal }) =>
    f(url.href, { headers, signal });

type Answer =
  | { status?: number; body?: string; headers?: Record<string, string> }
  | 'hang'
  | 'network-error';

function web(
  routes: Record<string, Answer | ((n: number) => Answer)>,
  opts: {
    hostDelayMs?: number;
    requestMs?: number;
    maxRedirects?: number;
    timeoutMs?: number;
  } = {},
) {
  let t = 0;
  const sleeps: number[] = [];
  const log: { url: string; at: number; headers: Record<string, string> }[] = [];
  const hits = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchImpl = async (url: string, init?: RequestInit) => {
    log.push({ url, at: t, headers: { ...(init?.headers as Record<string, string>) } });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await Promise.resolve();
      t += opts.requestMs ?? 100;
      const n = (hits.get(url) ?? 0) + 1;
      hits.set(url, n);
      const route = routes[url];
      const answer =
        typeof route === 'function' ? route(n) : (route ?? { status: 404, body: 'not found' });
      if (answer === 'network-error')
        throw new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') });
      if (answer === 'hang') {
        return await new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          );
        });
      }
      const status = answer.status ?? 200;
      return new Response(status === 304 ? null : (answer.body ?? ''), {
        status,
        headers: { 'content-type': 'text/html', ...answer.headers },
      });
    } finally {
      inFlight--;
    }
  };
  const fetcher = new PoliteFetcher({
    userAgent: 'diplomacy-feed-poller/1.0.0 (+https://example.org/crawler)',
    limits: {
      ...DEFAULT_LIMITS,
      hostDelayMs: opts.hostDelayMs ?? 1_000,
      maxPageBytes: 1_000,
      maxRedirects: opts.maxRedirects ?? 2,
      timeoutMs: opts.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
    },
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    now: () => t,
    policy: outboundPolicy([]),
    resolve: publicResolve,
    transport: scripted(fetchImpl),
  });
  return {
    fetcher,
    sleeps,
    log,
    urls: () => log.map((l) => l.url),
    maxInFlight: () => maxInFlight,
  };
}

const A = 'https://a.example';
const B = 'https://b.example';
const robots = (body: string): Answer => ({
  status: 200,
  body,
  headers: { 'content-type': 'text/plain' },
});
const page = (body = '<p>x</p>'): Answer => ({ status: 200, body });
const get = (
  f: PoliteFetcher,
  url: string,
  extra: Parameters<PoliteFetcher['get']>[1] extends infer O ? Partial<O> : never = {},
) => f.get(url, { maxBytes: 1_000, accept: isHtml, ...extra });

afterEach(() => {
  vi.useRealTimers();
});

describe('robots.txt', () => {
  it('is read once per host, before the first request, and a disallowed URL is never requested', async () => {
    const w = web({
      [`${A}/robots.txt`]: robots('User-agent: *\nDisallow: /private/\n'),
      [`${A}/1`]: page(),
      [`${A}/2`]: page(),
    });
    await get(w.fetcher, `${A}/1`);
    await get(w.fetcher, `${A}/2`);
    const denied = await get(w.fetcher, `${A}/private/3`).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(FetchError);
    expect((denied as FetchError).message).toMatch(/disallowed by robots\.txt/);
    expect((denied as FetchError).transient).toBe(false);
    expect(w.urls()).toEqual([`${A}/robots.txt`, `${A}/1`, `${A}/2`]);
    expect(
      w.log.every((l) => l.headers['user-agent']?.startsWith('diplomacy-feed-poller/1.0.0')),
    ).toBe(true);
  });

  it('a 404 robots.txt allows everything; a 5xx or unreachable one blocks the host (transient)', async () => {
    const w = web({
      [`${A}/robots.txt`]: { status: 404 },
      [`${A}/1`]: page(),
      [`${B}/robots.txt`]: { status: 503 },
      [`${B}/1`]: page(),
    });
    expect((await get(w.fetcher, `${A}/1`)).status).toBe(200);
    const blocked = (await get(w.fetcher, `${B}/1`).catch((e: unknown) => e)) as FetchError;
    expect(blocked.message).toMatch(/robots\.txt answered 503/);
    expect(blocked.transient).toBe(true);
    const w2 = web({ [`${A}/robots.txt`]: 'network-error', [`${A}/1`]: page() });
    const unreachable = (await get(w2.fetcher, `${A}/1`).catch((e: unknown) => e)) as FetchError;
    expect(unreachable.message).toMatch(/robots\.txt unreachable/);
    expect(w.urls()).not.toContain(`${B}/1`);
    expect(w2.urls()).toEqual([`${A}/robots.txt`]);
  });

  it('each redirect target is checked against its own host’s robots.txt', async () => {
    const w = web({
      [`${A}/robots.txt`]: robots('User-agent: *\nDisallow: /private/\n'),
      [`${A}/moved`]: { status: 301, headers: { location: '/private/x' } },
      [`${A}/away`]: { status: 302, headers: { location: `${B}/article` } },
      [`${B}/robots.txt`]: robots('User-agent: diplomacy-feed-poller\nDisallow: /\n'),
    });
    await expect(get(w.fetcher, `${A}/moved`)).rejects.toThrow(
      /private\/x: disallowed by robots\.txt/,
    );
    await expect(get(w.fetcher, `${A}/away`)).rejects.toThrow(/b\.example\/article: disallowed/);
    expect(w.urls()).toEqual([`${A}/robots.txt`, `${A}/moved`, `${A}/away`, `${B}/robots.txt`]);
  });
});

describe('pacing (injected clock)', () => {
  it('one request at a time per host, each starting the pause after the previous one ended', async () => {
    const w = web(
      {
        [`${A}/robots.txt`]: { status: 404 },
        [`${A}/1`]: page(),
        [`${A}/2`]: page(),
        [`${A}/3`]: page(),
      },
      { hostDelayMs: 1_000, requestMs: 100 },
    );
    await Promise.all([
      get(w.fetcher, `${A}/1`),
      get(w.fetcher, `${A}/2`),
      get(w.fetcher, `${A}/3`),
    ]);
    expect(w.maxInFlight()).toBe(1);
    // robots.txt ends at 100; /1 starts at 1100, ends 1200; /2 at 2200; /3 at 3300
    expect(w.log.map((l) => l.at)).toEqual([0, 1_100, 2_200, 3_300]);
    expect(w.sleeps).toEqual([1_000, 1_000, 1_000]);
  });

  it('honours a Crawl-delay longer than the default pause', async () => {
    const w = web({
      [`${A}/robots.txt`]: robots('User-agent: *\nCrawl-delay: 7\n'),
      [`${A}/1`]: page(),
      [`${A}/2`]: page(),
    });
    await get(w.fetcher, `${A}/1`);
    await get(w.fetcher, `${A}/2`);
    expect(w.sleeps).toEqual([7_000, 7_000]);
  });

  it('does not hold one host’s requests behind another’s', async () => {
    const w = web(
      {
        [`${A}/robots.txt`]: { status: 404 },
        [`${B}/robots.txt`]: { status: 404 },
        [`${A}/1`]: page(),
        [`${B}/1`]: page(),
      },
      { hostDelayMs: 1_000, requestMs: 100 },
    );
    await Promise.all([get(w.fetcher, `${A}/1`), get(w.fetcher, `${B}/1`)]);
    // both robots.txt at once, then each host's page after its own pause
    expect(w.log.slice(0, 2).map((l) => [l.url, l.at])).toEqual([
      [`${A}/robots.txt`, 0],
      [`${B}/robots.txt`, 0],
    ]);
    expect(w.maxInFlight()).toBe(2);
    expect(w.sleeps.every((ms) => ms <= 1_000)).toBe(true);
  });
});

describe('the outbound guard, in the fetcher', () => {
  function guarded(dns: Record<string, string>) {
    const requested: string[] = [];
    const lookedUp: string[] = [];
    const fetcher = new PoliteFetcher({
      userAgent: 'x',
      limits: { ...DEFAULT_LIMITS, maxPageBytes: 1_000 },
      sleep: async () => {},
      policy: outboundPolicy([]),
      resolve: async (host) => {
        lookedUp.push(host);
        const address = dns[host];
        if (!address) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
        return [{ address, family: address.includes(':') ? 6 : 4 }];
      },
      transport: scripted(async (url) => {
        requested.push(url);
        if (url.endsWith('/robots.txt')) return new Response('', { status: 404 });
        if (url === `${A}/moved`)
          return new Response(null, {
            status: 302,
            headers: { location: 'http://inside.example/admin' },
          });
        return new Response('<p>x</p>', { status: 200, headers: { 'content-type': 'text/html' } });
      }),
    });
    return { fetcher, requested, lookedUp };
  }

  it('checks every hop before any request to it: a redirect to an internal name is refused, for good', async () => {
    const g = guarded({ 'a.example': PUBLIC.address, 'inside.example': '10.0.0.5' });
    const e = (await get(g.fetcher, `${A}/moved`).catch((x: unknown) => x)) as FetchError;
    expect(e).toBeInstanceOf(FetchError);
    expect(e.message).toMatch(/refused: inside\.example is 10\.0\.0\.5, a private address/);
    expect(e.transient).toBe(false);
    expect(g.requested).toEqual([`${A}/robots.txt`, `${A}/moved`]);
    expect(g.lookedUp).toEqual(['a.example', 'a.example', 'inside.example']);
  });

  it('refuses an internal address before robots.txt or the page is asked for; a name that does not resolve is transient', async () => {
    const g = guarded({});
    await expect(get(g.fetcher, 'http://169.254.169.254/latest/meta-data/')).rejects.toThrow(
      /refused: 169\.254\.169\.254 is 169\.254\.169\.254, a linkLocal address/,
    );
    const e = (await get(g.fetcher, `${A}/1`).catch((x: unknown) => x)) as FetchError;
    expect(e.message).toMatch(/a\.example not resolved: getaddrinfo ENOTFOUND/);
    expect(e.transient).toBe(true);
    expect(g.requested).toEqual([]);
  });
});

describe('redirects', () => {
  it('are followed by hand, up to the bound', async () => {
    const w = web(
      {
        [`${A}/robots.txt`]: { status: 404 },
        [`${A}/r0`]: { status: 301, headers: { location: '/r1' } },
        [`${A}/r1`]: { status: 308, headers: { location: '/r2' } },
        [`${A}/r2`]: page('<p>end</p>'),
        [`${A}/loop`]: { status: 302, headers: { location: '/loop' } },
        [`${A}/nowhere`]: { status: 302 },
      },
      { maxRedirects: 2 },
    );
    const ok = await get(w.fetcher, `${A}/r0`);
    expect([ok.status, ok.body]).toEqual([200, '<p>end</p>']);
    await expect(get(w.fetcher, `${A}/loop`)).rejects.toThrow(/more than 2 redirects/);
    expect(w.urls().filter((u) => u.endsWith('/loop'))).toHaveLength(3);
    await expect(get(w.fetcher, `${A}/nowhere`)).rejects.toThrow(/redirect without Location/);
  });
});

describe('responses', () => {
  it('refuses a non-HTML page before reading it (not transient)', async () => {
    const w = web({
      [`${A}/robots.txt`]: { status: 404 },
      [`${A}/doc.pdf`]: {
        status: 200,
        body: '%PDF',
        headers: { 'content-type': 'application/pdf' },
      },
    });
    const e = (await get(w.fetcher, `${A}/doc.pdf`).catch((x: unknown) => x)) as FetchError;
    expect(e).toBeInstanceOf(FetchError);
    expect(e.message).toMatch(/refused content type application\/pdf/);
    expect(e.transient).toBe(false);
  });

  it('caps the body: by its declared length, and while it streams in', async () => {
    const w = web({
      [`${A}/robots.txt`]: { status: 404 },
      [`${A}/declared`]: { status: 200, body: 'x', headers: { 'content-length': '5000' } },
      [`${A}/streamed`]: { status: 200, body: 'é'.repeat(600) }, // 1200 bytes, no length
      [`${A}/fits`]: { status: 200, body: 'a'.repeat(1_000) },
    });
    await expect(get(w.fetcher, `${A}/declared`)).rejects.toThrow(/5000 bytes, over the 1000 cap/);
    await expect(get(w.fetcher, `${A}/streamed`)).rejects.toThrow(/over the 1000-byte cap/);
    expect((await get(w.fetcher, `${A}/fits`)).body).toHaveLength(1_000);
  });

  it('sends the validators and returns a 304 or an error status without a body', async () => {
    const w = web({
      [`${A}/robots.txt`]: { status: 404 },
      [`${A}/feed`]: { status: 304, headers: { etag: '"v1"' } },
      [`${A}/gone`]: { status: 500, body: 'boom' },
    });
    const r = await w.fetcher.get(`${A}/feed`, {
      maxBytes: 1_000,
      etag: '"v1"',
      lastModified: 'Mon, 14 Apr 2025 15:00:00 GMT',
      accept: isFeedType,
    });
    expect(r.status).toBe(304);
    const sent = w.log.find((l) => l.url === `${A}/feed`)!.headers;
    expect(sent['if-none-match']).toBe('"v1"');
    expect(sent['if-modified-since']).toBe('Mon, 14 Apr 2025 15:00:00 GMT');
    expect(await get(w.fetcher, `${A}/gone`)).toMatchObject({ status: 500, body: '' });
  });

  it('decodes the declared charset', async () => {
    const w = web({ [`${A}/robots.txt`]: { status: 404 } });
    const bytes = new Uint8Array([0x63, 0x61, 0x66, 0xe9]); // "café" in windows-1252
    const latin = new PoliteFetcher({
      userAgent: 'x',
      limits: DEFAULT_LIMITS,
      sleep: async () => {},
      policy: outboundPolicy([]),
      resolve: publicResolve,
      transport: scripted(async (url) =>
        url.endsWith('/robots.txt')
          ? new Response('', { status: 404 })
          : new Response(bytes, {
              status: 200,
              headers: { 'content-type': 'text/html; charset=windows-1252' },
            }),
      ),
    });
    expect((await latin.get(`${A}/p`, { maxBytes: 100, accept: isHtml })).body).toBe('café');
    expect(w.urls()).toEqual([]);
  });

  it('a request that hangs is ended by the timeout as a transient failure', async () => {
    vi.useFakeTimers();
    const w = web(
      { [`${A}/robots.txt`]: { status: 404 }, [`${A}/slow`]: 'hang' },
      { timeoutMs: 5_000 },
    );
    const pending = get(w.fetcher, `${A}/slow`).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    const e = (await pending) as FetchError;
    expect(e).toBeInstanceOf(FetchError);
    expect(e.message).toMatch(/timed out after 5000 ms/);
    expect(e.transient).toBe(true);
  });
});
