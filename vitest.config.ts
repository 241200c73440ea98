import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A developer's .env never reaches the tests (npm test sets the same).
    env: { ENV_FILE: '/dev/null' },
  },
});
