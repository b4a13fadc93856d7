import { createHash, randomBytes } from 'node:crypto';
import type { HashAlg } from '@kyso/core';

const NODE_HASH: Record<HashAlg, string> = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

function mgf1(hash: HashAlg, seed: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  const counter = Buffer.alloc(4);
  for (let at = 0, i = 0; at < length; i++) {
    counter.writeUInt32BE(i);
    const block = createHash(NODE_HASH[hash]).update(seed).update(counter).digest();
    at += block.copy(out, at);
  }
  return out;
}

/**
 * EMSA-PSS-ENCODE (RFC 8017 §9.1.1) of an already computed message digest, MGF1 with the same hash
 * and a salt as long as the hash: Node signs PSS only over the message, while a signing service is
 * given the digest. The result, raised with the raw RSA private operation, is the RSASSA-PSS signature.
 */
export function emsaPssEncode(hash: HashAlg, digest: Uint8Array, modulusBits: number): Buffer {
  const hLen = digest.length;
  const emBits = modulusBits - 1;
  const emLen = Math.ceil(emBits / 8);
  const salt = randomBytes(hLen);
  const h = createHash(NODE_HASH[hash]).update(Buffer.alloc(8)).update(digest).update(salt).digest();
  const db = Buffer.concat([Buffer.alloc(emLen - 2 * hLen - 2), Buffer.from([1]), salt]);
  const mask = mgf1(hash, h, db.length);
  for (let i = 0; i < db.length; i++) db[i] = db[i]! ^ mask[i]!;
  db[0] = db[0]! & (0xff >> (8 * emLen - emBits));
  const em = Buffer.concat([db, h, Buffer.from([0xbc])]);
  // as long as the modulus for the raw operation
  return Buffer.concat([Buffer.alloc(Math.ceil(modulusBits / 8) - em.length), em]);
}
