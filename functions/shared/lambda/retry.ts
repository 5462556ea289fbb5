// Stands in for @smithy/core/retry in the Lambda bundles (an esbuild alias,
// infra/bundling.ts). The functions' DynamoDB client retries in the SDK's standard mode, its
// default, which Lambda's environment never changes. The real module's resolveRetryConfig
// also builds the adaptive mode's strategy when AWS_RETRY_MODE says "adaptive" (a client-side
// rate limiter: ~3.4 KB minified, with its rate limiter, in an ingest bundle held to its size
// budget); this one builds the standard strategy whatever the mode. Everything else is the
// real module's, re-exported by its file (past this alias).
import { normalizeProvider } from '@smithy/core/client';
import type * as Real from '@smithy/core/retry';
// the real module by its file, which carries no types of its own at this path: they are
// @smithy/core/retry's, imported above (named, not as a namespace, so that what is not used
// stays out of the bundle)
import {
  DEFAULT_MAX_ATTEMPTS as REAL_DEFAULT_MAX_ATTEMPTS,
  Retry as RealRetry,
  StandardRetryStrategy as RealStandardRetryStrategy,
  // @ts-expect-error -- as above
} from '../../../node_modules/@smithy/core/dist-es/submodules/retry/index.js';

// @ts-expect-error -- as above
export * from '../../../node_modules/@smithy/core/dist-es/submodules/retry/index.js';

const DEFAULT_MAX_ATTEMPTS = REAL_DEFAULT_MAX_ATTEMPTS as typeof Real.DEFAULT_MAX_ATTEMPTS;
const Retry = RealRetry as typeof Real.Retry;
const StandardRetryStrategy = RealStandardRetryStrategy as typeof Real.StandardRetryStrategy;

/** The client's retry settings: its attempts (as configured, else the default) and, unless a
 *  strategy was given, the standard strategy with them, built once when first asked for. */
export const resolveRetryConfig: typeof Real.resolveRetryConfig = (input, defaults) => {
  const attempts = defaults?.defaultMaxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const baseDelay = defaults?.defaultBaseDelay ?? Retry.delay();
  const maxAttempts = normalizeProvider(input.maxAttempts ?? attempts);
  let strategy:
    | ReturnType<ReturnType<typeof Real.resolveRetryConfig>['retryStrategy']>
    | undefined =
    input.retryStrategy === undefined ? undefined : Promise.resolve(input.retryStrategy);
  return Object.assign(input, {
    maxAttempts,
    retryStrategy: () =>
      (strategy ??= (async () =>
        new StandardRetryStrategy({ maxAttempts: await maxAttempts(), baseDelay }))()),
  });
};
