import { rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { layoutTestPdf } from '../pdf/layout.js';
import type { TestPdfForm, TestPdfOptions } from '../pdf/options.js';
import { run } from './judges.js';
import { writePieces } from './pieces-file.js';

/**
 * Test PDFs as files. Padding is generated while writing, never held whole in memory, so these also
 * make the multi-GiB inputs of the benchmark and the large-file tests.
 */

/** Writes `makeTestPdf(options)` to `path` (the same bytes) and returns its size. */
export async function writeTestPdf(path: string, options: TestPdfOptions = {}): Promise<number> {
  return writePieces(path, await layoutTestPdf(options));
}

export interface LinearizeOptions {
  /** qpdf's --object-streams: keep the input's (default), remove them, or make them. */
  objectStreams?: 'preserve' | 'disable' | 'generate';
}

/**
 * `qpdf --linearize` (fast web view). `--deterministic-id` keeps the first /ID and derives the second
 * from the content, so the same input gives the same output. Throws when qpdf reports anything.
 */
export async function linearize(
  inPath: string,
  outPath: string,
  options: LinearizeOptions = {},
): Promise<void> {
  const r = await run(
    'qpdf',
    [
      '--linearize',
      '--deterministic-id',
      `--object-streams=${options.objectStreams ?? 'preserve'}`,
      inPath,
      outPath,
    ],
    { timeoutMs: 600_000 },
  );
  if (r.code !== 0) throw new Error(`qpdf --linearize failed (exit ${r.code}): ${r.stderr.trim()}`);
}

export type TestPdfFileForm = TestPdfForm | 'linearized';

export interface TestPdfFileOptions extends Omit<TestPdfOptions, 'form'> {
  /** The forms of makeTestPdf, and 'linearized': a classic file run through `qpdf --linearize`. */
  form?: TestPdfFileForm;
  /** Form 'linearized' only: give the linearized file object streams; default false. */
  linearizedObjectStreams?: boolean;
}

/** A test PDF file in any form, including 'linearized' (which needs qpdf); returns its size. */
export async function makeTestPdfFile(path: string, options: TestPdfFileOptions = {}): Promise<number> {
  const { form, linearizedObjectStreams, ...rest } = options;
  if (form !== 'linearized') return writeTestPdf(path, form === undefined ? rest : { ...rest, form });
  const base = join(dirname(path), `.kyso-linearize-${process.pid}-${Date.now()}.pdf`);
  try {
    await writeTestPdf(base, { ...rest, form: 'classic' });
    await linearize(base, path, { objectStreams: linearizedObjectStreams ? 'generate' : 'disable' });
  } finally {
    await rm(base, { force: true });
  }
  return (await stat(path)).size;
}

export interface LargeTestPdfOptions extends Omit<TestPdfOptions, 'padTo'> {
  /** The file's least size; it ends at most a few KiB beyond. */
  bytes: number;
}

/**
 * A PDF of any size (the engine is tested on 3 GiB), streamed to disk through one reused 1 MiB buffer:
 * incompressible 8 MiB images drawn on page 1, then (by default) a classic table, whose 10-digit
 * offsets reach ~9.3 GiB. Returns the size written.
 */
export async function writeLargeTestPdf(path: string, options: LargeTestPdfOptions): Promise<number> {
  const { bytes, ...rest } = options;
  return writeTestPdf(path, { ...rest, padTo: bytes });
}
