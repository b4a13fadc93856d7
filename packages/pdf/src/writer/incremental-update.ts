import type { PdfDocument } from '../document/pdf-document.js';
import { structureError } from '../document/structure-error.js';
import { fromLatin1 } from '../syntax/chars.js';
import { name, PdfDict, type PdfObject, PdfRef, PdfStream, PdfString } from '../syntax/objects.js';
import { serialize } from '../syntax/serializer.js';

/** An object written as given (the signature dictionary, whose placeholders must sit at known offsets). */
export class RawObject {
  constructor(readonly text: string) {}
}

export interface WrittenUpdate {
  /** The bytes appended to the file. */
  bytes: Uint8Array;
  /** Offset of each written object within `bytes` (at its "n g obj"), by "num gen". */
  objectOffsets: Map<string, number>;
  /** Offset within `bytes` of each RawObject's text. */
  rawOffsets: Map<string, number>;
}

/**
 * An incremental update (ISO 32000-2 §7.5.6): new and changed objects appended after the file, then
 * a cross-reference section of the same kind as the previous one and a trailer with /Prev. Nothing
 * before the end of the file is ever rewritten, so every earlier signature stays intact.
 */
export class IncrementalUpdate {
  readonly #objects = new Map<number, { ref: PdfRef; value: PdfObject | RawObject }>();
  #next: number;

  constructor(readonly doc: PdfDocument) {
    this.#next = doc.size;
  }

  /** A new object number (generation 0). */
  allocate(): PdfRef {
    return new PdfRef(this.#next++, 0);
  }

  /** Adds or replaces an object; existing objects keep their number and generation. */
  set(ref: PdfRef, value: PdfObject | RawObject): void {
    this.#objects.set(ref.num, { ref, value });
  }

  /** A new object, returning its reference. */
  add(value: PdfObject | RawObject): PdfRef {
    const ref = this.allocate();
    this.set(ref, value);
    return ref;
  }

  has(ref: PdfRef): boolean {
    return this.#objects.has(ref.num);
  }

  get size(): number {
    return this.#next;
  }

  /** Writes the update. `fileEndsWithEol` says whether the file's last byte is an end-of-line. */
  build(fileEndsWithEol: boolean): WrittenUpdate {
    const doc = this.doc;
    const base = doc.source.size;
    const chunks: Uint8Array[] = [];
    let length = 0;
    const push = (text: string) => pushBytes(fromLatin1(text));
    const pushBytes = (bytes: Uint8Array) => {
      chunks.push(bytes);
      length += bytes.length;
    };
    if (!fileEndsWithEol) push('\n');
    const objectOffsets = new Map<string, number>();
    const rawOffsets = new Map<string, number>();
    const xrefRows: { num: number; gen: number; offset: number }[] = [];

    const ordered = [...this.#objects.values()].sort((a, b) => a.ref.num - b.ref.num);
    for (const { ref, value } of ordered) {
      objectOffsets.set(ref.key, length);
      xrefRows.push({ num: ref.num, gen: ref.gen, offset: base + length });
      push(`${ref.num} ${ref.gen} obj\n`);
      if (value instanceof RawObject) {
        rawOffsets.set(ref.key, length);
        push(value.text);
      } else if (value instanceof PdfStream) {
        if (!(value.data instanceof Uint8Array))
          throw structureError('an updated stream must carry its data');
        const dict = value.dict.clone().set('Length', value.data.length);
        push(`${serialize(dict)}\nstream\n`);
        pushBytes(value.data);
        push('\nendstream');
      } else {
        push(serialize(value));
      }
      push('\nendobj\n');
    }

    const previous = doc.sections[0]!;
    const trailer = new PdfDict();
    for (const key of ['Root', 'Info', 'ID', 'Encrypt']) {
      const v = doc.trailer.get(key);
      if (v !== undefined) trailer.set(key, v);
    }
    trailer.set('Prev', doc.startxref);
    const xrefOffset = base + length;
    if (previous.kind === 'stream') {
      // a cross-reference stream as its own new object: /Size grows by one
      const self = this.allocate();
      xrefRows.push({ num: self.num, gen: 0, offset: xrefOffset });
      trailer.set('Size', this.#next);
      const { index, data, widths } = xrefStreamRows(xrefRows);
      const dict = new PdfDict([
        ['Type', name('XRef')],
        ['W', widths],
        ['Index', index],
      ]);
      for (const [k, v] of trailer.map) dict.set(k, v);
      dict.set('Length', data.length);
      push(`${self.num} 0 obj\n${serialize(dict)}\nstream\n`);
      pushBytes(data);
      push('\nendstream\nendobj\n');
    } else {
      // tables follow tables; a hybrid file gets a plain table (our objects are all in it)
      trailer.set('Size', this.#next);
      push(xrefTable(xrefRows));
      push(`trailer\n${serialize(reorder(trailer))}\n`);
    }
    push(`startxref\n${xrefOffset}\n%%EOF\n`);

    const out = new Uint8Array(length);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return { bytes: out, objectOffsets, rawOffsets };
  }
}

/** Trailer keys in the usual order (Size first), for readers that are particular. */
function reorder(trailer: PdfDict): PdfDict {
  const out = new PdfDict();
  for (const k of ['Size', 'Root', 'Info', 'ID', 'Encrypt', 'Prev']) {
    const v = trailer.get(k);
    if (v !== undefined) out.set(k, v);
  }
  return out;
}

function runs(rows: { num: number }[]): { first: number; count: number }[] {
  const out: { first: number; count: number }[] = [];
  for (const r of rows) {
    const last = out.at(-1);
    if (last && last.first + last.count === r.num) last.count++;
    else out.push({ first: r.num, count: 1 });
  }
  return out;
}

function xrefTable(rows: { num: number; gen: number; offset: number }[]): string {
  const sorted = [...rows].sort((a, b) => a.num - b.num);
  let out = 'xref\n';
  let i = 0;
  for (const run of runs(sorted)) {
    out += `${run.first} ${run.count}\n`;
    for (let k = 0; k < run.count; k++, i++) {
      const r = sorted[i]!;
      if (r.offset > 9_999_999_999)
        throw structureError('an offset does not fit a cross-reference table (10 digits)');
      out += `${String(r.offset).padStart(10, '0')} ${String(r.gen).padStart(5, '0')} n\r\n`;
    }
  }
  return out;
}

function bytesFor(max: number): number {
  let n = 1;
  while (max >= 256 ** n) n++;
  return n;
}

function xrefStreamRows(rows: { num: number; gen: number; offset: number }[]): {
  index: number[];
  data: Uint8Array;
  widths: number[];
} {
  const sorted = [...rows].sort((a, b) => a.num - b.num);
  const w2 = bytesFor(Math.max(...sorted.map((r) => r.offset)));
  const w3 = bytesFor(Math.max(1, ...sorted.map((r) => r.gen)));
  const rowLength = 1 + w2 + w3;
  const data = new Uint8Array(sorted.length * rowLength);
  sorted.forEach((r, i) => {
    const at = i * rowLength;
    data[at] = 1;
    for (let k = 0; k < w2; k++) data[at + 1 + k] = Math.floor(r.offset / 256 ** (w2 - 1 - k)) % 256;
    for (let k = 0; k < w3; k++) data[at + 1 + w2 + k] = Math.floor(r.gen / 256 ** (w3 - 1 - k)) % 256;
  });
  return { index: runs(sorted).flatMap((r) => [r.first, r.count]), data, widths: [1, w2, w3] };
}

/** A literal string object from text (PDFDocEncoding for ASCII, UTF-16BE with BOM otherwise). */
export function textString(text: string): PdfString {
  const t = text.normalize('NFC');
  if (/^[\x20-\x7e]*$/.test(t)) return new PdfString(fromLatin1(t));
  const out = new Uint8Array(2 + t.length * 2);
  out[0] = 0xfe;
  out[1] = 0xff;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    out[2 + i * 2] = c >> 8;
    out[3 + i * 2] = c & 0xff;
  }
  return new PdfString(out, true);
}
