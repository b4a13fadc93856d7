import { drawAppearance } from '../appearance/compose/draw-appearance.js';
import type { RgbColor } from '../appearance/content.js';
import type { HorizontalAlign } from '../appearance/text/emit-text.js';
import { stackRows, type TextRow } from './text-rows.js';
import type { PresetPlace, PresetPlacement } from './types.js';

/** A preset that is text alone (number, date, attachment, copy): rows stacked in its box. */
export function textBlock(
  rows: TextRow[],
  place: PresetPlace,
  options: { align?: HorizontalAlign; color?: RgbColor } = {},
): PresetPlacement {
  const appearance = drawAppearance({
    items: (box) => stackRows(rows, { x: 0, y: 0, width: box.width, height: box.height }, options),
  });
  return { place, appearance, lines: rows.map((r) => r.text) };
}
