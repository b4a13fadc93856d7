import { type FontStyle, mmToPt } from '@kyso/pdf';
import type { PageCanvas } from './page-canvas.js';
import { layoutParagraph } from './paragraph.js';

/** One paragraph of the body. */
export interface BodyBlock {
  text: string;
  /** Default regular. */
  style?: FontStyle;
  /** Points, default 14. */
  size?: number;
  /** Default justify (the last line of a paragraph stays left). */
  align?: 'justify' | 'left';
  /** The first line's indent in points, default 1 cm. */
  indent?: number;
  /** Space above in points, default 6 (Decree 30: at least 6 pt between paragraphs). */
  spaceBefore?: number;
  /** A heading: never the last line of a page. */
  keepWithNext?: boolean;
}

/** The end of a line of text: its page, where it stops, its baseline, its size and line step. */
export interface LineEnd {
  canvas: PageCanvas;
  x: number;
  baseline: number;
  size: number;
  lineHeight: number;
}

/** A column on a page where the body flows: its left edge, width, and the heights it runs between. */
export interface FlowArea {
  canvas: PageCanvas;
  top: number;
  bottom: number;
}

/** Lines at 1.25 times the size: between single and 1.5 spacing, as Decree 30 allows. */
export const LINE_STEP = 1.25;
const ASCENT = 0.891;
const DESCENT = 0.216;

/**
 * The body text flowed down the pages: each block wrapped by layoutParagraph, line by line, with a
 * new page (from `nextPage`) when the next line would cross the area's bottom.
 */
export class BodyFlow {
  #area: FlowArea;
  #cursor: number;
  readonly #x: number;
  readonly #width: number;
  readonly #nextPage: () => FlowArea;
  #lastLine: LineEnd | undefined;

  constructor(first: FlowArea, x: number, width: number, nextPage: () => FlowArea) {
    this.#area = first;
    this.#cursor = first.top;
    this.#x = x;
    this.#width = width;
    this.#nextPage = nextPage;
  }

  /** The height down to which the current page is used. */
  get cursor(): number {
    return this.#cursor;
  }

  get canvas(): PageCanvas {
    return this.#area.canvas;
  }

  /** Where the last line drawn ends. */
  get lastLine(): LineEnd | undefined {
    return this.#lastLine;
  }

  newPage(): void {
    this.#area = this.#nextPage();
    this.#cursor = this.#area.top;
  }

  add(block: BodyBlock): void {
    const style = block.style ?? 'regular';
    const size = block.size ?? 14;
    const step = size * LINE_STEP;
    const lines = layoutParagraph(this.#area.canvas.family[style], block.text, {
      size,
      width: this.#width,
      indent: block.indent ?? mmToPt(10),
    });
    const atTop = this.#cursor === this.#area.top;
    if (!atTop) this.#cursor -= block.spaceBefore ?? 6;
    // a heading keeps its lines and two of the next paragraph's on its page
    const keep = block.keepWithNext ? (lines.length + 2) * step : step;
    if (this.#cursor - keep < this.#area.bottom && !atTop) this.newPage();
    for (const line of lines) {
      if (this.#cursor - step < this.#area.bottom) this.newPage();
      const baseline = this.#cursor - (step - (ASCENT + DESCENT) * size) / 2 - ASCENT * size;
      const justify = (block.align ?? 'justify') === 'justify';
      this.#area.canvas.paragraphLine(line, style, size, this.#x, baseline, justify);
      const width = justify && !line.last ? this.#width - line.x : line.line.width;
      this.#lastLine = {
        canvas: this.#area.canvas,
        x: this.#x + line.x + width,
        baseline,
        size,
        lineHeight: step,
      };
      this.#cursor -= step;
    }
  }
}
