// Stands in for @smithy/core/config in the Lambda bundles (an esbuild alias,
// infra/bundling.ts). In Lambda every setting the DynamoDB client reads comes from the
// environment (AWS_REGION and the rest) or its default: there are no shared config files
// (~/.aws/config, ~/.aws/credentials) to read, and the region is never looked up from
// instance metadata. The real module's loader also tries those files, and its region and
// defaults-mode providers fall back to instance metadata (~3.3 KB minified, with the INI
// parser); this one reads the environment, then the default. Everything else is the real
// module's, re-exported by its file (past this alias).
import type { DefaultsMode, ResolvedDefaultsMode } from '@smithy/core/client';
import type * as Real from '@smithy/core/config';

// @ts-expect-error -- the real module by its file, which carries no types of its own at this
// path: they are @smithy/core/config's, imported above
export * from '../../../node_modules/@smithy/core/dist-es/submodules/config/index.js';

type Selectors<T> = Parameters<typeof Real.loadConfig<T>>[0];
type Options = NonNullable<Parameters<typeof Real.loadConfig>[1]>;
type Provider<T> = ReturnType<typeof Real.loadConfig<T>>;

/** The setting from the environment, else its default (a value or a function giving one),
 *  read once. */
export function loadConfig<T = string>(
  { environmentVariableSelector, default: fallback }: Selectors<T>,
  configuration: Options = {},
): Provider<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= (async () => {
      const set = environmentVariableSelector(process.env, configuration);
      if (set !== undefined) return set;
      return typeof fallback === 'function' ? await (fallback as () => T | Promise<T>)() : fallback;
    })();
    return value;
  };
}

/** The region from AWS_REGION; Lambda always sets it. */
export const NODE_REGION_CONFIG_OPTIONS: Selectors<string> = {
  environmentVariableSelector: (env) => env.AWS_REGION,
  configFileSelector: (profile) => profile.region,
  default: () => {
    throw new Error('Region is missing');
  },
};

/** The defaults modes the SDK knows besides "auto". */
const MODES: readonly string[] = ['standard', 'in-region', 'cross-region', 'mobile', 'legacy'];

type DefaultsModeInput = NonNullable<Parameters<typeof Real.resolveDefaultsModeConfig>[0]>;

/** The SDK's defaults mode as configured (AWS_DEFAULTS_MODE, else "legacy"); "auto" tells
 *  the region the function runs in from the environment, as the SDK does in Lambda, and never
 *  from instance metadata. */
export const resolveDefaultsModeConfig: typeof Real.resolveDefaultsModeConfig = ({
  region = loadConfig(NODE_REGION_CONFIG_OPTIONS),
  defaultsMode = loadConfig<DefaultsMode>({
    environmentVariableSelector: (env) => env.AWS_DEFAULTS_MODE as DefaultsMode | undefined,
    configFileSelector: (profile) => profile.defaults_mode as DefaultsMode | undefined,
    default: 'legacy',
  }),
}: DefaultsModeInput = {}) => {
  let mode: Promise<ResolvedDefaultsMode> | undefined;
  return () => {
    mode ??= (async () => {
      const configured = typeof defaultsMode === 'function' ? await defaultsMode() : defaultsMode;
      const name = (configured ?? 'legacy').toLowerCase();
      if (name !== 'auto') {
        if (!MODES.includes(name)) throw new Error(`Invalid parameter for "defaultsMode": ${name}`);
        return name as ResolvedDefaultsMode;
      }
      const here = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
      const client = typeof region === 'function' ? await region() : region;
      return here === undefined ? 'standard' : client === here ? 'in-region' : 'cross-region';
    })();
    return mode;
  };
};
