// A Function URL event becomes the request the app sees, and the app's response the
// result Lambda sends: text as text, bytes as base64, cookies apart.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { FunctionUrlEvent, toRequest, toResult } from '../../functions/handlers/function-url.js';

function urlEvent(overrides: Partial<FunctionUrlEvent> & { method?: string } = {}) {
  const { method = 'GET', ...rest } = overrides;
  return FunctionUrlEvent.parse({
    version: '2.0',
    rawPath: '/articles',
    rawQueryString: '',
    headers: { host: 'abc.lambda-url.eu-west-1.on.aws', 'content-type': 'application/json' },
    requestContext: { http: { method, path: '/articles' }, domainName: 'ignored' },
    isBase64Encoded: false,
    ...rest,
  });
}

/** Echoes what it was asked, so each test reads the request back. */
const echo = new Hono().all('*', async (c) =>
  c.json({
    method: c.req.method,
    url: c.req.url,
    cookie: c.req.header('cookie') ?? null,
    body: c.req.method === 'GET' ? null : await c.req.text(),
  }),
);

async function asked(event: FunctionUrlEvent) {
  return (await echo.fetch(toRequest(event))).json();
}

describe('a Function URL event as a request', () => {
  it('has the host, path and raw query string', async () => {
    expect(await asked(urlEvent({ rawQueryString: 'lang=en&type=talks' }))).toMatchObject({
      method: 'GET',
      url: 'https://abc.lambda-url.eu-west-1.on.aws/articles?lang=en&type=talks',
    });
  });

  it('carries a text body as sent and a base64 body decoded', async () => {
    const text = '{"title":"Hội đàm"}';
    expect(await asked(urlEvent({ method: 'POST', body: text }))).toMatchObject({ body: text });
    const encoded = Buffer.from(text).toString('base64');
    expect(
      await asked(urlEvent({ method: 'POST', body: encoded, isBase64Encoded: true })),
    ).toMatchObject({ body: text });
  });

  it('joins the cookies Lambda hands over apart into one header', async () => {
    expect(await asked(urlEvent({ cookies: ['a=1', 'b=2'] }))).toMatchObject({
      cookie: 'a=1; b=2',
    });
  });

  it('is refused when it is no Function URL event', () => {
    expect(() => FunctionUrlEvent.parse({ path: '/articles', httpMethod: 'GET' })).toThrow();
  });
});

describe("the app's response as a result", () => {
  it('sends text content as text, with its status and headers', async () => {
    const result = await toResult(
      new Response('BEGIN:VCALENDAR\r\nSUMMARY:Hội đàm\r\n', {
        status: 200,
        headers: { 'content-type': 'text/calendar; charset=utf-8', etag: '"x"' },
      }),
    );
    expect(result).toMatchObject({
      statusCode: 200,
      isBase64Encoded: false,
      body: 'BEGIN:VCALENDAR\r\nSUMMARY:Hội đàm\r\n',
      headers: { 'content-type': 'text/calendar; charset=utf-8', etag: '"x"' },
    });
  });

  it('sends JSON and XML types as text', async () => {
    for (const type of ['application/problem+json', 'application/atom+xml', 'application/json']) {
      const result = await toResult(new Response('{}', { headers: { 'content-type': type } }));
      expect(result.isBase64Encoded, type).toBe(false);
    }
  });

  it('sends other bytes as base64', async () => {
    const bytes = new Uint8Array([0, 255, 137, 80]);
    const result = await toResult(
      new Response(bytes, { headers: { 'content-type': 'image/png' } }),
    );
    expect(result).toMatchObject({ isBase64Encoded: true, body: 'AP+JUA==' });
  });

  it('lists each cookie set apart, not among the headers', async () => {
    const headers = new Headers();
    headers.append('set-cookie', 'a=1');
    headers.append('set-cookie', 'b=2');
    const result = await toResult(new Response(null, { status: 204, headers }));
    expect(result.cookies).toEqual(['a=1', 'b=2']);
    expect(result.headers).not.toHaveProperty('set-cookie');
  });
});
