import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Suites that read the shared seed/devset annotations from ../shared beside the
// repository (CI has it). A clone without it still runs everything else, and says what
// it left out.
const SHARED_SUITES = [
  'test/extract/gold.test.ts',
  'test/poll/poll.test.ts',
  'test/poll/crash-resume.test.ts',
];
const hasShared = existsSync(fileURLToPath(new URL('../shared/devset/articles', import.meta.url)));
if (!hasShared) {
  console.warn(`../shared is not beside this clone: skipping ${SHARED_SUITES.join(', ')}`);
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(hasShared ? [] : SHARED_SUITES)],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    },
  },
});
