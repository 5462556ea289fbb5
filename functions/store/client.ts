// The store as the functions build it from their configuration: one client per
// process, reused across invocations.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../shared/config.js';
import { DynamoStore, documentClient } from './dynamo-store.js';

export function createStore(config: Config): DynamoStore {
  const client = new DynamoDBClient({
    ...(config.AWS_REGION ? { region: config.AWS_REGION } : {}),
    ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
    maxAttempts: 3,
  });
  return new DynamoStore(documentClient(client), config.TABLE_NAME);
}
