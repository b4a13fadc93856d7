import { concat } from '../bytes/bytes.js';
import { type DigestAlgorithm, type Hasher, type HasherFactory, nobleHasher } from './digest.js';

const NATIVE = new Set<DigestAlgorithm>(['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']);

export interface WebCryptoHasherOptions {
  /**
   * Bytes kept for one native digest (default 64 MiB). WebCrypto cannot hash incrementally, so the
   * input is held until `digestAsync()`; past this a hasher streams through pure JS instead.
   */
  bufferLimit?: number;
}

/**
 * Incremental hashing on WebCrypto's native digest, for browsers: pure-JS SHA-256 runs at tens of
 * MB/s there, native at hundreds. The data is copied and held (clones share the copies) and hashed
 * in one call by `digestAsync()`; `digest()` and inputs past `bufferLimit` fall back to pure JS, so
 * the answer never differs, only the speed.
 */
export function webCryptoHasher(crypto: Crypto, options: WebCryptoHasherOptions = {}): HasherFactory {
  const limit = options.bufferLimit ?? 64 * 1024 * 1024;
  return (algorithm) => {
    if (!NATIVE.has(algorithm) || !crypto.subtle) return nobleHasher(algorithm);
    return buffered(crypto, algorithm, limit, [], 0);
  };
}

function buffered(
  crypto: Crypto,
  algorithm: DigestAlgorithm,
  limit: number,
  parts: Uint8Array[],
  size: number,
): Hasher {
  // set once the input outgrew the limit: the held parts are replayed into it and dropped
  let stream: Hasher | undefined;
  const toStream = () => {
    if (!stream) {
      stream = nobleHasher(algorithm);
      for (const p of parts) stream.update(p);
      parts = [];
    }
    return stream;
  };
  const hasher: Hasher = {
    update(data) {
      if (stream) stream.update(data);
      else if (size + data.length > limit) toStream().update(data);
      else {
        // a copy: the caller may reuse its buffer before the digest is taken
        parts.push(data.slice());
        size += data.length;
      }
      return hasher;
    },
    digest: () => toStream().digest(),
    async digestAsync() {
      if (stream) return stream.digest();
      const data = parts.length === 1 ? parts[0]! : concat(...parts);
      return new Uint8Array(await crypto.subtle.digest(algorithm, data as Uint8Array<ArrayBuffer>));
    },
    clone: () => (stream ? stream.clone() : buffered(crypto, algorithm, limit, [...parts], size)),
  };
  return hasher;
}

/** The hasher's digest, natively where it can (`digestAsync`), else its synchronous one. */
export function finishDigest(hasher: Hasher): Promise<Uint8Array> {
  return hasher.digestAsync ? hasher.digestAsync() : Promise.resolve(hasher.digest());
}
