import { compareBytes, concat, utf8 } from '../bytes/bytes.js';
import { encodeOid } from './oid.js';

/** DER encoders: each returns the complete element. Sets are sorted, lengths minimal. */

function lengthOctets(n: number): Uint8Array {
  if (n < 0x80) return new Uint8Array([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return new Uint8Array([0x80 | bytes.length, ...bytes]);
}

/** An element with a one-byte identifier (class, constructed bit and tag number < 31). */
export function tlv(identifier: number, content: Uint8Array): Uint8Array {
  return concat(new Uint8Array([identifier]), lengthOctets(content.length), content);
}

export const seq = (...items: Uint8Array[]): Uint8Array => tlv(0x30, concat(...items));

/** SET OF in DER order (X.690 §11.6). */
export const set = (...items: Uint8Array[]): Uint8Array =>
  tlv(0x31, concat(...[...items].sort(compareBytes)));

/** INTEGER from a non-negative bigint, or from unsigned magnitude bytes (0x00 prefixed when needed). */
export function int(value: bigint | number | Uint8Array): Uint8Array {
  if (value instanceof Uint8Array) {
    let start = 0;
    while (start < value.length - 1 && value[start] === 0) start++;
    const mag = value.subarray(start);
    return tlv(0x02, mag[0]! & 0x80 ? concat(new Uint8Array([0]), mag) : mag.slice());
  }
  let v = BigInt(value);
  if (v < 0n) throw new RangeError('kyso writes no negative INTEGER');
  const bytes: number[] = [];
  do {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  } while (v > 0n);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return tlv(0x02, new Uint8Array(bytes));
}

/** INTEGER content copied as written (serial numbers are never re-encoded). */
export const intRaw = (content: Uint8Array): Uint8Array => tlv(0x02, content);
export const oid = (dotted: string): Uint8Array => tlv(0x06, encodeOid(dotted));
export const nul = (): Uint8Array => new Uint8Array([0x05, 0x00]);
export const bool = (value: boolean): Uint8Array => new Uint8Array([0x01, 0x01, value ? 0xff : 0x00]);
export const octets = (bytes: Uint8Array): Uint8Array => tlv(0x04, bytes);
export const bits = (bytes: Uint8Array, unusedBits = 0): Uint8Array =>
  tlv(0x03, concat(new Uint8Array([unusedBits]), bytes));
export const utf8String = (s: string): Uint8Array => tlv(0x0c, utf8.encode(s));
export const printable = (s: string): Uint8Array => tlv(0x13, utf8.encode(s));
export const ia5 = (s: string): Uint8Array => tlv(0x16, utf8.encode(s));
export const enumerated = (n: number): Uint8Array => {
  const i = int(n);
  i[0] = 0x0a;
  return i;
};

/** [n] EXPLICIT: a constructed context-specific wrapper. */
export const explicit = (n: number, ...items: Uint8Array[]): Uint8Array => tlv(0xa0 | n, concat(...items));
/** [n] IMPLICIT over a primitive (the content octets of the underlying type). */
export const implicitPrimitive = (n: number, content: Uint8Array): Uint8Array => tlv(0x80 | n, content);
/** [n] IMPLICIT over a constructed type (its content octets). */
export const implicitConstructed = (n: number, ...items: Uint8Array[]): Uint8Array =>
  tlv(0xa0 | n, concat(...items));

/** Replaces the identifier octet of an encoded element (IMPLICIT re-tagging of an encoded value). */
export function retag(element: Uint8Array, identifier: number): Uint8Array {
  const out = element.slice();
  out[0] = identifier;
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function timeDigits(d: Date): string {
  return `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** GeneralizedTime, whole seconds, Z (DER and RFC 5280). */
export const generalizedTime = (d: Date): Uint8Array =>
  tlv(0x18, utf8.encode(`${d.getUTCFullYear()}${timeDigits(d)}Z`));
export const utcTime = (d: Date): Uint8Array =>
  tlv(0x17, utf8.encode(`${pad(d.getUTCFullYear() % 100)}${timeDigits(d)}Z`));
/** RFC 5280 Time: UTCTime through 2049, GeneralizedTime after. */
export const x509Time = (d: Date): Uint8Array =>
  d.getUTCFullYear() < 2050 ? utcTime(d) : generalizedTime(d);
