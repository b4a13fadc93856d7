import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type DigestAlgorithm, nobleHasher } from '../src/crypto/digest.js';
import { resolveProvider } from '../src/crypto/provider.js';
import { finishDigest, webCryptoHasher } from '../src/crypto/webcrypto-hasher.js';

// node:crypto (OpenSSL) is the judge of every digest below
const NODE: Partial<Record<DigestAlgorithm, string>> = {
  'SHA-1': 'sha1',
  'SHA-224': 'sha224',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
  'SHA3-256': 'sha3-256',
};
const expected = (algorithm: DigestAlgorithm, ...parts: Uint8Array[]) => {
  const h = createHash(NODE[algorithm]!);
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

/** WebCrypto with its native digest calls counted: the fast path must be the one taken. */
function countingCrypto() {
  const calls: number[] = [];
  const subtle = {
    digest: (algorithm: AlgorithmIdentifier, data: BufferSource) => {
      calls.push((data as ArrayBufferView).byteLength);
      return globalThis.crypto.subtle.digest(algorithm, data);
    },
  };
  return { crypto: { subtle } as unknown as Crypto, calls };
}

const chunked = (data: Uint8Array, sizes: number[]) => {
  const out: Uint8Array[] = [];
  let at = 0;
  for (let i = 0; at < data.length; i++) {
    const n = sizes[i % sizes.length]!;
    out.push(data.subarray(at, at + n));
    at += n;
  }
  return out;
};

describe('webCryptoHasher', () => {
  const data = new Uint8Array(randomBytes(300_001));

  for (const algorithm of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'] as const) {
    it(`hashes ${algorithm} natively in one call, whatever the chunking`, async () => {
      const { crypto, calls } = countingCrypto();
      const h = webCryptoHasher(crypto)(algorithm);
      for (const part of chunked(data, [1, 63, 64, 65, 4096, 77_777])) h.update(part);
      expect(await finishDigest(h)).toEqual(expected(algorithm, data));
      expect(calls).toEqual([data.length]);
    });
  }

  it('gives the same answer synchronously (pure JS) as natively', async () => {
    const factory = webCryptoHasher(globalThis.crypto);
    const a = factory('SHA-256').update(data);
    const b = factory('SHA-256').update(data);
    expect(a.digest()).toEqual(await b.digestAsync!());
  });

  it('keeps a clone independent of the original (the shared prefix of byte ranges)', async () => {
    const { crypto, calls } = countingCrypto();
    const prefix = data.subarray(0, 1000);
    const h = webCryptoHasher(crypto)('SHA-256').update(prefix);
    const copy = h.clone();
    h.update(data.subarray(1000, 2000));
    copy.update(data.subarray(5000, 6000));
    const [a, b] = await Promise.all([finishDigest(h), finishDigest(copy)]);
    expect(a).toEqual(expected('SHA-256', data.subarray(0, 2000)));
    expect(b).toEqual(expected('SHA-256', prefix, data.subarray(5000, 6000)));
    expect(calls).toEqual([2000, 2000]);
  });

  it('holds its own copy: a caller reusing its buffer does not change the digest', async () => {
    const buffer = data.slice(0, 4096);
    const h = webCryptoHasher(globalThis.crypto)('SHA-256').update(buffer);
    buffer.fill(0);
    expect(await finishDigest(h)).toEqual(expected('SHA-256', data.subarray(0, 4096)));
  });

  it('streams through pure JS past its buffer limit, clones included', async () => {
    const { crypto, calls } = countingCrypto();
    const h = webCryptoHasher(crypto, { bufferLimit: 1000 })('SHA-512');
    h.update(data.subarray(0, 600));
    const early = h.clone();
    h.update(data.subarray(600, 1200));
    const late = h.clone();
    late.update(data.subarray(1200, 1300));
    early.update(data.subarray(600, 900));
    expect(await finishDigest(h)).toEqual(expected('SHA-512', data.subarray(0, 1200)));
    expect(await finishDigest(late)).toEqual(expected('SHA-512', data.subarray(0, 1300)));
    expect(await finishDigest(early)).toEqual(expected('SHA-512', data.subarray(0, 900)));
    // only `early` (900 bytes) stayed under the limit
    expect(calls).toEqual([900]);
  });

  it('hashes algorithms WebCrypto lacks with pure JS', async () => {
    const { crypto, calls } = countingCrypto();
    for (const algorithm of ['SHA-224', 'SHA3-256'] as const) {
      const h = webCryptoHasher(crypto)(algorithm).update(data);
      expect(await finishDigest(h)).toEqual(expected(algorithm, data));
    }
    expect(calls).toEqual([]);
  });

  it('hashes nothing as the empty string does', async () => {
    expect(await finishDigest(webCryptoHasher(globalThis.crypto)('SHA-256'))).toEqual(expected('SHA-256'));
  });

  it('is the default hasher of a provider, and finishDigest takes a synchronous hasher too', async () => {
    expect(resolveProvider().hasher('SHA-256').digestAsync).toBeTypeOf('function');
    expect(await finishDigest(nobleHasher('SHA-384').update(data))).toEqual(expected('SHA-384', data));
  });
});
