// The names the poller's counters are published under (CloudWatch EMF written by
// shared/counters.ts; namespace POWERTOOLS_METRICS_NAMESPACE, dimension `service` =
// POWERTOOLS_SERVICE_NAME). One place, shared by functions/poll/run.ts, which emits them,
// and infra/constructs/alarms.ts, whose alarms watch them. No runtime imports: the stack
// loads this at synth time.
import type { PollMetric } from './poll-service.js';

export function pollMetricName(metric: PollMetric): string {
  return `Poll${metric}`;
}
