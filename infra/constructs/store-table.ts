// The one DynamoDB table, its keys from the definition the local runtime also uses
// (functions/store/table.ts).
import type { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { type KeyAttribute, TABLE_DEFINITION } from '../../functions/store/table.js';

export interface StoreTableProps {
  /** a sandbox table may be deleted; any other stage's is protected */
  readonly deletionProtection: boolean;
  readonly removalPolicy: RemovalPolicy;
}

/** Adds the table `Table` to `scope` (in the stack's own scope, so its logical id is
 *  the one deployed stacks have: see infra/stack.ts). */
export function storeTable(scope: Construct, props: StoreTableProps): dynamodb.Table {
  return new dynamodb.Table(scope, 'Table', {
    partitionKey: attribute(TABLE_DEFINITION.partitionKey),
    sortKey: attribute(TABLE_DEFINITION.sortKey),
    timeToLiveAttribute: TABLE_DEFINITION.timeToLiveAttribute,
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    // AWS-managed key (aws/dynamodb): encryption at rest with key use visible in
    // CloudTrail, no $1/month customer key, and its key policy already lets any role
    // of this account that may use the table decrypt through DynamoDB, so the
    // functions need no KMS statement.
    encryption: dynamodb.TableEncryption.AWS_MANAGED,
    deletionProtection: props.deletionProtection,
    removalPolicy: props.removalPolicy,
  });
}

function attribute(key: KeyAttribute): dynamodb.Attribute {
  const type = {
    S: dynamodb.AttributeType.STRING,
    N: dynamodb.AttributeType.NUMBER,
    B: dynamodb.AttributeType.BINARY,
  }[key.type];
  return { name: key.name, type };
}
