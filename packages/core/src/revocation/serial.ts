import { equalBytes } from '../bytes/bytes.js';

/**
 * INTEGER content octets in their minimal two's-complement form: a serial written with a redundant
 * leading 00 (BER, or a careless CA) still names the same certificate, but 00 80 (128) and 80 (−128)
 * stay different.
 */
function minimal(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (
    i < bytes.length - 1 &&
    ((bytes[i] === 0x00 && !(bytes[i + 1]! & 0x80)) || (bytes[i] === 0xff && bytes[i + 1]! & 0x80))
  )
    i++;
  return bytes.subarray(i);
}

/** Do two serial numbers (INTEGER content octets) have the same value? */
export function sameSerial(a: Uint8Array, b: Uint8Array): boolean {
  return equalBytes(minimal(a), minimal(b));
}
