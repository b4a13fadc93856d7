import { defineConfig } from 'vitest/config';

/** The chain test starts the whole app (PKI servers, SQLite, signing service): allow for a busy machine. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
