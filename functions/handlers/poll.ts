// Lambda entry of the poller, run by an EventBridge schedule: one pass over the
// configured sources (functions/poll/). Source failures are reported (logs, the
// PollSourceFailures metric) and retried with backoff on later runs; the invocation
// itself fails only when the run cannot start (configuration, store).
import { extractEvents } from '../extract/index.js';
import { readPollEnvironment } from '../poll/config.js';
import { runPoll } from '../poll/run.js';
import { readConfig } from '../shared/config.js';
import type { InvocationContext } from '../shared/logger.js';
import { logger, metrics } from '../shared/observability.js';
import { createPollStore } from '../store/client.js';

const config = readConfig();
const poll = readPollEnvironment();
const store = createPollStore(config);

/** Time kept free at the end of an invocation: no new article is started after it. */
const RESERVE_MS = 60_000;

export const handler = async (
  _event: unknown,
  context: Partial<InvocationContext> & { getRemainingTimeInMillis?: () => number },
) => {
  logger.addContext(context);
  try {
    const report = await runPoll({
      store,
      extract: extractEvents,
      sources: poll.sources,
      contactUrl: poll.contactUrl,
      version: process.env.SERVICE_VERSION ?? '0.0.0',
      ...(poll.hostDelayMs === undefined ? {} : { limits: { hostDelayMs: poll.hostDelayMs } }),
      ...(poll.maxItemsPerSource === undefined
        ? {}
        : { maxItemsPerSource: poll.maxItemsPerSource }),
      outOfTime: () =>
        (context.getRemainingTimeInMillis?.() ?? Number.POSITIVE_INFINITY) < RESERVE_MS,
    });
    logger.info('poll finished', {
      ingested: report.ingested,
      failedSources: report.failedSources,
      sources: report.sources,
    });
    return { ingested: report.ingested, failedSources: report.failedSources };
  } finally {
    metrics.publish();
  }
};
