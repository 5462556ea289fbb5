// Stands in for @aws-sdk/middleware-endpoint-discovery in the Lambda bundles (an esbuild
// alias, infra/bundling.ts). The DynamoDB client resolves its configuration through it, but
// no operation this service sends asks for a discovered endpoint (no DynamoDB command of
// this SDK adds the discovery plugin), so its endpoint cache would never be read there:
// the configuration keeps its switches, without the cache.

interface DiscoveryInput {
  endpointDiscoveryEnabled?: boolean;
  endpointDiscoveryEnabledProvider?: unknown;
}

/** What the client's configuration holds once resolved through it. */
export interface EndpointDiscoveryResolved {
  endpointDiscoveryCommandCtor: unknown;
  /** whether discovery is on: the configured value, else the environment's provider */
  endpointDiscoveryEnabled: unknown;
  isClientEndpointDiscoveryEnabled: boolean;
}

export function resolveEndpointDiscoveryConfig<T extends DiscoveryInput>(
  input: T,
  { endpointDiscoveryCommandCtor }: { endpointDiscoveryCommandCtor: unknown },
): Omit<T, 'endpointDiscoveryEnabled'> & EndpointDiscoveryResolved {
  const configured = input.endpointDiscoveryEnabled;
  return Object.assign(input, {
    endpointDiscoveryCommandCtor,
    endpointDiscoveryEnabled:
      configured !== undefined
        ? () => Promise.resolve(configured)
        : input.endpointDiscoveryEnabledProvider,
    isClientEndpointDiscoveryEnabled: configured !== undefined,
  });
}

/** Endpoint discovery is off unless the client is configured with it (no environment variable
 *  or shared-config entry turns it on here). */
export const NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS = {
  environmentVariableSelector: () => undefined,
  configFileSelector: () => undefined,
  default: undefined,
};
