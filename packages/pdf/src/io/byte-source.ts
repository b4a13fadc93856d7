import { KysoError } from '@kyso/core';

/**
 * Random-access reads of a PDF, so a large file is never held whole in memory. Browsers read a
 * Blob/File or a Uint8Array; Node reads a file handle (`@kyso/pdf/node`).
 */
export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes from `offset`; a range outside the source is an error. */
  read(offset: number, length: number, options?: { signal?: AbortSignal }): Promise<Uint8Array>;
  /**
   * The bytes of a long range in order, chunk by chunk, for hashing. Sources that can read ahead
   * (files) overlap the next read with the caller's work; a chunk is valid until the next one is
   * asked for, so callers must consume it at once (a hash update does).
   */
  chunks?(offset: number, length: number, options?: { signal?: AbortSignal }): AsyncIterable<Uint8Array>;
  /** Releases what the source holds (a file handle); reading afterwards is an error. */
  close?(): Promise<void>;
}

/** Checks a requested range against the source size, before any I/O. */
export function checkRange(size: number, offset: number, length: number): void {
  if (
    !Number.isSafeInteger(offset) ||
    !Number.isSafeInteger(length) ||
    offset < 0 ||
    length < 0 ||
    offset + length > size
  ) {
    throw new KysoError('INVALID_INPUT', {
      params: { detail: `read of ${length} bytes at ${offset} is outside a ${size}-byte source` },
    });
  }
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    async read(offset, length, options) {
      options?.signal?.throwIfAborted();
      checkRange(bytes.length, offset, length);
      return bytes.subarray(offset, offset + length);
    },
    async *chunks(offset, length, options) {
      checkRange(bytes.length, offset, length);
      const step = 16 * 1024 * 1024;
      for (let at = offset; at < offset + length; at += step) {
        options?.signal?.throwIfAborted();
        yield bytes.subarray(at, Math.min(offset + length, at + step));
      }
    },
  };
}

/** A Blob or File, read slice by slice (nothing is loaded up front). */
export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    async read(offset, length, options) {
      options?.signal?.throwIfAborted();
      checkRange(blob.size, offset, length);
      return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
    },
  };
}
