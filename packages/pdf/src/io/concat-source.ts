import { type ByteSource, checkRange } from './byte-source.js';

/** A source followed by appended bytes: a signed file before it is written anywhere. */
export function appendedSource(source: ByteSource, tail: Uint8Array): ByteSource {
  const base = source.size;
  const size = base + tail.length;
  return {
    size,
    async read(offset, length, options) {
      checkRange(size, offset, length);
      if (offset >= base) return tail.subarray(offset - base, offset - base + length);
      if (offset + length <= base) return source.read(offset, length, options);
      const head = await source.read(offset, base - offset, options);
      const out = new Uint8Array(length);
      out.set(head, 0);
      out.set(tail.subarray(0, length - head.length), head.length);
      return out;
    },
  };
}

/** Reads a whole source (for small files, tests, and browsers handing back bytes). */
export async function readAll(source: ByteSource): Promise<Uint8Array> {
  return source.read(0, source.size);
}
