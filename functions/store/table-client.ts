// The store's way to the table: the six DynamoDB operations it uses, taking and
// giving items as plain values. Not the document client: it cannot run on a client
// that caches its resolved middleware (`cacheMiddleware`), and resolving the middleware
// stack again for every request was a large part of a request's cost on the caller's
// thread. Nor @aws-sdk/util-dynamodb's marshall: every attribute the store writes is a
// string or a number (documents are JSON text in one string attribute, dynamo-store.ts),
// so the two conversions below are all it needs, in a few lines rather than ~4 KB of
// the ingest bundle (whose budget is tight), and any other value is a bug that fails
// loudly. Only dynamo-store.ts uses this.
import {
  type AttributeValue,
  BatchGetItemCommand,
  BatchWriteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';

export type Item = Record<string, unknown>;
type Marshalled = Record<string, AttributeValue>;

/** An item's attributes as DynamoDB takes them: strings and finite numbers; undefined
 *  ones left out. */
function toAttributes(item: Item): Marshalled {
  const out: Marshalled = {};
  for (const [name, value] of Object.entries(item)) {
    if (typeof value === 'string') out[name] = { S: value };
    else if (typeof value === 'number' && Number.isFinite(value)) out[name] = { N: String(value) };
    else if (value !== undefined)
      throw new TypeError(`attribute ${name}: not a string or a number`);
  }
  return out;
}

function fromAttributes(item: Marshalled): Item {
  const out: Item = {};
  for (const [name, value] of Object.entries(item)) {
    if (value.S !== undefined) out[name] = value.S;
    else if (value.N !== undefined) out[name] = Number(value.N);
    else throw new TypeError(`attribute ${name}: not a string or a number`);
  }
  return out;
}
const values = (v: Item | undefined) => (v ? { ExpressionAttributeValues: toAttributes(v) } : {});

export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

export interface Condition {
  ConditionExpression?: string;
  ExpressionAttributeValues?: Item;
}

export class TableClient {
  constructor(
    private readonly client: DynamoDBClient,
    readonly tableName: string,
  ) {
    // The SDK's logger middleware copies every input and output, filtered field by
    // field against the operation's schema, to hand them to the client's logger, even
    // the default one that prints nothing: a large part of a batch's cost on the
    // caller's thread. The store gives the client no logger (its failures are logged
    // where they are handled), so the copies go.
    client.middlewareStack.remove('loggerMiddleware');
  }

  async get(input: {
    Key: Item;
    ConsistentRead?: boolean;
    ProjectionExpression?: string;
  }): Promise<Item | null> {
    const out = await this.client.send(
      new GetItemCommand({
        TableName: this.tableName,
        Key: toAttributes(input.Key),
        ...(input.ConsistentRead ? { ConsistentRead: true } : {}),
        ...(input.ProjectionExpression ? { ProjectionExpression: input.ProjectionExpression } : {}),
      }),
    );
    return out.Item ? fromAttributes(out.Item) : null;
  }

  async put(input: { Item: Item } & Condition): Promise<void> {
    await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: toAttributes(input.Item),
        ...(input.ConditionExpression ? { ConditionExpression: input.ConditionExpression } : {}),
        ...values(input.ExpressionAttributeValues),
      }),
    );
  }

  async update(input: { Key: Item; UpdateExpression: string } & Condition): Promise<void> {
    await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: toAttributes(input.Key),
        UpdateExpression: input.UpdateExpression,
        ...(input.ConditionExpression ? { ConditionExpression: input.ConditionExpression } : {}),
        ...values(input.ExpressionAttributeValues),
      }),
    );
  }

  async query(input: {
    KeyConditionExpression: string;
    ExpressionAttributeValues: Item;
    ConsistentRead?: boolean;
    ScanIndexForward?: boolean;
    Limit?: number;
    ExclusiveStartKey?: Item | undefined;
  }): Promise<{ items: Item[]; lastKey: Item | null }> {
    const out = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: input.KeyConditionExpression,
        ...values(input.ExpressionAttributeValues),
        ...(input.ConsistentRead ? { ConsistentRead: true } : {}),
        ...(input.ScanIndexForward === false ? { ScanIndexForward: false } : {}),
        ...(input.Limit !== undefined ? { Limit: input.Limit } : {}),
        ...(input.ExclusiveStartKey
          ? { ExclusiveStartKey: toAttributes(input.ExclusiveStartKey) }
          : {}),
      }),
    );
    return {
      items: (out.Items ?? []).map(fromAttributes),
      lastKey: out.LastEvaluatedKey ? fromAttributes(out.LastEvaluatedKey) : null,
    };
  }

  /** One BatchGetItem (at most 100 keys): the items found, and the keys left unprocessed. */
  async batchGet(
    keys: readonly Item[],
    options: { consistent?: boolean; projection?: string },
  ): Promise<{ items: Item[]; unprocessed: Item[] }> {
    const out = await this.client.send(
      new BatchGetItemCommand({
        RequestItems: {
          [this.tableName]: {
            Keys: keys.map(toAttributes),
            ...(options.consistent ? { ConsistentRead: true } : {}),
            ...(options.projection ? { ProjectionExpression: options.projection } : {}),
          },
        },
      }),
    );
    return {
      items: (out.Responses?.[this.tableName] ?? []).map(fromAttributes),
      unprocessed: (out.UnprocessedKeys?.[this.tableName]?.Keys ?? []).map(fromAttributes),
    };
  }

  /** One BatchWriteItem (at most 25 requests): the requests left unprocessed. */
  async batchWrite(requests: readonly WriteRequest[]): Promise<WriteRequest[]> {
    const out = await this.client.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [this.tableName]: requests.map((r) =>
            'PutRequest' in r
              ? { PutRequest: { Item: toAttributes(r.PutRequest.Item) } }
              : { DeleteRequest: { Key: toAttributes(r.DeleteRequest.Key) } },
          ),
        },
      }),
    );
    return (out.UnprocessedItems?.[this.tableName] ?? []).map((r) =>
      r.PutRequest?.Item
        ? { PutRequest: { Item: fromAttributes(r.PutRequest.Item) } }
        : { DeleteRequest: { Key: fromAttributes(r.DeleteRequest!.Key!) } },
    );
  }
}
