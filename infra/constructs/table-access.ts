// Least-privilege DynamoDB access: grants a function exactly the table actions it
// needs, instead of CDK's broad grantReadData/grantReadWriteData (which add Scan,
// DescribeTable, ConditionCheckItem, TransactWrite… and index/* wildcards).

import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** What the feed function does: point reads, feed-partition queries, event batches. */
export const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:BatchGetItem',
] as const;

/** What the ingest function adds on top of the reads. No transactions are used. */
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;

/** What the poller needs: the ingest path's item reads and writes, plus its own state
 *  items (GetItem/PutItem). No Query (it reads no feed page), no DeleteItem (stale
 *  postings go through BatchWriteItem). */
export const TABLE_POLL_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:BatchWriteItem',
] as const;

export type TableAccessLevel = 'read' | 'read-write' | 'poll';

export interface TableAccessProps {
  readonly table: dynamodb.ITable;
  readonly grantee: iam.IGrantable;
  readonly access: TableAccessLevel;
}

/**
 * Adds one policy statement to the grantee's role: the read actions, plus the
 * write actions for `read-write` (or the poller's set), on the table ARN alone: the
 * table has no index, so no `index/*`. The table uses an AWS-managed or AWS-owned key, so no KMS
 * permission is needed.
 */
export class TableAccess extends Construct {
  readonly actions: readonly string[];

  constructor(scope: Construct, id: string, props: TableAccessProps) {
    super(scope, id);
    this.actions =
      props.access === 'read'
        ? [...TABLE_READ_ACTIONS]
        : props.access === 'poll'
          ? [...TABLE_POLL_ACTIONS]
          : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS];
    iam.Grant.addToPrincipal({
      grantee: props.grantee,
      actions: [...this.actions],
      resourceArns: [props.table.tableArn],
    });
  }
}
