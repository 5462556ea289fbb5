// CloudWatch alarms: errors and throttles of each function, news sources that keep
// failing, and (in us-east-1, where CloudFront publishes its metrics) the CDN's 5xx rate.
import { Duration, Stack, Token } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { pollMetricName } from '../../functions/poll/metrics.js';
import { METRICS_NAMESPACE, POLL_SERVICE_NAME } from './service-function.js';

export interface AlarmsProps {
  readonly stage: string;
  /** the functions watched for errors and throttles, by the name their alarms carry */
  readonly functions: Readonly<Record<'Feed' | 'Ingest' | 'Poll', lambda.IFunction>>;
  readonly distribution: cloudfront.IDistribution;
}

/** Adds the alarms to `scope`, with the ids a deployed stack has. */
export class Alarms {
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, props: AlarmsProps) {
    // any error or throttle in 5 minutes
    const every5Minutes = { period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM };
    for (const name of ['Feed', 'Ingest', 'Poll'] as const) {
      const fn = props.functions[name];
      const metrics = [
        ['Errors', fn.metricErrors(every5Minutes)],
        ['Throttles', fn.metricThrottles(every5Minutes)],
      ] as const;
      for (const [kind, metric] of metrics) {
        this.alarms.push(
          new cloudwatch.Alarm(scope, `${name}${kind}Alarm`, {
            alarmDescription: `${name} function ${kind.toLowerCase()} (${props.stage})`,
            metric,
            threshold: 1,
            evaluationPeriods: 1,
            comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
          }),
        );
      }
    }
    // A source that keeps failing (the feed down, robots.txt unreachable, a broken
    // feed, the store failing mid-run). The poller publishes PollSourceFailures as EMF
    // (functions/shared/counters.ts) under the stack's namespace with the dimension service =
    // POWERTOOLS_SERVICE_NAME; a run without failures publishes no datapoint. One
    // failed run is not worth a page (sources back off and retry by themselves): the
    // alarm fires when failures show up in 2 of 3 consecutive hours.
    this.alarms.push(
      new cloudwatch.Alarm(scope, 'PollSourceFailuresAlarm', {
        alarmDescription: `Poller: news sources failing in 2 of the last 3 hours (${props.stage}); see the poll function's "source failed" log lines`,
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
    const region = Stack.of(scope).region;
    if (!Token.isUnresolved(region) && region === 'us-east-1') {
      this.alarms.push(
        new cloudwatch.Alarm(scope, 'Cdn5xxAlarm', {
          alarmDescription: `CloudFront 5xx error rate above 5% (${props.stage})`,
          // Built by hand: CloudFront publishes with the dimension Region=Global, which
          // distribution.metric5xxErrorRate() leaves out (it would never see data).
          metric: new cloudwatch.Metric({
            namespace: 'AWS/CloudFront',
            metricName: '5xxErrorRate',
            dimensionsMap: { DistributionId: props.distribution.distributionId, Region: 'Global' },
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
  }
}
