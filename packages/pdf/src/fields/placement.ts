import type { PageInfo } from '../document/pages.js';

/** A rectangle as the user sees the page: points, origin at the lower-left of the displayed page. */
export interface DisplayedRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Placement {
  /** The widget /Rect in default user space. */
  rect: [number, number, number, number];
  /** The appearance /Matrix that keeps drawings upright on a rotated page. */
  matrix: [number, number, number, number, number, number];
  /** The appearance's own box (upright width and height). */
  bbox: [number, number, number, number];
}

/**
 * Maps a displayed rectangle (after /Rotate and the crop box) to user space: DESIGN.md's
 * `--visible PAGE:X,Y,W,H` rule.
 */
export function placeOnPage(page: PageInfo, r: DisplayedRect): Placement {
  const [cx0, cy0, cx1, cy1] = page.cropBox;
  const W = cx1 - cx0;
  const H = cy1 - cy0;
  const { x, y, width: w, height: h } = r;
  let rect: [number, number, number, number];
  let matrix: Placement['matrix'];
  switch (page.rotate) {
    case 90:
      rect = [cx0 + W - y - h, cy0 + x, cx0 + W - y, cy0 + x + w];
      matrix = [0, 1, -1, 0, 0, 0];
      break;
    case 180:
      rect = [cx0 + W - x - w, cy0 + H - y - h, cx0 + W - x, cy0 + H - y];
      matrix = [-1, 0, 0, -1, 0, 0];
      break;
    case 270:
      rect = [cx0 + y, cy0 + H - x - w, cx0 + y + h, cy0 + H - x];
      matrix = [0, -1, 1, 0, 0, 0];
      break;
    default:
      rect = [cx0 + x, cy0 + y, cx0 + x + w, cy0 + y + h];
      matrix = [1, 0, 0, 1, 0, 0];
  }
  return { rect, matrix, bbox: [0, 0, w, h] };
}

/** The displayed size of a page (width and height swap on quarter turns). */
export function displayedSize(page: PageInfo): { width: number; height: number } {
  const w = page.cropBox[2] - page.cropBox[0];
  const h = page.cropBox[3] - page.cropBox[1];
  return page.rotate % 180 === 0 ? { width: w, height: h } : { width: h, height: w };
}
