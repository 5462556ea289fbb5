// The store as the functions build it from their configuration: one client per
// process, reused across invocations.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../shared/config.js';
import {
  DynamoFeedStore,
  DynamoPollStore,
  DynamoStore,
  STORE_CLIENT_CONFIG,
} from './dynamo-store.js';

function clientOf(config: Config): DynamoDBClient {
  return new DynamoDBClient({
    ...(config.AWS_REGION ? { region: config.AWS_REGION } : {}),
    ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
    maxAttempts: 3,
    ...STORE_CLIENT_CONFIG,
  });
}

/** The store as ingestion uses it. */
export function createStore(config: Config): DynamoStore {
  return new DynamoStore(clientOf(config), config.TABLE_NAME);
}

/** The store as the poller uses it (its state besides). */
export function createPollStore(config: Config): DynamoPollStore {
  return new DynamoPollStore(clientOf(config), config.TABLE_NAME);
}

/** The store as the feed routes read it (feed pages and their change markers besides). */
export function createFeedStore(config: Config): DynamoFeedStore {
  return new DynamoFeedStore(clientOf(config), config.TABLE_NAME);
}
