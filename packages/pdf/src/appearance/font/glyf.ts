import type { BigEndianReader } from '../binary.js';
import { fontError } from './font-error.js';
import type { FontMetrics } from './metrics.js';
import { requireTable, type SfntTables } from './sfnt.js';

// composite glyph flags (OpenType spec, 'glyf', "Composite glyph description")
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** The glyph outlines ('loca' + 'glyf'), read on demand: only a subset's glyphs are ever touched. */
export class GlyphTable {
  readonly #glyf: BigEndianReader;
  readonly #offsets: Uint32Array;

  constructor(sfnt: SfntTables, metrics: FontMetrics) {
    this.#glyf = requireTable(sfnt, 'glyf');
    const loca = requireTable(sfnt, 'loca');
    const n = metrics.numGlyphs;
    this.#offsets = new Uint32Array(n + 1);
    for (let i = 0; i <= n; i++)
      this.#offsets[i] = metrics.indexToLocFormat === 0 ? loca.u16(2 * i) * 2 : loca.u32(4 * i);
    for (let i = 0; i < n; i++)
      if (this.#offsets[i]! > this.#offsets[i + 1]! || this.#offsets[i + 1]! > this.#glyf.length)
        throw fontError(`'loca' entry ${i} points outside 'glyf'`);
  }

  get count(): number {
    return this.#offsets.length - 1;
  }

  /** The glyph's description bytes; empty for a glyph with no outline (a space). */
  data(gid: number): Uint8Array {
    const start = this.#offsets[gid];
    const end = this.#offsets[gid + 1];
    if (start === undefined || end === undefined) throw fontError(`no glyph ${gid}`);
    return this.#glyf.slice(start, end - start);
  }

  /** The glyph ids a composite glyph is built from (none for a simple glyph). */
  components(gid: number): number[] {
    const d = this.data(gid);
    if (d.length < 10) return [];
    const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
    if (view.getInt16(0) >= 0) return [];
    const out: number[] = [];
    let at = 10;
    for (;;) {
      if (at + 4 > d.length) throw fontError(`composite glyph ${gid} is cut short`);
      const flags = view.getUint16(at);
      out.push(view.getUint16(at + 2));
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) at += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      if (!(flags & MORE_COMPONENTS)) return out;
    }
  }

  /** The glyphs with every component their composites use, and glyph 0 (.notdef), which a font must keep. */
  closure(gids: Iterable<number>): Set<number> {
    const out = new Set<number>();
    const todo = [0, ...gids];
    for (let g = todo.pop(); g !== undefined; g = todo.pop()) {
      if (out.has(g)) continue;
      if (!Number.isInteger(g) || g < 0 || g >= this.count) throw fontError(`glyph ${g} does not exist`);
      out.add(g);
      todo.push(...this.components(g));
    }
    return out;
  }
}
