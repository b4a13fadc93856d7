/** Numbers in content streams: at most three decimals, no exponent, no "-0". */
export function num(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError('content stream numbers are finite');
  const s = n.toFixed(3).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** A rectangle in an appearance's box, in points from its lower-left corner. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An RGB colour, each component from 0 to 1. */
export type RgbColor = readonly [number, number, number];

export function rgb(color: RgbColor): string {
  for (const c of color) if (!(c >= 0 && c <= 1)) throw new RangeError('colour components run from 0 to 1');
  return color.map(num).join(' ');
}
