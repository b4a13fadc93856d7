import type { BigEndianReader } from '../binary.js';
import { fontError } from './font-error.js';

/** Unicode code point → glyph id. */
export type CharMap = ReadonlyMap<number, number>;

/**
 * The Unicode subtables in the order they are preferred: full-repertoire format 12 first, then the
 * BMP format 4 ones (OpenType spec, 'cmap', "Platform IDs" and "Encoding records").
 */
const PREFERRED: readonly [platform: number, encoding: number, format: number][] = [
  [3, 10, 12],
  [0, 4, 12],
  [0, 6, 12],
  [3, 1, 4],
  [0, 3, 4],
  [0, 2, 4],
  [0, 1, 4],
  [0, 0, 4],
];

/** Reads the font's Unicode character map (formats 4 and 12). */
export function parseCmap(cmap: BigEndianReader): CharMap {
  const count = cmap.u16(2);
  const subtables: { platform: number; encoding: number; format: number; offset: number }[] = [];
  for (let i = 0; i < count; i++) {
    const at = 4 + 8 * i;
    const offset = cmap.u32(at + 4);
    subtables.push({ platform: cmap.u16(at), encoding: cmap.u16(at + 2), format: cmap.u16(offset), offset });
  }
  for (const [platform, encoding, format] of PREFERRED) {
    const hit = subtables.find(
      (s) => s.platform === platform && s.encoding === encoding && s.format === format,
    );
    if (hit) return format === 12 ? format12(cmap, hit.offset) : format4(cmap, hit.offset);
  }
  throw fontError('the font has no Unicode character map (cmap format 4 or 12)');
}

/** Segment mapping to delta values: BMP code points. */
export function format4(t: BigEndianReader, at: number): CharMap {
  const map = new Map<number, number>();
  const segments = t.u16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const ranges = deltas + 2 * segments;
  for (let i = 0; i < segments; i++) {
    const end = t.u16(ends + 2 * i);
    const start = t.u16(starts + 2 * i);
    const delta = t.u16(deltas + 2 * i);
    const rangeAt = ranges + 2 * i;
    const range = t.u16(rangeAt);
    if (start > end) continue;
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let gid: number;
      if (range === 0) gid = (c + delta) & 0xffff;
      else {
        // idRangeOffset counts from its own position into glyphIdArray
        const g = t.u16(rangeAt + range + 2 * (c - start));
        gid = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (gid !== 0) map.set(c, gid);
    }
  }
  return map;
}

/** Segmented coverage: the whole Unicode range. */
export function format12(t: BigEndianReader, at: number): CharMap {
  const map = new Map<number, number>();
  const groups = t.u32(at + 12);
  if (groups > t.length / 12) throw fontError('cmap format 12 claims more groups than it holds');
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + 12 * i;
    const start = t.u32(g);
    const end = Math.min(t.u32(g + 4), 0x10ffff);
    const first = t.u32(g + 8);
    if (end - start > 0x10ffff) throw fontError('cmap format 12 has an impossible group');
    for (let c = start; c <= end; c++) if (first + (c - start) !== 0) map.set(c, first + (c - start));
  }
  return map;
}
