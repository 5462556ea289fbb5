// One logger and one set of counters per function (Powertools logger: JSON logs with the
// request context; counters.ts: CloudWatch metrics in the embedded metric format). The
// environment names are Powertools' own, which the stack sets for both. Locally the
// counters are disabled and the log level comes from LOG_LEVEL.
import { Logger } from '@aws-lambda-powertools/logger';
import { Counters } from './counters.js';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'diplomacy-feed';

export const logger = new Logger({ serviceName });
export const metrics = new Counters({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'DiplomacyFeed',
  service: serviceName,
  disabled: process.env.POWERTOOLS_METRICS_DISABLED === 'true',
});
