// What a page downloads when it calls define(): bundles @kyso/components (the built dist) the way an
// application bundler would (esbuild, ESM, minified, code splitting) and reports the gzip size of the
// initial chunk and of each lazily loaded chunk. `npm run size` prints them; test/bundle.test.ts
// holds the budget (issue 8: the initial chunk ≤ 60 KB gzip, without pdf.js, fonts or the verifier).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * @param {string} entry the code a page runs (default: defineAll())
 * @returns {Promise<import('./bundle-size.d.mts').BundleReport>}
 */
export async function measureBundle(entry = "import { defineAll } from '@kyso/components'; defineAll();") {
  const outdir = await mkdtemp(join(tmpdir(), 'kyso-bundle-'));
  try {
    const result = await build({
      stdin: { contents: entry, resolveDir: resolve(here, '..'), loader: 'js' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2023',
      minify: true,
      metafile: true,
      write: true,
      outdir,
      logLevel: 'silent',
    });
    const outputs = result.metafile.outputs;
    const entryOut = Object.keys(outputs).find((o) => outputs[o].entryPoint === '<stdin>');
    /** @param {string} out */
    const gzip = async (out) => gzipSync(await readFile(resolve(out)), { level: 9 }).length;
    // the initial chunk: the entry and what it imports statically, transitively
    const initial = new Set();
    const walk = (/** @type {string} */ out) => {
      if (initial.has(out)) return;
      initial.add(out);
      for (const i of outputs[out].imports) if (i.kind === 'import-statement') walk(i.path);
    };
    walk(entryOut);
    const chunks = [];
    for (const [out, meta] of Object.entries(outputs)) {
      if (out.endsWith('.map')) continue;
      chunks.push({
        file: relative(outdir, resolve(out)),
        initial: initial.has(out),
        bytes: meta.bytes,
        gzip: await gzip(out),
        inputs: Object.keys(meta.inputs),
      });
    }
    chunks.sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
    const initialChunks = chunks.filter((c) => c.initial);
    return {
      initialGzip: initialChunks.reduce((n, c) => n + c.gzip, 0),
      initialInputs: initialChunks.flatMap((c) => c.inputs),
      chunks,
    };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

/** What a chunk mostly is, for the printout. */
function describe(inputs) {
  const marks = [
    ['pdf.worker', 'pdf.js worker (main-thread fallback)'],
    ['pdfjs-dist', 'pdf.js'],
    ['verify-badge/verification', 'verifier (@kyso/pdf, @kyso/core)'],
    ['sign-pdf/signing.js', 'signing (@kyso/pdf signPdf, CSC client)'],
    ['signature-fields', 'field reader (@kyso/pdf)'],
    ['trust/vn', 'trust profiles'],
  ];
  const hit = marks.find(([m]) => inputs.some((i) => i.includes(m)));
  return hit ? hit[1] : `${inputs.length} modules`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await measureBundle();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`initial chunk (define()): ${kb(report.initialGzip)} gzip`);
  for (const c of report.chunks)
    console.log(
      `  ${c.initial ? 'initial' : 'lazy   '} ${kb(c.gzip).padStart(9)} gzip ${kb(c.bytes).padStart(10)} min  ${describe(c.inputs)}`,
    );
}
