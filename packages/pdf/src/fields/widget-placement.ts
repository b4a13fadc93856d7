import type { PageInfo } from '../document/pages.js';
import type { PdfDocument } from '../document/pdf-document.js';
import { type PdfDict, PdfRef } from '../syntax/objects.js';
import type { Placement } from './placement.js';

const TURN: Record<number, Placement['matrix']> = {
  90: [0, 1, -1, 0, 0, 0],
  180: [-1, 0, 0, -1, 0, 0],
  270: [0, -1, 1, 0, 0, 0],
};

/**
 * The appearance placement for an existing widget: its /Rect as it stands, with the drawing turned
 * with the page's /Rotate so it reads upright as displayed (the box's width and height swap on
 * quarter turns). The inverse of `placeOnPage`.
 */
export function placeOnWidget(page: PageInfo, rect: [number, number, number, number]): Placement {
  const [x0, y0, x1, y1] = [
    Math.min(rect[0], rect[2]),
    Math.min(rect[1], rect[3]),
    Math.max(rect[0], rect[2]),
    Math.max(rect[1], rect[3]),
  ];
  const rotate = ((page.rotate % 360) + 360) % 360;
  const quarter = rotate === 90 || rotate === 270;
  const w = quarter ? y1 - y0 : x1 - x0;
  const h = quarter ? x1 - x0 : y1 - y0;
  return { rect: [x0, y0, x1, y1], matrix: TURN[rotate] ?? [1, 0, 0, 1, 0, 0], bbox: [0, 0, w, h] };
}

/** The widget's /Rect when it is four numbers with an area, else undefined (an invisible widget). */
export function widgetRect(widget: PdfDict): [number, number, number, number] | undefined {
  const r = widget.get('Rect');
  if (!Array.isArray(r) || r.length !== 4 || !r.every((v) => typeof v === 'number')) return undefined;
  const [a, b, c, d] = r as number[];
  return Math.abs(c! - a!) > 0 && Math.abs(d! - b!) > 0 ? [a!, b!, c!, d!] : undefined;
}

/** The page a widget is on: its /P when that is a page, else the page whose /Annots lists it. */
export async function pageOfWidget(
  doc: PdfDocument,
  pages: PageInfo[],
  widgetRef: PdfRef | undefined,
  widget: PdfDict,
): Promise<PageInfo | undefined> {
  const p = widget.get('P');
  if (p instanceof PdfRef) {
    const hit = pages.find((page) => page.ref.num === p.num && page.ref.gen === p.gen);
    if (hit) return hit;
  }
  if (!widgetRef) return undefined;
  for (const page of pages) {
    const annots = await doc.resolve(page.dict.get('Annots'));
    if (Array.isArray(annots) && annots.some((a) => a instanceof PdfRef && a.key === widgetRef.key))
      return page;
  }
  return undefined;
}
