import { cbc } from '@noble/ciphers/aes.js';

/*
 * AES through @noble/ciphers (audited, pure JS, browser-safe, Node >= 20.19): WebCrypto's AES-CBC
 * is async and rejects bad padding, while a PDF reader must decrypt objects synchronously as they
 * are parsed and tolerate the odd padding writers leave.
 */

const ZERO_IV = new Uint8Array(16);

/** PKCS#5 padding removed when it is well formed; otherwise the data is kept whole (lenient). */
function unpad(data: Uint8Array): Uint8Array {
  const pad = data.at(-1);
  if (pad === undefined || pad === 0 || pad > 16 || pad > data.length) return data;
  for (let i = data.length - pad; i < data.length; i++) if (data[i] !== pad) return data;
  return data.subarray(0, data.length - pad);
}

/**
 * A PDF string or stream encrypted with AESV2/AESV3 (§7.6.3.2): a 16-byte IV, then AES-CBC with
 * PKCS#5 padding. Too short data decrypts to nothing, a trailing partial block is ignored.
 */
export function aesCbcDecryptPdf(key: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length < 32) return new Uint8Array(0);
  const whole = 16 + Math.floor((data.length - 16) / 16) * 16;
  const plain = cbc(key, data.subarray(0, 16), { disablePadding: true }).decrypt(data.subarray(16, whole));
  return unpad(plain);
}

/** AES-CBC decryption with PKCS#7 padding checked strictly; undefined when it is malformed (a wrong key). */
export function aesCbcDecryptStrict(
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
): Uint8Array | undefined {
  if (data.length === 0 || data.length % 16 !== 0 || iv.length !== 16) return undefined;
  const plain = cbc(key, iv, { disablePadding: true }).decrypt(data);
  const unpadded = unpad(plain);
  return unpadded === plain ? undefined : unpadded;
}

/** AES-CBC encryption of whole blocks, no padding (algorithm 2.B's rounds). */
export function aesCbcEncryptBlocks(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  return cbc(key, iv, { disablePadding: true }).encrypt(data);
}

/** AES-256 decryption of whole blocks with a zero IV and no padding (/UE, /OE, /Perms). */
export function aesDecryptBlocks(key: Uint8Array, data: Uint8Array): Uint8Array {
  return cbc(key, ZERO_IV, { disablePadding: true }).decrypt(data);
}
