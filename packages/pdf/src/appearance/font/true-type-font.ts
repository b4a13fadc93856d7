import { type CharMap, parseCmap } from './cmap.js';
import { GlyphTable } from './glyf.js';
import { type FontMetrics, readAdvances, readLeftBearings, readMetrics } from './metrics.js';
import { type FontNames, readNames } from './name-table.js';
import { readSfnt, requireTable, type SfntTables } from './sfnt.js';

export interface ParseFontOptions {
  /** The font number in a collection (.ttc); 0 by default. */
  index?: number;
}

/**
 * A parsed TrueType/OpenType (glyf) font: character map, metrics and names are read at once; the
 * outlines only when a subset is made. Parse a font once and reuse it for every appearance.
 */
export class TrueTypeFont {
  readonly metrics: FontMetrics;
  readonly names: FontNames;
  /** The PostScript name (nameID 6), or one made from the family; used in /BaseFont. */
  readonly postScriptName: string;
  readonly #cmap: CharMap;
  readonly #advances: Uint16Array;
  #bearings: Int16Array | undefined;
  #glyphs: GlyphTable | undefined;

  /** @internal use parseFont */
  constructor(
    readonly bytes: Uint8Array,
    readonly sfnt: SfntTables,
  ) {
    this.metrics = readMetrics(sfnt);
    this.names = readNames(sfnt.tables.get('name'));
    this.#cmap = parseCmap(requireTable(sfnt, 'cmap'));
    this.#advances = readAdvances(sfnt, this.metrics);
    const raw =
      this.names.postScriptName ?? `${this.names.family ?? 'Font'}-${this.names.subfamily ?? 'Regular'}`;
    // PostScript names are printable ASCII without delimiters or spaces
    this.postScriptName = raw.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '') || 'Font';
  }

  /** The glyph for a code point, or 0 (.notdef) when the font has none. */
  glyphId(codePoint: number): number {
    return this.#cmap.get(codePoint) ?? 0;
  }

  /** Every code point the font maps (its character coverage). */
  codePoints(): IterableIterator<number> {
    return this.#cmap.keys();
  }

  /** Advance width in font units. */
  advance(gid: number): number {
    return this.#advances[gid] ?? 0;
  }

  /** Advance width in thousandths of an em (PDF glyph space), as /W gives it. */
  width(gid: number): number {
    return Math.round((this.advance(gid) * 1000 * 100) / this.metrics.unitsPerEm) / 100;
  }

  get glyphs(): GlyphTable {
    this.#glyphs ??= new GlyphTable(this.sfnt, this.metrics);
    return this.#glyphs;
  }

  get leftBearings(): Int16Array {
    this.#bearings ??= readLeftBearings(this.sfnt, this.metrics);
    return this.#bearings;
  }

  /** A name for messages: the PostScript name. */
  toString(): string {
    return this.postScriptName;
  }
}

/** Parses a TrueType (.ttf), OpenType with glyf outlines (.otf) or collection (.ttc) font. */
export function parseFont(bytes: Uint8Array, options: ParseFontOptions = {}): TrueTypeFont {
  return new TrueTypeFont(bytes, readSfnt(bytes, options.index ?? 0));
}
