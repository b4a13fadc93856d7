import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import type { HashName } from '../keys/key-spec.js';

/** Synchronous digests (the responders hash a few small values per request). */
export function digest(hash: HashName, data: Uint8Array): Uint8Array {
  switch (hash) {
    case 'SHA-1':
      return sha1(data);
    case 'SHA-256':
      return sha256(data);
    case 'SHA-384':
      return sha384(data);
    case 'SHA-512':
      return sha512(data);
  }
}
