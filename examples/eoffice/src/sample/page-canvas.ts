import {
  emitText,
  type FontFamily,
  type FontStyle,
  layoutText,
  type ShapedGlyph,
  type TextLayout,
  type TextPlacement,
} from '@kyso/pdf';
import type { DocumentFonts } from './document-fonts.js';
import type { ParagraphLine } from './paragraph.js';

/** Content-stream numbers: at most three decimals, no exponent. */
function num(n: number): string {
  const s = n.toFixed(3).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

const hex4 = (gid: number) => gid.toString(16).toUpperCase().padStart(4, '0');

/** One centred, left- or right-aligned block of text: @kyso/pdf's layout in a rectangle. */
export interface TextBlock {
  text: string | readonly string[];
  style: FontStyle;
  size: number;
  place: TextPlacement;
  /** Baseline distance as a multiple of the size (default 1.15). */
  lineHeight?: number;
}

/**
 * One page's content stream: text through the document's embedded fonts (every glyph drawn is
 * recorded for its font's subset and ToUnicode) and thin rules.
 */
export class PageCanvas {
  readonly #ops: string[] = [];
  readonly #fonts: DocumentFonts;

  constructor(fonts: DocumentFonts) {
    this.#fonts = fonts;
  }

  /** The fonts text is laid out with. */
  get family(): FontFamily {
    return this.#fonts.family;
  }

  #record(style: FontStyle, glyphs: Iterable<ShapedGlyph>): string {
    const used = this.#fonts.use(style);
    for (const g of glyphs) used.embedded.record(g.gid, g.text);
    return used.name;
  }

  /** A block laid out by layoutText and drawn by emitText; returns its layout (for its height). */
  text(block: TextBlock): TextLayout {
    const { rect } = block.place;
    const layout = layoutText(this.#fonts.family[block.style], block.text, {
      size: block.size,
      width: rect.width,
      height: rect.height,
      lineHeight: block.lineHeight ?? 1.15,
    });
    if (!layout.fits) throw new RangeError(`"${String(block.text).slice(0, 40)}…" does not fit its box`);
    const name = this.#record(
      block.style,
      layout.lines.flatMap((l) => l.glyphs),
    );
    this.#ops.push(emitText(layout, name, block.place));
    return layout;
  }

  /**
   * One line of a paragraph at baseline `y`, from `x` (the paragraph's left edge): justified by
   * spreading the free room over its spaces (TJ adjustments: with two-byte glyph codes Tw does not
   * apply), except on the paragraph's last line.
   */
  paragraphLine(
    line: ParagraphLine,
    style: FontStyle,
    size: number,
    x: number,
    y: number,
    justify: boolean,
  ): void {
    const glyphs = line.line.glyphs;
    if (glyphs.length === 0) return;
    const name = this.#record(style, glyphs);
    const spaces = glyphs.filter((g) => g.space).length;
    const stretch = justify && !line.last && spaces > 0 ? line.free / spaces : 0;
    // a TJ number moves the next glyph left by thousandths of the size: negative spreads
    const adjust = stretch > 0 ? ` ${num((-stretch * 1000) / size)} ` : '';
    let run = '';
    let tj = '';
    for (const g of glyphs) {
      run += hex4(g.gid);
      if (g.space && adjust) {
        tj += `<${run}>${adjust}`;
        run = '';
      }
    }
    if (run) tj += `<${run}>`;
    this.#ops.push(
      `BT /${name} ${num(size)} Tf 0 0 0 rg 1 0 0 1 ${num(x + line.x)} ${num(y)} Tm [${tj}] TJ ET`,
    );
  }

  /** A horizontal rule from x1 to x2 at height y. */
  rule(x1: number, x2: number, y: number, width = 0.6): void {
    this.#ops.push(`q 0 0 0 RG ${num(width)} w 0 J ${num(x1)} ${num(y)} m ${num(x2)} ${num(y)} l S Q`);
  }

  /** The content stream's text. */
  content(): string {
    return this.#ops.join('\n');
  }
}
