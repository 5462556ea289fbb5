// The bundles' stand-in for @aws-sdk/middleware-endpoint-discovery (infra/bundling.ts) keeps
// the configuration the DynamoDB client resolves through it: the command it would discover
// endpoints with and whether discovery is on, off unless the client is configured with it.
import { DescribeEndpointsCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS,
  resolveEndpointDiscoveryConfig,
} from '../../../functions/shared/lambda/no-endpoint-discovery.js';

describe('endpoint discovery stand-in', () => {
  it('resolves the switches as the SDK does, without an endpoint cache', async () => {
    const ctor = { endpointDiscoveryCommandCtor: DescribeEndpointsCommand };
    const configured = resolveEndpointDiscoveryConfig({ endpointDiscoveryEnabled: true }, ctor);
    expect(configured.endpointDiscoveryCommandCtor).toBe(DescribeEndpointsCommand);
    expect(configured.isClientEndpointDiscoveryEnabled).toBe(true);
    expect(await (configured.endpointDiscoveryEnabled as () => Promise<boolean>)()).toBe(true);
    const provider = async () => false;
    const unset = resolveEndpointDiscoveryConfig(
      { endpointDiscoveryEnabledProvider: provider },
      ctor,
    );
    expect(unset.isClientEndpointDiscoveryEnabled).toBe(false);
    expect(unset.endpointDiscoveryEnabled).toBe(provider);
    expect('endpointCache' in unset).toBe(false);
  });

  it('reads no environment variable or shared-config entry', () => {
    const options = NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS;
    expect(options.environmentVariableSelector()).toBeUndefined();
    expect(options.configFileSelector()).toBeUndefined();
    expect(options.default).toBeUndefined();
  });
});
