// The two Lambda entry points themselves, invoked with Function URL (payload 2.0)
// events against dynalite through the real SDK, configured by environment as in AWS.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalEngine, startDynalite } from '../../infra/local/dynalite.js';
import { LOCAL_CREDENTIALS } from '../../infra/local/runtime.js';
import { ensureTable } from '../../infra/local/table.js';
import { SEEDS_DIR } from '../integration/harness.js';

type Handler = (
  event: unknown,
  context: unknown,
) => Promise<{
  statusCode: number;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
}>;

let engine: LocalEngine;
let feed: Handler;
let ingest: Handler;

function urlEvent(
  method: string,
  rawPath: string,
  options: { query?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: options.query ?? '',
    headers: {
      host: 'abc.lambda-url.eu-west-1.on.aws',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'feeds.test',
      ...options.headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc',
      domainName: 'abc.lambda-url.eu-west-1.on.aws',
      domainPrefix: 'abc',
      http: {
        method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      requestId: 'r1',
      routeKey: '$default',
      stage: '$default',
      time: '22/Nov/2026:00:00:00 +0000',
      timeEpoch: 0,
    },
    body: options.body,
    isBase64Encoded: false,
  };
}

const context = {
  functionName: 'test',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:test',
  memoryLimitInMB: '1024',
  awsRequestId: 'req-1',
  logGroupName: 'group',
  logStreamName: 'stream',
  getRemainingTimeInMillis: () => 10_000,
};

beforeAll(async () => {
  engine = await startDynalite();
  const client = new DynamoDBClient({
    endpoint: engine.endpoint,
    region: 'eu-west-1',
    credentials: LOCAL_CREDENTIALS,
  });
  await ensureTable(client, 'handler-test');
  client.destroy();
  Object.assign(process.env, {
    TABLE_NAME: 'handler-test',
    DYNAMODB_ENDPOINT: engine.endpoint,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
  });
  ({ handler: feed } = (await import('../../functions/handlers/feed.js')) as unknown as {
    handler: Handler;
  });
  ({ handler: ingest } = (await import('../../functions/handlers/ingest.js')) as unknown as {
    handler: Handler;
  });
});
afterAll(() => engine.close());

describe('Lambda handlers', () => {
  it('ingest answers 201, then 200 for the same article', async () => {
    const body = await readFile(join(SEEDS_DIR, '004_0ee21f08bc6a023e.json'), 'utf8');
    const first = await ingest(
      urlEvent('POST', '/articles', { headers: { 'content-type': 'application/json' }, body }),
      context,
    );
    expect(first.statusCode).toBe(201);
    const again = await ingest(
      urlEvent('POST', '/articles', { headers: { 'content-type': 'application/json' }, body }),
      context,
    );
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(again.body!).events).toEqual(JSON.parse(first.body!).events);
  });

  it('feed serves the stored events with links on the forwarded host, and 304s', async () => {
    const response = await feed(
      urlEvent('GET', '/feeds/feed.json', { query: 'limit=10' }),
      context,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers!['content-type']).toBe('application/feed+json; charset=utf-8');
    const json = JSON.parse(response.body!) as { feed_url: string; items: { url: string }[] };
    expect(json.feed_url).toBe('https://feeds.test/feeds/feed.json?limit=10');
    expect(json.items.length).toBeGreaterThan(0);
    expect(json.items.every((i) => i.url.startsWith('https://feeds.test/events/'))).toBe(true);

    const etag = response.headers!.etag!;
    const conditional = await feed(
      urlEvent('GET', '/feeds/feed.json', {
        query: 'limit=10',
        headers: { 'if-none-match': etag },
      }),
      context,
    );
    expect(conditional.statusCode).toBe(304);
    expect(conditional.body ?? '').toBe('');
  });

  it('feed has no ingest route', async () => {
    const response = await feed(
      urlEvent('POST', '/articles', {
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
      context,
    );
    expect(response.statusCode).toBe(404);
  });
});
