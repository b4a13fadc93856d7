/**
 * Where a signature goes on a page, and the arithmetic between the screen and the PDF. Rectangles
 * given to and by `<sign-pdf>` follow DESIGN.md's `--visible` rule (@kyso/pdf's `DisplayedRect`):
 * points on the page as displayed (after /Rotate and the crop box), origin at its lower-left corner,
 * y up. The screen counts from the top-left, y down; every conversion is here.
 */

/** Points on the displayed page, origin lower-left, y up (`--visible PAGE:X,Y,W,H`). */
export interface PageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A displayed page's size in points. */
export interface PageSize {
  width: number;
  height: number;
}

/** A place on a page: 1-based page number and a rectangle. */
export interface Placement {
  page: number;
  rect: PageRect;
}

/** A point on the page in points, from the top-left (as the screen counts). */
export interface TopLeftPoint {
  left: number;
  top: number;
}

/** The box a fresh placement gets (points): about the size of a signature block on an A4 page. */
export const DEFAULT_BOX = { width: 180, height: 60 } as const;
/** Smallest box (points): smaller boxes are clicks, not drags, and hold no legible text. */
export const MIN_BOX = { width: 24, height: 12 } as const;

/**
 * A pointer at (clientX, clientY) on a page drawn at `pageBox` (its bounding client rectangle, at
 * whatever zoom): the point on the page in points from the top-left, clamped to the page. The zoom
 * is the ratio of the drawn width to the page's width in points.
 */
export function clientToPage(
  client: { x: number; y: number },
  pageBox: { left: number; top: number; width: number; height: number },
  size: PageSize,
): TopLeftPoint {
  const sx = pageBox.width > 0 ? size.width / pageBox.width : 0;
  const sy = pageBox.height > 0 ? size.height / pageBox.height : 0;
  return {
    left: clamp((client.x - pageBox.left) * sx, 0, size.width),
    top: clamp((client.y - pageBox.top) * sy, 0, size.height),
  };
}

/** The rectangle between two corners given from the top-left, as a lower-left-origin rectangle. */
export function rectBetween(a: TopLeftPoint, b: TopLeftPoint, size: PageSize): PageRect {
  const left = Math.min(a.left, b.left);
  const top = Math.min(a.top, b.top);
  const width = Math.abs(a.left - b.left);
  const height = Math.abs(a.top - b.top);
  return fitToPage({ x: left, y: size.height - top - height, width, height }, size);
}

/** A box of `box`'s size centred on a top-left point, kept on the page. */
export function boxAround(
  point: TopLeftPoint,
  size: PageSize,
  box: Readonly<PageSize> = DEFAULT_BOX,
): PageRect {
  const width = Math.min(box.width, size.width);
  const height = Math.min(box.height, size.height);
  return fitToPage(
    { x: point.left - width / 2, y: size.height - point.top - height / 2, width, height },
    size,
  );
}

/** The default box in the middle of a page. */
export function centredBox(size: PageSize, box: Readonly<PageSize> = DEFAULT_BOX): PageRect {
  return boxAround({ left: size.width / 2, top: size.height / 2 }, size, box);
}

/** Whether a dragged rectangle is big enough to be meant (else it was a click). */
export function isDrag(rect: PageRect): boolean {
  return rect.width >= MIN_BOX.width && rect.height >= MIN_BOX.height;
}

/** Moves a rectangle by (dx, dy) points on the screen (dy down), kept on the page. */
export function moveRect(rect: PageRect, dx: number, dyDown: number, size: PageSize): PageRect {
  return fitToPage({ ...rect, x: rect.x + dx, y: rect.y - dyDown }, size);
}

/**
 * Resizes a rectangle from its bottom-right corner as the screen shows it (the top-left corner
 * stays put): dw wider, dh taller downwards. At least MIN_BOX, at most the page.
 */
export function resizeRect(rect: PageRect, dw: number, dhDown: number, size: PageSize): PageRect {
  const top = rect.y + rect.height;
  const width = clamp(rect.width + dw, MIN_BOX.width, size.width - rect.x);
  const height = clamp(rect.height + dhDown, MIN_BOX.height, top);
  return { x: rect.x, y: top - height, width, height };
}

/** Keeps a rectangle inside the page, shrinking it only when it is larger than the page. */
export function fitToPage(rect: PageRect, size: PageSize): PageRect {
  const width = clamp(rect.width, 0, size.width);
  const height = clamp(rect.height, 0, size.height);
  return {
    x: clamp(rect.x, 0, size.width - width),
    y: clamp(rect.y, 0, size.height - height),
    width,
    height,
  };
}

/** Where a rectangle shows on its page, in percentages from the top-left (follows any zoom). */
export function cssPercentages(
  rect: PageRect,
  size: PageSize,
): Record<'left' | 'top' | 'width' | 'height', string> {
  const pct = (v: number, of: number) => `${of > 0 ? ((v / of) * 100).toFixed(4) : 0}%`;
  return {
    left: pct(rect.x, size.width),
    top: pct(size.height - rect.y - rect.height, size.height),
    width: pct(rect.width, size.width),
    height: pct(rect.height, size.height),
  };
}

/** A rectangle from the top-left (the viewer's field boxes) to the lower-left rule. */
export function fromTopLeft(
  box: { left: number; top: number; width: number; height: number },
  size: PageSize,
): PageRect {
  return { x: box.left, y: size.height - box.top - box.height, width: box.width, height: box.height };
}

/** Rounds to hundredths of a point (what a PDF writer keeps), so events and attributes stay tidy. */
export function roundRect(rect: PageRect): PageRect {
  const r = (v: number) => Math.round(v * 100) / 100;
  return { x: r(rect.x), y: r(rect.y), width: r(rect.width), height: r(rect.height) };
}

/**
 * The `rect` attribute: `x,y,width,height` (as `kyso sign --visible`) or JSON
 * `{"x":…,"y":…,"width":…,"height":…}`. Undefined when absent or malformed (a positive size is needed).
 */
export function parseRect(value: string | null | undefined): PageRect | undefined {
  if (!value?.trim()) return undefined;
  let parts: unknown[];
  const text = value.trim();
  if (text.startsWith('{')) {
    try {
      const o = JSON.parse(text) as Record<string, unknown>;
      parts = [o['x'], o['y'], o['width'], o['height']];
    } catch {
      return undefined;
    }
  } else {
    parts = text.split(/[\s,]+/).map(Number);
  }
  if (parts.length !== 4 || !parts.every((n) => typeof n === 'number' && Number.isFinite(n)))
    return undefined;
  const [x, y, width, height] = parts as [number, number, number, number];
  return width > 0 && height > 0 ? { x, y, width, height } : undefined;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), Math.max(lo, hi));
}
