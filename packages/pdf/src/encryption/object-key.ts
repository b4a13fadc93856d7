import { md5 } from '@noble/hashes/legacy.js';

/**
 * Algorithm 1 (ISO 32000-2 §7.6.3.3): the key for one object of a revision 2–4 file, MD5 of the
 * file key, the object number (3 bytes) and generation (2 bytes), little-endian, and "sAlT" for
 * AES, cut to the file key length + 5 (at most 16).
 */
export function objectKey(fileKey: Uint8Array, num: number, gen: number, aes: boolean): Uint8Array {
  const h = md5.create();
  h.update(fileKey);
  h.update(
    Uint8Array.of(num & 0xff, (num >>> 8) & 0xff, (num >>> 16) & 0xff, gen & 0xff, (gen >>> 8) & 0xff),
  );
  if (aes) h.update(Uint8Array.of(0x73, 0x41, 0x6c, 0x54));
  return h.digest().subarray(0, Math.min(fileKey.length + 5, 16));
}
