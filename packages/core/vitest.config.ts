import { defineConfig } from 'vitest/config';

/** Node tests; the browser slice (test/browser) runs in Chromium with vitest.browser.config.ts. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
