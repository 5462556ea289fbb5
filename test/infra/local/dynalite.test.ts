// The local engine: dynalite in its own thread, reached by the local service's SDK
// client as messages and by any other client over HTTP — one store either way; and
// an engine that is gone is a store fault (503), never a hang or a crash.

import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LocalEngine,
  plainJsonProtocol,
  startDynalite,
} from '../../../infra/local/dynalite.js';
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
    // requests of one turn cross in one message, and the keys written in one turn go to
    // the store together (dynalite-engine.mjs): each answer still belongs to its request,
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

describe("the local client's plain JSON protocol", () => {
  it("writes and reads every item operation as the SDK's own protocol does, errors included", async () => {
    const engine = await startDynalite();
    const config = {
      region: 'us-east-1',
      credentials: LOCAL_CREDENTIALS,
      endpoint: engine.endpoint,
      maxAttempts: 1,
      requestHandler: engine.requestHandler,
    };
    const sdk = new DynamoDBClient(config);
    const plain = new DynamoDBClient(config);
    plain.config.protocol = plainJsonProtocol(plain.config.protocol);
    try {
      const table = 'plain-json';
      await ensureTable(sdk, table);
      // strings JSON escapes (quotes, backslashes, line and paragraph separators,
      // astral characters), numbers, sets, lists and maps
      const values = {
        text: { S: 'Hà Nội "trích" \\ \n\u2028\u2029 😀 \u0000' },
        n: { N: '12.50' },
        l: { L: [{ S: 'a' }, { N: '-1e3' }, { BOOL: true }, { NULL: true }] },
        m: { M: { x: { S: 'y' }, ss: { SS: ['b', 'a'] }, ns: { NS: ['1', '2'] } } },
      };
      /** every operation the store uses, by one client, its answers without the
       *  request's metadata (its request id is new each time) */
      const run = async (client: DynamoDBClient, pk: string) => {
        const key = (sk: string) => ({ pk: { S: pk }, sk: { S: sk } });
        const answers: unknown[] = [];
        const keep = (out: object) => {
          const { $metadata, ...rest } = out as { $metadata: unknown };
          answers.push(JSON.parse(JSON.stringify(rest).replaceAll(pk, 'PK')));
        };
        keep(
          await client.send(
            new PutItemCommand({ TableName: table, Item: { ...key('1'), ...values } }),
          ),
        );
        keep(
          await client.send(
            new UpdateItemCommand({
              TableName: table,
              Key: key('1'),
              UpdateExpression: 'SET version = :v',
              ConditionExpression: 'attribute_not_exists(version)',
              ExpressionAttributeValues: { ':v': { N: '1' } },
            }),
          ),
        );
        keep(
          await client.send(
            new BatchWriteItemCommand({
              RequestItems: {
                [table]: [
                  { PutRequest: { Item: { ...key('2'), ...values } } },
                  { PutRequest: { Item: key('3') } },
                  { DeleteRequest: { Key: key('4') } },
                ],
              },
            }),
          ),
        );
        keep(
          await client.send(
            new GetItemCommand({ TableName: table, Key: key('1'), ConsistentRead: true }),
          ),
        );
        keep(
          await client.send(
            new GetItemCommand({
              TableName: table,
              Key: key('1'),
              ProjectionExpression: 'pk, version',
            }),
          ),
        );
        keep(await client.send(new GetItemCommand({ TableName: table, Key: key('none') })));
        keep(
          await client.send(
            new DeleteItemCommand({ TableName: table, Key: key('2'), ReturnValues: 'ALL_OLD' }),
          ),
        );
        keep(
          await client.send(
            new QueryCommand({
              TableName: table,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': { S: pk } },
              ScanIndexForward: false,
              Limit: 1,
              ConsistentRead: true,
            }),
          ),
        );
        const batch = await client.send(
          new BatchGetItemCommand({
            RequestItems: {
              [table]: { Keys: [key('1'), key('2'), key('none')], ConsistentRead: true },
            },
          }),
        );
        batch.Responses?.[table]?.sort((a, b) => (a.sk!.S! < b.sk!.S! ? -1 : 1));
        keep(batch);
        const failed = await client
          .send(
            new PutItemCommand({
              TableName: table,
              Item: key('1'),
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          )
          .catch((error: Error) => error);
        answers.push([(failed as Error).name, failed instanceof Error]);
        const missing = await client
          .send(new GetItemCommand({ TableName: 'no-such-table', Key: key('1') }))
          .catch((error: Error) => error);
        answers.push([(missing as Error).name, (missing as Error).message]);
        return answers;
      };
      expect(await run(plain, 'by-plain')).toEqual(await run(sdk, 'by-sdk'));
      // bytes take the SDK's serializer and come back as bytes
      const bytes = new Uint8Array([0, 1, 2, 250]);
      const key = { pk: { S: 'bytes' }, sk: { S: 'B' } };
      await plain.send(new PutItemCommand({ TableName: table, Item: { ...key, b: { B: bytes } } }));
      const read = await plain.send(new GetItemCommand({ TableName: table, Key: key }));
      expect(read.Item?.b?.B).toEqual(bytes);
    } finally {
      sdk.destroy();
      plain.destroy();
      await engine.close();
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
