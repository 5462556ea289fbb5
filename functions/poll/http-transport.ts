// One HTTP GET to an address chosen beforehand. node:http(s) rather than fetch: its
// `lookup` option lets the connection go to the address the outbound guard checked
// (outbound.ts), with no second DNS lookup that a rebinding name could answer
// differently; the Host header and TLS server name stay the URL's. Compressed bodies
// are inflated here, and the fetcher caps the inflated bytes as they stream in.
import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface TransportRequest {
  url: URL;
  /** where to connect: the address the guard admitted */
  to: ResolvedAddress;
  headers: Record<string, string>;
  signal: AbortSignal;
}

/** Answers with the response's status and headers, its body still streaming. */
export type Transport = (request: TransportRequest) => Promise<Response>;

const NULL_BODY = new Set([204, 205, 304]);

function pinnedLookup(to: ResolvedAddress): LookupFunction {
  return ((
    _hostname: string,
    options: { all?: boolean },
    callback: (...args: unknown[]) => void,
  ) => {
    if (options.all) callback(null, [{ address: to.address, family: to.family }]);
    else callback(null, to.address, to.family);
  }) as LookupFunction;
}

function inflate(
  encoding: string | undefined,
): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

export const nodeTransport: Transport = ({ url, to, headers, signal }) =>
  new Promise<Response>((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method: 'GET',
        headers: { ...headers, 'accept-encoding': 'gzip, deflate, br' },
        // a host name connects to `to`; an IP literal is connected to as written (Node
        // skips the lookup), which is the address that was checked
        lookup: pinnedLookup(to),
        signal,
        // a fresh connection per request: no pooled socket outlives the check that admitted it
        agent: false,
      },
      (response) => {
        try {
          resolve(toResponse(response));
        } catch (error) {
          response.destroy();
          reject(error);
        }
      },
    );
    request.on('error', reject);
    request.end();
  });

/** The WHATWG Response the fetcher reads; throws for what it cannot carry. */
function toResponse(response: http.IncomingMessage): Response {
  const status = response.statusCode ?? 0;
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) responseHeaders.append(name, v);
  }
  if (status < 200 || status > 599) throw new Error(`answered with status ${status}`);
  if (NULL_BODY.has(status)) {
    response.resume();
    return new Response(null, { status, headers: responseHeaders });
  }
  const decoder = inflate(response.headers['content-encoding']);
  const stream = decoder ? response.pipe(decoder) : response;
  if (decoder) response.on('error', (error) => decoder.destroy(error));
  // the length the server declared was of the compressed bytes
  if (decoder) responseHeaders.delete('content-length');
  const body = Readable.toWeb(stream) as ReadableStream<Uint8Array>;
  return new Response(body, { status, headers: responseHeaders });
}
