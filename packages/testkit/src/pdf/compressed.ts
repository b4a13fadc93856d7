import { isStream, type PdfModel, type PlainObject, type StreamObject } from './model.js';
import { ref } from './syntax.js';
import type { PdfWriter } from './writer.js';
import { objectStream, type StreamRow, xrefStream } from './xref-stream.js';

export interface Packed {
  /** Object streams, numbered from `firstNum`. */
  streams: StreamObject[];
  /** Type-2 rows for the packed objects. */
  rows: StreamRow[];
}

/** Packs plain objects into object streams of at most `perStream` objects. */
export async function pack(
  objects: readonly PlainObject[],
  perStream: number,
  firstNum: number,
): Promise<Packed> {
  const streams: StreamObject[] = [];
  const rows: StreamRow[] = [];
  for (let i = 0; i < objects.length; i += perStream) {
    const group = objects.slice(i, i + perStream);
    const num = firstNum + streams.length;
    streams.push(await objectStream(num, group));
    group.forEach((o, k) => {
      rows.push({ num: o.num, type: 2, field2: num, field3: k });
    });
  }
  return { streams, rows };
}

/**
 * Forms 'xref-stream' and 'pdf-2.0': streams at top level, every other object in object streams, one
 * cross-reference stream (listing itself) as the trailer.
 */
export async function writeXrefStreamForm(w: PdfWriter, model: PdfModel, perStream: number): Promise<void> {
  const plain = model.objects.filter((o): o is PlainObject => !isStream(o));
  const packed = await pack(plain, perStream, model.size);
  const rows: StreamRow[] = [{ num: 0, type: 0, field2: 0, field3: 65535 }, ...packed.rows];
  for (const o of model.objects)
    if (isStream(o)) rows.push({ num: o.num, type: 1, field2: w.object(o), field3: 0 });
  for (const s of packed.streams) rows.push({ num: s.num, type: 1, field2: w.object(s), field3: 0 });
  const num = model.size + packed.streams.length;
  const at = w.offset;
  rows.push({ num, type: 1, field2: at, field3: 0 });
  const extra = { Root: ref(model.root), Info: ref(model.info), ID: model.id(0) };
  w.object(await xrefStream(num, num + 1, rows, extra));
  w.startxref(at);
}
