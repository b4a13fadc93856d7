import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type DigestAlgorithm, KysoError, type Lang, nobleHasher } from '@kyso/core';

const NODE_NAMES: Partial<Record<DigestAlgorithm, string>> = {
  'SHA-1': 'sha1',
  'SHA-224': 'sha224',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
  'SHA3-256': 'sha3-256',
  'SHA3-384': 'sha3-384',
  'SHA3-512': 'sha3-512',
};

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
        const name = NODE_NAMES[algorithm];
        const hasher = name ? undefined : nobleHasher(algorithm);
        const hash = name ? createHash(name) : undefined;
        createReadStream(path, { highWaterMark: 1 << 20 })
          .on('data', (chunk) => {
            const bytes = chunk as Buffer;
            if (hash) hash.update(bytes);
            else hasher!.update(bytes);
          })
          .on('error', (error) => reject(ioError(path, error, lang)))
          .on('end', () => resolve(hash ? new Uint8Array(hash.digest()) : hasher!.digest()));
      });
      cache.set(algorithm, result);
    }
    return result;
  };
}
