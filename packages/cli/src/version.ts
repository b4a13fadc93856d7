import { readFileSync } from 'node:fs';

/** The CLI's own version, from its package.json (read once, only when asked). */
export function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
