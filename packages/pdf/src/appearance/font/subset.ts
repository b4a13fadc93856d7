import { BigEndianWriter } from '../binary.js';
import { writeSfnt } from './sfnt-writer.js';
import type { TrueTypeFont } from './true-type-font.js';

/** Tables copied as they are: hinting programs (glyph instructions call into them), OS/2 and name. */
const COPIED = ['cvt ', 'fpgm', 'prep', 'gasp', 'OS/2', 'name'];

/**
 * A font program holding only `glyphs` (their composite components included) with their glyph ids
 * unchanged: every other glyph keeps its 'loca' slot with an empty outline and zero metrics, and
 * glyphs past the highest kept id are cut. Keeping ids means content streams written before the
 * subset is final stay right (CIDToGIDMap /Identity), and a later widget of the same update can grow
 * the subset. Layout tables (GSUB, GPOS, kern) are dropped: the PDF positions every glyph itself.
 * `chars` (code point → glyph) becomes a small cmap, for tools that read one.
 */
export function subsetFont(
  font: TrueTypeFont,
  glyphs: ReadonlySet<number>,
  chars: ReadonlyMap<number, number>,
): Uint8Array {
  const table = font.glyphs;
  const kept = table.closure(glyphs);
  const count = Math.max(...kept) + 1;
  const glyf = new BigEndianWriter();
  const loca = new BigEndianWriter();
  const hmtx = new BigEndianWriter();
  const bearings = font.leftBearings;
  for (let g = 0; g < count; g++) {
    loca.u32(glyf.length);
    if (kept.has(g)) {
      glyf.bytes(table.data(g)).pad4();
      hmtx.u16(font.advance(g)).i16(bearings[g] ?? 0);
    } else hmtx.u16(0).i16(0);
  }
  loca.u32(glyf.length);

  const source = font.sfnt.tables;
  const head = source.get('head')!.slice(0, 54).slice();
  new DataView(head.buffer).setInt16(50, 1); // long 'loca' offsets
  const hhea = source.get('hhea')!.slice(0, 36).slice();
  new DataView(hhea.buffer).setUint16(34, count);
  const maxp = source.get('maxp')!.bytes.slice();
  new DataView(maxp.buffer).setUint16(4, count);

  const tables = new Map<string, Uint8Array>([
    ['head', head],
    ['hhea', hhea],
    ['maxp', maxp],
    ['loca', loca.toBytes()],
    ['glyf', glyf.toBytes()],
    ['hmtx', hmtx.toBytes()],
    ['cmap', cmapFormat4(chars, kept)],
    ['post', postFormat3(font)],
  ]);
  for (const tag of COPIED) {
    const t = source.get(tag);
    if (t) tables.set(tag, t.bytes.slice());
  }
  return writeSfnt(tables);
}

/** 'post' version 3: the metrics without glyph names (PDF text never needs them). */
function postFormat3(font: TrueTypeFont): Uint8Array {
  const post = font.sfnt.tables.get('post');
  const out = new Uint8Array(32);
  if (post && post.length >= 32) out.set(post.slice(0, 32));
  new DataView(out.buffer).setUint32(0, 0x00030000);
  return out;
}

/** A Windows Unicode BMP cmap (3,1) with one segment per kept character. */
function cmapFormat4(chars: ReadonlyMap<number, number>, kept: ReadonlySet<number>): Uint8Array {
  const pairs = [...chars].filter(([c, g]) => c < 0xffff && kept.has(g)).sort((a, b) => a[0] - b[0]);
  const segments = [...pairs, [0xffff, 0] as [number, number]];
  const n = segments.length;
  let power = 1;
  while (power * 2 <= n) power *= 2;
  const sub = new BigEndianWriter();
  const length = 16 + 8 * n;
  sub
    .u16(4)
    .u16(length)
    .u16(0)
    .u16(2 * n)
    .u16(2 * power)
    .u16(Math.log2(power))
    .u16(2 * n - 2 * power);
  for (const [c] of segments) sub.u16(c);
  sub.u16(0);
  for (const [c] of segments) sub.u16(c);
  // the final segment maps 0xFFFF to glyph 0 with a delta of 1, as the spec's example does
  for (const [c, g] of segments) sub.u16(c === 0xffff ? 1 : (g - c) & 0xffff);
  for (let i = 0; i < n; i++) sub.u16(0);
  const out = new BigEndianWriter();
  out.u16(0).u16(1).u16(3).u16(1).u32(12).bytes(sub.toBytes());
  return out.toBytes();
}
