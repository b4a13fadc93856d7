import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@kyso/testkit/node';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { fixturesPlugin } from './scripts/wtr-fixtures.mjs';
import { signingService } from './scripts/wtr-signing-service.mjs';

// kyso's signing service (node-adapter) for <sign-pdf>, reached through this server (same origin)
const service = signingService();

export default {
  files: ['src/**/*.test.ts'],
  // the monorepo root, so the workspace packages and the hoisted node_modules are served
  rootDir: '../..',
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // before the static files: the service's routes and its test endpoints are POSTs
  middleware: [service.middleware],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2023', tsconfig: 'test/browser/tsconfig.json' }),
    fixturesPlugin(),
    service.plugin,
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        // Debian's Chromium (no browser download here or in CI), with the flags every test uses
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: [...CHROMIUM_ARGS],
      },
    }),
  ],
  // Lit says once per page that it runs its development build (the tests want its warnings)
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  concurrency: 2,
  testFramework: { config: { timeout: 60_000 } },
  testsStartTimeout: 120_000,
  testsFinishTimeout: 300_000,
};
