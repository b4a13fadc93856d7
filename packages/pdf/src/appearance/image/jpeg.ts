import { BigEndianReader } from '../binary.js';
import { imageError } from './image-error.js';

export interface JpegInfo {
  width: number;
  height: number;
  /** 1 gray, 3 YCbCr/RGB, 4 CMYK/YCCK. */
  components: 1 | 3 | 4;
  /** An Adobe APP14 marker: Photoshop-style files store CMYK inverted. */
  adobe: boolean;
  dpi?: { x: number; y: number };
}

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** Huffman-coded DCT frames PDF's DCTDecode reads (baseline, extended sequential, progressive). */
const SUPPORTED_SOF = new Set([0xc0, 0xc1, 0xc2]);
/** Other SOF markers: lossless, hierarchical, arithmetic-coded. */
const OTHER_SOF = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/**
 * Reads what the image dictionary needs from a JPEG's markers (ITU T.81 B.2): the frame header's
 * size and component count, APP14 Adobe, and JFIF density. The file itself is embedded unchanged.
 */
export function readJpeg(bytes: Uint8Array): JpegInfo {
  if (!isJpeg(bytes)) throw imageError('not a JPEG file');
  const r = new BigEndianReader(bytes, (d) => imageError(`damaged JPEG: ${d}`));
  let adobe = false;
  let dpi: JpegInfo['dpi'];
  for (let at = 2; ; ) {
    if (r.u8(at) !== 0xff) throw imageError(`no JPEG marker at ${at}`);
    let marker = r.u8(at + 1);
    while (marker === 0xff) marker = r.u8(++at + 1); // fill bytes
    at += 2;
    if (marker === 0xd9) break;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    const length = r.u16(at);
    if (length < 2) throw imageError('a JPEG segment is shorter than its length field');
    if (marker === 0xee && length >= 14 && r.tag(at + 2) === 'Adob') adobe = true;
    if (marker === 0xe0 && length >= 16 && r.tag(at + 2) === 'JFIF') {
      const unit = r.u8(at + 9);
      const x = r.u16(at + 10);
      const y = r.u16(at + 12);
      if (unit === 1 && x > 0 && y > 0) dpi = { x, y };
      else if (unit === 2 && x > 0 && y > 0) dpi = { x: x * 2.54, y: y * 2.54 };
    }
    if (OTHER_SOF.has(marker))
      throw imageError(
        `JPEG frame type 0x${marker.toString(16)} (lossless or arithmetic-coded) is not supported`,
      );
    if (SUPPORTED_SOF.has(marker)) {
      const precision = r.u8(at + 2);
      const height = r.u16(at + 3);
      const width = r.u16(at + 5);
      const components = r.u8(at + 7);
      if (precision !== 8) throw imageError(`JPEG with ${precision}-bit samples is not supported`);
      if (components !== 1 && components !== 3 && components !== 4)
        throw imageError(`JPEG with ${components} components is not supported`);
      if (width === 0 || height === 0) throw imageError('the JPEG frame has no size (DNL is not supported)');
      // APP14 may come after the frame header in odd files: look on for it
      if (!adobe) adobe = findAdobe(r, at + length);
      return { width, height, components, adobe, ...(dpi ? { dpi } : {}) };
    }
    at += length;
  }
  throw imageError('the JPEG has no frame header');
}

function findAdobe(r: BigEndianReader, from: number): boolean {
  for (let at = from; at + 4 < r.length; ) {
    if (r.u8(at) !== 0xff) return false;
    const marker = r.u8(at + 1);
    if (marker === 0xda || marker === 0xd9) return false;
    const length = r.u16(at + 2);
    if (marker === 0xee && length >= 14 && at + 8 < r.length && r.tag(at + 4) === 'Adob') return true;
    at += 2 + length;
  }
  return false;
}
