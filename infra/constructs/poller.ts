// The poller: a scheduled function that fetches the configured news sources and their
// new articles politely (one request per host at a time, seconds apart), extracts and
// ingests them (functions/poll/).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { DEFAULT_CONTACT_URL } from '../../functions/poll/politeness.js';
import { parseSources, type SourceList } from '../../functions/poll/sources.js';
import { PROJECT_ROOT } from '../bundling.js';
import { type FunctionPartProps, POLL_SERVICE_NAME, serviceFunction } from './service-function.js';
import { TableAccess } from './table-access.js';

/** Lambda environment variables are capped at 4 KB in all: the source list must fit. */
const MAX_SOURCES_JSON = 3000;

/** The source list of a stage: sources/<stage>.json if present, else sources/sources.json. */
export function sourcesForStage(stage: string, file?: string): SourceList {
  const stageFile = path.join(PROJECT_ROOT, 'sources', `${stage}.json`);
  const chosen = file
    ? path.resolve(file)
    : fs.existsSync(stageFile)
      ? stageFile
      : path.join(PROJECT_ROOT, 'sources/sources.json');
  return parseSources(fs.readFileSync(chosen, 'utf8'), chosen);
}

function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}

export interface PollerProps extends FunctionPartProps {
  readonly sources: SourceList;
  /** how often it runs, in minutes (default 15) */
  readonly everyMinutes?: number;
  /** contact URL in its User-Agent (default: the project's repository page) */
  readonly contactUrl?: string;
}

/** Adds the poll function, its schedule and its table access to `scope`, with the ids a
 *  deployed stack has. */
export class Poller {
  readonly function: nodejs.NodejsFunction;
  readonly schedule: events.Rule;

  constructor(scope: Construct, props: PollerProps) {
    const sourcesJson = JSON.stringify(parseSources(JSON.stringify(props.sources)));
    if (sourcesJson.length > MAX_SOURCES_JSON) {
      throw new Error(
        `the source list is ${sourcesJson.length} characters of JSON; at most ${MAX_SOURCES_JSON} fit the poller's environment`,
      );
    }
    // 5 minutes leaves room for a few dozen pages; it stops starting new ones a minute
    // before the end and the next run resumes. 1024 MB: Readability over a DOM is
    // CPU-bound.
    this.function = serviceFunction(scope, 'Poll', {
      stage: props.stage,
      entry: props.entry,
      memorySize: 1024,
      timeout: Duration.minutes(5),
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: POLL_SERVICE_NAME,
        SOURCES: sourcesJson,
        POLL_CONTACT_URL: props.contactUrl ?? DEFAULT_CONTACT_URL,
        SERVICE_VERSION: packageVersion(),
      },
      description: `diplomacy-feed (${props.stage}): scheduled polling of news sources`,
      removalPolicy: props.removalPolicy,
    });
    const every = props.everyMinutes ?? 15;
    if (!Number.isInteger(every) || every < 5 || every > 1440)
      throw new Error('pollEveryMinutes must be 5–1440');
    this.schedule = new events.Rule(scope, 'PollSchedule', {
      description: `diplomacy-feed (${props.stage}): run the poller every ${every} minutes`,
      schedule: events.Schedule.rate(Duration.minutes(every)),
      // No retries: the next scheduled run picks up where a failed one stopped.
      targets: [
        new targets.LambdaFunction(this.function, {
          retryAttempts: 0,
          maxEventAge: Duration.minutes(every),
        }),
      ],
    });
    new TableAccess(scope, 'PollTableAccess', {
      table: props.table,
      grantee: this.function,
      access: 'poll',
    });
  }
}
