import { open } from 'node:fs/promises';
import { KysoError } from '@kyso/core';
import { type ByteSource, checkRange } from '../io/byte-source.js';

export interface FileSource extends ByteSource {
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

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
  return {
    size,
    async read(offset, length, options) {
      options?.signal?.throwIfAborted();
      if (closed) throw new KysoError('IO_ERROR', { params: { path, detail: 'the file is closed' } });
      checkRange(size, offset, length);
      const out = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(out, done, length - done, offset + done);
        if (bytesRead === 0)
          throw new KysoError('IO_ERROR', { params: { path, detail: 'the file shrank while being read' } });
        done += bytesRead;
      }
      return out;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
