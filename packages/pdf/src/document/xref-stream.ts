import { decodeStream } from '../filters/decode.js';
import type { ByteSource } from '../io/byte-source.js';
import { type PdfDict, PdfStream } from '../syntax/objects.js';
import { parseIndirect } from '../syntax/parser.js';
import { structureError } from './structure-error.js';
import { parseAt } from './window.js';
import type { XrefEntry } from './xref-types.js';

function ints(o: unknown, what: string): number[] {
  if (!Array.isArray(o) || !o.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0))
    throw structureError(`${what} is not an array of integers`);
  return o as number[];
}

function field(row: Uint8Array, at: number, width: number): number {
  let v = 0;
  for (let i = 0; i < width; i++) v = v * 256 + row[at + i]!;
  return v;
}

export interface XrefStreamSection {
  entries: Map<number, XrefEntry>;
  dict: PdfDict;
  num: number;
  gen: number;
  /** Offset after the stream object ("endobj"). */
  end: number;
}

/** A cross-reference stream (§7.5.8): /W field widths, /Index subsections, predictor-coded rows. */
export async function readXrefStream(source: ByteSource, offset: number): Promise<XrefStreamSection> {
  const parsed = await parseAt(source, offset, parseIndirect);
  if (!(parsed.value instanceof PdfStream) || !parsed.stream)
    throw structureError(`no cross-reference stream at ${offset}`);
  const dict = parsed.value.dict;
  if (dict.name('Type') !== 'XRef')
    throw structureError(`object at ${offset} is not a cross-reference stream`);
  const length = parsed.stream.length;
  // §7.5.8.2: the /Length of a cross-reference stream shall be direct (it is needed to read the table)
  if (typeof length !== 'number' || length < 0 || parsed.stream.dataOffset + length > source.size)
    throw structureError(`cross-reference stream at ${offset} has a bad /Length`);
  const raw = await source.read(parsed.stream.dataOffset, length);
  const data = await decodeStream(dict, raw);
  const w = ints(dict.get('W'), '/W');
  if (w.length !== 3 || w.some((x) => x > 8)) throw structureError('/W must hold three widths');
  const size = dict.get('Size');
  if (typeof size !== 'number') throw structureError('cross-reference stream without /Size');
  const index = dict.has('Index') ? ints(dict.get('Index'), '/Index') : [0, size];
  const rowLength = w[0]! + w[1]! + w[2]!;
  const entries = new Map<number, XrefEntry>();
  let row = 0;
  for (let i = 0; i + 1 < index.length; i += 2) {
    const first = index[i]!;
    const count = index[i + 1]!;
    for (let k = 0; k < count; k++, row++) {
      const at = row * rowLength;
      if (at + rowLength > data.length) throw structureError('cross-reference stream data ends early');
      const type = w[0] === 0 ? 1 : field(data, at, w[0]!);
      const f2 = field(data, at + w[0]!, w[1]!);
      const f3 = field(data, at + w[0]! + w[1]!, w[2]!);
      const num = first + k;
      if (entries.has(num)) continue;
      if (type === 0) entries.set(num, { type: 'free', gen: f3 });
      else if (type === 1) entries.set(num, { type: 'offset', offset: f2, gen: f3 });
      else if (type === 2) entries.set(num, { type: 'compressed', stream: f2, index: f3 });
      // other types are reserved: treated as null objects (§7.5.8.3)
    }
  }
  return { entries, dict, num: parsed.num, gen: parsed.gen, end: parsed.stream.dataOffset + length };
}
