import { num, type Rect, type RgbColor, rgb } from '../content.js';
import type { TextLayout } from './layout.js';

export type HorizontalAlign = 'left' | 'center' | 'right';
export type VerticalAlign = 'top' | 'middle' | 'bottom';

export interface TextPlacement {
  rect: Rect;
  align?: HorizontalAlign;
  valign?: VerticalAlign;
  color?: RgbColor;
}

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

/** The first baseline's height for the block's vertical alignment in the rectangle. */
function firstBaseline(layout: TextLayout, rect: Rect, valign: VerticalAlign): number {
  const rest = (layout.lines.length - 1) * layout.lineHeight;
  if (valign === 'bottom') return rect.y + layout.descent + rest;
  if (valign === 'middle') return rect.y + (rect.height + layout.height) / 2 - layout.ascent;
  return rect.y + rect.height - layout.ascent;
}

/**
 * Content stream operators for laid-out text with font resource `fontName`: one text object, each
 * line placed with Tm and shown with TJ of two-byte glyph ids (Identity-H).
 */
export function emitText(layout: TextLayout, fontName: string, place: TextPlacement): string {
  const { rect } = place;
  const align = place.align ?? 'left';
  const out = ['BT', `/${fontName} ${num(layout.size)} Tf`, `${rgb(place.color ?? [0, 0, 0])} rg`];
  let y = firstBaseline(layout, rect, place.valign ?? 'top');
  for (const line of layout.lines) {
    if (line.glyphs.length > 0) {
      const free = rect.width - line.width;
      const x = rect.x + (align === 'center' ? free / 2 : align === 'right' ? free : 0);
      const ids = line.glyphs.map((g) => hex4(g.gid)).join('');
      out.push(`1 0 0 1 ${num(x)} ${num(y)} Tm [<${ids}>] TJ`);
    }
    y -= layout.lineHeight;
  }
  out.push('ET');
  return out.join('\n');
}
