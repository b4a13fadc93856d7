import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { aesCbcEncryptBlocks, aesDecryptBlocks } from './aes.js';

/** What algorithms 2.A and 2.B (ISO 32000-2 §7.6.4.3.3–4) read from a revision 5/6 /Encrypt dictionary. */
export interface Aes256Params {
  /** 5: Adobe's extension level 3 (deprecated, a single SHA-256); 6: ISO 32000-2. */
  revision: 5 | 6;
  /** /O and /U: 32-byte hash, 8-byte validation salt, 8-byte key salt (48 bytes each). */
  owner: Uint8Array;
  user: Uint8Array;
  /** /OE and /UE: the file key encrypted with the owner's and the user's intermediate key. */
  ownerKey: Uint8Array;
  userKey: Uint8Array;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Algorithm 2.B: SHA-256, then at least 64 rounds of AES-128-CBC over 64 repetitions of
 * password ‖ K ‖ udata, each round hashed with SHA-256, -384 or -512 as the ciphertext decides.
 * Revision 5 stops after the first SHA-256.
 */
export function hardenedHash(
  revision: 5 | 6,
  password: Uint8Array,
  salt: Uint8Array,
  udata: Uint8Array,
): Uint8Array {
  let k = sha256(concat(password, salt, udata));
  if (revision === 5) return k;
  // rounds counted from 1: stop once 64 are done and E's last byte is at most (rounds - 32)
  for (let round = 1; ; round++) {
    const block = concat(password, k, udata);
    const k1 = new Uint8Array(block.length * 64);
    for (let i = 0; i < 64; i++) k1.set(block, i * block.length);
    const e = aesCbcEncryptBlocks(k.subarray(0, 16), k.subarray(16, 32), k1);
    // the first 16 bytes of E as a big-endian number, modulo 3 (256 ≡ 1 mod 3: the byte sum)
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i]!;
    const mod = sum % 3;
    k = mod === 0 ? sha256(e) : mod === 1 ? sha384(e) : sha512(e);
    if (round >= 64 && e[e.length - 1]! <= round - 32) break;
  }
  return k.subarray(0, 32);
}

function equal32(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length < 32 || b.length < 32) return false;
  let diff = 0;
  for (let i = 0; i < 32; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Algorithm 2.A: the file key when `password` is the owner or the user password, else undefined. */
export function aes256FileKey(password: Uint8Array, p: Aes256Params): Uint8Array | undefined {
  const u48 = p.user.subarray(0, 48);
  // owner: hashed with the 48 bytes of /U
  if (equal32(hardenedHash(p.revision, password, p.owner.subarray(32, 40), u48), p.owner)) {
    const key = hardenedHash(p.revision, password, p.owner.subarray(40, 48), u48);
    return aesDecryptBlocks(key, p.ownerKey.subarray(0, 32));
  }
  if (equal32(hardenedHash(p.revision, password, p.user.subarray(32, 40), new Uint8Array(0)), p.user)) {
    const key = hardenedHash(p.revision, password, p.user.subarray(40, 48), new Uint8Array(0));
    return aesDecryptBlocks(key, p.userKey.subarray(0, 32));
  }
  return undefined;
}
