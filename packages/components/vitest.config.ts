import { defineConfig } from 'vitest/config';

// Node tests only: the element tests beside the sources (src/**/*.test.ts) run in Chromium through
// @web/test-runner (web-test-runner.config.mjs).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
