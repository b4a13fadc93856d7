import { KysoError } from '@kyso/core';
import type { TrueTypeFont } from '../font/true-type-font.js';

/** One glyph of a line: its id, the character it draws, its advance in thousandths of an em. */
export interface ShapedGlyph {
  gid: number;
  text: string;
  width: number;
  /** A combining mark: a line never breaks before one. */
  mark: boolean;
  space: boolean;
}

const MARK = /^\p{M}$/u;

/** Text as the appearance draws it: NFC (TCVN 6909 text is precomposed), tabs as spaces. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\t/g, ' ');
}

/**
 * One glyph per code point of the NFC text, through the font's cmap (no ligatures or kerning: the
 * appearance is a few short lines, and Vietnamese needs none in precomposed form). A character the
 * font lacks is FONT_MISSING_GLYPH, never a .notdef box or a fallback font.
 */
export function shapeText(font: TrueTypeFont, text: string): ShapedGlyph[] {
  const out: ShapedGlyph[] = [];
  for (const ch of normalizeText(text)) {
    const cp = ch.codePointAt(0)!;
    const gid = font.glyphId(cp);
    if (gid === 0)
      throw new KysoError('FONT_MISSING_GLYPH', {
        params: {
          font: font.postScriptName,
          char: cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? '?' : `"${ch}"`,
          code: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`,
        },
      });
    out.push({ gid, text: ch, width: font.width(gid), mark: MARK.test(ch), space: ch === ' ' });
  }
  return out;
}
