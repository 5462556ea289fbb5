// How the Lambda functions are bundled, in one place: the CDK stack hands these to
// NodejsFunction, and `npm run bench` builds with the same options to measure the
// bundles' size and cold start.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository: the bundles' project root, and where handler entries and sources/ are. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Modules replaced at build time by smaller ones that do what Lambda needs of them. */
const BUNDLE_ALIASES: Record<string, string> = {
  '@aws-sdk/credential-provider-node': path.join(
    PROJECT_ROOT,
    'functions/shared/lambda/credentials.ts',
  ),
  '@smithy/core/event-streams': path.join(
    PROJECT_ROOT,
    'functions/shared/lambda/no-event-streams.ts',
  ),
  '@smithy/core/checksum': path.join(PROJECT_ROOT, 'functions/shared/lambda/sha256.ts'),
  '@aws-sdk/middleware-endpoint-discovery': path.join(
    PROJECT_ROOT,
    'functions/shared/lambda/no-endpoint-discovery.ts',
  ),
  '@smithy/core/config': path.join(PROJECT_ROOT, 'functions/shared/lambda/config.ts'),
  '@smithy/core/retry': path.join(PROJECT_ROOT, 'functions/shared/lambda/retry.ts'),
  '@aws-sdk/core/client': path.join(PROJECT_ROOT, 'functions/shared/lambda/partitions.ts'),
  '@aws/lambda-invoke-store': path.join(PROJECT_ROOT, 'functions/shared/lambda/invoke-store.ts'),
};

export const LAMBDA_BUNDLE = {
  format: 'esm',
  target: 'node24',
  platform: 'node',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  // Module entry points first: the SDK's ESM builds are smaller (see TOOLCHAIN), and no
  // bundled module calls require(), so the bundles need no createRequire banner (TOOLCHAIN's
  // "Dynamic require" trap; test/infra/bundle.test.ts checks every bundle for a require()).
  mainFields: ['module', 'main'],
  // Vietnamese text stays as written rather than \u-escaped.
  charset: 'utf8',
  // The one comment esbuild would keep is Powertools' coverage hint marked @preserve
  // (no licence): not worth bytes of a bundle near its budget.
  legalComments: 'none',
  // Lambda runs Node 24: the SDK's warning for Node older than 22 can never be emitted
  // there, and with its switch set at build time the minifier drops its text (~0.5 KB).
  define: { 'process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED': '"true"' },
  // Bundle the SDK too: the versions the tests ran against, not the runtime's.
  external: [] as string[],
  alias: BUNDLE_ALIASES,
} as const;
