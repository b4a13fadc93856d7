import { open } from 'node:fs/promises';
import { KysoError } from '@kyso/core';
import { type ByteSource, checkRange } from '../io/byte-source.js';

export interface FileSource extends ByteSource {
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

const CHUNK = 4 * 1024 * 1024;

/** A file read by position through one handle; only the requested ranges are ever in memory. */
export async function fileSource(path: string): Promise<FileSource> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new KysoError('IO_ERROR', {
      params: { path, detail: (error as NodeJS.ErrnoException).code ?? String(error) },
      cause: error,
    });
  }
  const { size } = await handle.stat();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  const readInto = async (out: Uint8Array, offset: number, length: number): Promise<Uint8Array> => {
    if (closed) throw new KysoError('IO_ERROR', { params: { path, detail: 'the file is closed' } });
    let done = 0;
    while (done < length) {
      const { bytesRead } = await handle.read(out, done, length - done, offset + done);
      if (bytesRead === 0)
        throw new KysoError('IO_ERROR', { params: { path, detail: 'the file shrank while being read' } });
      done += bytesRead;
    }
    return out.subarray(0, length);
  };
  return {
    size,
    async read(offset, length, options) {
      options?.signal?.throwIfAborted();
      checkRange(size, offset, length);
      return readInto(new Uint8Array(length), offset, length);
    },
    // Two buffers, the next read in flight while the caller hashes the current chunk: the disk (or
    // page cache) and the hash run side by side, and nothing is allocated per chunk.
    async *chunks(offset, length, options) {
      checkRange(size, offset, length);
      const buffers = [new Uint8Array(Math.min(CHUNK, length)), new Uint8Array(Math.min(CHUNK, length))];
      const end = offset + length;
      let at = offset;
      let i = 0;
      let pending: Promise<Uint8Array> | undefined =
        at < end ? readInto(buffers[0]!, at, Math.min(CHUNK, end - at)) : undefined;
      while (pending) {
        options?.signal?.throwIfAborted();
        const current = await pending;
        at += current.length;
        i ^= 1;
        pending = at < end ? readInto(buffers[i]!, at, Math.min(CHUNK, end - at)) : undefined;
        yield current;
      }
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
