import { trailerOf, writeClassicSection } from './classic.js';
import type { ModelObject, PdfModel } from './model.js';
import type { PdfWriter } from './writer.js';

/**
 * Form 'revisions': the document without its last page, then an update that changes /Info, then one
 * that changes /Info again and adds the last page (page, content, and the page-tree nodes above it),
 * each update a classic section whose trailer has /Prev.
 */
export function writeRevisions(w: PdfWriter, model: PdfModel): void {
  const held = model.heldBack;
  if (!held) throw new Error('form revisions needs a held-back page');
  const later = new Set(held.objects);
  const before = new Map(held.nodesBefore.map((n) => [n.num, n]));
  const original = model.objects.filter((o) => !later.has(o.num)).map((o) => before.get(o.num) ?? o);
  const size0 = Math.min(...held.objects);
  let prev = writeClassicSection(w, original, trailerOf(model, size0, 0));

  const info = (revision: number): ModelObject => ({ num: model.info, body: model.infoBody(revision) });
  prev = writeClassicSection(w, [info(1)], { ...trailerOf(model, size0, 1), Prev: String(prev) });

  const added = model.objects.filter((o) => later.has(o.num) || before.has(o.num));
  const update = [info(2), ...added].sort((a, b) => a.num - b.num);
  writeClassicSection(w, update, { ...trailerOf(model, model.size, 2), Prev: String(prev) });
}
