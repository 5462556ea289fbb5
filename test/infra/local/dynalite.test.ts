// The local engine: dynalite in its own thread, reached by the local service's SDK
// client as messages and by any other client over HTTP — one store either way; and
// an engine that is gone is a store fault (503), never a hang or a crash.

import {
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalEngine, startDynalite } from '../../../infra/local/dynalite.js';
import {
  LOCAL_CREDENTIALS,
  type LocalService,
  startLocalService,
} from '../../../infra/local/runtime.js';
import { ensureTable } from '../../../infra/local/table.js';
import { statedArticle, statedEvents } from '../../integration/harness.js';

const TABLE = 'engine-test';

describe('the local engine', () => {
  let engine: LocalEngine;
  let overMessages: DynamoDBClient;
  let overHttp: DynamoDBClient;

  beforeAll(async () => {
    engine = await startDynalite();
    const config = {
      region: 'us-east-1',
      credentials: LOCAL_CREDENTIALS,
      endpoint: engine.endpoint,
      maxAttempts: 1,
    };
    overMessages = new DynamoDBClient({ ...config, requestHandler: engine.requestHandler });
    overHttp = new DynamoDBClient(config);
    expect(await ensureTable(overMessages, TABLE)).toBe('created');
  });
  afterAll(async () => {
    overMessages.destroy();
    overHttp.destroy();
    await engine.close();
  });

  it('is one store, over messages and over HTTP', async () => {
    await overMessages.send(
      new PutItemCommand({
        TableName: TABLE,
        Item: { pk: { S: 'a' }, sk: { S: 'A' }, text: { S: 'Hà Nội' } },
      }),
    );
    await overHttp.send(
      new PutItemCommand({
        TableName: TABLE,
        Item: { pk: { S: 'b' }, sk: { S: 'B' }, text: { S: 'Viêng Chăn' } },
      }),
    );
    for (const client of [overMessages, overHttp]) {
      const a = await client.send(
        new GetItemCommand({
          TableName: TABLE,
          Key: { pk: { S: 'a' }, sk: { S: 'A' } },
          ConsistentRead: true,
        }),
      );
      const b = await client.send(
        new GetItemCommand({
          TableName: TABLE,
          Key: { pk: { S: 'b' }, sk: { S: 'B' } },
          ConsistentRead: true,
        }),
      );
      expect([a.Item?.text?.S, b.Item?.text?.S]).toEqual(['Hà Nội', 'Viêng Chăn']);
    }
  });

  it('answers requests made at once each with its own answer, and a conditional put once', async () => {
    // requests of one turn cross in one message, and the keys of one turn go to the
    // store together (dynalite-engine.mjs): each answer still belongs to its request,
    // and a write waits for the one before it on its key
    const keys = Array.from({ length: 40 }, (_, i) => `many-${i}`);
    await Promise.all(
      keys.map((k) =>
        overMessages.send(
          new PutItemCommand({
            TableName: TABLE,
            Item: { pk: { S: k }, sk: { S: 'K' }, n: { S: k } },
          }),
        ),
      ),
    );
    const read = await Promise.all(
      keys.map((k) =>
        overMessages.send(
          new GetItemCommand({
            TableName: TABLE,
            Key: { pk: { S: k }, sk: { S: 'K' } },
            ConsistentRead: true,
          }),
        ),
      ),
    );
    expect(read.map((r) => r.Item?.n?.S)).toEqual(keys);
    const claims = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        overMessages.send(
          new PutItemCommand({
            TableName: TABLE,
            Item: { pk: { S: 'claimed' }, sk: { S: 'K' }, by: { N: String(i) } },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      ),
    );
    const won = claims.flatMap((c, i) => (c.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    for (const c of claims) {
      if (c.status === 'rejected')
        expect((c.reason as Error).name).toBe('ConditionalCheckFailedException');
    }
    const stored = await overHttp.send(
      new GetItemCommand({
        TableName: TABLE,
        Key: { pk: { S: 'claimed' }, sk: { S: 'K' } },
        ConsistentRead: true,
      }),
    );
    expect(stored.Item?.by?.N).toBe(String(won[0]));
  });

  it('answers a request it refuses as DynamoDB would, over messages too', async () => {
    // a failed condition: the engine's own error, not a transport failure
    const put = () =>
      overMessages.send(
        new PutItemCommand({
          TableName: TABLE,
          Item: { pk: { S: 'a' }, sk: { S: 'A' } },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    await expect(put()).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    await expect(
      overMessages.send(
        new GetItemCommand({ TableName: 'no-such-table', Key: { pk: { S: 'a' }, sk: { S: 'A' } } }),
      ),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('knows a table deleted and made again at once, whichever way it is asked', async () => {
    // the engine keeps table descriptions in memory (dynalite-engine.mjs): a deleted
    // table is gone for both clients, and the new one is what both see
    const name = 'engine-test-again';
    const key = { pk: { S: 'k' }, sk: { S: 'K' } };
    expect(await ensureTable(overMessages, name)).toBe('created');
    await overMessages.send(new PutItemCommand({ TableName: name, Item: key }));
    await overHttp.send(new DeleteTableCommand({ TableName: name }));
    // DELETING for a moment (a turn of the engine's event loop), then gone
    const gone = async (client: DynamoDBClient) => {
      for (let attempt = 0; attempt < 100; attempt++) {
        try {
          await client.send(new DescribeTableCommand({ TableName: name }));
        } catch (error) {
          if ((error as Error).name === 'ResourceNotFoundException') return true;
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return false;
    };
    expect(await gone(overMessages)).toBe(true);
    expect(await gone(overHttp)).toBe(true);
    for (const client of [overMessages, overHttp]) {
      await expect(
        client.send(new GetItemCommand({ TableName: name, Key: key })),
      ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    }
    expect(await ensureTable(overHttp, name)).toBe('created');
    for (const client of [overMessages, overHttp]) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
      expect(Table?.TableStatus).toBe('ACTIVE');
      expect(
        (await client.send(new GetItemCommand({ TableName: name, Key: key }))).Item,
      ).toBeUndefined();
    }
  });
});

describe('local services sharing one engine', () => {
  it('keep their tables apart, and closing one leaves the engine to the other', async () => {
    const engine = await startDynalite();
    try {
      const a = await startLocalService({ engine, tableName: 'shared-a', extract: statedEvents });
      const b = await startLocalService({ engine, tableName: 'shared-b', extract: statedEvents });
      const body = statedArticle('https://engine.test/shared', '2026-02-04T08:00:00+07:00', [{}]);
      const post = (s: LocalService) =>
        s.app.request('/articles', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
      expect((await post(a)).status).toBe(201);
      expect((await post(b)).status, 'a table of its own').toBe(201);
      await a.close();
      expect((await post(b)).status, 'the engine still answers').toBe(200);
      await b.close();
    } finally {
      await engine.close();
    }
  });
});

describe('the local service when its engine is gone', () => {
  let s: LocalService;
  beforeAll(async () => {
    s = await startLocalService({ extract: statedEvents });
  });
  afterAll(() => s.close());

  it('answers reads and ingests with 503 and Retry-After', async () => {
    const body = statedArticle('https://engine.test/a', '2026-02-04T08:00:00+07:00', [{}]);
    const first = await s.app.request('/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(first.status).toBe(201);
    await s.engine!.close();
    for (const [path, init] of [
      ['/feeds/feed.json', {}],
      ['/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body }],
    ] as const) {
      const r = await s.app.request(path, init);
      expect(r.status, path).toBe(503);
      expect(r.headers.get('retry-after'), path).toMatch(/^\d+$/);
    }
  });
});
