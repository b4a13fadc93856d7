import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import type { RsaPrivateKey } from './rsa-private-key.js';

/*
 * RSA decryption with bigints: WebCrypto decrypts only RSA-OAEP, while the PDF writers' CMS
 * recipients use RSAES-PKCS1-v1_5 almost always. JavaScript bigint arithmetic is not constant
 * time; the exponentiation is blinded with a random factor so its timing does not follow the
 * ciphertext. This decrypts a local file for its owner, so no padding oracle is exposed: the only
 * answer given is "this recipient does not open it".
 */

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return result;
}

function modInverse(a: bigint, m: bigint): bigint | undefined {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return oldR === 1n ? ((oldS % m) + m) % m : undefined;
}

function toBigint(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function toBytes(v: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = v;
  for (let i = size - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

function randomBelow(n: bigint, size: number): bigint {
  for (;;) {
    const r = toBigint(globalThis.crypto.getRandomValues(new Uint8Array(size))) % n;
    if (r > 1n && modInverse(r, n) !== undefined) return r;
  }
}

/** RSADP (RFC 8017 §5.1.2) by the CRT, blinded; the result is checked by re-encrypting it. */
function rsadp(key: RsaPrivateKey, ciphertext: Uint8Array): Uint8Array | undefined {
  if (ciphertext.length !== key.size) return undefined;
  const c = toBigint(ciphertext);
  if (c >= key.n) return undefined;
  const r = randomBelow(key.n, key.size);
  const blinded = (c * modPow(r, key.e, key.n)) % key.n;
  const m1 = modPow(blinded % key.p, key.dp, key.p);
  const m2 = modPow(blinded % key.q, key.dq, key.q);
  const h = (((m1 - m2) % key.p) + key.p) % key.p;
  const mb = m2 + key.q * ((key.qinv * h) % key.p);
  const m = (mb * modInverse(r, key.n)!) % key.n;
  // a fault in the CRT would leak the key: never return a result that does not re-encrypt
  if (modPow(m, key.e, key.n) !== c) return undefined;
  return toBytes(m, key.size);
}

/** RSAES-PKCS1-v1_5 decryption (RFC 8017 §7.2.2); undefined when the padding is not there. */
export function rsaDecryptPkcs1(key: RsaPrivateKey, ciphertext: Uint8Array): Uint8Array | undefined {
  const em = rsadp(key, ciphertext);
  if (em?.[0] !== 0 || em[1] !== 2) return undefined;
  const zero = em.indexOf(0, 2);
  if (zero < 10) return undefined;
  return em.subarray(zero + 1);
}

export type OaepHash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';
const HASHES = { 'SHA-1': sha1, 'SHA-256': sha256, 'SHA-384': sha384, 'SHA-512': sha512 };

function mgf1(hash: OaepHash, seed: Uint8Array, length: number): Uint8Array {
  const h = HASHES[hash];
  const out = new Uint8Array(length);
  for (let counter = 0, at = 0; at < length; counter++) {
    const block = new Uint8Array(seed.length + 4);
    block.set(seed);
    new DataView(block.buffer).setUint32(seed.length, counter);
    const digest = h(block);
    out.set(digest.subarray(0, Math.min(digest.length, length - at)), at);
    at += digest.length;
  }
  return out;
}

/** RSAES-OAEP decryption (RFC 8017 §7.1.2) with an empty label; undefined when it does not decode. */
export function rsaDecryptOaep(
  key: RsaPrivateKey,
  ciphertext: Uint8Array,
  hash: OaepHash,
  mgfHash: OaepHash,
): Uint8Array | undefined {
  const em = rsadp(key, ciphertext);
  const hLen = HASHES[hash](new Uint8Array(0)).length;
  if (!em || em.length < 2 * hLen + 2 || em[0] !== 0) return undefined;
  const maskedSeed = em.subarray(1, 1 + hLen);
  const maskedDb = em.subarray(1 + hLen);
  const seedMask = mgf1(mgfHash, maskedDb, hLen);
  const seed = maskedSeed.map((b, i) => b ^ seedMask[i]!);
  const dbMask = mgf1(mgfHash, seed, maskedDb.length);
  const db = maskedDb.map((b, i) => b ^ dbMask[i]!);
  const lHash = HASHES[hash](new Uint8Array(0));
  for (let i = 0; i < hLen; i++) if (db[i] !== lHash[i]) return undefined;
  const one = db.indexOf(1, hLen);
  if (one < 0 || db.subarray(hLen, one).some((b) => b !== 0)) return undefined;
  return db.subarray(one + 1);
}
