// The hostile requests that go through the app (service.app.request): malformed or
// malicious input for every route. Each names the status it must get and, for bad
// input, the field or parameter its problem+json `invalid-params` must name.

export interface HostileCase {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  status: number;
  /** the `invalid-params` name a 400 must carry */
  field?: string;
  /** the Allow header a 405 must carry */
  allow?: string;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const FEEDS = ['/feeds/atom.xml', '/feeds/rss.xml', '/feeds/feed.json', '/feeds/calendar.ics', '/'];

function article(fields: Record<string, unknown>): string {
  return JSON.stringify({
    url: 'https://hostile.test/a',
    publishedAt: '2026-02-05T08:00:00+07:00',
    language: 'vi',
    text: 'Tổng Bí thư Tô Lâm thăm Lào.',
    ...fields,
  });
}

function post(
  name: string,
  body: string | Uint8Array,
  status: number,
  field?: string,
  headers: Record<string, string> = JSON_TYPE,
): HostileCase {
  return {
    name,
    method: 'POST',
    path: '/articles',
    headers,
    body,
    status,
    ...(field ? { field } : {}),
  };
}

export function hostileCases(eventId: string): HostileCase[] {
  const cases: HostileCase[] = [];

  // POST /articles: bodies
  cases.push(
    post('invalid JSON (truncated)', '{"text": "abc", ', 400, 'body'),
    post('invalid JSON (single quotes)', "{'text': 'abc'}", 400, 'body'),
    post('empty body', '', 400, 'body'),
    post('JSON null', 'null', 400, 'body'),
    post('JSON string', '"Tô Lâm thăm Lào"', 400, 'body'),
    post('JSON array', '[{"text": "a"}]', 400, 'body'),
    post('JSON number', '42', 400, 'body'),
    post(
      'raw NUL byte inside a JSON string',
      '{"publishedAt":"2026-02-05","text":"a\u0000b"}',
      400,
      'body',
    ),
    post('escaped \\u0000 in text', article({ text: 'Tô Lâm\u0000 thăm Lào' }), 400, 'text'),
    post('escaped \\u0000 in title', article({ title: 'x\u0000y' }), 400, 'title'),
    post('escaped \\u0007 (BEL) in source', article({ source: 'VnExpress\u0007' }), 400, 'source'),
    post('missing text', article({ text: undefined }), 400, 'text'),
    post('empty text', article({ text: '' }), 400, 'text'),
    post('blank text', article({ text: ' \n\t ' }), 400, 'text'),
    post('text is a number', article({ text: 12345 }), 400, 'text'),
    post('text is null', article({ text: null }), 400, 'text'),
    post('text is an array', article({ text: ['a', 'b'] }), 400, 'text'),
    post('text is a NoSQL operator object', article({ text: { $ne: null } }), 400, 'text'),
    post(
      'text over 200,000 characters (under 1 MiB)',
      article({ text: 'a'.repeat(200_001) }),
      400,
      'text',
    ),
    post('missing publishedAt', article({ publishedAt: undefined }), 400, 'publishedAt'),
    post(
      'publishedAt is a number (epoch)',
      article({ publishedAt: 1770253200 }),
      400,
      'publishedAt',
    ),
    post('publishedAt 2026-02-30', article({ publishedAt: '2026-02-30' }), 400, 'publishedAt'),
    post(
      'publishedAt year 99999',
      article({ publishedAt: '99999-01-01T00:00:00Z' }),
      400,
      'publishedAt',
    ),
    post(
      'publishedAt hour 25',
      article({ publishedAt: '2026-02-05T25:00:00Z' }),
      400,
      'publishedAt',
    ),
    post('publishedAt month 13', article({ publishedAt: '2026-13-01' }), 400, 'publishedAt'),
    post(
      'publishedAt offset +24:00',
      article({ publishedAt: '2026-02-05T08:00:00+24:00' }),
      400,
      'publishedAt',
    ),
    post(
      'publishedAt SQL injection',
      article({ publishedAt: "2026-02-05' OR '1'='1" }),
      400,
      'publishedAt',
    ),
    post('publishedAt NoSQL operator', article({ publishedAt: { $gt: '' } }), 400, 'publishedAt'),
    post(
      'publishedAt with CRLF injection',
      article({ publishedAt: '2026-02-05\r\nX-Injected: 1' }),
      400,
      'publishedAt',
    ),
    post('url javascript:', article({ url: 'javascript:alert(1)' }), 400, 'url'),
    post('url file:///etc/passwd', article({ url: 'file:///etc/passwd' }), 400, 'url'),
    post('url relative ../../etc/passwd', article({ url: '../../etc/passwd' }), 400, 'url'),
    post('url with <script>', article({ url: '<script>alert(1)</script>' }), 400, 'url'),
    post('url is a number', article({ url: 7 }), 400, 'url'),
    post(
      'url over 2048 characters',
      article({ url: `https://hostile.test/${'a'.repeat(2100)}` }),
      400,
      'url',
    ),
    post('language <script>', article({ language: '<script>' }), 400, 'language'),
    post(
      "language SQL '; DROP TABLE",
      article({ language: "vi'; DROP TABLE events;--" }),
      400,
      'language',
    ),
    post('title over 1000 characters', article({ title: 't'.repeat(1001) }), 400, 'title'),
    post('title is an object', article({ title: { toString: 'x' } }), 400, 'title'),
    post('source over 200 characters', article({ source: 's'.repeat(201) }), 400, 'source'),
    post('body over 1 MiB (declared content-length)', article({ text: 'á'.repeat(600_000) }), 413),
    post(
      'prototype pollution with an invalid text',
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"publishedAt":"2026-02-05","text":5}',
      400,
      'text',
    ),
    post(
      'deeply nested JSON (100,000 levels)',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      400,
      'body',
    ),
    post('UTF-16LE body', new Uint8Array(Buffer.from(article({}), 'utf16le')), 400, 'body'),
    post(
      'invalid UTF-8 bytes (C3 28) in text',
      new Uint8Array([
        ...Buffer.from('{"publishedAt":"2026-02-05","text":"'),
        0xc3,
        0x28,
        ...Buffer.from('"}'),
      ]),
      400,
      'body',
    ),
  );

  // POST /articles: content types
  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonp',
    'application/xml',
    'json',
  ]) {
    cases.push(post(`content-type ${type}`, article({}), 415, undefined, { 'content-type': type }));
  }
  cases.push(post('no content-type', article({}), 415, undefined, {}));

  // feeds and the home page: query parameters
  const queries: [string, string][] = [
    ['country=../../etc/passwd', 'country'],
    ['country=%2e%2e%2f%2e%2e', 'country'],
    ['country=<script>alert(1)</script>', 'country'],
    ["country=VN' OR '1'='1", 'country'],
    ['country[$ne]=VN', 'country[$ne]'],
    ['country=VN,LA,KH,TH', 'country'],
    ['country=%00', 'country'],
    ['type=state_visit%0d%0aSet-Cookie:%20a=b', 'type'],
    ['type=<img src=x onerror=alert(1)>', 'type'],
    ['status=held;DROP TABLE', 'status'],
    ['status=held&status=announced', 'status'],
    ['limit=0', 'limit'],
    ['limit=-1', 'limit'],
    ['limit=1e2', 'limit'],
    ['limit=101', 'limit'],
    ['limit=99999999999999999999', 'limit'],
    ['limit=5&limit=6', 'limit'],
    ['from=0000-00-00', 'from'],
    ['from=99999-01-01', 'from'],
    ['from=2026-02-30', 'from'],
    ['to=2026-13-01', 'to'],
    ['from=2026-03-01&to=2026-01-01', 'from'],
    ['from=2026-02-05T00:00:00Z', 'from'],
    ['cursor=../../../etc/passwd', 'cursor'],
    ['cursor=eyJwayI6eyIkbmUiOm51bGx9fQ', 'cursor'],
    [`cursor=${'A'.repeat(5000)}`, 'cursor'],
    ['lang=fr', 'lang'],
    ['lang=en&lang=en', 'lang'],
    ['debug=1', 'debug'],
    ['__proto__=1', '__proto__'],
    ['Country=VN', 'Country'],
    [`country=${'V'.repeat(100_000)}`, 'country'],
    [`${'x'.repeat(10_000)}=1`, 'x'.repeat(10_000)],
  ];
  queries.forEach(([q, field], i) => {
    const path = FEEDS[i % FEEDS.length]!;
    cases.push({
      name: `${path}?${q.slice(0, 60)}`,
      method: 'GET',
      path: `${path}?${q}`,
      status: 400,
      field,
    });
  });

  // event ids: injection and traversal (404 problem+json: no such resource)
  for (const id of [
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e%2f%2e%2e%2fhealthz',
    '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    "'%20OR%201=1--",
    '%7B%22$ne%22:null%7D',
    '%00',
    `${eventId}%00`,
    `${eventId}%0d%0aSet-Cookie:%20a=b`,
    'A'.repeat(65),
    'a'.repeat(100_000),
  ]) {
    cases.push({
      name: `/events/${id.slice(0, 50)}`,
      method: 'GET',
      path: `/events/${id}`,
      status: 404,
    });
  }

  // wrong methods: 405 with Allow
  for (const path of FEEDS) {
    cases.push({
      name: `POST ${path}`,
      method: 'POST',
      path,
      headers: JSON_TYPE,
      body: article({}),
      status: 405,
      allow: 'GET, HEAD',
    });
  }
  cases.push(
    {
      name: 'DELETE /feeds/feed.json',
      method: 'DELETE',
      path: '/feeds/feed.json',
      status: 405,
      allow: 'GET, HEAD',
    },
    {
      name: 'PUT /events/{id}',
      method: 'PUT',
      path: `/events/${eventId}`,
      headers: JSON_TYPE,
      body: '{}',
      status: 405,
      allow: 'GET, HEAD',
    },
    {
      name: 'DELETE /events/{id}',
      method: 'DELETE',
      path: `/events/${eventId}`,
      status: 405,
      allow: 'GET, HEAD',
    },
    { name: 'GET /articles', method: 'GET', path: '/articles', status: 405, allow: 'POST' },
    {
      name: 'PUT /articles',
      method: 'PUT',
      path: '/articles',
      headers: JSON_TYPE,
      body: article({}),
      status: 405,
      allow: 'POST',
    },
    {
      name: 'PATCH /articles',
      method: 'PATCH',
      path: '/articles',
      headers: JSON_TYPE,
      body: article({}),
      status: 405,
      allow: 'POST',
    },
    { name: 'DELETE /articles', method: 'DELETE', path: '/articles', status: 405, allow: 'POST' },
    { name: 'POST /healthz', method: 'POST', path: '/healthz', status: 405, allow: 'GET, HEAD' },
    {
      name: 'OPTIONS /healthz',
      method: 'OPTIONS',
      path: '/healthz',
      status: 405,
      allow: 'GET, HEAD',
    },
  );

  // unknown paths
  for (const path of [
    '/feeds/../../etc/passwd',
    '/feeds/atom.xml.bak',
    '/feeds/',
    '/.env',
    '/articles/../.git/config',
  ]) {
    cases.push({ name: `GET ${path}`, method: 'GET', path, status: 404 });
  }
  return cases;
}

/** Absurd publishedAt values that the schema accepts today (see the report): each
 *  should be refused with 400 naming publishedAt. */
export const ABSURD_PUBLISHED_AT = ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2999-01-01'];
