/**
 * One ASN.1 element read from BER/DER bytes. Offsets point into `source`, so the exact bytes of
 * anything signed (signed attributes, tbsCertificate, names) stay available: they are verified as
 * they were written, never re-encoded.
 */
export interface Asn1 {
  readonly source: Uint8Array;
  /** 0 universal, 1 application, 2 context-specific, 3 private */
  readonly cls: 0 | 1 | 2 | 3;
  readonly constructed: boolean;
  readonly tag: number;
  /** offset of the identifier octet */
  readonly start: number;
  /** offset of the first content octet */
  readonly contentStart: number;
  /** offset after the content (before the end-of-contents octets of an indefinite length) */
  readonly contentEnd: number;
  /** offset after the whole element */
  readonly end: number;
  readonly indefinite: boolean;
  /** the length octets use more bytes than needed (BER, not DER) */
  readonly nonMinimalLength: boolean;
}

/** Universal tags used by kyso. */
export const TAG = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  ENUMERATED: 10,
  UTF8_STRING: 12,
  SEQUENCE: 16,
  SET: 17,
  NUMERIC_STRING: 18,
  PRINTABLE_STRING: 19,
  TELETEX_STRING: 20,
  IA5_STRING: 22,
  UTC_TIME: 23,
  GENERALIZED_TIME: 24,
  VISIBLE_STRING: 26,
  UNIVERSAL_STRING: 28,
  BMP_STRING: 30,
} as const;

/** A malformed encoding, with the byte offset where it went wrong. */
export class Asn1Error extends Error {
  override readonly name = 'Asn1Error';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at byte ${offset})`);
  }
}

/** The whole element (identifier, length and content octets). */
export function bytesOf(node: Asn1): Uint8Array {
  return node.source.subarray(node.start, node.end);
}

/** The content octets. */
export function contentOf(node: Asn1): Uint8Array {
  return node.source.subarray(node.contentStart, node.contentEnd);
}

export function isUniversal(node: Asn1, tag: number): boolean {
  return node.cls === 0 && node.tag === tag;
}

export function isContext(node: Asn1, tag: number): boolean {
  return node.cls === 2 && node.tag === tag;
}

export function describe(node: Asn1): string {
  const cls = ['universal', 'application', 'context', 'private'][node.cls];
  return `${cls} ${node.tag}${node.constructed ? ' (constructed)' : ''}`;
}
