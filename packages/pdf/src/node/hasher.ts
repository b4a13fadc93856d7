import { createHash, type Hash, hash } from 'node:crypto';
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

/** Inputs this small are kept (copied) until a second update or the digest. */
const SMALL = 1024;

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

/**
 * A hash of one small input (a key-derivation round: the PKCS#12 KDF and MACs chain thousands) is
 * done by `crypto.hash` in one call, about twice as fast as a Hash object; anything longer, or a
 * second update, moves to a Hash object.
 */
function oneShotFirst(name: string, held?: Uint8Array): Hasher {
  let pending = held;
  let started: Hash | undefined;
  const object = () => {
    if (!started) {
      started = createHash(name);
      if (pending) started.update(pending);
      pending = undefined;
    }
    return started;
  };
  return {
    update(data) {
      if (!started && !pending && data.length <= SMALL) pending = data.slice();
      else object().update(data);
      return this;
    },
    digest: () =>
      new Uint8Array(started ? started.digest() : hash(name, pending ?? new Uint8Array(0), 'buffer')),
    clone: () => (started ? wrap(started.copy()) : oneShotFirst(name, pending)),
  };
}

/** Native (OpenSSL) incremental hashing for Node; what OpenSSL lacks falls back to pure JS. */
export const nodeHasher: HasherFactory = (algorithm) => {
  const name = NAMES[algorithm];
  return name ? oneShotFirst(name) : nobleHasher(algorithm);
};
