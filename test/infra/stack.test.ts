// Assertions on the synthesized CloudFormation template of infra/stack.ts. Bundling is
// skipped here (fixture entries); test/infra/bundle.test.ts bundles the real handlers.
import { Validations } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runPoll } from '../../functions/poll/run.js';
import { metrics } from '../../functions/shared/observability.js';
import { TABLE_DEFINITION } from '../../functions/store/table.js';
import { DEFAULT_FEED_CONCURRENCY } from '../../infra/constructs/feed-service.js';
import {
  TABLE_POLL_ACTIONS,
  TABLE_READ_ACTIONS,
  TABLE_WRITE_ACTIONS,
} from '../../infra/constructs/table-access.js';
import { validateStage } from '../../infra/stack.js';
import { actionsOf, type Built, build, resources, roleOf, statementsOfRole } from './helpers.js';

// The first synth in a worker loads aws-cdk-lib (~2–3 s); later ones take ~0.3–1 s.
const SLOW = 30_000;

let sandbox: Built;
beforeAll(() => {
  sandbox = build();
}, SLOW);

const ofType = (template: Template, type: string) =>
  Object.entries(resources(template)).filter(([, r]) => r.Type === type);

describe('logical ids', () => {
  // A deployed stack updates in place only while every resource keeps its logical id:
  // a new one replaces the resource (a new table, a new distribution domain, new
  // function URLs). Written out literally, so that moving a resource to another
  // construct scope or renaming it fails here first.
  it('are those of the stacks already deployed', () => {
    expect(Object.keys(resources(sandbox.template)).sort()).toEqual([
      'CursorKey255E8F8A',
      'Distribution830FAC52',
      'DistributionOrigin1FunctionUrlOriginAccessControl1DA0EA55',
      'DistributionOrigin1InvokeFromApiForTestDistributionOrigin1552FC0393201C0F6',
      'DistributionOrigin1InvokeFunctionFromCloudFrontForTestDistributionOrigin1552FC03934AABC57',
      'EventCachePolicy5DDC5736',
      'Feed908EF2E5',
      'FeedCachePolicyE480E2DC',
      'FeedErrorsAlarmBAF9551B',
      'FeedFunctionUrl4689E4D9',
      'FeedLogs9B2AFFEC',
      'FeedRoleA379BE7E',
      'FeedRoleDefaultPolicyE6261262',
      'FeedThrottlesAlarm612EE4B0',
      'ForwardHostFunction7D9854A3',
      'Ingest4069586C',
      'IngestErrorsAlarm406C4623',
      'IngestFunctionUrl468FA9C6',
      'IngestLogs7327CBDC',
      'IngestRoleAF8AE6D8',
      'IngestRoleDefaultPolicy36CB560D',
      'IngestThrottlesAlarm2EB73F30',
      'PollC3D9C052',
      'PollErrorsAlarm519749E0',
      'PollLogs2496FACE',
      'PollRole5F33C6A6',
      'PollRoleDefaultPolicyADEE9E64',
      'PollScheduleAllowEventRuleTestPollD47E5CEC0E0C93C5',
      'PollScheduleFDDF254A',
      'PollSourceFailuresAlarmEB689567',
      'PollThrottlesAlarmEA0A3861',
      'TableCD117FA1',
    ]);
  });
});

describe('table', () => {
  it('has the keys of TABLE_DEFINITION (the local runtime builds from the same object) and no index', () => {
    const tables = ofType(sandbox.template, 'AWS::DynamoDB::Table');
    expect(tables).toHaveLength(1);
    const p = tables[0]![1].Properties;
    const keySchema = [
      { AttributeName: TABLE_DEFINITION.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: TABLE_DEFINITION.sortKey.name, KeyType: 'RANGE' },
    ];
    expect(p.KeySchema).toEqual(keySchema);
    const defined = new Map<string, string>([
      [TABLE_DEFINITION.partitionKey.name, TABLE_DEFINITION.partitionKey.type],
      [TABLE_DEFINITION.sortKey.name, TABLE_DEFINITION.sortKey.type],
    ]);
    const attributes = new Map<string, string>(
      p.AttributeDefinitions.map((a: { AttributeName: string; AttributeType: string }) => [
        a.AttributeName,
        a.AttributeType,
      ]),
    );
    expect(attributes).toEqual(defined);
    // feed pages are Queries on one partition: no index, so no index/* in any grant
    expect(p.GlobalSecondaryIndexes).toBeUndefined();
    expect(p.LocalSecondaryIndexes).toBeUndefined();
  });

  it('is on-demand, encrypted and has point-in-time recovery', () => {
    sandbox.template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
    });
  });
});

describe('removal policy by stage', () => {
  it('sandbox (the default) destroys the table and log groups', () => {
    expect(sandbox.stack.stage).toBe('sandbox');
    sandbox.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
    for (const [, lg] of ofType(sandbox.template, 'AWS::Logs::LogGroup'))
      expect(lg.DeletionPolicy).toBe('Delete');
  });

  it(
    'any other stage retains them and protects the table',
    () => {
      const { template } = build({ stage: 'prod' });
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
      });
      for (const [, lg] of ofType(template, 'AWS::Logs::LogGroup'))
        expect(lg.DeletionPolicy).toBe('Retain');
    },
    SLOW,
  );

  it('rejects stage names unfit for resource names', () => {
    expect(validateStage('sandbox')).toBe('sandbox');
    expect(validateStage('pr-42')).toBe('pr-42');
    for (const bad of ['', 'Prod', 'a b', '-x', 'x'.repeat(21)])
      expect(() => validateStage(bad)).toThrow(/stage/);
  });
});

describe('least privilege', () => {
  it('the feed role has no write action in any attached policy statement', () => {
    const { statements, managed } = statementsOfRole(
      sandbox.template,
      roleOf(sandbox.template, 'Feed'),
    );
    expect(managed).toEqual([]);
    expect(statements.length).toBeGreaterThan(0);
    const allowed = new Set<string>([
      ...TABLE_READ_ACTIONS,
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]);
    const writeLike =
      /^(dynamodb:(Put|Update|Delete|BatchWrite|TransactWrite|ConditionCheck|Create|Restore|Import)|.*\*)/;
    for (const s of statements) {
      expect(s.NotAction).toBeUndefined();
      if (s.Effect !== 'Allow') continue;
      for (const action of actionsOf(s)) {
        expect(action, `feed role action ${action}`).not.toMatch(writeLike);
        expect(allowed.has(action), `feed role action ${action}`).toBe(true);
      }
    }
    const dynamo = statements.flatMap(actionsOf).filter((a) => a.startsWith('dynamodb:'));
    expect(new Set(dynamo)).toEqual(new Set(TABLE_READ_ACTIONS));
    for (const w of TABLE_WRITE_ACTIONS) expect(dynamo).not.toContain(w);
  });

  it('the ingest role has exactly the read and write item actions, on the table only', () => {
    const { statements, managed } = statementsOfRole(
      sandbox.template,
      roleOf(sandbox.template, 'Ingest'),
    );
    expect(managed).toEqual([]);
    const dynamoStatements = statements.filter((s) =>
      actionsOf(s).some((a) => a.startsWith('dynamodb:')),
    );
    const dynamo = dynamoStatements.flatMap(actionsOf);
    expect(new Set(dynamo)).toEqual(new Set([...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS]));
    expect(dynamo).not.toContain('dynamodb:Scan');
    expect(dynamo.some((a) => a.startsWith('dynamodb:Transact'))).toBe(false);
    const tableId = ofType(sandbox.template, 'AWS::DynamoDB::Table')[0]![0];
    for (const s of dynamoStatements)
      expect(s.Resource).toEqual({ 'Fn::GetAtt': [tableId, 'Arn'] });
  });

  it('each role may write only to its own log group', () => {
    for (const name of ['Feed', 'Ingest', 'Poll']) {
      const { statements } = statementsOfRole(sandbox.template, roleOf(sandbox.template, name));
      const logStatements = statements.filter((s) =>
        actionsOf(s).some((a) => a.startsWith('logs:')),
      );
      expect(logStatements).toHaveLength(1);
      const lg = ofType(sandbox.template, 'AWS::Logs::LogGroup').find(([id]) =>
        id.startsWith(`${name}Logs`),
      )!;
      expect(logStatements[0]!.Resource).toEqual({ 'Fn::GetAtt': [lg[0], 'Arn'] });
    }
  });
});

describe('functions', () => {
  it('run nodejs24.x on arm64 with the app environment', () => {
    const fns = ofType(sandbox.template, 'AWS::Lambda::Function');
    expect(fns).toHaveLength(3);
    const tableId = ofType(sandbox.template, 'AWS::DynamoDB::Table')[0]![0];
    for (const [, fn] of fns) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.Handler).toBe('index.handler');
      const env = fn.Properties.Environment.Variables;
      expect(env.TABLE_NAME).toEqual({ Ref: tableId });
      expect(env.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(env.POWERTOOLS_SERVICE_NAME).toMatch(/^diplomacy-feed/);
      expect(env.POWERTOOLS_METRICS_NAMESPACE).toBe('DiplomacyFeed');
      expect(env.LOG_LEVEL).toBe('INFO');
      // The public origin comes from x-forwarded-host (see the CloudFront function).
      expect(env.PUBLIC_BASE_URL).toBeUndefined();
      // request-serving functions; the scheduled poller's 5 minutes is checked below
      if (!JSON.stringify(fn.Properties.Description).includes('polling'))
        expect(fn.Properties.Timeout).toBeLessThanOrEqual(60);
    }
  });

  it(
    'pass an explicit public origin through PUBLIC_BASE_URL when one is configured',
    () => {
      const { template } = build({ publicBaseUrl: 'https://feeds.example.org/' });
      for (const [, fn] of ofType(template, 'AWS::Lambda::Function')) {
        expect(fn.Properties.Environment.Variables.PUBLIC_BASE_URL).toBe(
          'https://feeds.example.org',
        );
      }
      expect(() => build({ publicBaseUrl: 'http://feeds.example.org' })).toThrow(/https origin/);
      expect(() => build({ publicBaseUrl: 'https://feeds.example.org/x' })).toThrow(/https origin/);
    },
    SLOW,
  );

  it('log to explicit log groups with a retention', () => {
    const groups = ofType(sandbox.template, 'AWS::Logs::LogGroup');
    expect(groups).toHaveLength(3);
    for (const [, lg] of groups) expect(lg.Properties.RetentionInDays).toBe(30);
    for (const [, fn] of ofType(sandbox.template, 'AWS::Lambda::Function')) {
      const ref = fn.Properties.LoggingConfig.LogGroup.Ref;
      expect(groups.map(([id]) => id)).toContain(ref);
    }
  });

  it('stays below the CloudFront origin read timeout (feed)', () => {
    const feed = ofType(sandbox.template, 'AWS::Lambda::Function').find(([id]) =>
      id.startsWith('Feed'),
    )![1];
    const dist = ofType(sandbox.template, 'AWS::CloudFront::Distribution')[0]![1];
    const readTimeout =
      dist.Properties.DistributionConfig.Origins[0].CustomOriginConfig.OriginReadTimeout;
    expect(feed.Properties.Timeout).toBeLessThan(readTimeout);
  });
});

describe('endpoints', () => {
  it('ingest: a Function URL that requires IAM (SigV4) and is not in front of CloudFront', () => {
    const ingestFn = ofType(sandbox.template, 'AWS::Lambda::Function').find(([id]) =>
      id.startsWith('Ingest'),
    )![0];
    const urls = ofType(sandbox.template, 'AWS::Lambda::Url');
    const ingestUrl = urls.find(
      ([, u]) => u.Properties.TargetFunctionArn['Fn::GetAtt'][0] === ingestFn,
    );
    expect(ingestUrl).toBeDefined();
    expect(ingestUrl![1].Properties.AuthType).toBe('AWS_IAM');
    // No resource policy opens it to anyone: no permission on the ingest function at all.
    for (const [, perm] of ofType(sandbox.template, 'AWS::Lambda::Permission')) {
      expect(JSON.stringify(perm.Properties.FunctionName)).not.toContain(ingestFn);
    }
    const dist = JSON.stringify(ofType(sandbox.template, 'AWS::CloudFront::Distribution')[0]![1]);
    expect(dist).not.toContain(ingestUrl![0]);
  });

  it('every Function URL requires IAM', () => {
    for (const [, u] of ofType(sandbox.template, 'AWS::Lambda::Url'))
      expect(u.Properties.AuthType).toBe('AWS_IAM');
  });

  it('CloudFront fronts the feed Function URL with origin access control', () => {
    const feedFn = ofType(sandbox.template, 'AWS::Lambda::Function').find(([id]) =>
      id.startsWith('Feed'),
    )![0];
    const feedUrl = ofType(sandbox.template, 'AWS::Lambda::Url').find(
      ([, u]) => u.Properties.TargetFunctionArn['Fn::GetAtt'][0] === feedFn,
    )!;
    const [oacId, oac] = ofType(sandbox.template, 'AWS::CloudFront::OriginAccessControl')[0]!;
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 'lambda',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const [distId, dist] = ofType(sandbox.template, 'AWS::CloudFront::Distribution')[0]!;
    const config = dist.Properties.DistributionConfig;
    expect(config.Origins).toHaveLength(1);
    const origin = config.Origins[0];
    expect(JSON.stringify(origin.DomainName)).toContain(`"${feedUrl[0]}","FunctionUrl"`);
    expect(origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
    expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    // Only this distribution may invoke the feed URL.
    const perms = ofType(sandbox.template, 'AWS::Lambda::Permission')
      .map(([, p]) => p.Properties)
      .filter((p) => p.Principal !== 'events.amazonaws.com'); // the poller's schedule
    expect(perms.map((p) => p.Action).sort()).toEqual([
      'lambda:InvokeFunction',
      'lambda:InvokeFunctionUrl',
    ]);
    for (const p of perms) {
      expect(p.Principal).toBe('cloudfront.amazonaws.com');
      expect(JSON.stringify(p.SourceArn)).toContain(`{"Ref":"${distId}"}`);
    }
  });

  it('caching honours the origin, keys on the query string, and never forwards cookies', () => {
    const dist = ofType(sandbox.template, 'AWS::CloudFront::Distribution')[0]![1].Properties
      .DistributionConfig;
    const behaviors = [dist.DefaultCacheBehavior, ...dist.CacheBehaviors];
    const policies = new Map(ofType(sandbox.template, 'AWS::CloudFront::CachePolicy'));
    for (const b of behaviors) {
      expect(b.AllowedMethods).toEqual(['GET', 'HEAD']);
      expect(b.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(b.OriginRequestPolicyId).toBeUndefined();
      expect(b.FunctionAssociations).toHaveLength(1);
      expect(b.FunctionAssociations[0].EventType).toBe('viewer-request');
      const policy = policies.get(b.CachePolicyId.Ref)!.Properties.CachePolicyConfig;
      expect(policy.MinTTL).toBe(0);
      expect(policy.DefaultTTL).toBe(0);
      expect(policy.MaxTTL).toBeGreaterThan(0);
      const key = policy.ParametersInCacheKeyAndForwardedToOrigin;
      expect(key.QueryStringsConfig.QueryStringBehavior).toBe('all');
      expect(key.CookiesConfig.CookieBehavior).toBe('none');
      expect(key.HeadersConfig.HeaderBehavior).toBe('whitelist');
      expect(key.HeadersConfig.Headers).toContain('x-forwarded-host');
      // Conditional headers are CloudFront's business: in the key they would split the cache.
      expect(key.HeadersConfig.Headers.map((h: string) => h.toLowerCase())).not.toContain(
        'if-none-match',
      );
    }
    const events = dist.CacheBehaviors.find((b: any) => b.PathPattern === '/events/*');
    expect(
      policies.get(events.CachePolicyId.Ref)!.Properties.CachePolicyConfig
        .ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig.Headers,
    ).toContain('accept');
  });

  it('CloudFront compresses (gzip and br) on every behaviour, with the encodings in the cache key', () => {
    const dist = ofType(sandbox.template, 'AWS::CloudFront::Distribution')[0]![1].Properties
      .DistributionConfig;
    const policies = new Map(ofType(sandbox.template, 'AWS::CloudFront::CachePolicy'));
    const behaviors = [dist.DefaultCacheBehavior, ...dist.CacheBehaviors];
    expect(behaviors.length).toBeGreaterThanOrEqual(2);
    for (const b of behaviors) {
      expect(b.Compress, b.PathPattern ?? 'default').toBe(true);
      const key = policies.get(b.CachePolicyId.Ref)!.Properties.CachePolicyConfig
        .ParametersInCacheKeyAndForwardedToOrigin;
      expect(key.EnableAcceptEncodingGzip).toBe(true);
      expect(key.EnableAcceptEncodingBrotli).toBe(true);
    }
  });

  it('the viewer-request function copies Host into x-forwarded-host', () => {
    const [, fn] = ofType(sandbox.template, 'AWS::CloudFront::Function')[0]!;
    const code: string = fn.Properties.FunctionCode;
    const handler = new Function(`${code}; return handler;`)() as (e: unknown) => any;
    const out = handler({
      request: {
        headers: {
          host: { value: 'd111.cloudfront.net' },
          'x-forwarded-host': { value: 'evil.example' },
        },
      },
    });
    expect(out.headers['x-forwarded-host']).toEqual({ value: 'd111.cloudfront.net' });
    expect(out.headers.host).toEqual({ value: 'd111.cloudfront.net' });
    const noHost = handler({
      request: { headers: { 'x-forwarded-host': { value: 'evil.example' } } },
    });
    expect(noHost.headers['x-forwarded-host']).toBeUndefined();
  });
});

describe('the feed function under a flood', () => {
  const fn = (name: string) =>
    ofType(sandbox.template, 'AWS::Lambda::Function').find(([id]) => id.startsWith(name))!;

  it(
    'has reserved concurrency: its own share and its ceiling; ingest and poll draw on the rest',
    () => {
      expect(fn('Feed')[1].Properties.ReservedConcurrentExecutions).toBe(DEFAULT_FEED_CONCURRENCY);
      expect(fn('Ingest')[1].Properties.ReservedConcurrentExecutions).toBeUndefined();
      expect(fn('Poll')[1].Properties.ReservedConcurrentExecutions).toBeUndefined();
      const { template } = build({ feedConcurrency: 7 });
      const feed = ofType(template, 'AWS::Lambda::Function').find(([id]) =>
        id.startsWith('Feed'),
      )![1];
      expect(feed.Properties.ReservedConcurrentExecutions).toBe(7);
      expect(() => build({ feedConcurrency: 0 })).toThrow(/feedConcurrency/);
    },
    SLOW,
  );

  it('signs cursors with a generated secret that every instance shares, resolved at deploy time', () => {
    const [secretId, secret] = ofType(sandbox.template, 'AWS::SecretsManager::Secret')[0]!;
    expect(secret.Properties.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(32);
    const key = JSON.stringify(fn('Feed')[1].Properties.Environment.Variables.CURSOR_KEY);
    expect(key).toContain('{{resolve:secretsmanager:');
    expect(key).toContain(secretId);
    expect(fn('Ingest')[1].Properties.Environment.Variables.CURSOR_KEY).toBeUndefined();
  });
});

describe('alarms and outputs', () => {
  it('alarm on errors and throttles of both functions', () => {
    const alarms = ofType(sandbox.template, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const fnIds = ofType(sandbox.template, 'AWS::Lambda::Function').map(([id]) => id);
    for (const fnId of fnIds) {
      for (const metric of ['Errors', 'Throttles']) {
        const found = alarms.filter(
          (a) =>
            a.Namespace === 'AWS/Lambda' &&
            a.MetricName === metric &&
            a.Dimensions?.some((d: any) => d.Name === 'FunctionName' && d.Value?.Ref === fnId),
        );
        expect(found, `${metric} alarm for ${fnId}`).toHaveLength(1);
        expect(found[0].Threshold).toBe(1);
        expect(found[0].TreatMissingData).toBe('notBreaching');
      }
    }
    // CloudFront metrics live in us-east-1 only; this stack is in eu-west-1.
    expect(alarms.some((a) => a.Namespace === 'AWS/CloudFront')).toBe(false);
  });

  it(
    'alarm on the CloudFront 5xx rate when deployed in us-east-1',
    () => {
      const { template } = build({ env: { account: '123456789012', region: 'us-east-1' } });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/CloudFront',
        MetricName: '5xxErrorRate',
        Dimensions: Match.arrayWith([Match.objectLike({ Name: 'Region', Value: 'Global' })]),
      });
    },
    SLOW,
  );

  it('outputs the feed, calendar, home page and ingest URLs', () => {
    const outputs = sandbox.template.toJSON().Outputs;
    const distId = ofType(sandbox.template, 'AWS::CloudFront::Distribution')[0]![0];
    const site = (suffix: string) => ({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distId, 'DomainName'] }, suffix]],
    });
    expect(outputs.FeedUrl.Value).toEqual(site('/feeds/atom.xml'));
    expect(outputs.RssFeedUrl.Value).toEqual(site('/feeds/rss.xml'));
    expect(outputs.JsonFeedUrl.Value).toEqual(site('/feeds/feed.json'));
    expect(outputs.CalendarUrl.Value).toEqual(site('/feeds/calendar.ics'));
    expect(outputs.HomePageUrl.Value).toEqual(site('/'));
    const ingestFn = ofType(sandbox.template, 'AWS::Lambda::Function').find(([id]) =>
      id.startsWith('Ingest'),
    )![0];
    const ingestUrl = ofType(sandbox.template, 'AWS::Lambda::Url').find(
      ([, u]) => u.Properties.TargetFunctionArn['Fn::GetAtt'][0] === ingestFn,
    )![0];
    expect(outputs.IngestUrl.Value).toEqual({
      'Fn::Join': ['', [{ 'Fn::GetAtt': [ingestUrl, 'FunctionUrl'] }, 'articles']],
    });
  });
});

describe('cdk-nag AwsSolutions', () => {
  const reasonsOf = (b: Built) => {
    const acks: { path: string; id: string; reason: string }[] = [];
    for (const c of b.stack.node.findAll()) {
      for (const m of c.node.metadata) {
        if (m.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, reason] of Object.entries(m.data as Record<string, unknown>)) {
          acks.push({
            path: c.node.path,
            id: id.replace(/^annotation::/i, ''),
            reason: String(reason),
          });
        }
      }
    }
    return acks;
  };

  it(
    'reports no unacknowledged finding, and synth with the plugin succeeds',
    () => {
      const built = build({ nag: true });
      const report = new AwsSolutionsChecks().validateScope(built.stack);
      expect(report.violations.map((v) => `${v.ruleName}: ${v.description}`)).toEqual([]);
      expect(built.app.synth().stacks.map((s) => s.stackName)).toEqual(['Test']);
    },
    SLOW,
  );

  it(
    'every acknowledgement has a written reason and hides a real finding',
    () => {
      const acks = reasonsOf(sandbox);
      expect(acks.length).toBeGreaterThan(0);
      for (const a of acks) {
        expect(a.id).toMatch(/^AwsSolutions-[A-Z]+\d+/);
        expect(a.reason.length, `${a.id} reason`).toBeGreaterThan(40);
      }
      // Without the acknowledgements the same rules fire, and nothing else does.
      const raw = build({ acknowledgeNagFindings: false });
      const fired = new AwsSolutionsChecks()
        .validateScope(raw.stack)
        .violations.map((v) => v.ruleName);
      expect(new Set(fired)).toEqual(new Set(acks.map((a) => a.id)));
    },
    SLOW,
  );

  it(
    'fails synth on an unacknowledged finding',
    () => {
      // Template.fromStack synthesizes the app, which runs the plugin.
      expect(() => build({ nag: true, acknowledgeNagFindings: false })).toThrow(/AwsSolutions-CFR/);
    },
    SLOW,
  );
});

describe('poller', () => {
  const pollFn = () =>
    ofType(sandbox.template, 'AWS::Lambda::Function').find(([id]) => id.startsWith('Poll'))!;

  it('runs on a schedule: an EventBridge rule targets the poll function, and only it may invoke', () => {
    const [fnId, fn] = pollFn();
    const rules = ofType(sandbox.template, 'AWS::Events::Rule');
    expect(rules).toHaveLength(1);
    const rule = rules[0]![1].Properties;
    expect(rule.ScheduleExpression).toBe('rate(15 minutes)');
    expect(rule.State).toBe('ENABLED');
    expect(rule.Targets).toHaveLength(1);
    expect(rule.Targets[0].Arn).toEqual({ 'Fn::GetAtt': [fnId, 'Arn'] });
    expect(rule.Targets[0].RetryPolicy.MaximumRetryAttempts).toBe(0);
    const perms = ofType(sandbox.template, 'AWS::Lambda::Permission')
      .map(([, p]) => p.Properties)
      .filter((p) => p.Principal === 'events.amazonaws.com');
    expect(perms).toHaveLength(1);
    expect(perms[0].FunctionName).toEqual({ 'Fn::GetAtt': [fnId, 'Arn'] });
    expect(perms[0].SourceArn).toEqual({ 'Fn::GetAtt': [rules[0]![0], 'Arn'] });
    // no URL: nothing but the schedule starts it
    for (const [, u] of ofType(sandbox.template, 'AWS::Lambda::Url')) {
      expect(u.Properties.TargetFunctionArn['Fn::GetAtt'][0]).not.toBe(fnId);
    }
    expect(fn.Properties.Timeout).toBe(300);
  });

  it(
    'carries the validated source list, its contact URL and version',
    () => {
      const env = pollFn()[1].Properties.Environment.Variables;
      const list = JSON.parse(env.SOURCES);
      expect(list.length).toBeGreaterThan(0);
      for (const s of list) expect(s.feedUrl).toMatch(/^https?:\/\//);
      // the repository's list: every source keeps its items (and their redirects) on its outlet
      for (const s of list) expect(s.urlFilter, s.name).toMatch(/^\^https:\/\//);
      expect(env.POLL_CONTACT_URL).toMatch(/^https:\/\//);
      expect(env.SERVICE_VERSION).toMatch(/^\d+\.\d+\.\d+/);
      // the outbound guard's allowlist is a test and local-CLI input only (bundle.test.ts runs the bundle to prove it)
      expect(Object.keys(env).filter((k) => /allow/i.test(k))).toEqual([]);
      const custom = build({
        sources: [{ name: 'x', feedUrl: 'https://x.example/rss', language: 'vi' }],
        pollEveryMinutes: 30,
      });
      const fn = ofType(custom.template, 'AWS::Lambda::Function').find(([id]) =>
        id.startsWith('Poll'),
      )![1];
      expect(JSON.parse(fn.Properties.Environment.Variables.SOURCES)).toEqual([
        { name: 'x', feedUrl: 'https://x.example/rss', language: 'vi' },
      ]);
      expect(
        ofType(custom.template, 'AWS::Events::Rule')[0]![1].Properties.ScheduleExpression,
      ).toBe('rate(30 minutes)');
      expect(() =>
        build({ sources: [{ name: 'x', feedUrl: 'ftp://x', language: 'vi' }] as never }),
      ).toThrow(/invalid source list/);
    },
    SLOW,
  );

  it('has a least-privilege role: only the table actions the ingest path and its state need', () => {
    const { statements, managed } = statementsOfRole(
      sandbox.template,
      roleOf(sandbox.template, 'Poll'),
    );
    expect(managed).toEqual([]);
    const dynamoStatements = statements.filter((s) =>
      actionsOf(s).some((a) => a.startsWith('dynamodb:')),
    );
    const dynamo = dynamoStatements.flatMap(actionsOf);
    expect(new Set(dynamo)).toEqual(new Set(TABLE_POLL_ACTIONS));
    for (const a of ['dynamodb:Scan', 'dynamodb:Query', 'dynamodb:DeleteItem'])
      expect(dynamo).not.toContain(a);
    const tableId = ofType(sandbox.template, 'AWS::DynamoDB::Table')[0]![0];
    for (const s of dynamoStatements)
      expect(s.Resource).toEqual({ 'Fn::GetAtt': [tableId, 'Arn'] });
    for (const s of statements) {
      for (const a of actionsOf(s))
        expect(a, 'poll role action').toMatch(/^(dynamodb:|logs:(CreateLogStream|PutLogEvents)$)/);
    }
  });

  it('alarms on the source-failure metric the poller emits (name, namespace, service dimension)', async () => {
    // what run.ts publishes when a source fails: the store answers, the feed host refuses
    const added: string[] = [];
    const spy = vi.spyOn(metrics, 'count').mockImplementation((name: string) => {
      added.push(name);
    });
    try {
      const report = await runPoll({
        store: { getSourceState: async () => null, putSourceState: async () => {} } as never,
        extract: () => [],
        sources: [{ name: 'down', feedUrl: 'https://down.example/rss', language: 'vi' }],
        contactUrl: 'https://example.org/c',
        version: '1.0.0',
        sleep: async () => {},
        // a public address for the scripted transport: nothing leaves the process
        resolve: async () => [{ address: '93.184.215.14', family: 4 }],
        transport: async ({ url }) =>
          new Response(url.pathname === '/robots.txt' ? '' : 'boom', {
            status: url.pathname === '/robots.txt' ? 404 : 500,
          }),
        log: { info: () => {}, warn: () => {}, error: () => {} },
      });
      expect(report.failedSources).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(added).toContain('PollSourceFailures');

    const env = pollFn()[1].Properties.Environment.Variables;
    const alarms = ofType(sandbox.template, 'AWS::CloudWatch::Alarm')
      .map(([, a]) => a.Properties)
      .filter((a) => a.MetricName === 'PollSourceFailures');
    expect(alarms).toHaveLength(1);
    const alarm = alarms[0];
    expect(alarm.Namespace).toBe(env.POWERTOOLS_METRICS_NAMESPACE);
    expect(alarm.Dimensions).toEqual([{ Name: 'service', Value: env.POWERTOOLS_SERVICE_NAME }]);
    expect(env.POWERTOOLS_SERVICE_NAME).toBe('diplomacy-feed-poll');
    expect(alarm).toMatchObject({
      Statistic: 'Sum',
      Period: 3600,
      Threshold: 1,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });
});
