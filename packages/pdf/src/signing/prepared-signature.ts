import { KysoError } from '@kyso/core';
import type { SubFilter } from './signature-dictionary.js';

/**
 * DESIGN.md's state between prepare and finish: versioned, JSON, never the document. The prepared
 * file (input plus the appended update with a zero-filled /Contents) stays with the caller, and its
 * SHA-256 here lets finish refuse a file that is not the one prepared.
 */
export interface PreparedSignature {
  version: 1;
  subFilter: SubFilter;
  /** [0, contentsStart, contentsEnd, rest]: everything but the /Contents hex string, including its < >. */
  byteRange: [number, number, number, number];
  /** File offset of the first hex digit inside /Contents' "<". */
  contentsOffset: number;
  /** Hex digits available (twice the CMS capacity in bytes). */
  contentsLength: number;
  /** base64 DER signed attributes (empty for a document time-stamp). */
  signedAttributes: string;
  hash: 'SHA-256' | 'SHA-384' | 'SHA-512';
  scheme: 'RSASSA-PKCS1-v1_5' | 'RSASSA-PSS' | 'ECDSA';
  /** SHA-256 of the signer certificate, uppercase hex. */
  signerCertificateSha256: string;
  /** SHA-256 of the whole prepared file, uppercase hex. */
  preparedFileSha256: string;
  createdAt: string;
}

/** Checks a state that came back through JSON; STATE_MISMATCH when it is not a PreparedSignature. */
export function assertPreparedSignature(value: unknown): PreparedSignature {
  const v = value as Partial<PreparedSignature> | null;
  const range = v?.byteRange;
  const ok =
    typeof v === 'object' &&
    v !== null &&
    v.version === 1 &&
    ['ETSI.CAdES.detached', 'adbe.pkcs7.detached', 'ETSI.RFC3161'].includes(v.subFilter ?? '') &&
    Array.isArray(range) &&
    range.length === 4 &&
    range.every((n) => Number.isSafeInteger(n) && n >= 0) &&
    range[0] === 0 &&
    typeof v.contentsOffset === 'number' &&
    typeof v.contentsLength === 'number' &&
    v.contentsOffset === range[1] + 1 &&
    range[1] + v.contentsLength + 2 === range[2] &&
    typeof v.signedAttributes === 'string' &&
    typeof v.preparedFileSha256 === 'string' &&
    /^[0-9A-F]{64}$/.test(v.preparedFileSha256) &&
    typeof v.signerCertificateSha256 === 'string' &&
    ['SHA-256', 'SHA-384', 'SHA-512'].includes(v.hash ?? '') &&
    ['RSASSA-PKCS1-v1_5', 'RSASSA-PSS', 'ECDSA'].includes(v.scheme ?? '') &&
    typeof v.createdAt === 'string';
  if (!ok) throw new KysoError('STATE_MISMATCH');
  return v as PreparedSignature;
}
