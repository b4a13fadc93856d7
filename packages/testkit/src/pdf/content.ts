import type { PdfBox } from './options.js';
import { num } from './syntax.js';

/** Font resource names; the fonts themselves are the standard 14 (never embedded here). */
export const BODY_FONT = 'F1';
export const TITLE_FONT = 'F2';
export const FIELD_FONT = 'Helv';

function literal(value: string): string {
  return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

export interface PageContent {
  /** 0-based. */
  index: number;
  pages: number;
  title: string | undefined;
  /** The visible box (crop box, else media box): text is placed from its top-left corner. */
  box: PdfBox;
  /** XObject names to draw (padding images), each into the same small square. */
  images: readonly string[];
}

/** The page's text ("kyso test page 1 of 2") and, on page 1, the padding images. */
export function pageContent(page: PageContent): string {
  const [x0, , , y1] = page.box;
  const x = x0 + 56;
  const lines = [
    `BT /${BODY_FONT} 18 Tf ${num(x)} ${num(y1 - 72)} Td (kyso test page ${page.index + 1} of ${page.pages}) Tj ET`,
  ];
  if (page.title !== undefined)
    lines.push(`BT /${TITLE_FONT} 14 Tf ${num(x)} ${num(y1 - 100)} Td ${literal(page.title)} Tj ET`);
  for (const name of page.images) lines.push(`q 96 0 0 96 ${num(x)} ${num(y1 - 220)} cm /${name} Do Q`);
  return `${lines.join('\n')}\n`;
}

/** A text field's normal appearance: its value in 12 pt Helvetica, inside the usual /Tx marked content. */
export function textFieldAppearance(height: number, value: string | undefined): string {
  if (value === undefined || value === '') return '/Tx BMC\nEMC\n';
  const baseline = Math.max(2, (height - 12) / 2 + 3);
  return `/Tx BMC\nq BT /${FIELD_FONT} 12 Tf 0 g 2 ${num(baseline)} Td ${literal(value)} Tj ET Q\nEMC\n`;
}
