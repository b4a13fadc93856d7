import type { TrueTypeFont } from '../font/true-type-font.js';
import { type ShapedGlyph, shapeText } from './shape.js';

export interface TextLayoutOptions {
  /** Font size in points. */
  size: number;
  /** The box the text must fit, in points. */
  width: number;
  height: number;
  /** Wrap at spaces, breaking words longer than the width (default true); false keeps each line whole. */
  wrap?: boolean;
  /** Shrink the size in 0.25 pt steps until the text fits, down to this size; absent: never shrink. */
  minSize?: number;
  /** Baseline-to-baseline distance as a multiple of the size; default the font's own (ascent − descent + line gap). */
  lineHeight?: number;
}

export interface TextLine {
  glyphs: ShapedGlyph[];
  /** Points. */
  width: number;
}

export interface TextLayout {
  /** The size used (smaller than asked when shrunk). */
  size: number;
  lines: TextLine[];
  /** Points: baseline to baseline, above the first baseline, below the last. */
  lineHeight: number;
  ascent: number;
  descent: number;
  /** The block's height and its widest line, in points. */
  height: number;
  width: number;
  /** Whether the block fits the box (false when even the minimum size overflows). */
  fits: boolean;
}

const EPSILON = 1e-6;
const STEP = 0.25;

const widthOf = (glyphs: readonly ShapedGlyph[]) => glyphs.reduce((s, g) => s + g.width, 0);

function trimEnd(glyphs: ShapedGlyph[]): ShapedGlyph[] {
  let end = glyphs.length;
  while (end > 0 && glyphs[end - 1]!.space) end--;
  return glyphs.slice(0, end);
}

/** Splits a word wider than `max` (thousandths of an em) at character boundaries (never before a mark). */
function breakWord(word: ShapedGlyph[], max: number): ShapedGlyph[][] {
  const pieces: ShapedGlyph[][] = [];
  let piece: ShapedGlyph[] = [];
  let w = 0;
  for (let i = 0; i < word.length; ) {
    let j = i + 1;
    while (j < word.length && word[j]!.mark) j++;
    const cluster = word.slice(i, j);
    const cw = widthOf(cluster);
    if (piece.length > 0 && w + cw > max + EPSILON) {
      pieces.push(piece);
      piece = [];
      w = 0;
    }
    piece.push(...cluster);
    w += cw;
    i = j;
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}

/** Greedy line filling of one paragraph; `max` in thousandths of an em. */
function wrapParagraph(glyphs: ShapedGlyph[], max: number): ShapedGlyph[][] {
  const lines: ShapedGlyph[][] = [];
  let line: ShapedGlyph[] = [];
  let spaces: ShapedGlyph[] = [];
  const flush = () => {
    lines.push(trimEnd(line));
    line = [];
  };
  let i = 0;
  // leading spaces of the paragraph are kept (indentation); those at a wrap point are dropped
  while (i < glyphs.length && glyphs[i]!.space) spaces.push(glyphs[i++]!);
  while (i < glyphs.length) {
    let j = i;
    while (j < glyphs.length && !glyphs[j]!.space) j++;
    const word = glyphs.slice(i, j);
    const candidate = widthOf(line) + widthOf(spaces) + widthOf(word);
    if (line.length === 0 && lines.length === 0 && candidate <= max + EPSILON) line.push(...spaces, ...word);
    else if (line.length > 0 && candidate <= max + EPSILON) line.push(...spaces, ...word);
    else {
      if (line.length > 0) flush();
      const pieces = widthOf(word) > max + EPSILON ? breakWord(word, max) : [word];
      for (const [k, p] of pieces.entries()) {
        line.push(...p);
        if (k < pieces.length - 1) flush();
      }
    }
    spaces = [];
    i = j;
    while (i < glyphs.length && glyphs[i]!.space) spaces.push(glyphs[i++]!);
  }
  flush();
  return lines;
}

function layoutAt(
  font: TrueTypeFont,
  paragraphs: ShapedGlyph[][],
  size: number,
  options: TextLayoutOptions,
): TextLayout {
  const m = font.metrics;
  const em = size / m.unitsPerEm;
  const ascent = m.ascent * em;
  const descent = -m.descent * em;
  const lineHeight =
    options.lineHeight !== undefined ? options.lineHeight * size : (m.ascent - m.descent + m.lineGap) * em;
  const max = (options.width * 1000) / size;
  const raw =
    options.wrap === false
      ? paragraphs.map((p) => trimEnd(p))
      : paragraphs.flatMap((p) => wrapParagraph(p, max));
  const lines = raw.map((glyphs) => ({ glyphs, width: (widthOf(glyphs) * size) / 1000 }));
  const width = Math.max(0, ...lines.map((l) => l.width));
  const height = lines.length === 0 ? 0 : ascent + descent + (lines.length - 1) * lineHeight;
  const fits = width <= options.width + EPSILON && height <= options.height + EPSILON;
  return { size, lines, lineHeight, ascent, descent, height, width, fits };
}

/**
 * Lays text out in a box: each string (and each "\n" in one) starts a paragraph, wrapped at spaces;
 * with `minSize`, the size shrinks until the block fits. Text is NFC-normalised; a character the
 * font lacks is FONT_MISSING_GLYPH.
 */
export function layoutText(
  font: TrueTypeFont,
  text: string | readonly string[],
  options: TextLayoutOptions,
): TextLayout {
  if (!(options.size > 0) || !(options.width > 0) || !(options.height > 0))
    throw new RangeError('text layout needs a positive size, width and height');
  const paragraphs = (typeof text === 'string' ? [text] : [...text])
    .flatMap((t) => t.split(/\r\n|\r|\n/))
    .map((p) => shapeText(font, p));
  let layout = layoutAt(font, paragraphs, options.size, options);
  const min = options.minSize;
  if (min === undefined || layout.fits) return layout;
  for (let size = options.size - STEP; size > min - EPSILON; size -= STEP) {
    layout = layoutAt(font, paragraphs, size, options);
    if (layout.fits) return layout;
  }
  return min < options.size ? layoutAt(font, paragraphs, min, options) : layout;
}
