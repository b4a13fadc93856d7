import { readFile } from 'node:fs/promises';
import { run } from '@kyso/testkit/node';

/** An RGB rendering; coordinates in points from the lower-left of the displayed page (72 dpi: 1 px = 1 pt). */
export interface Rendering {
  width: number;
  height: number;
  /** [r, g, b] at a displayed point. */
  at(x: number, y: number): [number, number, number];
  /** Mean colour and the count of "blue ink" and "dark ink" pixels in a displayed rectangle. */
  region(r: { x: number; y: number; width: number; height: number }): {
    mean: [number, number, number];
    blue: number;
    red: number;
    dark: number;
    pixels: number;
  };
  ppm: Uint8Array;
}

export const isBlue = ([r, g, b]: readonly number[]) => b! > 100 && b! > r! + 50 && b! > g! + 50;
export const isRed = ([r, g, b]: readonly number[]) => r! > 120 && r! > g! + 60 && r! > b! + 60;
export const isDark = ([r, g, b]: readonly number[]) => r! + g! + b! < 300;

/** Renders one page as displayed (`pdftoppm -r 72 -cropbox`) and saves `<base>-<page>.ppm` and a PNG beside it. */
export async function renderPage(path: string, page: number, base: string, dpi = 72): Promise<Rendering> {
  const args = ['-r', String(dpi), '-cropbox', '-f', String(page), '-l', String(page)];
  const r = await run('pdftoppm', [...args, path, base]);
  if (r.code !== 0) throw new Error(`pdftoppm: ${r.stderr}`);
  await run('pdftoppm', [...args, '-png', path, base]);
  const ppm = new Uint8Array(await readFile(`${base}-${page}.ppm`));
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(Buffer.from(ppm.subarray(0, 64)).toString('latin1'));
  if (!header) throw new Error('not a P6 PPM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = ppm.subarray(header[0].length);
  const scale = dpi / 72;
  const px = (x: number, y: number): [number, number, number] => {
    const col = Math.min(width - 1, Math.max(0, Math.floor(x)));
    const row = Math.min(height - 1, Math.max(0, Math.floor(height - y)));
    const i = 3 * (row * width + col);
    return [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
  };
  return {
    width,
    height,
    ppm,
    at: (x, y) => px(x * scale, y * scale),
    region: (rect) => {
      const sum = [0, 0, 0];
      let blue = 0;
      let red = 0;
      let dark = 0;
      let pixels = 0;
      for (let y = Math.ceil(rect.y * scale); y < (rect.y + rect.height) * scale; y++)
        for (let x = Math.ceil(rect.x * scale); x < (rect.x + rect.width) * scale; x++) {
          const c = px(x + 0.5, y + 0.5);
          for (let k = 0; k < 3; k++) sum[k]! += c[k]!;
          if (isBlue(c)) blue++;
          if (isRed(c)) red++;
          if (isDark(c)) dark++;
          pixels++;
        }
      const mean = sum.map((s) => s / Math.max(1, pixels)) as [number, number, number];
      return { mean, blue, red, dark, pixels };
    },
  };
}
