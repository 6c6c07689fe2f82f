import { defineConfig } from 'vitest/config';

// Tests start child processes (Binaryen, the --no-liftoff runner); on a 2-core machine two test files
// at a time keep them from starving each other.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    pool: 'forks',
  },
});
