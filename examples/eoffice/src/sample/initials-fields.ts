import { name, PdfDict, type PdfRef } from '@kyso/pdf';
import { MARGIN, PAGE } from './a4-layout.js';
import type { LineEnd } from './body-flow.js';
import { textString } from './pdf-file.js';

/** The initials' box: the demo's signature image (600 × 220) at about 18 mm wide. */
const WIDTH = 52;
const HEIGHT = 22;

/** An empty signature field where a reviewer initials the draft, and where it is. */
export interface InitialsField {
  name: string;
  /** A tooltip: who initials there. */
  label: string;
  at: LineEnd;
}

/**
 * The box right after the end of a line (the body's "./.", the recipients' "Lưu: …"): from just
 * under the line above down past the baseline, into the free space under a last line; under the
 * line's end, against the right margin, when the line is too long.
 */
export function initialsRect(at: LineEnd): [number, number, number, number] {
  const right = PAGE.width - MARGIN.right;
  const fits = at.x + 6 + WIDTH <= right;
  const x = fits ? at.x + 6 : right - WIDTH;
  // the line above's descenders reach about 0.22 of its size under its baseline
  const top = fits ? at.baseline + at.lineHeight - 0.22 * at.size - 1 : at.baseline - 0.22 * at.size - 1;
  return [x, top - HEIGHT, x + WIDTH, top];
}

/** An empty signature field, merged with its widget (ISO 32000-2 §12.7.5.5), printed when signed. */
export function initialsWidget(field: InitialsField, page: PdfRef): PdfDict {
  return new PdfDict([
    ['Type', name('Annot')],
    ['Subtype', name('Widget')],
    ['FT', name('Sig')],
    ['T', textString(field.name)],
    ['TU', textString(field.label)],
    ['F', 4],
    ['Rect', initialsRect(field.at)],
    ['P', page],
  ]);
}
