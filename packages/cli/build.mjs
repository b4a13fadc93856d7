// Bundles the `kyso` command into dist/bundle with one chunk per command, so a fresh process loads
// only what its command needs: `kyso sign` spends its time hashing, not resolving ~200 modules.
// `kyso sign` is also built as one CommonJS file with V8's code cache beside it (precompiled.ts).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { runCommonJs } from './dist/precompiled.js';

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

// The precompiled sign command. CommonJS has no import.meta: the bundle's own file stands in for it.
const precompiled = resolve('dist/bundle/sign.cjs');
await build({
  entryPoints: ['dist/commands/sign.js'],
  outfile: precompiled,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: {
    __KYSO_VERSION__: JSON.stringify(version),
    'import.meta.url': '__kysoModuleUrl',
    'import.meta.resolve': '__kysoResolve',
  },
  banner: {
    js: [
      "var __kysoModuleUrl = require('node:url').pathToFileURL(__filename).href;",
      "var __kysoResolve = (specifier) => require('node:url').pathToFileURL(require.resolve(specifier)).href;",
    ].join('\n'),
  },
  logLevel: 'warning',
});
// V8's code cache of the module's top level, made by the Node that builds (CI's is the one that
// runs the tests); another V8 rejects it and compiles as usual.
writeFileSync(`${precompiled}.cache`, runCommonJs(precompiled).script.createCachedData());
