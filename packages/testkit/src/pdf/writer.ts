import { isStream, type ModelObject } from './model.js';
import { type Noise, NoiseStream } from './noise.js';
import type { EolStyle } from './options.js';
import { dict, latin1 } from './syntax.js';

/** Bytes to write, or padding to generate when writing (so a 3 GiB file is never held in memory). */
export type Piece = Uint8Array | Noise;

/** Appends pieces and keeps the offset, which is all the cross-reference writers need. */
export class PdfWriter {
  readonly pieces: Piece[] = [];
  offset = 0;

  constructor(readonly eol: EolStyle) {}

  text(value: string): void {
    this.bytes(latin1(value));
  }

  bytes(value: Uint8Array | Noise): void {
    this.pieces.push(value);
    this.offset += value.length;
  }

  /** `%PDF-x.y` and the binary comment that tells transfer tools the file is not text. */
  header(version: string): void {
    this.text(`%PDF-${version}${this.eol}%\xe2\xe3\xcf\xd3${this.eol}`);
  }

  /** Writes one indirect object and returns its offset. */
  object(o: ModelObject): number {
    const at = this.offset;
    const eol = this.eol;
    if (!isStream(o)) {
      this.text(`${o.num} 0 obj${eol}${o.body}${eol}endobj${eol}`);
      return at;
    }
    this.text(`${o.num} 0 obj${eol}${dict({ ...o.dict, Length: String(o.data.length) })}${eol}stream${eol}`);
    this.bytes(o.data);
    this.text(`${eol}endstream${eol}endobj${eol}`);
    return at;
  }

  startxref(offset: number): void {
    this.text(`startxref${this.eol}${offset}${this.eol}%%EOF${this.eol}`);
  }
}

/** The file in one array (what makeTestPdf returns), padding generated in place. */
export function materialize(pieces: readonly Piece[]): Uint8Array {
  let length = 0;
  for (const p of pieces) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of pieces) {
    if (p instanceof Uint8Array) out.set(p, at);
    else new NoiseStream(p.seed).fill(out.subarray(at, at + p.length));
    at += p.length;
  }
  return out;
}

export function piecesLength(pieces: readonly Piece[]): number {
  let length = 0;
  for (const p of pieces) length += p.length;
  return length;
}
