import { createHash, type Hash } from 'node:crypto';
import { type DigestAlgorithm, type Hasher, type HasherFactory, nobleHasher } from '@kyso/core';

const NAMES: Partial<Record<DigestAlgorithm, string>> = {
  'SHA-1': 'sha1',
  'SHA-224': 'sha224',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
  'SHA3-256': 'sha3-256',
  'SHA3-384': 'sha3-384',
  'SHA3-512': 'sha3-512',
};

function wrap(h: Hash): Hasher {
  return {
    update(data) {
      h.update(data);
      return this;
    },
    digest: () => new Uint8Array(h.digest()),
    // Hash.copy() clones the state: a shared prefix of byte ranges is hashed once
    clone: () => wrap(h.copy()),
  };
}

/** Native (OpenSSL) incremental hashing for Node; what OpenSSL lacks falls back to pure JS. */
export const nodeHasher: HasherFactory = (algorithm) => {
  const name = NAMES[algorithm];
  return name ? wrap(createHash(name)) : nobleHasher(algorithm);
};
