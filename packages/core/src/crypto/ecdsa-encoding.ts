import { Cursor, decode, der, derViolation, readIntegerBytes, TAG } from '../asn1/index.js';
import { concat } from '../bytes/bytes.js';

/** Curve size in bytes (r and s each). */
export function curveBytes(bits: number): number {
  return Math.ceil(bits / 8);
}

function fixed(int: Uint8Array, size: number): Uint8Array | undefined {
  let start = 0;
  while (start < int.length - 1 && int[start] === 0) start++;
  const v = int.subarray(start);
  if (v.length > size) return undefined;
  const out = new Uint8Array(size);
  out.set(v, size - v.length);
  return out;
}

/**
 * Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } → r‖s of the curve's size. Undefined when
 * the encoding is not strict DER or the values do not fit: a malleable signature encoding is refused.
 */
export function derToRaw(signature: Uint8Array, size: number): Uint8Array | undefined {
  try {
    const node = decode(signature);
    if (derViolation(node)) return undefined;
    const c = new Cursor(node, 'Ecdsa-Sig-Value');
    const r = readIntegerBytes(c.next(TAG.INTEGER));
    const s = readIntegerBytes(c.next(TAG.INTEGER));
    c.end();
    if (r[0]! & 0x80 || s[0]! & 0x80) return undefined;
    const rr = fixed(r, size);
    const ss = fixed(s, size);
    return rr && ss ? concat(rr, ss) : undefined;
  } catch {
    return undefined;
  }
}

/** r‖s (WebCrypto, PKCS#11) → DER, as CMS carries ECDSA signatures. */
export function rawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length % 2 !== 0 || raw.length === 0)
    throw new TypeError('raw ECDSA signature must be r‖s of equal halves');
  const half = raw.length / 2;
  return der.seq(der.int(raw.subarray(0, half)), der.int(raw.subarray(half)));
}
