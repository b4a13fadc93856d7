// Bundles the `kyso` command into dist/bundle with one chunk per command, so a fresh process loads
// only what its command needs: `kyso sign` spends its time hashing, not resolving ~200 modules.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// Chunk names are content hashes: without a clean folder every build would leave the old ones behind.
rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: ['dist/bin.js'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  define: { __KYSO_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});
