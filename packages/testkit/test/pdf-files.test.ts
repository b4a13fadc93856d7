import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesEqual, makeTestPdf } from '../src/index.js';
import { linearize, makeTestPdfFile, run, tempDir, writeTestPdf } from '../src/node/index.js';
import { expectClean, judge } from './pdf-judges.js';

let dir: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  dir = await tempDir('kyso-pdf-');
});
afterAll(() => dir.remove());

async function expectLinearized(file: string, pages: number): Promise<void> {
  const v = await judge(file);
  expectClean(v);
  expect(v.check.stdout).toContain('File is linearized');
  expect(v.pages).toBe(pages);
  expect(v.info.stdout).toMatch(/Optimized:\s+yes/);
  const lin = await run('qpdf', ['--check-linearization', file]);
  expect(lin.stderr).toBe('');
  expect(lin.code).toBe(0);
  expect(lin.stdout).toContain('no linearization errors');
}

describe('test PDFs as files', () => {
  it('writeTestPdf streams the bytes makeTestPdf returns', async () => {
    const options = {
      form: 'hybrid',
      padTo: 9 << 20,
      fields: [{ type: 'signature', name: 'S', rect: [0, 0, 0, 0] }],
    } as const;
    const file = join(dir.path, 'streamed.pdf');
    const size = await writeTestPdf(file, options);
    const expected = await makeTestPdf(options);
    expect(size).toBe(expected.length);
    expect(bytesEqual(new Uint8Array(await readFile(file)), expected)).toBe(true);
    expect((await readdir(dir.path)).filter((n) => n.includes('.partial'))).toEqual([]);
  });

  it.each([false, true])(
    'makeTestPdfFile makes linearized files (object streams: %s), deterministically',
    async (objectStreams) => {
      const a = join(dir.path, `lin-${objectStreams}-a.pdf`);
      const b = join(dir.path, `lin-${objectStreams}-b.pdf`);
      const options = {
        form: 'linearized',
        pages: 5,
        linearizedObjectStreams: objectStreams,
        fields: [{ type: 'signature', name: 'Signature1', page: 2, rect: [72, 72, 272, 144] }],
      } as const;
      const size = await makeTestPdfFile(a, options);
      await makeTestPdfFile(b, options);
      expect(size).toBe((await stat(a)).size);
      await expectLinearized(a, 5);
      expect(bytesEqual(new Uint8Array(await readFile(a)), new Uint8Array(await readFile(b)))).toBe(true);
      const v = await judge(a);
      expect([...v.xref.values()].some((e) => e.compressed)).toBe(objectStreams);
      expect((await readdir(dir.path)).filter((n) => n.startsWith('.kyso-linearize'))).toEqual([]);
    },
  );

  it('linearize takes any form and refuses what qpdf cannot read', async () => {
    const input = join(dir.path, 'in-xref-stream.pdf');
    const out = join(dir.path, 'out-linearized.pdf');
    await writeTestPdf(input, { form: 'xref-stream', pages: 3, rotate: 90 });
    await linearize(input, out);
    await expectLinearized(out, 3);
    const junk = join(dir.path, 'junk.pdf');
    await writeFile(junk, 'not a pdf');
    await expect(linearize(junk, join(dir.path, 'never.pdf'))).rejects.toThrow(/qpdf --linearize failed/);
  });
});

describe('writeLargeTestPdf', () => {
  const dist = fileURLToPath(new URL('../dist/node/index.js', import.meta.url));

  it('writes 64 MiB with flat memory, and the file passes qpdf --check', async () => {
    // A child process, so the peak resident size (VmHWM) is the writer's own. It runs the build
    // (`npm test` builds first; alone: `npx tsc -b tsconfig.node.json`).
    expect(existsSync(dist), `${dist} is missing: build the package first`).toBe(true);
    const file = join(dir.path, 'large.pdf');
    const bytes = 64 << 20;
    const script = `
      import { readFileSync } from 'node:fs';
      import { writeLargeTestPdf } from ${JSON.stringify(pathToFileURL(dist).href)};
      const hwm = () => Number(/VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
      const before = hwm();
      const size = await writeLargeTestPdf(${JSON.stringify(file)}, { bytes: ${bytes}, pages: 3 });
      console.log(JSON.stringify({ before, after: hwm(), size }));
    `;
    const r = await run(process.execPath, ['--input-type=module', '-e', script], { timeoutMs: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { before, after, size } = JSON.parse(r.stdout) as { before: number; after: number; size: number };
    expect(after - before).toBeLessThan(32 << 20);
    expect(size).toBe((await stat(file)).size);
    expect(size).toBeGreaterThanOrEqual(bytes);
    expect(size).toBeLessThan(bytes + 8192);
    const v = await judge(file);
    expectClean(v);
    expect(v.pages).toBe(3);
    expect(v.text.stdout).toContain('kyso test page 3 of 3');
    const images = await run('pdfimages', ['-list', file]);
    expect(images.stdout.match(/gray/g)).toHaveLength(8); // 8 MiB images
  });
});
