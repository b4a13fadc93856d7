import { layoutTestPdf } from './layout.js';
import type { TestPdfOptions } from './options.js';
import { materialize } from './writer.js';

/**
 * A small, real, deterministic PDF in one of the structural forms a signer must handle (see
 * TestPdfForm): the same options give the same bytes. For files of hundreds of MiB or more, use
 * `writeTestPdf` or `writeLargeTestPdf` from `@kyso/testkit/node`, which stream to disk.
 */
export async function makeTestPdf(options: TestPdfOptions = {}): Promise<Uint8Array> {
  return materialize(await layoutTestPdf(options));
}
