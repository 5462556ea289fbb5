// Stands in for @aws-sdk/middleware-endpoint-discovery in the Lambda bundles (an esbuild
// alias, infra/bundling.ts). The DynamoDB client resolves its configuration through it, but
// no operation this service sends asks for a discovered endpoint (no DynamoDB command of
// this SDK adds the discovery plugin), so its endpoint cache would never be read there:
// the configuration keeps its switches, without the cache.

interface DiscoveryInput {
  endpointDiscoveryEnabled?: boolean;
  endpointDiscoveryEnabledProvider?: unknown;
}

export const resolveEndpointDiscoveryConfig = <T extends DiscoveryInput>(
  input: T,
  { endpointDiscoveryCommandCtor }: { endpointDiscoveryCommandCtor: unknown },
) =>
  Object.assign(input, {
    endpointDiscoveryCommandCtor,
    endpointDiscoveryEnabled:
      input.endpointDiscoveryEnabled !== undefined
        ? () => Promise.resolve(input.endpointDiscoveryEnabled)
        : input.endpointDiscoveryEnabledProvider,
    isClientEndpointDiscoveryEnabled: input.endpointDiscoveryEnabled !== undefined,
  });

/** Endpoint discovery is off unless the client is configured with it (no environment variable
 *  or shared-config entry turns it on here). */
export const NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS = {
  environmentVariableSelector: () => undefined,
  configFileSelector: () => undefined,
  default: undefined,
};
