// Bundles the pages' script (client/) into dist/public with what it loads at run time: pdf.js's
// worker, the bundled fonts the presets draw with, and the demo's images. Served under /assets.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const out = 'dist/public';
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'fonts'), { recursive: true });
await build({
  entryPoints: ['client/document.ts', 'client/badges.ts'],
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2023',
  minify: true,
  sourcemap: true,
  // the components' development-only checks stay out of the demo
  conditions: ['browser', 'production'],
  logLevel: 'warning',
});
cpSync(require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'), join(out, 'pdf.worker.min.mjs'));
const fonts = dirname(require.resolve('@kyso/pdf/fonts/LiberationSerif-Regular.ttf'));
cpSync(fonts, join(out, 'fonts'), { recursive: true });
cpSync('assets', join(out, 'images'), { recursive: true });
