// One logger and one metrics recorder per function (Powertools: JSON logs with the
// request context; CloudWatch metrics as embedded metric format). Locally the
// metrics are disabled and the log level comes from LOG_LEVEL.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'diplomacy-feed';

export const logger = new Logger({ serviceName });
export const metrics = new Metrics({
  serviceName,
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'DiplomacyFeed',
});
export { MetricUnit } from '@aws-lambda-powertools/metrics';
