// Installs the peer libraries into bench/peers (own package.json and lock, outside the workspace), so
// their dependencies (asn1js 3, node-forge…) stay out of kyso's tree: `npm ls asn1js` shows one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../peers/', import.meta.url));
if (!existsSync(`${dir}node_modules/@libpdf/core/package.json`)) {
  const lock = existsSync(`${dir}package-lock.json`);
  const r = spawnSync('npm', [lock ? 'ci' : 'install', '--no-audit', '--no-fund', '--workspaces=false'], {
    cwd: dir,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
