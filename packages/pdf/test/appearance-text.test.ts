import { isKysoError, KysoError } from '@kyso/core';
import { makeTestPdf } from '@kyso/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  drawAppearance,
  emitText,
  type FontFamily,
  layoutText,
  normalizeText,
  PdfStream,
  shapeText,
  type TextLayout,
  type TrueTypeFont,
} from '../src/index.js';
import { defaultFonts, fakeBox, signWith, testSigner, VN_LINES } from './support/appearance-kit.js';

let fonts: FontFamily;
let font: TrueTypeFont;
beforeAll(async () => {
  fonts = await defaultFonts();
  font = fonts.regular;
});

const lineText = (layout: TextLayout) => layout.lines.map((l) => l.glyphs.map((g) => g.text).join(''));
const textWidth = (t: string, size: number) =>
  ([...t].reduce((s, c) => s + font.width(font.glyphId(c.codePointAt(0)!)), 0) * size) / 1000;

describe('NFC normalisation', () => {
  it('shapes decomposed input exactly as precomposed input', () => {
    for (const line of VN_LINES) {
      const nfd = line.normalize('NFD');
      expect(nfd).not.toBe(line);
      expect(shapeText(font, nfd)).toEqual(shapeText(font, line));
      expect(normalizeText(nfd)).toBe(line);
    }
  });

  it('draws the same content and the same font program from NFD and NFC text', async () => {
    const draw = async (lines: string[]) => {
      const { box, added } = fakeBox(200, 60);
      const drawn = await drawAppearance({
        items: [{ text: lines, font, size: 10, rect: { x: 0, y: 0, width: 200, height: 60 } }],
      })(box);
      const streams = added.filter((o): o is PdfStream => o instanceof PdfStream).map((s) => s.data);
      return { content: drawn.content, streams };
    };
    const nfc = await draw([...VN_LINES]);
    const nfd = await draw(VN_LINES.map((l) => l.normalize('NFD')));
    expect(nfd.content).toEqual(nfc.content);
    expect(nfd.streams).toEqual(nfc.streams);
  });
});

describe('layout', () => {
  it('measures with the font widths and spaces lines by the font’s ascent, descent and line gap', () => {
    const layout = layoutText(font, 'ỦY BAN NHÂN DÂN', { size: 10, width: 500, height: 100 });
    expect(layout.lines).toHaveLength(1);
    expect(layout.lines[0]!.width).toBeCloseTo(textWidth('ỦY BAN NHÂN DÂN', 10), 6);
    expect(layout.ascent).toBeCloseTo((1825 / 2048) * 10, 6);
    expect(layout.descent).toBeCloseTo((443 / 2048) * 10, 6);
    expect(layout.lineHeight).toBeCloseTo(((1825 + 443 + 87) / 2048) * 10, 6);
    const two = layoutText(font, ['a', 'b'], { size: 10, width: 100, height: 100, lineHeight: 1.5 });
    expect(two.lineHeight).toBe(15);
    expect(two.height).toBeCloseTo(two.ascent + two.descent + 15, 6);
  });

  it('wraps at spaces, breaks over-long words, keeps paragraphs and never passes the width', () => {
    const text = 'ngày 28 tháng 02 năm 2023';
    const width = textWidth('ngày 28 tháng', 12) + 0.01;
    const layout = layoutText(font, text, { size: 12, width, height: 500 });
    expect(lineText(layout)).toEqual(['ngày 28 tháng', '02 năm 2023']);
    for (const l of layout.lines) expect(l.width).toBeLessThanOrEqual(width);
    // a word wider than the box is cut at character boundaries
    const long = layoutText(font, 'Nghiệp vụ ABCDEFGHIJKLMNOPQRSTUVWXYZ', {
      size: 10,
      width: 60,
      height: 500,
    });
    expect(lineText(long).join('')).toBe('Nghiệp vụABCDEFGHIJKLMNOPQRSTUVWXYZ');
    expect(long.lines.length).toBeGreaterThan(3);
    for (const l of long.lines) expect(l.width).toBeLessThanOrEqual(60 + 1e-9);
    // "\n" and separate strings start paragraphs; wrap: false keeps lines whole
    expect(
      lineText(layoutText(font, ['Số: 12/KH-UBND', 'a\nb'], { size: 10, width: 500, height: 500 })),
    ).toEqual(['Số: 12/KH-UBND', 'a', 'b']);
    const whole = layoutText(font, text, { size: 12, width: 20, height: 500, wrap: false });
    expect(lineText(whole)).toEqual([text]);
    expect(whole.fits).toBe(false);
  });

  it('shrinks to fit down to the minimum size, and says when even that overflows', () => {
    const lines = [...VN_LINES];
    const box = { width: 120, height: 40 };
    const natural = layoutText(font, lines, { size: 14, ...box });
    expect(natural.fits).toBe(false);
    const shrunk = layoutText(font, lines, { size: 14, ...box, minSize: 4 });
    expect(shrunk.fits).toBe(true);
    expect(shrunk.size).toBeLessThan(14);
    expect(shrunk.height).toBeLessThanOrEqual(40);
    // the largest size that fits: a quarter point more does not
    expect(layoutText(font, lines, { size: shrunk.size + 0.25, ...box }).fits).toBe(false);
    const floor = layoutText(font, lines, { size: 14, ...box, minSize: 12 });
    expect(floor.size).toBe(12);
    expect(floor.fits).toBe(false);
    // text that fits is never shrunk
    expect(layoutText(font, 'a', { size: 14, ...box, minSize: 4 }).size).toBe(14);
  });

  it('aligns lines left, centre and right, top, middle and bottom, in the given colour', () => {
    const rect = { x: 10, y: 20, width: 200, height: 100 };
    const layout = layoutText(font, ['Hạnh', 'ỦY BAN'], { size: 10, width: 200, height: 100 });
    const positions = (ops: string) =>
      [...ops.matchAll(/1 0 0 1 (\S+) (\S+) Tm/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const w0 = layout.lines[0]!.width;
    const left = positions(emitText(layout, 'F1', { rect }));
    expect(left[0]![0]).toBe(10);
    expect(left[0]![1]).toBeCloseTo(120 - layout.ascent, 2);
    expect(left[1]![1]).toBeCloseTo(120 - layout.ascent - layout.lineHeight, 2);
    expect(positions(emitText(layout, 'F1', { rect, align: 'center' }))[0]![0]).toBeCloseTo(
      10 + (200 - w0) / 2,
      2,
    );
    expect(positions(emitText(layout, 'F1', { rect, align: 'right' }))[0]![0]).toBeCloseTo(210 - w0, 2);
    expect(positions(emitText(layout, 'F1', { rect, valign: 'bottom' }))[1]![1]).toBeCloseTo(
      20 + layout.descent,
      2,
    );
    const middle = positions(emitText(layout, 'F1', { rect, valign: 'middle' }));
    expect(middle[0]![1] + layout.ascent - (70 + layout.height / 2)).toBeCloseTo(0, 2);
    const ops = emitText(layout, 'F1', { rect, color: [0, 0, 1] });
    expect(ops).toMatch(/^BT\n\/F1 10 Tf\n0 0 1 rg\n/);
    // glyph ids as hex in a TJ array
    const h = font.glyphId('H'.codePointAt(0)!).toString(16).toUpperCase().padStart(4, '0');
    expect(ops).toContain(`[<${h}`);
    expect(() => emitText(layout, 'F1', { rect, color: [0, 0, 2] })).toThrow(RangeError);
  });
});

describe('a character the font lacks', () => {
  it('is FONT_MISSING_GLYPH in both languages, from layout, the composer and signing alike', async () => {
    const e = (() => {
      try {
        shapeText(font, 'Hà Nội 中国');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(isKysoError(e, 'FONT_MISSING_GLYPH')).toBe(true);
    const k = e as KysoError;
    expect(k.params).toMatchObject({ font: 'LiberationSerif', code: 'U+4E2D', char: '"中"' });
    expect(k.message).toContain('has no glyph for "中" (U+4E2D)');
    expect(k.localize('vi')).toContain('không có ký tự "中" (U+4E2D)');
    const { box } = fakeBox(100, 40);
    const drawer = drawAppearance({
      items: [{ text: 'Thái Bình 😀', font, size: 10, rect: { x: 0, y: 0, width: 100, height: 40 } }],
    });
    expect(isKysoError(await drawer(box).catch((x: unknown) => x), 'FONT_MISSING_GLYPH')).toBe(true);
    await testSigner();
    const signed = await signWith(await makeTestPdf(), {
      visible: { page: 1, rect: { x: 50, y: 50, width: 100, height: 40 } },
      appearance: drawer,
    }).catch((x: unknown) => x);
    expect(isKysoError(signed, 'FONT_MISSING_GLYPH')).toBe(true);
    expect(signed).toBeInstanceOf(KysoError);
  }, 120_000);
});
