import { deflate } from '../../filters/flate.js';
import { fromLatin1 } from '../../syntax/chars.js';
import { name, PdfDict, type PdfObject, type PdfRef, PdfStream, PdfString } from '../../syntax/objects.js';
import { fontError } from './font-error.js';
import { subsetFont } from './subset.js';
import { toUnicodeCMap } from './to-unicode.js';
import type { TrueTypeFont } from './true-type-font.js';

export interface EmbedFontOptions {
  /** Embed only the glyphs used (default); false embeds every glyph (for comparisons, or fonts that forbid subsetting). */
  subset?: boolean;
}

/** OS/2 fsType: restricted-licence embedding, bitmap-only embedding, no subsetting. */
const FS_RESTRICTED = 0x0002;
const FS_BITMAP_ONLY = 0x0200;
const FS_NO_SUBSETTING = 0x0100;

/**
 * One font in one incremental update: a Type0 font with Identity-H encoding over a CIDFontType2
 * (glyph ids as CIDs, /CIDToGIDMap /Identity), its descriptor, the subset program (/FontFile2) and
 * a ToUnicode CMap. Every widget of the update draws with the same objects; `record` notes the glyphs
 * a widget used and `refresh` rewrites the subset to cover all of them (the objects keep their
 * numbers: they are only serialised when the update is written).
 */
export class EmbeddedFont {
  readonly ref: PdfRef;
  readonly #font: TrueTypeFont;
  readonly #subset: boolean;
  /** Glyph id → the text it stands for (ToUnicode). */
  readonly #glyphText = new Map<number, string>();
  /** Code point → glyph id (the subset's own cmap). */
  readonly #chars = new Map<number, number>();
  readonly #type0: PdfDict;
  readonly #cidFont: PdfDict;
  readonly #descriptor: PdfDict;
  readonly #program: PdfStream;
  readonly #toUnicode: PdfStream;
  #written = -1;

  constructor(font: TrueTypeFont, add: (value: PdfObject) => PdfRef, options: EmbedFontOptions = {}) {
    const fsType = font.metrics.fsType;
    if ((fsType & 0x000f) === FS_RESTRICTED || (fsType & FS_BITMAP_ONLY) !== 0)
      throw fontError(`${font.postScriptName}'s licence does not allow embedding it (OS/2 fsType ${fsType})`);
    this.#font = font;
    this.#subset = options.subset !== false && (fsType & FS_NO_SUBSETTING) === 0;
    this.#program = new PdfStream(new PdfDict(), new Uint8Array());
    this.#toUnicode = new PdfStream(new PdfDict(), new Uint8Array());
    this.#descriptor = descriptor(font);
    this.#descriptor.set('FontFile2', add(this.#program));
    this.#cidFont = new PdfDict([
      ['Type', name('Font')],
      ['Subtype', name('CIDFontType2')],
      [
        'CIDSystemInfo',
        new PdfDict([
          ['Registry', ascii('Adobe')],
          ['Ordering', ascii('Identity')],
          ['Supplement', 0],
        ]),
      ],
      ['FontDescriptor', add(this.#descriptor)],
      ['CIDToGIDMap', name('Identity')],
    ]);
    this.#type0 = new PdfDict([
      ['Type', name('Font')],
      ['Subtype', name('Type0')],
      ['Encoding', name('Identity-H')],
      ['DescendantFonts', [add(this.#cidFont)]],
      ['ToUnicode', add(this.#toUnicode)],
    ]);
    this.ref = add(this.#type0);
  }

  get font(): TrueTypeFont {
    return this.#font;
  }

  /** Notes that glyph `gid` was drawn for `text` (one character, NFC). */
  record(gid: number, text: string): void {
    if (!this.#glyphText.has(gid)) this.#glyphText.set(gid, text);
    const cp = text.codePointAt(0);
    if (cp !== undefined && !this.#chars.has(cp)) this.#chars.set(cp, gid);
  }

  /** Rewrites the font objects for every glyph recorded so far (a no-op when nothing new was drawn). */
  async refresh(): Promise<void> {
    if (this.#written === this.#glyphText.size) return;
    const font = this.#font;
    const gids = this.#subset ? new Set(this.#glyphText.keys()) : new Set(allGlyphs(font));
    const program = subsetFont(font, gids, this.#chars);
    const tag = this.#subset ? `${subsetTag(font.postScriptName, gids)}+` : '';
    const baseFont = name(`${tag}${font.postScriptName}`);
    this.#type0.set('BaseFont', baseFont);
    this.#cidFont.set('BaseFont', baseFont);
    this.#descriptor.set('FontName', baseFont);
    this.#cidFont.set('W', widthsArray(font, [...this.#glyphText.keys()]));
    this.#program.dict.set('Length1', program.length).set('Filter', name('FlateDecode'));
    this.#program.data = await deflate(program);
    this.#toUnicode.dict.set('Filter', name('FlateDecode'));
    this.#toUnicode.data = await deflate(toUnicodeCMap(this.#glyphText));
    this.#written = this.#glyphText.size;
  }
}

function ascii(text: string): PdfString {
  return new PdfString(fromLatin1(text));
}

function* allGlyphs(font: TrueTypeFont): Generator<number> {
  for (let g = 0; g < font.metrics.numGlyphs; g++) yield g;
}

/** /W: runs of consecutive glyph ids, `first [w1 w2 …]`, in thousandths of an em. */
export function widthsArray(font: TrueTypeFont, gids: number[]): PdfObject[] {
  const sorted = [...new Set(gids)].sort((a, b) => a - b);
  const out: PdfObject[] = [];
  let run: number[] = [];
  let first = -1;
  for (const g of sorted) {
    if (run.length > 0 && g !== first + run.length) {
      out.push(first, run);
      run = [];
    }
    if (run.length === 0) first = g;
    run.push(font.width(g));
  }
  if (run.length > 0) out.push(first, run);
  return out;
}

/** Six capital letters from the glyph set (ISO 32000-2 §9.9.2): the same subset gets the same tag. */
export function subsetTag(postScriptName: string, gids: Iterable<number>): string {
  let h = 0x811c9dc5;
  const mix = (n: number) => {
    h ^= n & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (let i = 0; i < postScriptName.length; i++) mix(postScriptName.charCodeAt(i));
  for (const g of [...gids].sort((a, b) => a - b)) {
    mix(g >> 8);
    mix(g);
  }
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    // a fresh mix per letter, so all six depend on every glyph
    h = Math.imul(Math.floor(h / 26) ^ (h << 13), 0x9e3779b1) >>> 0;
  }
  return tag;
}

function descriptor(font: TrueTypeFont): PdfDict {
  const m = font.metrics;
  const scale = (v: number) => Math.round((v * 1000) / m.unitsPerEm);
  const familyClass = (font.sfnt.tables.get('OS/2')?.u16(30) ?? 0) >> 8;
  // ISO 32000-2 §9.8.2: FixedPitch 1, Serif 2, Nonsymbolic 32, Italic 64
  let flags = 32;
  if (m.isFixedPitch) flags |= 1;
  if (familyClass >= 1 && familyClass <= 7) flags |= 2;
  if (m.italic || m.italicAngle !== 0) flags |= 64;
  return new PdfDict([
    ['Type', name('FontDescriptor')],
    ['Flags', flags],
    ['FontBBox', m.bbox.map(scale)],
    ['ItalicAngle', Math.round(m.italicAngle * 100) / 100],
    ['Ascent', scale(m.ascent)],
    ['Descent', scale(m.descent)],
    ['CapHeight', scale(m.capHeight)],
    ['XHeight', scale(m.xHeight)],
    // no stem width in a TrueType font: the usual estimate from the weight class
    ['StemV', Math.round(50 + (m.weightClass / 65) ** 2)],
  ]);
}
