// The ingest client's SigV4 signing, checked on the wire by an independent
// implementation (aws4): what reaches the server is exactly what was signed.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import aws4 from 'aws4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlesUrl, createSender, isLocal } from '../../../infra/local/ingest-client.js';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'token-1',
};

interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}
let seen: Seen[] = [];
let base = '';
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    seen.push({
      method: req.method!,
      path: req.url!,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    res.writeHead(201, { 'content-type': 'application/json' }).end('{"events":[]}');
  });
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('ingest client', () => {
  it('tells local endpoints from deployed ones, and finds /articles', () => {
    expect(isLocal(new URL('http://127.0.0.1:3000/articles'))).toBe(true);
    expect(isLocal(new URL('http://localhost:3000'))).toBe(true);
    expect(isLocal(new URL('https://abc.lambda-url.eu-west-1.on.aws/articles'))).toBe(false);
    expect(articlesUrl('https://abc.lambda-url.eu-west-1.on.aws/').href).toBe(
      'https://abc.lambda-url.eu-west-1.on.aws/articles',
    );
    expect(articlesUrl('http://127.0.0.1:3000/articles').href).toBe(
      'http://127.0.0.1:3000/articles',
    );
  });

  it('sends a request whose SigV4 signature an independent implementation reproduces', async () => {
    seen = [];
    const send = createSender(articlesUrl(base), { sign: true, region: 'eu-west-1', credentials });
    const body = JSON.stringify({ publishedAt: '2026-02-05', text: 'Thủ tướng tiếp Đại sứ.' });
    expect((await send(body)).status).toBe(201);
    const [request] = seen;
    expect(request!.body).toBe(body);
    const auth = String(request!.headers.authorization);
    expect(auth).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/lambda\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/,
    );
    expect(request!.headers['x-amz-security-token']).toBe('token-1');

    // re-sign what arrived, with the headers the client signed, at the time it signed
    const signedHeaders = /SignedHeaders=([^,]+)/.exec(auth)![1]!.split(';');
    const headers = Object.fromEntries(signedHeaders.map((h) => [h, String(request!.headers[h])]));
    // doNotModifyHeaders keeps aws4 from adding headers, and from reading x-amz-date:
    // give it the signing time explicitly, or a slow machine crosses a second.
    const signer = new aws4.RequestSigner(
      {
        host: headers.host,
        method: request!.method,
        path: request!.path,
        service: 'lambda',
        region: 'eu-west-1',
        headers,
        body: request!.body,
        doNotModifyHeaders: true,
      },
      credentials,
    ) as aws4.RequestSigner & { datetime: string };
    signer.datetime = headers['x-amz-date']!;
    const expected = signer.sign();
    expect(expected.headers!.Authorization ?? expected.headers!.authorization).toBe(auth);
  });

  it('sends plain requests where signing is off', async () => {
    seen = [];
    await createSender(articlesUrl(base), { sign: false })('{}');
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });
});
