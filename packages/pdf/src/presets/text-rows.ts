import type { TextItem } from '../appearance/compose/draw-appearance.js';
import type { Rect, RgbColor } from '../appearance/content.js';
import type { TrueTypeFont } from '../appearance/font/true-type-font.js';
import type { HorizontalAlign } from '../appearance/text/emit-text.js';

/** One line of a preset's text block. */
export interface TextRow {
  text: string;
  font: TrueTypeFont;
  size: number;
  /** Lines the row may wrap into (default 1: kept on one line and shrunk instead). */
  lines?: number;
}

/** The height rows take at a line height of 1.25 (Times-like faces need about that). */
export function rowsHeight(rows: readonly TextRow[]): number {
  return rows.reduce((h, r) => h + r.size * 1.25 * (r.lines ?? 1), 0);
}

/**
 * Rows stacked from the top of `rect` (all scaled down together when the box is too short); a row
 * wraps into its lines, and what is still too wide shrinks (down to half its size).
 */
export function stackRows(
  rows: readonly TextRow[],
  rect: Rect,
  options: { align?: HorizontalAlign; color?: RgbColor } = {},
): TextItem[] {
  const total = rowsHeight(rows);
  const scale = total > rect.height && total > 0 ? rect.height / total : 1;
  const items: TextItem[] = [];
  let top = rect.y + rect.height;
  for (const row of rows) {
    const size = row.size * scale;
    const height = size * 1.25 * (row.lines ?? 1);
    top -= height;
    items.push({
      text: row.text,
      font: row.font,
      size,
      minSize: size * 0.5,
      wrap: (row.lines ?? 1) > 1,
      rect: { x: rect.x, y: top, width: rect.width, height },
      align: options.align ?? 'center',
      valign: 'middle',
      lineHeight: 1.15,
      ...(options.color ? { color: options.color } : {}),
    });
  }
  return items;
}
