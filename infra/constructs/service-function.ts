// One Lambda function of the service, built the way all three are: its own log group
// and role, Node.js 24 on arm64, and the bundle of infra/bundling.ts.
import * as path from 'node:path';
import type { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { LAMBDA_BUNDLE, PROJECT_ROOT } from '../bundling.js';

export const SERVICE_NAME = 'diplomacy-feed';
/** The poller's service name (POWERTOOLS_SERVICE_NAME): the `service` dimension of its metrics. */
export const POLL_SERVICE_NAME = `${SERVICE_NAME}-poll`;
export const METRICS_NAMESPACE = 'DiplomacyFeed';

/** What each part that runs a function (feed service, ingest endpoint, poller) is given. */
export interface FunctionPartProps {
  readonly stage: string;
  readonly table: dynamodb.ITable;
  /** the handler's source file */
  readonly entry: string;
  /** the environment every function has (table, log level, public base URL) */
  readonly environment: Record<string, string>;
  readonly removalPolicy: RemovalPolicy;
}

export interface ServiceFunctionProps {
  readonly stage: string;
  readonly entry: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly environment: Record<string, string>;
  readonly description: string;
  readonly removalPolicy: RemovalPolicy;
  readonly reservedConcurrentExecutions?: number;
}

/** Adds the function `<id>`, its log group `<id>Logs` and its role `<id>Role` to `scope`. */
export function serviceFunction(
  scope: Construct,
  id: string,
  props: ServiceFunctionProps,
): nodejs.NodejsFunction {
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
    retention: logs.RetentionDays.ONE_MONTH,
    removalPolicy: props.removalPolicy,
  });
  // Our own role: only the log group below and the table actions of TableAccess, not
  // the managed AWSLambdaBasicExecutionRole (which may write to any log group).
  const role = new iam.Role(scope, `${id}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: `${id} function of diplomacy-feed (${props.stage})`,
  });
  logGroup.grantWrite(role);
  return new nodejs.NodejsFunction(scope, id, {
    entry: props.entry,
    handler: 'handler',
    runtime: lambda.Runtime.NODEJS_24_X,
    architecture: lambda.Architecture.ARM_64,
    memorySize: props.memorySize,
    timeout: props.timeout,
    ...(props.reservedConcurrentExecutions
      ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions }
      : {}),
    environment: props.environment,
    description: props.description,
    role,
    // referred to by the function's LoggingConfig, so CloudFormation creates it first
    // (no DependsOn beside the Ref: cfn-lint W3005)
    logGroup,
    projectRoot: PROJECT_ROOT,
    depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
    bundling: {
      format: nodejs.OutputFormat.ESM,
      target: LAMBDA_BUNDLE.target,
      minify: LAMBDA_BUNDLE.minify,
      sourceMap: LAMBDA_BUNDLE.sourcemap,
      sourcesContent: LAMBDA_BUNDLE.sourcesContent,
      mainFields: [...LAMBDA_BUNDLE.mainFields],
      // charset, legal comments and aliases as raw esbuild flags: aws-cdk-lib 2.276
      // declares `charset: Charset.UTF8` but never hands it to esbuild, and has no
      // option for the other two (test/infra/bundle.test.ts catches a regression).
      esbuildArgs: {
        '--charset': LAMBDA_BUNDLE.charset,
        '--legal-comments': LAMBDA_BUNDLE.legalComments,
        ...Object.fromEntries(
          Object.entries(LAMBDA_BUNDLE.alias).map(([from, to]) => [`--alias:${from}`, to]),
        ),
      },
      externalModules: [...LAMBDA_BUNDLE.external],
      define: { ...LAMBDA_BUNDLE.define },
    },
  });
}
