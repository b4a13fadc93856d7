/** A PDF rectangle [x0 y0 x1 y1] in default user space (points, y up), corners in any order. */
export type PdfBox = readonly [number, number, number, number];

/** A rectangle on the page as displayed: points, origin at the top-left, y down (CSS-like). */
export interface DisplayedBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

function normalize([a, b, c, d]: PdfBox): [number, number, number, number] {
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

/**
 * The part of the page a viewer shows: the crop box clipped to the media box, or the media box when
 * they do not meet (what pdf.js renders as the page's `view`, ISO 32000-2 §14.11.2).
 */
export function pageView(mediaBox: PdfBox, cropBox: PdfBox): [number, number, number, number] {
  const m = normalize(mediaBox);
  const c = normalize(cropBox);
  const v: [number, number, number, number] = [
    Math.max(m[0], c[0]),
    Math.max(m[1], c[1]),
    Math.min(m[2], c[2]),
    Math.min(m[3], c[3]),
  ];
  return v[2] > v[0] && v[3] > v[1] ? v : m;
}

/** /Rotate as a quarter turn clockwise: 0, 90, 180 or 270 (other values read as 0, as viewers do). */
export function quarterTurn(rotate: number): 0 | 90 | 180 | 270 {
  const r = ((Math.round(rotate) % 360) + 360) % 360;
  return r === 90 || r === 180 || r === 270 ? r : 0;
}

/** Width and height of the page as displayed, in points (they swap on quarter turns). */
export function displayedPageSize(view: PdfBox, rotate: number): { width: number; height: number } {
  const [x0, y0, x1, y1] = normalize(view);
  return quarterTurn(rotate) % 180 === 0
    ? { width: x1 - x0, height: y1 - y0 }
    : { width: y1 - y0, height: x1 - x0 };
}

/**
 * Maps a widget's /Rect to where it appears on the displayed page: relative to the view's lower-left
 * corner, turned clockwise by /Rotate, then flipped to a top-left origin. The inverse of the
 * `--visible PAGE:X,Y,W,H` rule (@kyso/pdf's placeOnPage), which counts from the lower-left.
 */
export function toDisplayed(rect: PdfBox, view: PdfBox, rotate: number): DisplayedBox {
  const [vx0, vy0, vx1, vy1] = normalize(view);
  const W = vx1 - vx0;
  const H = vy1 - vy0;
  const [x0, y0, x1, y1] = normalize(rect);
  // u, v: offsets from the view's lower-left corner, before rotation
  const [u0, v0, u1, v1] = [x0 - vx0, y0 - vy0, x1 - vx0, y1 - vy0];
  switch (quarterTurn(rotate)) {
    case 90: // (u, v) shows at x = v, y-from-top = u
      return { left: v0, top: u0, width: v1 - v0, height: u1 - u0 };
    case 180: // x = W - u, y-from-top = v
      return { left: W - u1, top: v0, width: u1 - u0, height: v1 - v0 };
    case 270: // x = H - v, y-from-top = W - u
      return { left: H - v1, top: W - u1, width: v1 - v0, height: u1 - u0 };
    default: // x = u, y-from-top = H - v
      return { left: u0, top: H - v1, width: u1 - u0, height: v1 - v0 };
  }
}
