// Article ingest: the ingest function (reads and writes the table) behind a Function
// URL that takes SigV4-signed requests only.
//
//   signed client ──SigV4──▶ ingest Function URL (AWS_IAM) ─▶ ingest λ ─r/w──▶ table
import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { type FunctionPartProps, SERVICE_NAME, serviceFunction } from './service-function.js';
import { TableAccess } from './table-access.js';

export interface IngestEndpointProps extends FunctionPartProps {}

/** Adds the ingest function and its IAM-only Function URL to `scope`, with the ids a
 *  deployed stack has. */
export class IngestEndpoint {
  readonly function: nodejs.NodejsFunction;
  readonly url: lambda.FunctionUrl;

  constructor(scope: Construct, props: IngestEndpointProps) {
    // Extraction over up to 200,000 characters and one write per feed view an event is
    // listed in, with conditional retries on the identity ledger: 60 s.
    this.function = serviceFunction(scope, 'Ingest', {
      stage: props.stage,
      entry: props.entry,
      memorySize: 1024,
      timeout: Duration.seconds(60),
      environment: { ...props.environment, POWERTOOLS_SERVICE_NAME: `${SERVICE_NAME}-ingest` },
      description: `diplomacy-feed (${props.stage}): article ingest, IAM-signed only`,
      removalPolicy: props.removalPolicy,
    });
    new TableAccess(scope, 'IngestTableAccess', {
      table: props.table,
      grantee: this.function,
      access: 'read-write',
    });
    // Callers need lambda:InvokeFunctionUrl (and lambda:InvokeFunction) from their own
    // identity policy; an administrator of this account already has both.
    this.url = this.function.addFunctionUrl({
      authType: lambda.FunctionUrlAuthType.AWS_IAM,
      invokeMode: lambda.InvokeMode.BUFFERED,
    });
  }
}
