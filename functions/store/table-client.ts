// The store's way to the table: the six DynamoDB operations it uses, taking and
// giving items as plain values (marshalled here with @aws-sdk/util-dynamodb, as
// lib-dynamodb's document client would). Not the document client itself: it cannot
// run on a client that caches its resolved middleware (`cacheMiddleware`), and
// resolving the middleware stack again for every request was a large part of a
// request's cost on the caller's thread. Only dynamo-store.ts uses this.
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
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';

export type Item = Record<string, unknown>;
type Marshalled = Record<string, AttributeValue>;

const toAttributes = (item: Item): Marshalled => marshall(item, { removeUndefinedValues: true });
const fromAttributes = (item: Marshalled): Item => unmarshall(item);
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
