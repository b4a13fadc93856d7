import { describe, expect, it } from 'vitest';
import {
  boxAround,
  centredBox,
  clientToPage,
  cssPercentages,
  DEFAULT_BOX,
  fitToPage,
  fromTopLeft,
  isDrag,
  MIN_BOX,
  moveRect,
  parseRect,
  rectBetween,
  resizeRect,
} from '../src/sign-pdf/placement.js';

const A4 = { width: 595.28, height: 841.89 };

describe('placement geometry (screen → displayed points, lower-left origin)', () => {
  it('reads a pointer through the drawn page at any zoom', () => {
    // A4 drawn at 150 % (2 px per point) with its corner at (40, 100) on screen
    const drawn = { left: 40, top: 100, width: A4.width * 2, height: A4.height * 2 };
    expect(clientToPage({ x: 40 + 200, y: 100 + 300 }, drawn, A4)).toEqual({ left: 100, top: 150 });
    // outside the page: clamped to its edges
    expect(clientToPage({ x: 0, y: 5000 }, drawn, A4)).toEqual({ left: 0, top: A4.height });
  });

  it('turns a drag (top-left corners) into a lower-left rectangle, corners in any order', () => {
    const r = rectBetween({ left: 260, top: 120 }, { left: 60, top: 40 }, A4);
    expect(r).toEqual({ x: 60, y: A4.height - 120, width: 200, height: 80 });
    expect(isDrag(r)).toBe(true);
    expect(isDrag(rectBetween({ left: 10, top: 10 }, { left: 12, top: 40 }, A4))).toBe(false);
  });

  it('puts the default box around a point, and in the middle of a page, kept on the page', () => {
    expect(boxAround({ left: 300, top: 500 }, A4)).toEqual({
      x: 300 - DEFAULT_BOX.width / 2,
      y: A4.height - 500 - DEFAULT_BOX.height / 2,
      width: DEFAULT_BOX.width,
      height: DEFAULT_BOX.height,
    });
    // a click at the corner: the box is pushed back onto the page
    expect(boxAround({ left: 0, top: 0 }, A4)).toEqual({
      x: 0,
      y: A4.height - DEFAULT_BOX.height,
      width: DEFAULT_BOX.width,
      height: DEFAULT_BOX.height,
    });
    const c = centredBox(A4);
    expect(c.x + c.width / 2).toBeCloseTo(A4.width / 2, 9);
    expect(c.y + c.height / 2).toBeCloseTo(A4.height / 2, 9);
    // a page smaller than the box: the box shrinks to it
    expect(centredBox({ width: 100, height: 40 })).toEqual({ x: 0, y: 0, width: 100, height: 40 });
  });

  it('moves with the screen (down is y down) and stops at the edges', () => {
    const r = { x: 100, y: 100, width: 180, height: 60 };
    expect(moveRect(r, 10, 20, A4)).toEqual({ x: 110, y: 80, width: 180, height: 60 });
    expect(moveRect(r, -500, 5000, A4)).toEqual({ x: 0, y: 0, width: 180, height: 60 });
    expect(moveRect(r, 5000, -5000, A4)).toEqual({
      x: A4.width - 180,
      y: A4.height - 60,
      width: 180,
      height: 60,
    });
  });

  it('resizes from the bottom-right corner: the top-left corner stays, within MIN_BOX and the page', () => {
    const r = { x: 100, y: 100, width: 180, height: 60 };
    const top = r.y + r.height;
    const bigger = resizeRect(r, 20, 10, A4);
    expect(bigger).toEqual({ x: 100, y: 90, width: 200, height: 70 });
    expect(bigger.y + bigger.height).toBe(top);
    expect(resizeRect(r, -1000, -1000, A4)).toEqual({
      x: 100,
      y: top - MIN_BOX.height,
      width: MIN_BOX.width,
      height: MIN_BOX.height,
    });
    expect(resizeRect(r, 10_000, 10_000, A4)).toEqual({ x: 100, y: 0, width: A4.width - 100, height: top });
  });

  it('shows a rectangle in percentages from the top-left, and reads the viewer’s boxes back', () => {
    const r = { x: 59.528, y: 84.189, width: 119.056, height: 168.378 };
    expect(cssPercentages(r, A4)).toEqual({
      left: '10.0000%',
      top: '70.0000%',
      width: '20.0000%',
      height: '20.0000%',
    });
    expect(fromTopLeft({ left: 230, top: A4.height - 150, width: 160, height: 60 }, A4)).toEqual({
      x: 230,
      y: 90,
      width: 160,
      height: 60,
    });
    expect(fitToPage({ x: -5, y: 900, width: 50, height: 20 }, A4)).toEqual({
      x: 0,
      y: A4.height - 20,
      width: 50,
      height: 20,
    });
  });

  it('parses the rect attribute as x,y,width,height or JSON, and refuses the rest', () => {
    expect(parseRect('100,200,150,50')).toEqual({ x: 100, y: 200, width: 150, height: 50 });
    expect(parseRect(' 100 200 150.5 50 ')).toEqual({ x: 100, y: 200, width: 150.5, height: 50 });
    expect(parseRect('{"x":1,"y":2,"width":3,"height":4}')).toEqual({ x: 1, y: 2, width: 3, height: 4 });
    for (const bad of [null, '', '1,2,3', '1,2,0,4', '1,2,-3,4', 'a,b,c,d', '{"x":1}', '{oops'])
      expect(parseRect(bad), String(bad)).toBeUndefined();
  });
});
