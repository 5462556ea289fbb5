// The deployed diplomacy feed: one DynamoDB table, an ingest function behind an
// IAM-only Function URL, and a feed function behind CloudFront.
//
//   viewer ──https──▶ CloudFront ──SigV4 (OAC)──▶ feed Function URL (AWS_IAM) ──▶ feed λ ──read──▶ table
//   signed client ──SigV4──────────────────────▶ ingest Function URL (AWS_IAM) ─▶ ingest λ ─r/w──▶ table
//
// Why a Lambda Function URL with origin access control rather than an HTTP API in front
// of the feed: the Function URL uses AuthType AWS_IAM, and its resource policy lets
// only this distribution (cloudfront.amazonaws.com with this distribution's ARN) invoke
// it, so CloudFront cannot be bypassed and nobody can run up the bill by calling the
// origin directly; an HTTP API would be public unless we added a shared-secret header
// or an authorizer. It also costs nothing extra, has no 30 s integration cap, no stage
// path to strip, and delivers the same payload format 2.0 as an HTTP API, so the
// handler is the same either way.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CfnOutput,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  type StackProps,
  Token,
  Validations,
} from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { parseSources, type SourceList } from '../functions/poll/sources.js';
import { type KeyAttribute, TABLE_DEFINITION } from '../functions/store/table.js';
import { LAMBDA_BUNDLE } from './bundling.js';
import { TableAccess } from './constructs/table-access.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULT_STAGE = 'sandbox';
export const SERVICE_NAME = 'diplomacy-feed';
/** The feed function's reserved concurrency unless the stack is told otherwise. */
export const DEFAULT_FEED_CONCURRENCY = 20;
/** The poller's Powertools service name: the `service` dimension of its metrics. */
export const POLL_SERVICE_NAME = `${SERVICE_NAME}-poll`;
export const METRICS_NAMESPACE = 'DiplomacyFeed';

export interface DiplomacyFeedStackProps extends StackProps {
  /** `sandbox` (the default) destroys its data with the stack; any other stage retains it. */
  readonly stage?: string;
  /** Handler entry points; tests may point these at fixtures. */
  readonly entries?: { readonly feed?: string; readonly ingest?: string; readonly poll?: string };
  /**
   * The poller's source list. Default: sources/<stage>.json when it exists, else
   * sources/sources.json (`-c sources=path/to/list.json` overrides, see app.ts).
   */
  readonly sources?: SourceList;
  /** How often the poller runs, in minutes (default 15). */
  readonly pollEveryMinutes?: number;
  /** Contact URL in the poller's User-Agent (default: the project's repository page). */
  readonly pollContactUrl?: string;
  /** Written to LOG_LEVEL for both functions. */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /**
   * Absolute origin of the public site (e.g. a custom domain in front of the
   * distribution), written to PUBLIC_BASE_URL. Without it the app builds links from
   * x-forwarded-host, which the CloudFront function sets to the viewer's Host.
   */
  readonly publicBaseUrl?: string;
  /**
   * Concurrent executions reserved for the feed function (default 20): its share,
   * and its ceiling, so that a flood of feed requests that CloudFront cannot answer
   * from its cache never takes the concurrency that ingest and the poller need.
   * The account must have this many above its 100 unreserved executions.
   */
  readonly feedConcurrency?: number;
  /** Record the cdk-nag acknowledgements (default true; tests turn it off to see the raw findings). */
  readonly acknowledgeNagFindings?: boolean;
}

/** Stage names end up in resource names: keep them short and DNS-safe. */
export function validateStage(stage: string): string {
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) {
    throw new Error(`stage must match /^[a-z][a-z0-9-]{0,19}$/, got ${JSON.stringify(stage)}`);
  }
  return stage;
}

export function validatePublicBaseUrl(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'https:' || url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `publicBaseUrl must be an https origin such as https://feeds.example.org, got ${value}`,
    );
  }
  return url.origin;
}

// Copies the viewer's Host into x-forwarded-host before CloudFront talks to the Function
// URL. The origin must receive the Function URL's own Host (SigV4/OAC signs it), so the
// app would otherwise only ever see *.lambda-url.<region>.on.aws and build wrong
// absolute links. Overwriting (never appending) also discards any x-forwarded-host a
// viewer sent, so the header cannot be spoofed. The Function URL itself adds
// x-forwarded-proto: https.
const FORWARD_HOST_CODE = `function handler(event) {
  var request = event.request;
  if (request.headers.host) {
    request.headers['x-forwarded-host'] = { value: request.headers.host.value };
  } else {
    delete request.headers['x-forwarded-host'];
  }
  return request;
}`;

export { DEFAULT_CONTACT_URL } from '../functions/poll/politeness.js';

import { pollMetricName } from '../functions/poll/metrics.js';
import { DEFAULT_CONTACT_URL } from '../functions/poll/politeness.js';

/** Lambda environment variables are capped at 4 KB in all: the source list must fit. */
const MAX_SOURCES_JSON = 3000;

/** The source list of a stage: sources/<stage>.json if present, else sources/sources.json. */
export function sourcesForStage(stage: string, file?: string): SourceList {
  const stageFile = path.join(ROOT, 'sources', `${stage}.json`);
  const chosen = file
    ? path.resolve(file)
    : fs.existsSync(stageFile)
      ? stageFile
      : path.join(ROOT, 'sources/sources.json');
  return parseSources(fs.readFileSync(chosen, 'utf8'), chosen);
}

function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}

export class DiplomacyFeedStack extends Stack {
  readonly stage: string;
  readonly table: dynamodb.Table;
  readonly feedFunction: nodejs.NodejsFunction;
  readonly ingestFunction: nodejs.NodejsFunction;
  readonly pollFunction: nodejs.NodejsFunction;
  readonly pollSchedule: events.Rule;
  readonly feedUrl: lambda.FunctionUrl;
  readonly ingestUrl: lambda.FunctionUrl;
  readonly distribution: cloudfront.Distribution;
  readonly cursorKey: secretsmanager.Secret;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: DiplomacyFeedStackProps = {}) {
    super(scope, id, props);
    this.stage = validateStage(props.stage ?? DEFAULT_STAGE);
    const sandbox = this.stage === DEFAULT_STAGE;
    // sandbox: `npm run destroy` leaves nothing behind; any other stage keeps its data.
    const dataRemoval = sandbox ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    // ── Table: keys and indexes from the one definition the local runtime also uses ──
    this.table = new dynamodb.Table(this, 'Table', {
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
      deletionProtection: !sandbox,
      removalPolicy: dataRemoval,
    });
    const indexNames: string[] = [];
    for (const gsi of TABLE_DEFINITION.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.name,
        partitionKey: attribute(gsi.partitionKey),
        ...(gsi.sortKey ? { sortKey: attribute(gsi.sortKey) } : {}),
      });
      indexNames.push(gsi.name);
    }

    // ── Functions ──
    const commonEnv = {
      TABLE_NAME: this.table.tableName,
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      LOG_LEVEL: props.logLevel ?? 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
      ...(props.publicBaseUrl
        ? { PUBLIC_BASE_URL: validatePublicBaseUrl(props.publicBaseUrl) }
        : {}),
    };
    // The secret that signs feed cursors: every feed instance shares it, so a next link
    // works whichever instance answers, and a made-up cursor is refused before any read.
    // CloudFormation resolves it into the function's environment at deploy time (the
    // template holds only the reference; the role needs no Secrets Manager access).
    this.cursorKey = new secretsmanager.Secret(this, 'CursorKey', {
      description: `diplomacy-feed (${this.stage}): signs feed cursors (next links)`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: dataRemoval,
    });
    const feedConcurrency = props.feedConcurrency ?? DEFAULT_FEED_CONCURRENCY;
    if (!Number.isInteger(feedConcurrency) || feedConcurrency < 1 || feedConcurrency > 1000) {
      throw new Error('feedConcurrency must be a whole number from 1 to 1000');
    }
    // Feed: a Query plus one BatchGetItem and rendering ≤100 items. 1024 MB buys the
    // CPU share that keeps cold starts (≈0.5–1 MB bundle) and rendering short; 10 s is
    // far above the expected ~100 ms and below CloudFront's 30 s origin timeout.
    this.feedFunction = this.nodeFunction('Feed', {
      entry: props.entries?.feed ?? path.join(ROOT, 'functions/handlers/feed.ts'),
      memorySize: 1024,
      timeout: Duration.seconds(10),
      environment: {
        ...commonEnv,
        POWERTOOLS_SERVICE_NAME: `${SERVICE_NAME}-feed`,
        CURSOR_KEY: this.cursorKey.secretValue.unsafeUnwrap(),
      },
      description: `diplomacy-feed (${this.stage}): public feeds, read-only`,
      removalPolicy: dataRemoval,
      reservedConcurrentExecutions: feedConcurrency,
    });
    // Ingest: extraction over up to 200,000 characters and one write per feed view an
    // event is listed in, with conditional retries on the identity ledger: 60 s.
    this.ingestFunction = this.nodeFunction('Ingest', {
      entry: props.entries?.ingest ?? path.join(ROOT, 'functions/handlers/ingest.ts'),
      memorySize: 1024,
      timeout: Duration.seconds(60),
      environment: { ...commonEnv, POWERTOOLS_SERVICE_NAME: `${SERVICE_NAME}-ingest` },
      description: `diplomacy-feed (${this.stage}): article ingest, IAM-signed only`,
      removalPolicy: dataRemoval,
    });

    // Poll: fetches the configured feeds and their new articles politely (one request
    // per host at a time, seconds apart), extracts and ingests them. 5 minutes leaves
    // room for a few dozen pages; it stops starting new ones a minute before the end and
    // the next run resumes. 1024 MB: Readability over a DOM is CPU-bound.
    const sources = props.sources ?? sourcesForStage(this.stage);
    const sourcesJson = JSON.stringify(parseSources(JSON.stringify(sources)));
    if (sourcesJson.length > MAX_SOURCES_JSON) {
      throw new Error(
        `the source list is ${sourcesJson.length} characters of JSON; at most ${MAX_SOURCES_JSON} fit the poller's environment`,
      );
    }
    this.pollFunction = this.nodeFunction('Poll', {
      entry: props.entries?.poll ?? path.join(ROOT, 'functions/handlers/poll.ts'),
      memorySize: 1024,
      timeout: Duration.minutes(5),
      environment: {
        ...commonEnv,
        POWERTOOLS_SERVICE_NAME: POLL_SERVICE_NAME,
        SOURCES: sourcesJson,
        POLL_CONTACT_URL: props.pollContactUrl ?? DEFAULT_CONTACT_URL,
        SERVICE_VERSION: packageVersion(),
      },
      description: `diplomacy-feed (${this.stage}): scheduled polling of news sources`,
      removalPolicy: dataRemoval,
    });
    const every = props.pollEveryMinutes ?? 15;
    if (!Number.isInteger(every) || every < 5 || every > 1440)
      throw new Error('pollEveryMinutes must be 5–1440');
    this.pollSchedule = new events.Rule(this, 'PollSchedule', {
      description: `diplomacy-feed (${this.stage}): run the poller every ${every} minutes`,
      schedule: events.Schedule.rate(Duration.minutes(every)),
      // No retries: the next scheduled run picks up where a failed one stopped.
      targets: [
        new targets.LambdaFunction(this.pollFunction, {
          retryAttempts: 0,
          maxEventAge: Duration.minutes(every),
        }),
      ],
    });
    new TableAccess(this, 'PollTableAccess', {
      table: this.table,
      grantee: this.pollFunction,
      access: 'poll',
      indexNames,
    });

    new TableAccess(this, 'FeedTableAccess', {
      table: this.table,
      grantee: this.feedFunction,
      access: 'read',
      indexNames,
    });
    new TableAccess(this, 'IngestTableAccess', {
      table: this.table,
      grantee: this.ingestFunction,
      access: 'read-write',
      indexNames,
    });

    // ── Ingest endpoint: SigV4-signed requests only ──
    // Callers need lambda:InvokeFunctionUrl (and lambda:InvokeFunction) from their own
    // identity policy; an administrator of this account already has both.
    this.ingestUrl = this.ingestFunction.addFunctionUrl({
      authType: lambda.FunctionUrlAuthType.AWS_IAM,
      invokeMode: lambda.InvokeMode.BUFFERED,
    });

    // ── Public feed: CloudFront → Function URL (AWS_IAM) with origin access control ──
    this.feedUrl = this.feedFunction.addFunctionUrl({
      authType: lambda.FunctionUrlAuthType.AWS_IAM,
      invokeMode: lambda.InvokeMode.BUFFERED,
    });
    const origin = origins.FunctionUrlOrigin.withOriginAccessControl(this.feedUrl, {
      readTimeout: Duration.seconds(15),
      keepaliveTimeout: Duration.seconds(5),
    });

    // The origin decides freshness: min TTL 0 and default TTL 0, so a response without
    // Cache-Control is not cached and a Cache-Control: max-age=N one is cached N seconds
    // (capped at a day). The whole query string is in the key (filters, cursor, limit,
    // lang), and so is x-forwarded-host (one cached copy per public host name, since
    // the body's absolute links depend on it; cache-key headers also reach the origin).
    // No cookies: CloudFront does not support If-None-Match/If-Modified-Since when
    // cookies are forwarded. With none, CloudFront answers a viewer's conditional request
    // from its cached ETag/Last-Modified with 304, and revalidates a stale object with
    // its own conditional request to the origin, which answers 304 without a body.
    const cacheKey = {
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.days(1),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    };
    const feedCachePolicy = new cloudfront.CachePolicy(this, 'FeedCachePolicy', {
      comment: 'diplomacy-feed: origin Cache-Control, full query string, viewer host',
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('x-forwarded-host'),
      ...cacheKey,
    });
    // /events/{id} answers HTML or the JSON Feed item by Accept, and CloudFront ignores
    // Vary, so Accept is part of the key there (and only there, to keep feed hits high).
    const eventCachePolicy = new cloudfront.CachePolicy(this, 'EventCachePolicy', {
      comment: 'diplomacy-feed /events/*: as the feeds, plus Accept',
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('x-forwarded-host', 'accept'),
      ...cacheKey,
    });
    const forwardHost = new cloudfront.Function(this, 'ForwardHostFunction', {
      comment: 'Copy the viewer Host into x-forwarded-host for the origin',
      code: cloudfront.FunctionCode.fromInline(FORWARD_HOST_CODE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });
    const behavior = (cachePolicy: cloudfront.ICachePolicy): cloudfront.BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      // Reads only: POST /articles is not served here (see the ingest endpoint).
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
      cachePolicy,
      compress: true,
      responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
      functionAssociations: [
        { function: forwardHost, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
      ],
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `diplomacy-feed (${this.stage})`,
      defaultBehavior: behavior(feedCachePolicy),
      additionalBehaviors: { '/events/*': behavior(eventCachePolicy) },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // North America, Europe, Asia (Viet Nam included), Middle East and Africa.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
    });

    // ── Alarms ──
    for (const [name, fn] of [
      ['Feed', this.feedFunction],
      ['Ingest', this.ingestFunction],
      ['Poll', this.pollFunction],
    ] as const) {
      this.alarms.push(
        new cloudwatch.Alarm(this, `${name}ErrorsAlarm`, {
          alarmDescription: `${name} function errors (${this.stage})`,
          metric: fn.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
        new cloudwatch.Alarm(this, `${name}ThrottlesAlarm`, {
          alarmDescription: `${name} function throttles (${this.stage})`,
          metric: fn.metricThrottles({
            period: Duration.minutes(5),
            statistic: cloudwatch.Stats.SUM,
          }),
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );
    }
    // A source that keeps failing (the feed down, robots.txt unreachable, a broken
    // feed, the store failing mid-run). The poller publishes PollSourceFailures through
    // Powertools (EMF) under the stack's namespace with the dimension service =
    // POWERTOOLS_SERVICE_NAME; a run without failures publishes no datapoint. One
    // failed run is not worth a page (sources back off and retry by themselves): the
    // alarm fires when failures show up in 2 of 3 consecutive hours.
    this.alarms.push(
      new cloudwatch.Alarm(this, 'PollSourceFailuresAlarm', {
        alarmDescription: `Poller: news sources failing in 2 of the last 3 hours (${this.stage}); see the poll function's "source failed" log lines`,
        metric: new cloudwatch.Metric({
          namespace: METRICS_NAMESPACE,
          metricName: pollMetricName('SourceFailures'),
          dimensionsMap: { service: POLL_SERVICE_NAME },
          statistic: cloudwatch.Stats.SUM,
          period: Duration.hours(1),
        }),
        threshold: 1,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
    // CloudFront publishes its metrics only in us-east-1, and an alarm can only watch
    // metrics of its own region: the 5xx alarm exists when the stack is deployed there.
    // Elsewhere, origin failures still trip the feed Errors alarm.
    if (!Token.isUnresolved(this.region) && this.region === 'us-east-1') {
      this.alarms.push(
        new cloudwatch.Alarm(this, 'Cdn5xxAlarm', {
          alarmDescription: `CloudFront 5xx error rate above 5% (${this.stage})`,
          // Built by hand: CloudFront publishes with the dimension Region=Global, which
          // distribution.metric5xxErrorRate() leaves out (it would never see data).
          metric: new cloudwatch.Metric({
            namespace: 'AWS/CloudFront',
            metricName: '5xxErrorRate',
            dimensionsMap: { DistributionId: this.distribution.distributionId, Region: 'Global' },
            statistic: cloudwatch.Stats.AVERAGE,
            period: Duration.minutes(5),
          }),
          threshold: 5,
          evaluationPeriods: 2,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    // ── Outputs ──
    const site = `https://${this.distribution.distributionDomainName}`;
    new CfnOutput(this, 'HomePageUrl', {
      value: `${site}/`,
      description: 'Human page with feed autodiscovery',
    });
    new CfnOutput(this, 'FeedUrl', { value: `${site}/feeds/atom.xml`, description: 'Atom feed' });
    new CfnOutput(this, 'RssFeedUrl', {
      value: `${site}/feeds/rss.xml`,
      description: 'RSS 2.0 feed',
    });
    new CfnOutput(this, 'JsonFeedUrl', {
      value: `${site}/feeds/feed.json`,
      description: 'JSON Feed 1.1',
    });
    new CfnOutput(this, 'CalendarUrl', {
      value: `${site}/feeds/calendar.ics`,
      description: 'iCalendar feed',
    });
    new CfnOutput(this, 'IngestUrl', {
      // Function URLs end with a slash.
      value: Fn.join('', [this.ingestUrl.url, 'articles']),
      description: 'POST articles here, SigV4-signed (service lambda)',
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });

    if (props.acknowledgeNagFindings ?? true) this.acknowledgeNagFindings();
  }

  private nodeFunction(
    id: string,
    opts: {
      entry: string;
      memorySize: number;
      timeout: Duration;
      environment: Record<string, string>;
      description: string;
      removalPolicy: RemovalPolicy;
      reservedConcurrentExecutions?: number;
    },
  ): nodejs.NodejsFunction {
    const logGroup = new logs.LogGroup(this, `${id}Logs`, {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: opts.removalPolicy,
    });
    // Our own role: only the log group below and the table actions of TableAccess, not
    // the managed AWSLambdaBasicExecutionRole (which may write to any log group).
    const role = new iam.Role(this, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${id} function of diplomacy-feed (${this.stage})`,
    });
    logGroup.grantWrite(role);
    const fn = new nodejs.NodejsFunction(this, id, {
      entry: opts.entry,
      handler: 'handler',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: opts.memorySize,
      timeout: opts.timeout,
      ...(opts.reservedConcurrentExecutions
        ? { reservedConcurrentExecutions: opts.reservedConcurrentExecutions }
        : {}),
      environment: opts.environment,
      description: opts.description,
      role,
      logGroup,
      projectRoot: ROOT,
      depsLockFilePath: path.join(ROOT, 'package-lock.json'),
      bundling: {
        format: nodejs.OutputFormat.ESM,
        target: LAMBDA_BUNDLE.target,
        minify: LAMBDA_BUNDLE.minify,
        sourceMap: LAMBDA_BUNDLE.sourcemap,
        sourcesContent: LAMBDA_BUNDLE.sourcesContent,
        mainFields: [...LAMBDA_BUNDLE.mainFields],
        // charset and aliases as raw esbuild flags: aws-cdk-lib 2.276 declares
        // `charset: Charset.UTF8` but never hands it to esbuild, and has no alias option
        // (test/infra/bundle.test.ts catches a regression either way).
        esbuildArgs: {
          '--charset': LAMBDA_BUNDLE.charset,
          ...Object.fromEntries(
            Object.entries(LAMBDA_BUNDLE.alias).map(([from, to]) => [`--alias:${from}`, to]),
          ),
        },
        externalModules: [...LAMBDA_BUNDLE.external],
        banner: LAMBDA_BUNDLE.banner,
      },
    });
    // The log group exists before the function can write to it.
    fn.node.addDependency(logGroup);
    return fn;
  }

  /** cdk-nag AwsSolutions findings accepted for this design, each with its reason. */
  private acknowledgeNagFindings(): void {
    const ack = (scope: Construct, id: string, reason: string) =>
      Validations.of(scope).acknowledge({ id, reason });
    ack(
      this.cursorKey,
      'AwsSolutions-SMG4',
      'The key only signs feed cursors (next links); rotating it would break every next link in flight for no gain, since a leaked key lets one forge a cursor, which is a cache miss, not a disclosure.',
    );
    ack(
      this.distribution,
      'AwsSolutions-CFR1',
      'A public news feed with no geographic licensing limits: every country may read it.',
    );
    ack(
      this.distribution,
      'AwsSolutions-CFR2',
      'Read-only, cacheable GET/HEAD traffic to a Lambda origin that only CloudFront may invoke; a WAF web ACL (~$5+/month) is out of proportion for a sandbox feed. Add one per stage if abuse appears.',
    );
    ack(
      this.distribution,
      'AwsSolutions-CFR3',
      'Every origin request is logged by the feed function (Powertools logger) and CloudFront publishes request metrics; standard access logs would need a log bucket with its own lifecycle for a sandbox feed.',
    );
    ack(
      this.distribution,
      'AwsSolutions-CFR4',
      'The distribution uses the default *.cloudfront.net certificate, with which CloudFront does not let the minimum viewer TLS version be raised; set a custom domain and certificate (TLSv1.2_2021) to change it.',
    );
  }
}

function attribute(key: KeyAttribute): dynamodb.Attribute {
  const type = {
    S: dynamodb.AttributeType.STRING,
    N: dynamodb.AttributeType.NUMBER,
    B: dynamodb.AttributeType.BINARY,
  }[key.type];
  return { name: key.name, type };
}
