import { buildModel, PAD_FULL_ROWS, PAD_WIDTH, type PadImages } from './build.js';
import { writeClassic } from './classic.js';
import { writeXrefStreamForm } from './compressed.js';
import { writeHybrid } from './hybrid.js';
import { type ResolvedOptions, resolveOptions, type TestPdfOptions } from './options.js';
import { writeRevisions } from './revisions.js';
import { PdfWriter, type Piece, piecesLength } from './writer.js';

async function layoutWith(o: ResolvedOptions, pad: PadImages): Promise<Piece[]> {
  const model = await buildModel(o, pad);
  const w = new PdfWriter(o.eol);
  w.header(o.version);
  switch (o.form) {
    case 'classic':
      writeClassic(w, model);
      break;
    case 'xref-stream':
    case 'pdf-2.0':
      await writeXrefStreamForm(w, model, o.objectsPerStream);
      break;
    case 'hybrid':
      await writeHybrid(w, model, o.objectsPerStream, o.hybridTable);
      break;
    case 'revisions':
      writeRevisions(w, model);
      break;
  }
  if (o.trailingGarbage.length > 0) w.bytes(o.trailingGarbage);
  return w.pieces;
}

const PAD_IMAGE_BYTES = PAD_WIDTH * PAD_FULL_ROWS;

/**
 * The file as pieces, padding described rather than generated. For `padTo`, the last image's rows are
 * adjusted until the file reaches the size: cheap, since only the small objects are ever laid out.
 */
export async function layoutTestPdf(options: TestPdfOptions): Promise<Piece[]> {
  const o = resolveOptions(options);
  const plain = await layoutWith(o, { count: 0, lastRows: 0 });
  const plainSize = piecesLength(plain);
  if (o.padTo <= plainSize) return plain;
  const needed = o.padTo - plainSize;
  let count = Math.max(1, Math.ceil(needed / PAD_IMAGE_BYTES));
  let lastRows = Math.max(1, Math.ceil((needed - (count - 1) * PAD_IMAGE_BYTES) / PAD_WIDTH));
  let best: Piece[] | undefined;
  // Image headers and offsets add bytes the estimate ignores (about 200 an image): adjust the last
  // image's rows until the file reaches padTo by less than a row, or no row can go.
  for (let round = 0; round < 16; round++) {
    const pieces = await layoutWith(o, { count, lastRows });
    const size = piecesLength(pieces);
    if (size >= o.padTo) {
      best = pieces;
      const spare = Math.floor((size - o.padTo) / PAD_WIDTH);
      if (spare === 0 || (count === 1 && lastRows === 1)) return pieces;
      lastRows -= spare;
      while (lastRows < 1 && count > 1) {
        count--;
        lastRows += PAD_FULL_ROWS;
      }
      lastRows = Math.max(1, lastRows);
      continue;
    }
    lastRows += Math.ceil((o.padTo - size) / PAD_WIDTH);
    while (lastRows > PAD_FULL_ROWS) {
      count++;
      lastRows -= PAD_FULL_ROWS;
    }
  }
  if (best) return best;
  throw new Error(`could not pad the file to ${o.padTo} bytes`);
}
