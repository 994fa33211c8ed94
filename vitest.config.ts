import { defineConfig } from 'vitest/config';

/** Tests run in forks; suites that share Redis or Postgres use their own prefix or database. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
