import { BigEndianReader } from '../binary.js';
import { imageError } from './image-error.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309) as PNG chunks use it; the table is built on first use. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
}

export interface PngChunks {
  header: PngHeader;
  /** The IDAT chunks joined: one zlib stream. */
  data: Uint8Array;
  palette?: Uint8Array;
  transparency?: Uint8Array;
  /** Pixels per inch, when pHYs gives a physical size. */
  dpi?: { x: number; y: number };
}

const VALID_DEPTHS: Record<number, readonly number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/** Reads a PNG's chunks (ISO/IEC 15948), checking each CRC; ancillary chunks it does not need are skipped. */
export function readPngChunks(bytes: Uint8Array): PngChunks {
  if (!isPng(bytes)) throw imageError('not a PNG file');
  const r = new BigEndianReader(bytes, (d) => imageError(`damaged PNG: ${d}`));
  let header: PngHeader | undefined;
  const idat: Uint8Array[] = [];
  const out: Omit<PngChunks, 'header' | 'data'> = {};
  for (let at = 8; ; ) {
    const length = r.u32(at);
    const type = r.tag(at + 4);
    const body = r.slice(at + 8, length);
    if (crc32(r.slice(at + 4, length + 4)) !== r.u32(at + 8 + length))
      throw imageError(`PNG chunk ${type} fails its CRC`);
    at += 12 + length;
    if (type === 'IHDR') {
      const h = new BigEndianReader(body, (d) => imageError(`damaged IHDR: ${d}`));
      header = {
        width: h.u32(0),
        height: h.u32(4),
        bitDepth: h.u8(8),
        colorType: h.u8(9),
        interlaced: h.u8(12) === 1,
      };
      if (h.u8(10) !== 0 || h.u8(11) !== 0 || h.u8(12) > 1)
        throw imageError('unknown PNG compression, filter or interlace method');
      if (!VALID_DEPTHS[header.colorType]?.includes(header.bitDepth))
        throw imageError(
          `PNG colour type ${header.colorType} with bit depth ${header.bitDepth} is not valid`,
        );
      if (header.width === 0 || header.height === 0) throw imageError('the PNG has no pixels');
    } else if (type === 'PLTE') out.palette = body;
    else if (type === 'tRNS') out.transparency = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'pHYs' && length === 9 && body[8] === 1) {
      const p = new BigEndianReader(body, (d) => imageError(d));
      out.dpi = { x: p.u32(0) * 0.0254, y: p.u32(4) * 0.0254 };
    } else if (type === 'IEND') break;
  }
  if (!header) throw imageError('the PNG has no IHDR');
  if (header.colorType === 3 && !out.palette) throw imageError('a palette PNG without PLTE');
  if (idat.length === 0) throw imageError('the PNG has no image data');
  const total = idat.reduce((s, c) => s + c.length, 0);
  const data = new Uint8Array(total);
  let p = 0;
  for (const c of idat) {
    data.set(c, p);
    p += c.length;
  }
  return { header, data, ...out };
}
