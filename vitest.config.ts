import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A guard against hangs, not a measure: child-process tests slow down when both workers are busy.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two workers on the 2-core machines this runs on: most slow files wait on child
    // processes and sockets, not on the CPU, so they overlap well.
    maxWorkers: 2,
    // A developer's .env never reaches the tests (npm test sets the same).
    env: { ENV_FILE: '/dev/null' },
  },
});
