// CDK app entry: `npm run synth`, `npm run deploy -- -c stage=<name>` (default sandbox).
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { sourcesForStage } from './constructs/poller.js';
import { DEFAULT_STAGE, DiplomacyFeedStack, validateStage } from './stack.js';

const app = new App();
const stage = validateStage(String(app.node.tryGetContext('stage') ?? DEFAULT_STAGE));
// Optional: `-c publicBaseUrl=https://feeds.example.org` when a custom domain fronts the distribution.
const publicBaseUrl: unknown = app.node.tryGetContext('publicBaseUrl');
// Optional: `-c sources=path/to/list.json`; else sources/<stage>.json, else sources/sources.json.
const sourcesFile: unknown = app.node.tryGetContext('sources');
const pollContactUrl: unknown = app.node.tryGetContext('pollContactUrl');
// Optional: `-c feedConcurrency=N`, the feed function's reserved concurrency (default 20).
const feedConcurrency: unknown = app.node.tryGetContext('feedConcurrency');

// cdk-nag AwsSolutions on every synth and deploy: an unacknowledged finding stops it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

new DiplomacyFeedStack(app, `DiplomacyFeed-${stage}`, {
  stage,
  ...(typeof publicBaseUrl === 'string' && publicBaseUrl ? { publicBaseUrl } : {}),
  sources: sourcesForStage(
    stage,
    typeof sourcesFile === 'string' && sourcesFile ? sourcesFile : undefined,
  ),
  ...(typeof pollContactUrl === 'string' && pollContactUrl ? { pollContactUrl } : {}),
  ...(feedConcurrency !== undefined ? { feedConcurrency: Number(feedConcurrency) } : {}),
  description: `diplomacy-feed (${stage}): bilateral diplomatic events as RSS/Atom/JSON Feed/iCalendar`,
  // The account and region of the credentials the CLI runs with (AWS_REGION / profile).
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  tags: { project: 'diplomacy-feed', stage },
});
