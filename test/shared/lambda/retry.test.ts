// The bundles' stand-in for @smithy/core/retry (infra/bundling.ts) resolves the DynamoDB
// client's retry settings as the real module does in standard mode, Lambda's, and builds no
// adaptive strategy whatever the mode.
import { resolveRetryConfig as realResolve, StandardRetryStrategy } from '@smithy/core/retry';
import { describe, expect, it } from 'vitest';
import { resolveRetryConfig } from '../../../functions/shared/lambda/retry.js';

/** What a strategy is, whichever build of the SDK (ES module or CommonJS) made it. */
const modeOf = (strategy: unknown) => ({
  name: (strategy as object).constructor.name,
  mode: (strategy as { mode?: string }).mode,
});

describe('retry stand-in', () => {
  it('gives the standard strategy with the attempts configured, else the default, as the real module', async () => {
    for (const input of [{}, { maxAttempts: 5 }]) {
      const ours = resolveRetryConfig({ ...input, retryMode: 'standard' });
      const theirs = realResolve({ ...input, retryMode: 'standard' });
      expect(await ours.maxAttempts()).toBe(await theirs.maxAttempts());
      const strategy = await ours.retryStrategy();
      expect(modeOf(strategy)).toEqual(modeOf(await theirs.retryStrategy()));
      expect(modeOf(strategy)).toEqual({ name: 'StandardRetryStrategy', mode: 'standard' });
      // built once
      expect(await ours.retryStrategy()).toBe(strategy);
    }
  });

  it('keeps a strategy it is given, and stays standard when the adaptive mode is asked for', async () => {
    const given = new StandardRetryStrategy(2);
    expect(
      await resolveRetryConfig({ retryStrategy: given, retryMode: 'standard' }).retryStrategy(),
    ).toBe(given);
    const asked = await resolveRetryConfig({ retryMode: 'adaptive' }).retryStrategy();
    expect(modeOf(asked)).toEqual({ name: 'StandardRetryStrategy', mode: 'standard' });
    expect(modeOf(await realResolve({ retryMode: 'adaptive' }).retryStrategy()).mode).toBe(
      'adaptive',
    );
  });
});
