// Stands in for @aws-sdk/credential-provider-node in the Lambda bundles (an esbuild
// alias, infra/bundling.ts). Lambda hands every function its role's credentials in
// environment variables, so the SDK's full default chain — profiles, SSO, web
// identity, container and instance metadata, ~100 KB minified — would never run there.
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
