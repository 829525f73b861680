import { defineConfig } from 'vitest/config';

// Tests run the TypeScript sources: the packages' `source` export condition points at src/ (the
// default one at the compiled dist/). Worker threads and child processes started by the code
// under test get the same condition (runtime/src/workers/workerArgs.ts; the CLI's bin with
// STATIONKEEPER_FROM_SOURCE=1, set below).
export default defineConfig({
  resolve: { conditions: ['source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'import', 'default'], externalConditions: ['source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['test/globalSetup.ts'],
    env: { STATIONKEEPER_FROM_SOURCE: '1' },
  },
});
