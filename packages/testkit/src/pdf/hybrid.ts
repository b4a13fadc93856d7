import { trailerOf } from './classic.js';
import { pack } from './compressed.js';
import { isStream, type PdfModel, type PlainObject } from './model.js';
import type { PdfWriter } from './writer.js';
import { xrefStream } from './xref-stream.js';
import { freeList, type TableRow, writeXrefTable } from './xref-table.js';

/**
 * Form 'hybrid' (§7.5.8.4), laid out as Word (and the hybrids in the corpus) write it: a full table
 * that marks the hidden objects and their object streams free (`free`) or leaves them out (`omit`),
 * then an empty `xref 0 0` section whose trailer has /Prev and /XRefStm. Readers such as poppler take
 * the first entry they meet for an object, so /XRefStm must come in a later section than the free
 * rows it overrides. Every plain object but the catalog is hidden, so a reader that ignores /XRefStm
 * cannot even find the pages; the /XRefStm stream lists exactly the hidden objects, through /Index.
 */
export async function writeHybrid(
  w: PdfWriter,
  model: PdfModel,
  perStream: number,
  hiddenRows: 'free' | 'omit',
): Promise<void> {
  const hidden = model.objects.filter((o): o is PlainObject => !isStream(o) && o.num !== model.root);
  const packed = await pack(hidden, perStream, model.size);
  const rows: TableRow[] = [];
  for (const o of model.objects)
    if (isStream(o) || o.num === model.root)
      rows.push({ num: o.num, offset: w.object(o), gen: 0, free: false });
  const streamRows = [...packed.rows];
  for (const s of packed.streams) streamRows.push({ num: s.num, type: 1, field2: w.object(s), field3: 0 });
  const num = model.size + packed.streams.length;
  const size = num + 1;
  const xrefStmAt = w.offset;
  w.object(await xrefStream(num, size, streamRows, {}));
  rows.push({ num, offset: xrefStmAt, gen: 0, free: false });
  const hiddenNums = streamRows.map((r) => r.num);
  if (hiddenRows === 'free') rows.push(...freeList(hiddenNums));
  else rows.push({ num: 0, offset: 0, gen: 65535, free: true });
  const table = writeXrefTable(w, rows, trailerOf(model, size, 0));
  w.startxref(table);
  const at = writeXrefTable(w, [], {
    ...trailerOf(model, size, 0),
    Prev: String(table),
    XRefStm: String(xrefStmAt),
  });
  w.startxref(at);
}
