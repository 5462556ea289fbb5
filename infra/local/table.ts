// Creates the table locally from the one definition the CDK stack also uses.
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { TABLE_DEFINITION } from '../../functions/store/table.js';

// The TTL attribute (TABLE_DEFINITION.timeToLiveAttribute) is not set up locally:
// dynalite has no TTL, and the store filters expired postings on read anyway.
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<'created' | 'existed'> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'existed';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await createTable(client, tableName);
  // a new table is CREATING for a moment (an engine in another thread or process may
  // answer the next request before it is ACTIVE)
  for (let attempt = 0; attempt < ACTIVE_ATTEMPTS; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return 'created';
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`table ${tableName} is not ACTIVE after ${ACTIVE_ATTEMPTS} checks`);
}

/** Checks for ACTIVE, 10 ms apart (the local engines take one or two). */
const ACTIVE_ATTEMPTS = 500;

async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const { partitionKey, sortKey } = TABLE_DEFINITION;
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: partitionKey.name, AttributeType: partitionKey.type },
        { AttributeName: sortKey.name, AttributeType: sortKey.type },
      ],
      KeySchema: [
        { AttributeName: partitionKey.name, KeyType: 'HASH' },
        { AttributeName: sortKey.name, KeyType: 'RANGE' },
      ],
    }),
  );
}
