import { der } from '../asn1/index.js';
import { concat, equalBytes } from '../bytes/bytes.js';
import { DIGEST_LENGTH, type DigestAlgorithm, digestOid, digestSync } from './digest.js';

/**
 * RSA signature verification in plain JavaScript (public-key operations only: no secret is
 * involved). WebCrypto binds an RSA key to one hash and knows neither SHA-3 nor a precomputed digest,
 * and verification must handle all of those; encode-and-compare avoids the parsing pitfalls of
 * PKCS#1 v1.5 (Bleichenbacher's 2006 forgery).
 */

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
  }
  return result;
}

function toBigInt(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function toBytes(v: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** RSAVP1: the encoded message inside a signature, or undefined if the signature is out of range. */
function open(n: bigint, e: bigint, signature: Uint8Array): Uint8Array | undefined {
  const k = Math.ceil(n.toString(2).length / 8);
  if (signature.length > k) return undefined;
  const s = toBigInt(signature);
  if (s >= n) return undefined;
  return toBytes(modPow(s, e, n), k);
}

/** RSASSA-PKCS1-v1_5 over a digest: the DigestInfo with NULL parameters, or without (both exist). */
export function verifyPkcs1(
  n: bigint,
  e: bigint,
  hash: DigestAlgorithm,
  digest: Uint8Array,
  signature: Uint8Array,
): boolean {
  const em = open(n, e, signature);
  if (!em) return false;
  const k = em.length;
  const candidates = [
    der.seq(der.seq(der.oid(digestOid(hash)), der.nul()), der.octets(digest)),
    der.seq(der.seq(der.oid(digestOid(hash))), der.octets(digest)),
  ];
  return candidates.some((t) => {
    if (k < t.length + 11) return false;
    const expected = concat(
      new Uint8Array([0, 1]),
      new Uint8Array(k - t.length - 3).fill(0xff),
      new Uint8Array([0]),
      t,
    );
    return equalBytes(em, expected);
  });
}

function mgf1(hash: DigestAlgorithm, seed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const h = DIGEST_LENGTH[hash];
  for (let counter = 0, at = 0; at < length; counter++, at += h) {
    const c = new Uint8Array([
      counter >>> 24,
      (counter >>> 16) & 0xff,
      (counter >>> 8) & 0xff,
      counter & 0xff,
    ]);
    out.set(digestSync(hash, concat(seed, c)).subarray(0, Math.min(h, length - at)), at);
  }
  return out;
}

/** EMSA-PSS-VERIFY (RFC 8017 §9.1.2) over a digest. */
export function verifyPss(
  n: bigint,
  e: bigint,
  params: { hash: DigestAlgorithm; mgfHash: DigestAlgorithm; saltLength: number },
  digest: Uint8Array,
  signature: Uint8Array,
): boolean {
  const full = open(n, e, signature);
  if (!full) return false;
  const modBits = n.toString(2).length;
  const emBits = modBits - 1;
  const emLen = Math.ceil(emBits / 8);
  if (full.length > emLen && full[0] !== 0) return false;
  const em = full.subarray(full.length - emLen);
  const hLen = DIGEST_LENGTH[params.hash];
  const sLen = params.saltLength;
  if (digest.length !== hLen || emLen < hLen + sLen + 2 || em[emLen - 1] !== 0xbc) return false;
  const maskedDb = em.subarray(0, emLen - hLen - 1);
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  const zeroBits = 8 * emLen - emBits;
  if (maskedDb[0]! & (0xff << (8 - zeroBits)) & 0xff) return false;
  const dbMask = mgf1(params.mgfHash, h, maskedDb.length);
  const db = maskedDb.map((b, i) => b ^ dbMask[i]!);
  db[0]! &= 0xff >>> zeroBits;
  const ps = emLen - hLen - sLen - 2;
  for (let i = 0; i < ps; i++) if (db[i] !== 0) return false;
  if (db[ps] !== 1) return false;
  const salt = db.subarray(db.length - sLen);
  const hPrime = digestSync(params.hash, concat(new Uint8Array(8), digest, salt));
  return equalBytes(h, hPrime);
}
