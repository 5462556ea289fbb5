// One logger and one set of counters per function (logger.ts: JSON logs with the
// request context; counters.ts: CloudWatch metrics in the embedded metric format). The
// environment names are Powertools' own, which the stack sets for both. Locally the
// counters are disabled and the log level comes from LOG_LEVEL.
import { Counters } from './counters.js';
import { Logger, levelOf } from './logger.js';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'diplomacy-feed';

export const logger = new Logger({
  serviceName,
  level: levelOf(process.env.POWERTOOLS_LOG_LEVEL ?? process.env.LOG_LEVEL),
  traceHeader: () => process.env._X_AMZN_TRACE_ID,
});
export const metrics = new Counters({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'DiplomacyFeed',
  service: serviceName,
  disabled: process.env.POWERTOOLS_METRICS_DISABLED === 'true',
});
