// Wires one polling run: the polite fetcher, the logger and counters, the store.
// Used by the Lambda handler (functions/handlers/poll.ts) and `npm run poll`.
import type { Extract } from '../ingest/ingest-article.js';
import { logger, metrics } from '../shared/observability.js';
import type { EventStore, PollStateStore } from '../store/store.js';
import { PoliteFetcher, type Resolve, type Sleep } from './fetcher.js';
import type { Transport } from './http-transport.js';
import { pollMetricName } from './metrics.js';
import { outboundPolicy } from './outbound.js';
import { PageWorker, type PageWorkerOptions } from './page-worker.js';
import { DEFAULT_LIMITS, type PolitenessLimits, userAgent } from './politeness.js';
import { type PollLog, type PollReport, pollSources } from './poll-service.js';
import type { Source } from './sources.js';

const DEFAULT_MAX_ITEMS_PER_SOURCE = 50;

export interface RunPollOptions {
  store: EventStore & PollStateStore;
  extract: Extract;
  sources: readonly Source[];
  contactUrl: string;
  version: string;
  limits?: Partial<PolitenessLimits>;
  maxItemsPerSource?: number;
  sleep?: Sleep;
  now?: () => Date;
  /**
   * `host:port` pairs the outbound guard lets through whatever their address: the
   * tests' fixture outlet on 127.0.0.1 and `npm run poll -- --allow-host`. The Lambda
   * handler never passes it, and nothing reads it from the environment.
   */
  allowHosts?: readonly string[];
  /** DNS and the HTTP client, for tests (default: the system resolver, node:http(s)) */
  resolve?: Resolve;
  transport?: Transport;
  /** page-work budget and limits (default: PAGE_BUDGET_MS, PAGE_LIMITS) */
  pageWork?: PageWorkerOptions;
  log?: PollLog;
  outOfTime?: () => boolean;
}

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runPoll(options: RunPollOptions): Promise<PollReport> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? (() => new Date());
  const fetcher = new PoliteFetcher({
    userAgent: userAgent(options.version, options.contactUrl),
    limits,
    sleep: options.sleep ?? realSleep,
    now: () => now().getTime(),
    policy: outboundPolicy(
      options.sources.map((s) => s.feedUrl),
      options.allowHosts ?? [],
    ),
    ...(options.resolve ? { resolve: options.resolve } : {}),
    ...(options.transport ? { transport: options.transport } : {}),
  });
  const log: PollLog = options.log ?? {
    info: (m, e) => logger.info(m, e ?? {}),
    warn: (m, e) => logger.warn(m, e ?? {}),
    error: (m, e) => logger.error(m, e ?? {}),
  };
  const pages = new PageWorker(options.pageWork);
  try {
    return await pollSources(options.sources, {
      store: options.store,
      extract: options.extract,
      fetcher,
      extractPage: (html, url) => pages.extract(html, url),
      limits,
      now,
      log,
      count: (metric, value = 1) => metrics.count(pollMetricName(metric), value),
      maxItemsPerSource: options.maxItemsPerSource ?? DEFAULT_MAX_ITEMS_PER_SOURCE,
      ...(options.outOfTime ? { outOfTime: options.outOfTime } : {}),
    });
  } finally {
    await pages.close();
  }
}
