import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@kyso/testkit/node';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

/**
 * core's browser slice, run in Debian's Chromium (no browser download: playwright is pointed at
 * /usr/bin/chromium, or $CHROME_PATH). These tests import no Node built-in: they prove core and the
 * testkit PKI work in a browser.
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: [...CHROMIUM_ARGS],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
