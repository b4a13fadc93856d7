import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type DigestAlgorithm, KysoError, type Lang } from '@kyso/core';
import { nodeHasher } from '@kyso/pdf/node';

function ioError(path: string, error: unknown, lang: Lang): KysoError {
  return new KysoError('IO_ERROR', {
    params: { path, detail: (error as NodeJS.ErrnoException).code ?? String(error) },
    lang,
    cause: error,
  });
}

export async function readInput(path: string, lang: Lang): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw ioError(path, error, lang);
  }
}

/** Streams a file through a hash (large files are never read whole); digests are cached per algorithm. */
export function fileDigester(path: string, lang: Lang): (algorithm: DigestAlgorithm) => Promise<Uint8Array> {
  const cache = new Map<DigestAlgorithm, Promise<Uint8Array>>();
  return (algorithm) => {
    let result = cache.get(algorithm);
    if (!result) {
      result = new Promise<Uint8Array>((resolve, reject) => {
        // native where OpenSSL has the hash, pure JS for the rest
        const hasher = nodeHasher(algorithm);
        createReadStream(path, { highWaterMark: 1 << 20 })
          .on('data', (chunk) => hasher.update(chunk as Buffer))
          .on('error', (error) => reject(ioError(path, error, lang)))
          .on('end', () => resolve(hasher.digest()));
      });
      cache.set(algorithm, result);
    }
    return result;
  };
}
