import type { ByteSource } from '../../io/byte-source.js';

const BLOCK = 64 * 1024;
const MAX_BLOCKS = 256;

/**
 * A ByteSource that reads whole aligned blocks and keeps the most recent ones: reading every
 * object of a revision one by one (each a small read at its offset) then costs about one read of
 * the file instead of one read per object.
 */
export function blockCachedSource(source: ByteSource): ByteSource {
  const blocks = new Map<number, Promise<Uint8Array>>();
  const block = (index: number): Promise<Uint8Array> => {
    let b = blocks.get(index);
    if (b) {
      // most recently used last
      blocks.delete(index);
      blocks.set(index, b);
      return b;
    }
    const start = index * BLOCK;
    b = source.read(start, Math.min(BLOCK, source.size - start));
    blocks.set(index, b);
    if (blocks.size > MAX_BLOCKS) blocks.delete(blocks.keys().next().value!);
    return b;
  };
  return {
    size: source.size,
    async read(offset, length, options) {
      options?.signal?.throwIfAborted();
      const valid = Number.isSafeInteger(offset) && Number.isSafeInteger(length) && offset >= 0 && length > 0;
      // large reads, and invalid ones (the source refuses them), go straight through
      if (!valid || length > BLOCK * 4 || offset + length > source.size)
        return source.read(offset, length, options);
      const first = Math.floor(offset / BLOCK);
      if (first === Math.floor((offset + length - 1) / BLOCK)) {
        // within one block: a view of it, no copy (readers do not write to what they read)
        const bytes = await block(first);
        return bytes.subarray(offset - first * BLOCK, offset - first * BLOCK + length);
      }
      const out = new Uint8Array(length);
      for (let at = offset; at < offset + length; ) {
        const index = Math.floor(at / BLOCK);
        const bytes = await block(index);
        const from = at - index * BLOCK;
        const take = Math.min(bytes.length - from, offset + length - at);
        out.set(bytes.subarray(from, from + take), at - offset);
        at += take;
      }
      return out;
    },
  };
}
