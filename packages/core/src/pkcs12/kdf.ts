import { sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import type { CHash } from '@noble/hashes/utils.js';
import type { DigestAlgorithm, HasherFactory } from '../crypto/digest.js';

/** Hashes the PKCS#12 key derivation and MAC are defined with here. */
export type Pkcs12Hash = Extract<DigestAlgorithm, 'SHA-1' | 'SHA-224' | 'SHA-256' | 'SHA-384' | 'SHA-512'>;

export const PKCS12_HASHES: Record<Pkcs12Hash, CHash> = {
  'SHA-1': sha1,
  'SHA-224': sha224,
  'SHA-256': sha256,
  'SHA-384': sha384,
  'SHA-512': sha512,
};

/** Purpose of a PKCS#12 derived key (RFC 7292 §B.3). */
export const KDF_ID = { key: 1, iv: 2, mac: 3 } as const;

/**
 * A password as the PKCS#12 KDF takes it: BMPString (UTF-16BE) with a two-zero-byte terminator
 * (RFC 7292 §B.1). PBES2, by contrast, takes UTF-8 (see pbes2.ts).
 */
export function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const unit = password.charCodeAt(i);
    out[i * 2] = unit >> 8;
    out[i * 2 + 1] = unit & 0xff;
  }
  return out;
}

/** `source` repeated to fill whole v-byte blocks (empty stays empty). */
function fill(source: Uint8Array, v: number): Uint8Array {
  if (source.length === 0) return source;
  const out = new Uint8Array(v * Math.ceil(source.length / v));
  for (let i = 0; i < out.length; i++) out[i] = source[i % source.length]!;
  return out;
}

/**
 * The PKCS#12 key derivation (RFC 7292 Appendix B.2) with any of the SHA-1/SHA-2 hashes: thousands
 * of chained hashes, so a native `hasher` (Node's) makes it several times faster than pure JS.
 */
export function pkcs12Kdf(
  hash: Pkcs12Hash,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  id: 1 | 2 | 3,
  length: number,
  hasher?: HasherFactory,
): Uint8Array {
  const noble = PKCS12_HASHES[hash];
  const h = hasher ? (data: Uint8Array) => hasher(hash).update(data).digest() : noble;
  const u = noble.outputLen;
  const v = noble.blockLen;
  const s = fill(salt, v);
  const p = fill(password, v);
  const i = new Uint8Array(s.length + p.length);
  i.set(s);
  i.set(p, s.length);
  const d = new Uint8Array(v).fill(id);
  const out = new Uint8Array(length);
  const input = new Uint8Array(v + i.length);
  const b = new Uint8Array(v);
  for (let produced = 0; produced < length; produced += u) {
    input.set(d);
    input.set(i, v);
    let a = h(input);
    for (let r = 1; r < iterations; r++) a = h(a);
    out.set(a.subarray(0, Math.min(u, length - produced)), produced);
    if (produced + u >= length) break;
    for (let k = 0; k < v; k++) b[k] = a[k % u]!;
    // I_j = (I_j + B + 1) mod 2^(8v), for each v-byte block I_j of I
    for (let j = 0; j < i.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = i[j + k]! + b[k]! + carry;
        i[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out;
}
