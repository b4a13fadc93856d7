import type { KysoError } from '@kyso/core';

/**
 * Big-endian reads with bounds checks: font and image files come from callers, so a short or damaged
 * file must give the caller's typed error, never a RangeError or a read of zeros.
 */
export class BigEndianReader {
  readonly #view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    private readonly fail: (detail: string) => KysoError,
  ) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  #check(offset: number, size: number): void {
    if (!Number.isInteger(offset) || offset < 0 || offset + size > this.bytes.length)
      throw this.fail(`a read of ${size} bytes at ${offset} passes the end (${this.bytes.length})`);
  }

  u8(offset: number): number {
    this.#check(offset, 1);
    return this.#view.getUint8(offset);
  }

  u16(offset: number): number {
    this.#check(offset, 2);
    return this.#view.getUint16(offset);
  }

  i16(offset: number): number {
    this.#check(offset, 2);
    return this.#view.getInt16(offset);
  }

  u32(offset: number): number {
    this.#check(offset, 4);
    return this.#view.getUint32(offset);
  }

  i32(offset: number): number {
    this.#check(offset, 4);
    return this.#view.getInt32(offset);
  }

  /** A view (not a copy) of `length` bytes. */
  slice(offset: number, length: number): Uint8Array {
    this.#check(offset, length);
    return this.bytes.subarray(offset, offset + length);
  }

  /** Four bytes as text (table tags, chunk types). */
  tag(offset: number): string {
    const b = this.slice(offset, 4);
    return String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!);
  }

  /** A reader over part of this one (offsets then count from `offset`). */
  sub(offset: number, length: number): BigEndianReader {
    return new BigEndianReader(this.slice(offset, length), this.fail);
  }
}

/** A growable big-endian byte buffer, for the tables of a font subset. */
export class BigEndianWriter {
  #bytes = new Uint8Array(256);
  #view = new DataView(this.#bytes.buffer);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  #room(n: number): void {
    if (this.#length + n <= this.#bytes.length) return;
    let size = this.#bytes.length * 2;
    while (size < this.#length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = next;
    this.#view = new DataView(next.buffer);
  }

  u8(v: number): this {
    this.#room(1);
    this.#view.setUint8(this.#length, v);
    this.#length += 1;
    return this;
  }

  u16(v: number): this {
    this.#room(2);
    this.#view.setUint16(this.#length, v);
    this.#length += 2;
    return this;
  }

  i16(v: number): this {
    this.#room(2);
    this.#view.setInt16(this.#length, v);
    this.#length += 2;
    return this;
  }

  u32(v: number): this {
    this.#room(4);
    this.#view.setUint32(this.#length, v >>> 0);
    this.#length += 4;
    return this;
  }

  bytes(b: Uint8Array): this {
    this.#room(b.length);
    this.#bytes.set(b, this.#length);
    this.#length += b.length;
    return this;
  }

  /** Zero bytes up to a multiple of four (sfnt tables and glyphs are long-aligned). */
  pad4(): this {
    while (this.#length % 4 !== 0) this.u8(0);
    return this;
  }

  /** Overwrites a 32-bit value already written. */
  setU32(offset: number, v: number): void {
    this.#view.setUint32(offset, v >>> 0);
  }

  toBytes(): Uint8Array {
    return this.#bytes.slice(0, this.#length);
  }
}
