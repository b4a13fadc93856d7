import { readFileSync } from 'node:fs';

/** Set by the bundler (build.mjs); absent when dist/ runs unbundled. */
declare const __KYSO_VERSION__: string | undefined;

/** The CLI's own version. */
export function cliVersion(): string {
  if (typeof __KYSO_VERSION__ === 'string') return __KYSO_VERSION__;
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
