import { imageError } from './image-error.js';

/** One pass of the image: all of it, or one of Adam7's seven sub-images. */
export interface PngPass {
  x0: number;
  y0: number;
  dx: number;
  dy: number;
  width: number;
  height: number;
}

const ADAM7: readonly [number, number, number, number][] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** The passes the data holds, in order (empty Adam7 passes have no bytes at all, not even filter bytes). */
export function pngPasses(width: number, height: number, interlaced: boolean): PngPass[] {
  if (!interlaced) return [{ x0: 0, y0: 0, dx: 1, dy: 1, width, height }];
  return ADAM7.map(([x0, y0, dx, dy]) => ({
    x0,
    y0,
    dx,
    dy,
    width: Math.ceil((width - x0) / dx),
    height: Math.ceil((height - y0) / dy),
  })).filter((p) => p.width > 0 && p.height > 0);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Undoes the scanline filters of one pass (None, Sub, Up, Average, Paeth) starting at `offset` of the
 * inflated data; returns the rows and where the next pass starts. `bpp` is bytes per complete pixel,
 * at least 1.
 */
export function unfilterPass(
  data: Uint8Array,
  offset: number,
  pass: PngPass,
  bitsPerPixel: number,
): { rows: Uint8Array[]; next: number } {
  const stride = Math.ceil((pass.width * bitsPerPixel) / 8);
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const rows: Uint8Array[] = [];
  let prior = new Uint8Array(stride);
  let at = offset;
  for (let y = 0; y < pass.height; y++) {
    if (at + 1 + stride > data.length) throw imageError('the PNG image data is cut short');
    const filter = data[at]!;
    const row = data.slice(at + 1, at + 1 + stride);
    at += 1 + stride;
    switch (filter) {
      case 0:
        break;
      case 1:
        for (let i = bpp; i < stride; i++) row[i] = (row[i]! + row[i - bpp]!) & 0xff;
        break;
      case 2:
        for (let i = 0; i < stride; i++) row[i] = (row[i]! + prior[i]!) & 0xff;
        break;
      case 3:
        for (let i = 0; i < stride; i++)
          row[i] = (row[i]! + (((i >= bpp ? row[i - bpp]! : 0) + prior[i]!) >> 1)) & 0xff;
        break;
      case 4:
        for (let i = 0; i < stride; i++)
          row[i] =
            (row[i]! + paeth(i >= bpp ? row[i - bpp]! : 0, prior[i]!, i >= bpp ? prior[i - bpp]! : 0)) & 0xff;
        break;
      default:
        throw imageError(`unknown PNG filter type ${filter}`);
    }
    rows.push(row);
    prior = row;
  }
  return { rows, next: at };
}
