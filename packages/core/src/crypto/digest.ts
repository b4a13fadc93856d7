import { sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { sha3_256, sha3_384, sha3_512, shake256 } from '@noble/hashes/sha3.js';
import { own } from '../bytes/bytes.js';
import { OID } from '../oids.js';

/** Hashes kyso signs with (DESIGN.md). */
export type HashAlg = 'SHA-256' | 'SHA-384' | 'SHA-512';

/** Every digest kyso can verify with: SHA-1 only under the weak-algorithm policy. */
export type DigestAlgorithm =
  | 'SHA-1'
  | 'SHA-224'
  | HashAlg
  | 'SHA3-256'
  | 'SHA3-384'
  | 'SHA3-512'
  | 'SHAKE256';

/** An incremental hash whose state can be copied (to hash a shared prefix of byte ranges once). */
export interface Hasher {
  update(data: Uint8Array): Hasher;
  digest(): Uint8Array;
  /** The digest computed natively off the main loop, when the hasher can (WebCrypto's). */
  digestAsync?(): Promise<Uint8Array>;
  clone(): Hasher;
}

export type HasherFactory = (algorithm: DigestAlgorithm) => Hasher;

const OIDS: Record<DigestAlgorithm, string> = {
  'SHA-1': OID.sha1,
  'SHA-224': OID.sha224,
  'SHA-256': OID.sha256,
  'SHA-384': OID.sha384,
  'SHA-512': OID.sha512,
  'SHA3-256': OID.sha3_256,
  'SHA3-384': OID.sha3_384,
  'SHA3-512': OID.sha3_512,
  SHAKE256: OID.shake256,
};

export const DIGEST_LENGTH: Record<DigestAlgorithm, number> = {
  'SHA-1': 20,
  'SHA-224': 28,
  'SHA-256': 32,
  'SHA-384': 48,
  'SHA-512': 64,
  'SHA3-256': 32,
  'SHA3-384': 48,
  'SHA3-512': 64,
  // as used with Ed448 (RFC 8419): 512 bits of output
  SHAKE256: 64,
};

export function digestOid(algorithm: DigestAlgorithm): string {
  return OIDS[algorithm];
}

export function digestFromOid(oid: string): DigestAlgorithm | undefined {
  if (oid === OID.shake256Len) return 'SHAKE256';
  return (Object.keys(OIDS) as DigestAlgorithm[]).find((k) => OIDS[k] === oid);
}

type Noble = { update(d: Uint8Array): Noble; digest(): Uint8Array; clone(): Noble };

function nobleFor(algorithm: DigestAlgorithm): Noble {
  switch (algorithm) {
    case 'SHA-1':
      return sha1.create() as unknown as Noble;
    case 'SHA-224':
      return sha224.create() as unknown as Noble;
    case 'SHA-256':
      return sha256.create() as unknown as Noble;
    case 'SHA-384':
      return sha384.create() as unknown as Noble;
    case 'SHA-512':
      return sha512.create() as unknown as Noble;
    case 'SHA3-256':
      return sha3_256.create() as unknown as Noble;
    case 'SHA3-384':
      return sha3_384.create() as unknown as Noble;
    case 'SHA3-512':
      return sha3_512.create() as unknown as Noble;
    case 'SHAKE256':
      return shake256.create({ dkLen: 64 }) as unknown as Noble;
  }
}

function wrap(n: Noble): Hasher {
  return {
    update(data) {
      n.update(data);
      return this;
    },
    digest: () => n.digest(),
    clone: () => wrap(n.clone()),
  };
}

/** Pure-JS incremental hashing, for browsers (Node can inject a faster native factory). */
export const nobleHasher: HasherFactory = (algorithm) => wrap(nobleFor(algorithm));

const WEBCRYPTO_DIGESTS = new Set<DigestAlgorithm>(['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']);

/** One-shot digest: WebCrypto where it can, pure JS for the rest (SHA-224, SHA-3, SHAKE256). */
export async function digest(
  algorithm: DigestAlgorithm,
  data: Uint8Array,
  crypto: Crypto = globalThis.crypto,
): Promise<Uint8Array> {
  if (WEBCRYPTO_DIGESTS.has(algorithm) && crypto?.subtle) {
    return new Uint8Array(await crypto.subtle.digest(algorithm, own(data)));
  }
  return nobleHasher(algorithm).update(data).digest();
}

/** Synchronous digest (small inputs: names, keys, certificates). */
export function digestSync(algorithm: DigestAlgorithm, data: Uint8Array): Uint8Array {
  return nobleHasher(algorithm).update(data).digest();
}
