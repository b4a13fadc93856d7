import { run } from '@kyso/testkit/node';

export const mm = (v: number): number => (v * 72) / 25.4;

/** A rectangle in PDF coordinates (from the bottom-left corner of the page). */
export interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

export interface Word extends Box {
  /** From 1. */
  page: number;
  text: string;
}

export const overlaps = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

const TAG =
  /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;

/** Every word of a PDF with its box, from poppler's `pdftotext -bbox` (annotations' appearances included). */
export async function pdfWords(
  path: string,
): Promise<{ pages: { width: number; height: number }[]; words: Word[] }> {
  const out = await run('pdftotext', ['-bbox', path, '-']);
  if (out.code !== 0) throw new Error(`pdftotext -bbox failed: ${out.stderr}`);
  const pages: { width: number; height: number }[] = [];
  const words: Word[] = [];
  for (const m of out.stdout.matchAll(TAG)) {
    if (m[1]) pages.push({ width: Number(m[1]), height: Number(m[2]) });
    else {
      const height = pages.at(-1)!.height;
      words.push({
        page: pages.length,
        text: m[7]!,
        x1: Number(m[3]),
        x2: Number(m[5]),
        y1: height - Number(m[6]),
        y2: height - Number(m[4]),
      });
    }
  }
  return { pages, words };
}
