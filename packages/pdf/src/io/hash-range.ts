import type { Hasher } from '@kyso/core';
import type { ByteSource } from './byte-source.js';

const CHUNK = 4 * 1024 * 1024;

/** Feeds `length` bytes from `offset` of the source into the hasher, chunk by chunk. */
export async function hashRange(
  source: ByteSource,
  offset: number,
  length: number,
  hasher: Hasher,
  signal?: AbortSignal,
): Promise<void> {
  if (length === 0) return;
  if (source.chunks) {
    for await (const chunk of source.chunks(offset, length, signal ? { signal } : {})) hasher.update(chunk);
    return;
  }
  for (let at = offset; at < offset + length; at += CHUNK) {
    signal?.throwIfAborted();
    hasher.update(await source.read(at, Math.min(CHUNK, offset + length - at), signal ? { signal } : {}));
  }
}
