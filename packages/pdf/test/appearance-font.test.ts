import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { isKysoError } from '@kyso/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BigEndianReader } from '../src/appearance/binary.js';
import { parseCmap } from '../src/appearance/font/cmap.js';
import { EmbeddedFont, subsetTag } from '../src/appearance/font/embed-font.js';
import {
  DEFAULT_FONT_FILES,
  defaultFontUrls,
  type FontFamily,
  fetchDefaultFonts,
  type PdfDict,
  PdfName,
  type PdfStream,
  parseFont,
  subsetFont,
  type TrueTypeFont,
} from '../src/index.js';
import { defaultFonts, fakeBox } from './support/appearance-kit.js';

let fonts: FontFamily;
let regular: TrueTypeFont;
let regularBytes: Uint8Array;
const fontFile = new URL('../fonts/LiberationSerif-Regular.ttf', import.meta.url);

beforeAll(async () => {
  fonts = await defaultFonts();
  regular = fonts.regular;
  regularBytes = new Uint8Array(await readFile(fontFile));
});

const VIETNAMESE =
  'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ' +
  'AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ';

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};

/** A 'cmap' table with the given subtables (platform, encoding, bytes). */
function cmapTable(subtables: [number, number, number[]][]): BigEndianReader {
  const head = [0, 0, 0, subtables.length];
  let offset = 4 + 8 * subtables.length;
  const records: number[] = [];
  for (const [p, e, body] of subtables) {
    records.push(
      0,
      p,
      0,
      e,
      (offset >>> 24) & 255,
      (offset >>> 16) & 255,
      (offset >>> 8) & 255,
      offset & 255,
    );
    offset += body.length;
  }
  const bytes = Uint8Array.from([...head, ...records, ...subtables.flatMap(([, , b]) => b)]);
  return new BigEndianReader(bytes, (d) => new Error(d) as never);
}

const u16 = (v: number) => [(v >> 8) & 255, v & 255];
const u32 = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];

function sfntChecksum(bytes: Uint8Array, from = 0, length = bytes.length): number {
  let sum = 0;
  for (let i = from; i < from + length; i += 4)
    sum =
      (sum +
        (((bytes[i] ?? 0) << 24) |
          ((bytes[i + 1] ?? 0) << 16) |
          ((bytes[i + 2] ?? 0) << 8) |
          (bytes[i + 3] ?? 0))) >>>
      0;
  return sum;
}

describe('reading a TrueType font', () => {
  it('gives names, metrics and widths of Liberation Serif (Times New Roman metrics)', () => {
    expect(regular.postScriptName).toBe('LiberationSerif');
    expect(fonts.bold.postScriptName).toBe('LiberationSerif-Bold');
    expect(fonts.italic.postScriptName).toBe('LiberationSerif-Italic');
    expect(fonts.boldItalic.postScriptName).toBe('LiberationSerif-BoldItalic');
    expect([fonts.bold.metrics.bold, fonts.italic.metrics.italic, regular.metrics.bold]).toEqual([
      true,
      true,
      false,
    ]);
    expect(regular.metrics.unitsPerEm).toBe(2048);
    expect(regular.metrics.ascent).toBe(1825);
    expect(regular.metrics.descent).toBe(-443);
    expect(regular.metrics.capHeight).toBe(1341);
    expect(regular.metrics.italicAngle).toBe(0);
    expect(fonts.italic.metrics.italicAngle).toBeLessThan(0);
    // Times New Roman's widths: space 250, A 722, a 444, W 944 thousandths of an em
    const w = (c: string) => regular.width(regular.glyphId(c.codePointAt(0)!));
    expect(Math.round(w(' '))).toBe(250);
    expect(Math.round(w('A'))).toBe(722);
    expect(Math.round(w('a'))).toBe(444);
    expect(Math.round(w('W'))).toBe(944);
  });

  it('maps every Vietnamese letter in all four styles (format 4 cmap), and nothing for what it lacks', () => {
    for (const font of [fonts.regular, fonts.bold, fonts.italic, fonts.boldItalic])
      for (const ch of VIETNAMESE)
        expect(font.glyphId(ch.codePointAt(0)!), `${font} ${ch}`).toBeGreaterThan(0);
    expect(regular.glyphId(0x4e2d)).toBe(0); // 中
    expect(regular.glyphId(0x1f600)).toBe(0);
    expect(regular.glyphId('A'.codePointAt(0)!)).not.toBe(regular.glyphId('B'.codePointAt(0)!));
  });

  it('reads format 12 (and prefers it) and format 4 with glyph-id arrays', () => {
    // format 12: U+0041–U+0043 → 10–12, U+1F600 → 40
    const f12 = [...u16(12), 0, 0, ...u32(16 + 24), ...u32(0), ...u32(2)];
    f12.push(...u32(0x41), ...u32(0x43), ...u32(10), ...u32(0x1f600), ...u32(0x1f600), ...u32(40));
    // format 4: one segment 0x61–0x62 through glyphIdArray [7, 0] with delta 1, and the 0xFFFF end
    const seg = 2;
    const f4 = [...u16(4), ...u16(0), ...u16(0), ...u16(seg * 2), ...u16(4), ...u16(1), ...u16(0)];
    f4.push(...u16(0x62), ...u16(0xffff), ...u16(0), ...u16(0x61), ...u16(0xffff));
    f4.push(...u16(1), ...u16(1), ...u16(4), ...u16(0), ...u16(7), ...u16(0));
    f4.splice(2, 2, ...u16(f4.length));
    const both = parseCmap(
      cmapTable([
        [3, 1, f4],
        [3, 10, f12],
      ]),
    );
    expect([both.get(0x41), both.get(0x43), both.get(0x44), both.get(0x1f600)]).toEqual([
      10,
      12,
      undefined,
      40,
    ]);
    const only4 = parseCmap(cmapTable([[3, 1, f4]]));
    expect([only4.get(0x61), only4.get(0x62), only4.get(0x63)]).toEqual([8, undefined, undefined]);
    expect(
      isKysoError(
        errorOf(() => parseCmap(cmapTable([[1, 0, [0, 6, 0, 0]]]))),
        'INVALID_INPUT',
      ),
    ).toBe(true);
  });

  it('reads a collection (.ttc) by font number, and refuses CFF outlines and non-fonts with INVALID_INPUT', () => {
    // a one-font collection: the same tables after a 16-byte ttcf header, offsets moved by 16
    const ttc = new Uint8Array(16 + regularBytes.length);
    ttc.set([...[0x74, 0x74, 0x63, 0x66], ...u32(0x00010000), ...u32(1), ...u32(16)]);
    ttc.set(regularBytes, 16);
    const view = new DataView(ttc.buffer);
    for (let i = 0; i < view.getUint16(16 + 4); i++) {
      const at = 16 + 12 + 16 * i + 8;
      view.setUint32(at, view.getUint32(at) + 16);
    }
    expect(parseFont(ttc).glyphId(0x1ec7)).toBe(regular.glyphId(0x1ec7));
    expect(
      isKysoError(
        errorOf(() => parseFont(ttc, { index: 1 })),
        'INVALID_INPUT',
      ),
    ).toBe(true);
    const otto = regularBytes.slice();
    otto.set([0x4f, 0x54, 0x54, 0x4f]);
    const cff = errorOf(() => parseFont(otto));
    expect(isKysoError(cff, 'INVALID_INPUT') && /CFF/.test(cff.message)).toBe(true);
    expect(
      isKysoError(
        errorOf(() => parseFont(new TextEncoder().encode('not a font at all'))),
        'INVALID_INPUT',
      ),
    ).toBe(true);
    expect(
      isKysoError(
        errorOf(() => parseFont(regularBytes.slice(0, 4000))),
        'INVALID_INPUT',
      ),
    ).toBe(true);
  });
});

describe('subsetting', () => {
  it('keeps the glyph ids, every component of composite glyphs, and empties the rest', () => {
    const e = regular.glyphId(0x1ec7); // ệ: e with circumflex and dot below, a composite in Liberation
    const components = regular.glyphs.components(e);
    expect(components.length).toBeGreaterThan(1);
    const chars = new Map([[0x1ec7, e]]);
    const subset = parseFont(subsetFont(regular, new Set([e]), chars));
    const closure = regular.glyphs.closure([e]);
    expect(subset.metrics.numGlyphs).toBe(Math.max(...closure) + 1);
    expect(subset.glyphs.data(0)).toEqual(regular.glyphs.data(0)); // .notdef is always kept
    for (const c of [e, ...components]) {
      expect(subset.glyphs.data(c).length, `glyph ${c}`).toBeGreaterThan(0);
      expect(subset.glyphs.data(c)).toEqual(regular.glyphs.data(c));
      expect(subset.advance(c)).toBe(regular.advance(c));
    }
    // a glyph not drawn keeps its slot with nothing in it
    const z = regular.glyphId('Z'.codePointAt(0)!);
    expect(z).toBeLessThan(subset.metrics.numGlyphs);
    expect(regular.glyphs.data(z).length).toBeGreaterThan(0);
    expect(subset.glyphs.data(z).length).toBe(0);
    // its own small cmap maps the character to the same id
    expect(subset.glyphId(0x1ec7)).toBe(e);
    expect(subset.glyphId('Z'.codePointAt(0)!)).toBe(0);
  });

  it('writes a well-formed sfnt: table checksums, checkSumAdjustment, long loca, only the tables it needs', () => {
    const gids = new Set([...'Nguyễn Thị Hồng Hạnh'].map((c) => regular.glyphId(c.codePointAt(0)!)));
    const bytes = subsetFont(regular, gids, new Map());
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const count = view.getUint16(4);
    const tags: string[] = [];
    for (let i = 0; i < count; i++) {
      const at = 12 + 16 * i;
      const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
      tags.push(tag);
      const offset = view.getUint32(at + 8);
      const length = view.getUint32(at + 12);
      expect(offset % 4, tag).toBe(0);
      let sum = sfntChecksum(bytes, offset, length);
      if (tag === 'head') sum = (sum - view.getUint32(offset + 8)) >>> 0;
      expect(view.getUint32(at + 4), tag).toBe(sum);
    }
    expect(tags).toEqual([...tags].sort());
    expect(tags).toEqual([
      'OS/2',
      'cmap',
      'cvt ',
      'fpgm',
      'gasp',
      'glyf',
      'head',
      'hhea',
      'hmtx',
      'loca',
      'maxp',
      'name',
      'post',
      'prep',
    ]);
    expect(sfntChecksum(bytes)).toBe(0xb1b0afba);
    expect(parseFont(bytes).metrics.indexToLocFormat).toBe(1);
    expect(bytes.length).toBeLessThan(regularBytes.length / 8);
  });

  it('names a subset with six capital letters that follow the glyph set', () => {
    const a = subsetTag('LiberationSerif', [3, 17, 250]);
    expect(a).toMatch(/^[A-Z]{6}$/);
    expect(subsetTag('LiberationSerif', [250, 3, 17])).toBe(a);
    expect(subsetTag('LiberationSerif', [3, 17, 251])).not.toBe(a);
    expect(subsetTag('LiberationSerif-Bold', [3, 17, 250])).not.toBe(a);
  });
});

describe('embedding as a CIDFontType2', () => {
  it('writes Type0/Identity-H over CIDFontType2 with /W, a tagged descriptor, FontFile2 and ToUnicode, grown per widget', async () => {
    const { box, added, dictAt, objectAt } = fakeBox(100, 50);
    const font = new EmbeddedFont(regular, box.add);
    const type0 = dictAt(font.ref)!;
    const text = 'Hạnh';
    for (const ch of text) font.record(regular.glyphId(ch.codePointAt(0)!), ch);
    await font.refresh();
    expect(type0.name('Subtype')).toBe('Type0');
    expect(type0.name('Encoding')).toBe('Identity-H');
    const baseFont = type0.name('BaseFont')!;
    expect(baseFont).toMatch(/^[A-Z]{6}\+LiberationSerif$/);
    const cid = dictAt((type0.get('DescendantFonts') as PdfDict[] & unknown[])[0] as never)!;
    expect(cid.name('Subtype')).toBe('CIDFontType2');
    expect(cid.get('CIDToGIDMap')).toBe(PdfName.of('Identity'));
    expect(cid.name('BaseFont')).toBe(baseFont);
    const descriptor = dictAt(cid.get('FontDescriptor'))!;
    expect(descriptor.name('FontName')).toBe(baseFont);
    expect(descriptor.get('Flags')).toBe(2 + 32); // serif, non-symbolic
    expect(descriptor.get('Ascent')).toBe(891);
    expect(descriptor.get('CapHeight')).toBe(655);
    const program = objectAt(descriptor.get('FontFile2')) as PdfStream;
    expect(program.dict.name('Filter')).toBe('FlateDecode');
    const inflated = inflateSync(program.data as Uint8Array);
    expect(program.dict.get('Length1')).toBe(inflated.length);
    const subset = parseFont(new Uint8Array(inflated));
    const a = regular.glyphId('ạ'.codePointAt(0)!);
    expect(subset.glyphs.data(a).length).toBeGreaterThan(0);
    // /W: a width for each glyph drawn, in thousandths of an em
    const w = cid.get('W') as (number | number[])[];
    const widths = new Map<number, number>();
    for (let i = 0; i < w.length; i += 2)
      for (const [k, v] of (w[i + 1] as number[]).entries()) widths.set((w[i] as number) + k, v);
    expect(widths.get(a)).toBeCloseTo(444, 0);
    expect(widths.size).toBe(4);
    const cmap = inflateSync((objectAt(type0.get('ToUnicode')) as PdfStream).data as Uint8Array).toString(
      'latin1',
    );
    expect(cmap).toContain(`<${a.toString(16).toUpperCase().padStart(4, '0')}> <1EA1>`);
    expect(cmap).toContain('begincodespacerange\n<0000> <FFFF>');

    // a second widget of the same update draws new glyphs: the same objects grow, the tag changes
    const before = added.length;
    const e = regular.glyphId(0x1ec7);
    font.record(e, 'ệ');
    await font.refresh();
    expect(added.length).toBe(before);
    expect(type0.name('BaseFont')).not.toBe(baseFont);
    const grown = parseFont(new Uint8Array(inflateSync(program.data as Uint8Array)));
    expect(grown.glyphs.data(e).length).toBeGreaterThan(0);
    expect(grown.glyphs.data(a).length).toBeGreaterThan(0);
  });

  it('marks italics in the descriptor and refuses a font whose licence forbids embedding', () => {
    const { box, dictAt } = fakeBox(10, 10);
    const italic = new EmbeddedFont(fonts.italic, box.add);
    const cid = dictAt((dictAt(italic.ref)!.get('DescendantFonts') as never[])[0])!;
    expect((dictAt(cid.get('FontDescriptor'))!.get('Flags') as number) & 64).toBe(64);
    const restricted = regularBytes.slice();
    const view = new DataView(restricted.buffer);
    for (let i = 0; i < view.getUint16(4); i++) {
      const at = 12 + 16 * i;
      if (String.fromCharCode(...restricted.subarray(at, at + 4)) === 'OS/2')
        view.setUint16(view.getUint32(at + 8) + 8, 0x0002);
    }
    const e = errorOf(() => new EmbeddedFont(parseFont(restricted), box.add));
    expect(isKysoError(e, 'INVALID_INPUT') && /embedding/.test(e.message)).toBe(true);
  });
});

describe('the bundled default fonts', () => {
  it('load in Node (loadDefaultFonts) and through fetch from the URLs bundlers copy', async () => {
    const urls = defaultFontUrls();
    for (const [style, url] of Object.entries(urls)) {
      expect(url.href.endsWith(`/fonts/${DEFAULT_FONT_FILES[style as keyof typeof urls]}`)).toBe(true);
    }
    const fetched: string[] = [];
    const family = await fetchDefaultFonts({
      fetch: async (url) => {
        fetched.push(url.href);
        const bytes = await readFile(url);
        return {
          ok: true,
          status: 200,
          arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
        };
      },
    });
    expect(fetched).toHaveLength(4);
    expect(family.bold.postScriptName).toBe('LiberationSerif-Bold');
    const failing = await fetchDefaultFonts({
      fetch: async () => ({ ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) }),
    }).catch((e: unknown) => e);
    expect(isKysoError(failing, 'NETWORK_ERROR')).toBe(true);
    // and the licence ships beside them
    expect(await readFile(new URL('../fonts/LICENSE', import.meta.url), 'utf8')).toMatch(
      /SIL OPEN FONT LICENSE Version 1\.1/,
    );
  });
});
