import { crc32, deflateSync } from 'node:zlib';

/**
 * A small PNG encoder for tests: any colour type and bit depth, plain or Adam7, with every scanline
 * filter used in turn (row n gets filter n mod 5) so the decoder's unfiltering is exercised.
 */
export interface PngSpec {
  width: number;
  height: number;
  colorType: 0 | 2 | 3 | 4 | 6;
  bitDepth: 1 | 2 | 4 | 8 | 16;
  /** Raw samples, row-major, `samplesPerPixel` per pixel, at the bit depth. */
  samples: readonly number[];
  palette?: readonly [number, number, number][];
  /** tRNS chunk bytes as the spec lays them out. */
  trns?: readonly number[];
  interlace?: boolean;
  /** pHYs in pixels per metre. */
  ppm?: number;
}

const SAMPLES = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  out.set(body, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

/** Packs one row of samples at the bit depth. */
function packRow(values: number[], depth: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((values.length * depth) / 8));
  values.forEach((v, i) => {
    if (depth === 16) {
      out[2 * i] = v >> 8;
      out[2 * i + 1] = v & 0xff;
    } else if (depth === 8) out[i] = v;
    else {
      const bit = i * depth;
      out[bit >> 3]! |= v << (8 - depth - (bit & 7));
    }
  });
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function filterRow(row: Uint8Array, prior: Uint8Array, type: number, bpp: number): Uint8Array {
  const out = new Uint8Array(row.length + 1);
  out[0] = type;
  for (let i = 0; i < row.length; i++) {
    const a = i >= bpp ? row[i - bpp]! : 0;
    const b = prior[i]!;
    const c = i >= bpp ? prior[i - bpp]! : 0;
    const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type]!;
    out[i + 1] = (row[i]! - predictor) & 0xff;
  }
  return out;
}

export function encodePng(spec: PngSpec): Uint8Array {
  const n = SAMPLES[spec.colorType];
  const bpp = Math.max(1, (n * spec.bitDepth) >> 3);
  const pixel = (x: number, y: number) =>
    spec.samples.slice((y * spec.width + x) * n, (y * spec.width + x + 1) * n);
  const passes = spec.interlace ? ADAM7 : ([[0, 0, 1, 1]] as const);
  const raw: Uint8Array[] = [];
  let rowNumber = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((spec.width - x0) / dx);
    const h = Math.ceil((spec.height - y0) / dy);
    if (w <= 0 || h <= 0) continue;
    let prior: Uint8Array = new Uint8Array(Math.ceil((w * n * spec.bitDepth) / 8));
    for (let py = 0; py < h; py++) {
      const values: number[] = [];
      for (let px = 0; px < w; px++) values.push(...pixel(x0 + px * dx, y0 + py * dy));
      const row = packRow(values, spec.bitDepth);
      raw.push(filterRow(row, prior, rowNumber++ % 5, bpp));
      prior = row;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(spec.width, 0);
  ihdr.writeUInt32BE(spec.height, 4);
  ihdr[8] = spec.bitDepth;
  ihdr[9] = spec.colorType;
  ihdr[12] = spec.interlace ? 1 : 0;
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  if (spec.ppm) {
    const phys = Buffer.alloc(9);
    phys.writeUInt32BE(spec.ppm, 0);
    phys.writeUInt32BE(spec.ppm, 4);
    phys[8] = 1;
    parts.push(chunk('pHYs', phys));
  }
  if (spec.palette) parts.push(chunk('PLTE', Uint8Array.from(spec.palette.flat())));
  if (spec.trns) parts.push(chunk('tRNS', Uint8Array.from(spec.trns)));
  // two IDAT chunks, as encoders that stream write them
  const data = deflateSync(Buffer.concat(raw));
  const half = data.length >> 1;
  parts.push(
    chunk('IDAT', data.subarray(0, half)),
    chunk('IDAT', data.subarray(half)),
    chunk('IEND', new Uint8Array()),
  );
  return new Uint8Array(Buffer.concat(parts));
}
