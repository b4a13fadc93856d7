import { DecryptionFailed, invalidPkcs12 } from './errors.js';

/**
 * A 64-bit block cipher (DES, 3DES, RC2) and CBC over it. WebCrypto has none of these, yet
 * PKCS#12 files written by Windows, Java and OpenSSL's `-legacy` still use them; only decryption is
 * needed by kyso, encryption is kept because the known-answer tests are written that way.
 */
export interface BlockCipher {
  readonly blockSize: 8;
  encryptBlock(input: Uint8Array, output: Uint8Array): void;
  decryptBlock(input: Uint8Array, output: Uint8Array): void;
}

/** CBC decryption; the padding is left in place (see removePadding). */
export function cbcDecrypt(cipher: BlockCipher, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const n = cipher.blockSize;
  if (iv.length !== n) throw new RangeError(`CBC: the IV must be ${n} bytes`);
  if (data.length % n !== 0) throw new RangeError('CBC: the ciphertext is not a whole number of blocks');
  const out = new Uint8Array(data.length);
  const block = new Uint8Array(n);
  let previous = iv;
  for (let at = 0; at < data.length; at += n) {
    const c = data.subarray(at, at + n);
    cipher.decryptBlock(c, block);
    for (let i = 0; i < n; i++) out[at + i] = block[i]! ^ previous[i]!;
    previous = c;
  }
  return out;
}

/** CBC encryption of already padded data. */
export function cbcEncrypt(cipher: BlockCipher, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const n = cipher.blockSize;
  if (iv.length !== n) throw new RangeError(`CBC: the IV must be ${n} bytes`);
  if (data.length % n !== 0) throw new RangeError('CBC: the plaintext is not a whole number of blocks');
  const out = new Uint8Array(data.length);
  const block = new Uint8Array(n);
  let previous: Uint8Array = iv;
  for (let at = 0; at < data.length; at += n) {
    for (let i = 0; i < n; i++) block[i] = data[at + i]! ^ previous[i]!;
    cipher.encryptBlock(block, out.subarray(at, at + n));
    previous = out.subarray(at, at + n);
  }
  return out;
}

/**
 * Strips PKCS#7 padding (RFC 5652 §6.3); undefined when it is malformed, which with a password-based
 * cipher is the usual sign of a wrong password.
 */
export function removePadding(data: Uint8Array, blockSize: number): Uint8Array | undefined {
  const pad = data.at(-1);
  if (pad === undefined || pad === 0 || pad > blockSize || pad > data.length) return undefined;
  for (let i = data.length - pad; i < data.length; i++) if (data[i] !== pad) return undefined;
  return data.subarray(0, data.length - pad);
}

/** Adds PKCS#7 padding. */
export function addPadding(data: Uint8Array, blockSize: number): Uint8Array {
  const pad = blockSize - (data.length % blockSize);
  const out = new Uint8Array(data.length + pad);
  out.set(data);
  out.fill(pad, data.length);
  return out;
}

/** CBC with one of the pure-JS 64-bit ciphers, then PKCS#7 padding. */
export function decryptCbc8(cipher: BlockCipher, ivBytes: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length === 0 || data.length % 8 !== 0)
    throw invalidPkcs12(`encrypted data of ${data.length} bytes is not whole 8-byte blocks`);
  const plain = removePadding(cbcDecrypt(cipher, ivBytes, data), 8);
  if (!plain) throw new DecryptionFailed('bad padding');
  return plain;
}
