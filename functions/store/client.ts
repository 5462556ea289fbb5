// The store as the functions build it from their configuration: one client per
// process, reused across invocations.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../shared/config.js';
import { DynamoStore, STORE_CLIENT_CONFIG } from './dynamo-store.js';

export function createStore(config: Config): DynamoStore {
  const client = new DynamoDBClient({
    ...(config.AWS_REGION ? { region: config.AWS_REGION } : {}),
    ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
    maxAttempts: 3,
    ...STORE_CLIENT_CONFIG,
  });
  return new DynamoStore(client, config.TABLE_NAME);
}
