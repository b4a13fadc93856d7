import { inflate } from '../../filters/flate.js';
import { imageError } from './image-error.js';
import { type PngChunks, readPngChunks } from './png-chunks.js';
import { pngPasses, unfilterPass } from './png-unfilter.js';
import type { Raster } from './raster.js';

const SAMPLES: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Larger images are refused rather than exhausting memory: a signature or seal is far smaller. */
const MAX_PIXELS = 40_000_000;

/** The `index`-th sample of a row at `depth` bits (1, 2, 4, 8 or 16). */
function sample(row: Uint8Array, index: number, depth: number): number {
  if (depth === 8) return row[index]!;
  if (depth === 16) return (row[2 * index]! << 8) | row[2 * index + 1]!;
  const bit = index * depth;
  return (row[bit >> 3]! >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
}

/** A sample scaled to 8 bits: 16-bit values rounded, low depths spread over 0–255. */
function to8(v: number, depth: number): number {
  if (depth === 8) return v;
  if (depth === 16) return Math.round(v / 257);
  return Math.round((v * 255) / ((1 << depth) - 1));
}

/** The colour key of a gray or RGB image's tRNS chunk, at the image's own depth. */
function colorKey(png: PngChunks): number[] | undefined {
  const t = png.transparency;
  const type = png.header.colorType;
  if (!t || (type !== 0 && type !== 2)) return undefined;
  const n = type === 0 ? 1 : 3;
  if (t.length < 2 * n) return undefined;
  return Array.from({ length: n }, (_, i) => (t[2 * i]! << 8) | t[2 * i + 1]!);
}

/**
 * Decodes a PNG: every colour type and bit depth, plain or Adam7-interlaced, tRNS transparency
 * (palette alpha or a colour key) kept as an alpha channel. Gamma and colour profiles (gAMA, iCCP)
 * are not applied: signature and seal images are plain sRGB.
 */
export async function decodePng(bytes: Uint8Array): Promise<Raster> {
  const png = readPngChunks(bytes);
  const { width, height, bitDepth: depth, colorType: type, interlaced } = png.header;
  if (width * height > MAX_PIXELS) throw imageError(`the PNG is too large (${width}×${height})`);
  const samples = SAMPLES[type]!;
  const channels = type === 0 || type === 4 ? 1 : 3;
  const pixels = new Uint8Array(width * height * channels);
  const alpha = new Uint8Array(width * height).fill(255);
  const key = colorKey(png);
  const palette = png.palette ?? new Uint8Array();
  const paletteAlpha = type === 3 ? (png.transparency ?? new Uint8Array()) : new Uint8Array();
  let data: Uint8Array;
  try {
    data = await inflate(png.data, false);
  } catch (e) {
    throw imageError(`the PNG image data does not inflate (${String(e)})`);
  }

  let offset = 0;
  const px: number[] = new Array(samples).fill(0);
  for (const pass of pngPasses(width, height, interlaced)) {
    const { rows, next } = unfilterPass(data, offset, pass, samples * depth);
    offset = next;
    for (let py = 0; py < pass.height; py++) {
      const row = rows[py]!;
      const y = pass.y0 + py * pass.dy;
      for (let pxi = 0; pxi < pass.width; pxi++) {
        const at = y * width + pass.x0 + pxi * pass.dx;
        for (let s = 0; s < samples; s++) px[s] = sample(row, pxi * samples + s, depth);
        if (type === 3) {
          const i = px[0]!;
          if (3 * i + 2 >= palette.length) throw imageError(`palette index ${i} is past the palette`);
          pixels.set(palette.subarray(3 * i, 3 * i + 3), 3 * at);
          alpha[at] = paletteAlpha[i] ?? 255;
          continue;
        }
        for (let c = 0; c < channels; c++) pixels[channels * at + c] = to8(px[c]!, depth);
        if (type === 4 || type === 6) alpha[at] = to8(px[channels]!, depth);
        else if (key?.every((k, c) => px[c] === k)) alpha[at] = 0;
      }
    }
  }
  const raster: Raster = { width, height, channels, pixels };
  if (alpha.some((a) => a !== 255)) raster.alpha = alpha;
  if (png.dpi) raster.dpi = png.dpi;
  return raster;
}
