// The deployed diplomacy feed: one DynamoDB table and three Lambda functions — feed
// (behind CloudFront), ingest (behind an IAM-only Function URL) and poll (on a
// schedule) — with their alarms. Each concern is built in infra/constructs/.
//
//   viewer ──https──▶ CloudFront ──SigV4 (OAC)──▶ feed Function URL (AWS_IAM) ──▶ feed λ ──read──▶ table
//   signed client ──SigV4──────────────────────▶ ingest Function URL (AWS_IAM) ─▶ ingest λ ─r/w──▶ table
//   schedule (EventBridge) ───────────────────────────────────────────────────▶ poll λ ──r/w──▶ table
//
// The concerns add their resources to the stack's own scope, not to a construct scope of
// their own: CloudFormation logical ids, and the names CDK derives from construct paths
// (cache policies, the origin access control, the origin id, Lambda permissions), stay
// those of the stacks already deployed, so an update changes them in place rather than
// replacing the table, the distribution's parts and the function URLs.
import * as path from 'node:path';
import { CfnOutput, Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import type { SourceList } from '../functions/poll/sources.js';
import { PROJECT_ROOT } from './bundling.js';
import { Alarms } from './constructs/alarms.js';
import { FeedService } from './constructs/feed-service.js';
import { IngestEndpoint } from './constructs/ingest-endpoint.js';
import { Poller, sourcesForStage } from './constructs/poller.js';
import { METRICS_NAMESPACE, SERVICE_NAME } from './constructs/service-function.js';
import { storeTable } from './constructs/store-table.js';

export const DEFAULT_STAGE = 'sandbox';

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
  /** Written to LOG_LEVEL for all three functions. */
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

function validatePublicBaseUrl(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'https:' || url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `publicBaseUrl must be an https origin such as https://feeds.example.org, got ${value}`,
    );
  }
  return url.origin;
}

const handler = (name: string) => path.join(PROJECT_ROOT, `functions/handlers/${name}.ts`);

export class DiplomacyFeedStack extends Stack {
  readonly stage: string;
  readonly table: dynamodb.Table;
  readonly feed: FeedService;
  readonly ingest: IngestEndpoint;
  readonly poller: Poller;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: DiplomacyFeedStackProps = {}) {
    super(scope, id, props);
    const stage = validateStage(props.stage ?? DEFAULT_STAGE);
    this.stage = stage;
    const sandbox = stage === DEFAULT_STAGE;
    // sandbox: `npm run destroy` leaves nothing behind; any other stage keeps its data.
    const removalPolicy = sandbox ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    const table = storeTable(this, { deletionProtection: !sandbox, removalPolicy });
    this.table = table;
    const environment = {
      TABLE_NAME: table.tableName,
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      LOG_LEVEL: props.logLevel ?? 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
      ...(props.publicBaseUrl
        ? { PUBLIC_BASE_URL: validatePublicBaseUrl(props.publicBaseUrl) }
        : {}),
    };

    const parts = { stage, table, environment, removalPolicy };
    this.feed = new FeedService(this, {
      ...parts,
      entry: props.entries?.feed ?? handler('feed'),
      ...(props.feedConcurrency !== undefined ? { concurrency: props.feedConcurrency } : {}),
      acknowledgeNagFindings: props.acknowledgeNagFindings ?? true,
    });
    this.ingest = new IngestEndpoint(this, {
      ...parts,
      entry: props.entries?.ingest ?? handler('ingest'),
    });
    this.poller = new Poller(this, {
      ...parts,
      entry: props.entries?.poll ?? handler('poll'),
      sources: props.sources ?? sourcesForStage(stage),
      ...(props.pollEveryMinutes !== undefined ? { everyMinutes: props.pollEveryMinutes } : {}),
      ...(props.pollContactUrl !== undefined ? { contactUrl: props.pollContactUrl } : {}),
    });
    this.alarms = new Alarms(this, {
      stage,
      functions: {
        Feed: this.feed.function,
        Ingest: this.ingest.function,
        Poll: this.poller.function,
      },
      distribution: this.feed.distribution,
    });

    const site = `https://${this.feed.distribution.distributionDomainName}`;
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
      value: Fn.join('', [this.ingest.url.url, 'articles']),
      description: 'POST articles here, SigV4-signed (service lambda)',
    });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'DistributionId', { value: this.feed.distribution.distributionId });
  }
}
