import { utf8 } from '../bytes/bytes.js';
import { type Asn1, Asn1Error, contentOf, describe, TAG } from './node.js';
import { decodeOid } from './oid.js';
import { children } from './reader.js';

function expect(node: Asn1, tag: number, what: string): void {
  if (node.cls !== 0 || node.tag !== tag) throw new Asn1Error(`${what}: found ${describe(node)}`, node.start);
}

/** INTEGER as a bigint (two's complement). */
export function readInteger(node: Asn1, what = 'INTEGER'): bigint {
  const bytes = readIntegerBytes(node, what);
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  if (bytes[0]! & 0x80) v -= 1n << BigInt(bytes.length * 8);
  return v;
}

/** INTEGER (or ENUMERATED) content octets as written: serial numbers are compared as bytes. */
export function readIntegerBytes(node: Asn1, what = 'INTEGER'): Uint8Array {
  if (!(node.cls === 0 && (node.tag === TAG.INTEGER || node.tag === TAG.ENUMERATED)) && node.cls !== 2) {
    throw new Asn1Error(`${what}: found ${describe(node)}`, node.start);
  }
  const c = contentOf(node);
  if (c.length === 0) throw new Asn1Error(`${what}: empty`, node.start);
  return c;
}

export function readSmallInteger(node: Asn1, what = 'INTEGER'): number {
  const v = readInteger(node, what);
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER))
    throw new Asn1Error(`${what}: too large`, node.start);
  return Number(v);
}

export function readOid(node: Asn1, what = 'OBJECT IDENTIFIER'): string {
  expect(node, TAG.OID, what);
  try {
    return decodeOid(contentOf(node));
  } catch (e) {
    throw new Asn1Error(`${what}: ${(e as Error).message}`, node.start);
  }
}

export function readBoolean(node: Asn1, what = 'BOOLEAN'): boolean {
  expect(node, TAG.BOOLEAN, what);
  const c = contentOf(node);
  if (c.length !== 1) throw new Asn1Error(`${what}: bad length`, node.start);
  return c[0] !== 0;
}

export function readNull(node: Asn1, what = 'NULL'): null {
  expect(node, TAG.NULL, what);
  if (node.contentEnd !== node.contentStart) throw new Asn1Error(`${what}: not empty`, node.start);
  return null;
}

/**
 * OCTET STRING content. BER allows a constructed string of pieces; it is joined (DER checks, where a
 * signature depends on them, are separate: see der-check.ts).
 */
export function readOctets(node: Asn1, what = 'OCTET STRING', tag: number = TAG.OCTET_STRING): Uint8Array {
  if (node.cls === 0) expect(node, tag, what);
  if (!node.constructed) return contentOf(node);
  const parts = children(node).map((c) => readOctets(c, what, tag));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface BitString {
  unusedBits: number;
  bytes: Uint8Array;
}

export function readBitString(node: Asn1, what = 'BIT STRING'): BitString {
  expect(node, TAG.BIT_STRING, what);
  if (node.constructed) throw new Asn1Error(`${what}: constructed BIT STRING is not supported`, node.start);
  const c = contentOf(node);
  if (c.length === 0 || c[0]! > 7 || (c.length === 1 && c[0] !== 0))
    throw new Asn1Error(`${what}: bad unused-bits octet`, node.start);
  return { unusedBits: c[0]!, bytes: c.subarray(1) };
}

/** Named bits of a BIT STRING (bit 0 is the most significant bit of the first byte). */
export function readNamedBits(node: Asn1, what = 'BIT STRING'): Set<number> {
  const { bytes } = readBitString(node, what);
  const bits = new Set<number>();
  for (let i = 0; i < bytes.length * 8; i++) if (bytes[i >> 3]! & (0x80 >> (i & 7))) bits.add(i);
  return bits;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** Any ASN.1 character string, decoded to a JS string (NFC is left to callers that compare). */
export function readString(node: Asn1, what = 'string'): string {
  if (node.cls !== 0) throw new Asn1Error(`${what}: found ${describe(node)}`, node.start);
  const c = readOctets(node, what, node.tag);
  switch (node.tag) {
    case TAG.UTF8_STRING:
      try {
        return utf8.decode(c);
      } catch {
        throw new Asn1Error(`${what}: invalid UTF-8`, node.start);
      }
    case TAG.PRINTABLE_STRING:
    case TAG.IA5_STRING:
    case TAG.NUMERIC_STRING:
    case TAG.VISIBLE_STRING:
    case TAG.TELETEX_STRING: // T.61 in theory; Latin-1 in practice
      return latin1(c);
    case TAG.BMP_STRING: {
      if (c.length % 2) throw new Asn1Error(`${what}: odd BMPString length`, node.start);
      let s = '';
      for (let i = 0; i < c.length; i += 2) s += String.fromCharCode((c[i]! << 8) | c[i + 1]!);
      return s;
    }
    case TAG.UNIVERSAL_STRING: {
      if (c.length % 4) throw new Asn1Error(`${what}: bad UniversalString length`, node.start);
      let s = '';
      for (let i = 0; i < c.length; i += 4)
        s += String.fromCodePoint(((c[i]! << 24) | (c[i + 1]! << 16) | (c[i + 2]! << 8) | c[i + 3]!) >>> 0);
      return s;
    }
    default:
      throw new Asn1Error(`${what}: ${describe(node)} is not a string`, node.start);
  }
}

const TIME = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{4})?$/;

/** UTCTime or GeneralizedTime as a Date (UTCTime years 50–99 are 19xx, RFC 5280 §4.1.2.5.1). */
export function readTime(node: Asn1, what = 'time'): Date {
  if (node.cls !== 0 || (node.tag !== TAG.UTC_TIME && node.tag !== TAG.GENERALIZED_TIME)) {
    throw new Asn1Error(`${what}: found ${describe(node)}`, node.start);
  }
  const text = latin1(contentOf(node));
  const m = TIME.exec(text);
  const utc = node.tag === TAG.UTC_TIME;
  if (!m || (utc ? m[1]!.length !== 2 : m[1]!.length !== 4) || (utc && m[7]))
    throw new Asn1Error(`${what}: malformed "${text}"`, node.start);
  let year = Number(m[1]);
  if (utc) year += year < 50 ? 2000 : 1900;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  let t = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), ms);
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    t -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60_000;
  }
  if (Number.isNaN(t)) throw new Asn1Error(`${what}: invalid date "${text}"`, node.start);
  return new Date(t);
}
