import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '../encoding/bytes.js';

/** A PKCS#12 password: BMPString (UTF-16BE) with a two-byte terminator (RFC 7292 §B.1). */
export function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const unit = password.charCodeAt(i);
    out[i * 2] = unit >> 8;
    out[i * 2 + 1] = unit & 0xff;
  }
  return out;
}

function repeatTo(source: Uint8Array, blockSize: number): Uint8Array {
  if (source.length === 0) return new Uint8Array(0);
  const out = new Uint8Array(blockSize * Math.ceil(source.length / blockSize));
  for (let i = 0; i < out.length; i++) out[i] = source[i % source.length]!;
  return out;
}

/**
 * The PKCS#12 key derivation of RFC 7292 §B.2 with SHA-256 (u = 32, v = 64). It derives the MAC key
 * (id 3); PBES2 does the encryption, so ids 1 and 2 are not needed here.
 */
export function pkcs12Kdf(
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  id: 1 | 2 | 3,
  length: number,
): Uint8Array {
  const u = 32;
  const v = 64;
  const d = new Uint8Array(v).fill(id);
  const i = concatBytes(repeatTo(salt, v), repeatTo(password, v));
  const blocks: Uint8Array[] = [];
  for (let produced = 0; produced < length; produced += u) {
    let a = sha256(concatBytes(d, i));
    for (let r = 1; r < iterations; r++) a = sha256(a);
    blocks.push(a);
    const b = repeatTo(a, v);
    // I_j = (I_j + B + 1) mod 2^(8v) for each v-byte block of I.
    for (let j = 0; j < i.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = i[j + k]! + b[k]! + carry;
        i[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return concatBytes(...blocks).subarray(0, length);
}
