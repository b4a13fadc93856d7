import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from '@kyso/testkit/node';
import { decodePng } from '../../src/appearance/image/png.js';
import type { Raster } from '../../src/appearance/image/raster.js';

/** Where reference renders live; `KYSO_UPDATE_REFERENCES=1` rewrites them from this run. */
export const REFERENCES = new URL('../references/', import.meta.url);

/** A displayed-page region (points, lower-left origin) of `page` rendered by pdftoppm at `dpi`. */
export async function renderRegion(
  pdf: string,
  page: number,
  pageHeight: number,
  rect: { x: number; y: number; width: number; height: number },
  out: string,
  dpi = 150,
): Promise<string> {
  const px = (pt: number) => Math.round((pt * dpi) / 72);
  const r = await run('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    '-x',
    String(px(rect.x)),
    '-y',
    String(px(pageHeight - rect.y - rect.height)),
    '-W',
    String(px(rect.width)),
    '-H',
    String(px(rect.height)),
    pdf,
    out,
  ]);
  if (r.code !== 0) throw new Error(`pdftoppm: ${r.stderr}`);
  return `${out}.png`;
}

export interface ImageDifference {
  /** Mean absolute difference per sample, 0–255. */
  mean: number;
  /** Pixels whose largest channel difference exceeds 96. */
  changed: number;
}

function gray(r: Raster, i: number, c: number): number {
  return r.channels === 1 ? r.pixels[i]! : r.pixels[i * 3 + c]!;
}

export function difference(a: Raster, b: Raster): ImageDifference {
  if (a.width !== b.width || a.height !== b.height)
    throw new Error(`sizes differ: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  const n = a.width * a.height;
  let sum = 0;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    let worst = 0;
    for (let c = 0; c < 3; c++) {
      const d = Math.abs(gray(a, i, c) - gray(b, i, c));
      sum += d;
      if (d > worst) worst = d;
    }
    if (worst > 96) changed++;
  }
  return { mean: sum / (n * 3), changed };
}

/**
 * Compares a render with its committed reference. The tolerance (a mean difference ≤ 0.5 of 255 per
 * sample, at most 4 pixels changed by more than 96) absorbs anti-aliasing noise at glyph edges, not
 * a moved or missing glyph: at 150 dpi one missing dot below a letter of 11 pt text is 20-odd pixels.
 */
export async function compareWithReference(
  name: string,
  rendered: string,
): Promise<ImageDifference & { within: boolean }> {
  const reference = new URL(`${name}.png`, REFERENCES);
  if (process.env.KYSO_UPDATE_REFERENCES === '1') {
    await mkdir(REFERENCES, { recursive: true });
    await copyFile(rendered, reference);
  }
  const [a, b] = await Promise.all([
    readFile(rendered).then((x) => decodePng(new Uint8Array(x))),
    readFile(reference).then((x) => decodePng(new Uint8Array(x))),
  ]);
  const d = difference(a, b);
  return { ...d, within: d.mean <= 0.5 && d.changed <= 4 };
}

export const referencePath = (name: string) => join(REFERENCES.pathname, `${name}.png`);
