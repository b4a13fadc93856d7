import type { ModelObject, PdfModel } from './model.js';
import { ref } from './syntax.js';
import type { PdfWriter } from './writer.js';
import { type TableRow, writeXrefTable } from './xref-table.js';

/** The trailer entries every revision repeats. */
export function trailerOf(model: PdfModel, size: number, revision: number): Record<string, string> {
  return { Size: String(size), Root: ref(model.root), Info: ref(model.info), ID: model.id(revision) };
}

/**
 * Writes objects and a classic section for them (object 0 always listed, free); returns the offset of
 * `xref`. A first revision lists every object, so its table is one run `0 size`.
 */
export function writeClassicSection(
  w: PdfWriter,
  objects: readonly ModelObject[],
  trailer: Readonly<Record<string, string | undefined>>,
): number {
  const rows: TableRow[] = [{ num: 0, offset: 0, gen: 65535, free: true }];
  for (const o of objects) rows.push({ num: o.num, offset: w.object(o), gen: 0, free: false });
  const at = writeXrefTable(w, rows, trailer);
  w.startxref(at);
  return at;
}

/** Form 'classic': one body, one table, one trailer. */
export function writeClassic(w: PdfWriter, model: PdfModel): void {
  writeClassicSection(w, model.objects, trailerOf(model, model.size, 0));
}
