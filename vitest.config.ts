import { defineConfig } from 'vitest/config';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Tests start child processes (Binaryen, the --no-liftoff runner); on a 2-core machine two test files
// at a time keep them from starving each other. The global setup brings dist/ up to date first, so those
// children start from compiled JavaScript (see src/proc/compiled.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    pool: 'forks',
    // Commands that record into the results database use one of this test run's own, never the
    // project's .wasmtune/ (tests that are about the database give --db).
    // Two test files already keep both cores busy: a tune runs one job unless the test asks for more
    // (test/tune/jobs.test.ts does).
    env: { WASMTUNE_DB: join(tmpdir(), `wasmtune-test-${process.pid}`, 'wasmtune.db'), WASMTUNE_JOBS: '1' },
  },
});
