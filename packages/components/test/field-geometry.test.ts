import { describe, expect, it } from 'vitest';
import { displayedPageSize, pageView, quarterTurn, toDisplayed } from '../src/pdf-viewer/field-geometry.js';

// A4 with a crop box, as in the fixtures: the view is 495 × 760 pt from (50, 40).
const media = [0, 0, 595.28, 841.89] as const;
const crop = [50, 40, 545, 800] as const;
const view = pageView(media, crop);
const rect = [300, 500, 420, 540] as const; // 120 × 40 pt

describe('field geometry', () => {
  it('clips the crop box to the media box, as viewers show the page', () => {
    expect(view).toEqual([50, 40, 545, 800]);
    expect(pageView(media, [-10, -10, 700, 900])).toEqual([0, 0, 595.28, 841.89]);
    expect(pageView(media, [600, 900, 700, 1000])).toEqual([0, 0, 595.28, 841.89]);
    expect(pageView([595, 842, 0, 0], crop)).toEqual([50, 40, 545, 800]);
  });

  it('reads /Rotate as quarter turns', () => {
    expect([0, 90, 180, 270, 360, -90, 450, 45].map(quarterTurn)).toEqual([0, 90, 180, 270, 0, 270, 90, 0]);
    expect(displayedPageSize(view, 90)).toEqual({ width: 760, height: 495 });
    expect(displayedPageSize(view, 180)).toEqual({ width: 495, height: 760 });
  });

  it('places a rectangle on the displayed page for every rotation', () => {
    // upright: from the view's top-left corner
    expect(toDisplayed(rect, view, 0)).toEqual({ left: 250, top: 800 - 540, width: 120, height: 40 });
    // a quarter turn clockwise: the view's bottom edge becomes the left edge
    expect(toDisplayed(rect, view, 90)).toEqual({ left: 460, top: 250, width: 40, height: 120 });
    expect(toDisplayed(rect, view, 180)).toEqual({ left: 495 - 370, top: 460, width: 120, height: 40 });
    expect(toDisplayed(rect, view, 270)).toEqual({ left: 760 - 500, top: 495 - 370, width: 40, height: 120 });
    // corners in any order
    expect(toDisplayed([420, 540, 300, 500], view, 90)).toEqual(toDisplayed(rect, view, 90));
  });

  it('is the inverse of the --visible rule (placeOnPage) for every rotation', () => {
    // placeOnPage maps a displayed rect (lower-left origin) to user space; map it back
    const W = 495;
    const H = 760;
    const shown = { x: 30, y: 70, w: 150, h: 50 };
    const user: Record<number, [number, number, number, number]> = {
      0: [50 + shown.x, 40 + shown.y, 50 + shown.x + shown.w, 40 + shown.y + shown.h],
      90: [50 + W - shown.y - shown.h, 40 + shown.x, 50 + W - shown.y, 40 + shown.x + shown.w],
      180: [50 + W - shown.x - shown.w, 40 + H - shown.y - shown.h, 50 + W - shown.x, 40 + H - shown.y],
      270: [50 + shown.y, 40 + H - shown.x - shown.w, 50 + shown.y + shown.h, 40 + H - shown.x],
    };
    for (const rotate of [0, 90, 180, 270]) {
      const page = displayedPageSize(view, rotate);
      const d = toDisplayed(user[rotate]!, view, rotate);
      // top-left origin back to lower-left
      expect({ x: d.left, y: page.height - d.top - d.height, w: d.width, h: d.height }).toEqual(shown);
    }
  });
});
