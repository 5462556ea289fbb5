// The bundles' stand-in for @smithy/core/config (infra/bundling.ts) reads each setting the
// DynamoDB client asks for from the environment, then its default, as the real module does
// in Lambda, where there are no shared config files and no instance metadata to ask.

import { NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, resolveRegionConfig } from '@smithy/core/config';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  loadConfig,
  NODE_REGION_CONFIG_OPTIONS,
  resolveDefaultsModeConfig,
} from '../../../functions/shared/lambda/config.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('config stand-in', () => {
  it('reads a setting from the environment, else its default, once', async () => {
    vi.stubEnv('AWS_USE_FIPS_ENDPOINT', 'true');
    const fips = loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS);
    expect(await fips()).toBe(true);
    vi.stubEnv('AWS_USE_FIPS_ENDPOINT', 'false');
    expect(await fips()).toBe(true);
    vi.stubEnv('AWS_USE_FIPS_ENDPOINT', undefined);
    expect(await loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS)()).toBe(false);
    expect(await loadConfig({ ...NODE_REGION_CONFIG_OPTIONS, default: () => 'x-1' })()).toBe('x-1');
  });

  it('takes the region from AWS_REGION and has no other source for it', async () => {
    vi.stubEnv('AWS_REGION', 'eu-west-1');
    expect(await loadConfig(NODE_REGION_CONFIG_OPTIONS)()).toBe('eu-west-1');
    vi.stubEnv('AWS_REGION', undefined);
    await expect(loadConfig(NODE_REGION_CONFIG_OPTIONS)()).rejects.toThrow('Region is missing');
    // what it passes on is the real module's (the bundle test runs the handlers with it)
    const resolved = resolveRegionConfig({ region: 'eu-west-1', useFipsEndpoint: false });
    expect(await resolved.region()).toBe('eu-west-1');
  });

  it('resolves the defaults mode as configured, "auto" by the region it runs in', async () => {
    vi.stubEnv('AWS_DEFAULTS_MODE', undefined);
    expect(await resolveDefaultsModeConfig({ region: 'eu-west-1' })()).toBe('legacy');
    expect(await resolveDefaultsModeConfig({ defaultsMode: 'standard' })()).toBe('standard');
    vi.stubEnv('AWS_REGION', 'eu-west-1');
    expect(await resolveDefaultsModeConfig({ region: 'eu-west-1', defaultsMode: 'auto' })()).toBe(
      'in-region',
    );
    expect(await resolveDefaultsModeConfig({ region: 'us-east-1', defaultsMode: 'auto' })()).toBe(
      'cross-region',
    );
    await expect(resolveDefaultsModeConfig({ defaultsMode: 'fast' as 'auto' })()).rejects.toThrow(
      'defaultsMode',
    );
  });
});
