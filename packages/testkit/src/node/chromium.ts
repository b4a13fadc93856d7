/** Debian's Chromium, the only browser these machines have (no downloads); CHROME_PATH overrides it. */
export const CHROMIUM_PATH: string = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';

/** The flags every headless Chromium of the tests runs with: no sandbox (root in CI), no network chatter. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
