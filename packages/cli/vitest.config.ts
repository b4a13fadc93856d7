import { defineConfig } from 'vitest/config';

/** The tests run the built command as a child process and generate keys: allow for a busy machine. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
