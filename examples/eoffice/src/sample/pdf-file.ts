import { createHash } from 'node:crypto';
import { concat } from '@kyso/core';
import { PdfDict, type PdfObject, PdfRef, PdfStream, PdfString, serialize } from '@kyso/pdf';

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

/** A PDF text string: PDFDocEncoding for ASCII, UTF-16BE with its byte-order mark otherwise. */
export function textString(text: string): PdfString {
  const nfc = text.normalize('NFC');
  if (/^[\x20-\x7e]*$/.test(nfc)) return new PdfString(latin1(nfc));
  const bytes = [0xfe, 0xff];
  for (let i = 0; i < nfc.length; i++) {
    const unit = nfc.charCodeAt(i);
    bytes.push(unit >> 8, unit & 0xff);
  }
  return new PdfString(Uint8Array.from(bytes), true);
}

/**
 * A whole PDF written in one go with a classic cross-reference table (ISO 32000-2 §7.5): objects
 * numbered in the order they are added, one xref section, a trailer with /Root, /Info and an /ID
 * made from the content (the same document always gives the same bytes).
 */
export class PdfFile {
  readonly #objects: (PdfObject | undefined)[] = [];

  /** Adds an object and returns its reference (the signature EmbeddedFont expects). */
  readonly add = (value: PdfObject): PdfRef => {
    this.#objects.push(value);
    return new PdfRef(this.#objects.length, 0);
  };

  /** A number for an object made later (a page tree that lists its pages). */
  reserve(): PdfRef {
    this.#objects.push(undefined);
    return new PdfRef(this.#objects.length, 0);
  }

  set(ref: PdfRef, value: PdfObject): void {
    this.#objects[ref.num - 1] = value;
  }

  /** The file: `%PDF-1.7`, the objects, the xref table and the trailer. */
  toBytes(root: PdfRef, info: PdfRef): Uint8Array {
    const chunks: Uint8Array[] = [];
    let length = 0;
    const push = (part: string | Uint8Array) => {
      const bytes = typeof part === 'string' ? latin1(part) : part;
      chunks.push(bytes);
      length += bytes.length;
    };
    // a comment with high bytes marks the file as binary for transfer programs
    push('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
    const offsets: number[] = [];
    this.#objects.forEach((value, i) => {
      if (value === undefined) throw new Error(`object ${i + 1} was reserved and never set`);
      offsets.push(length);
      push(`${i + 1} 0 obj\n`);
      if (value instanceof PdfStream) {
        if (!(value.data instanceof Uint8Array)) throw new TypeError('a stream written here holds its data');
        value.dict.set('Length', value.data.length);
        push(`${serialize(value.dict)}\nstream\n`);
        push(value.data);
        push('\nendstream');
      } else push(serialize(value));
      push('\nendobj\n');
    });
    const xref = length;
    const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
    push(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${rows}`);
    const hash = createHash('sha256');
    for (const c of chunks) hash.update(c);
    const id = new PdfString(new Uint8Array(hash.digest().subarray(0, 16)), true);
    const trailer = new PdfDict([
      ['Size', offsets.length + 1],
      ['Root', root],
      ['Info', info],
      ['ID', [id, id]],
    ]);
    push(`trailer\n${serialize(trailer)}\nstartxref\n${xref}\n%%EOF\n`);
    return concat(...chunks);
  }
}
