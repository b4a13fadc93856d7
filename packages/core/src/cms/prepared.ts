import { fromBase64 } from '../bytes/bytes.js';
import type { HashAlg } from '../crypto/digest.js';
import { KysoError } from '../errors/kyso-error.js';
import type { SigScheme } from '../signers/signer.js';

/**
 * The state between prepare and finish (DESIGN.md): versioned, JSON, never the document. It carries
 * the DER signed attributes, so the signer can be anywhere (a token, a remote service) and finish
 * can check the returned signature value before anything is assembled.
 */
export interface PreparedCms {
  version: 1;
  /** base64 DER of the signed attributes (SET OF form: the bytes that are signed). */
  signedAttributes: string;
  hash: HashAlg;
  scheme: SigScheme;
  /** SHA-256 of the signer certificate, uppercase hex. */
  signerCertificateSha256: string;
  /** base64 digest of the signed content under `hash`. */
  contentDigest: string;
  /** ISO 8601 UTC. */
  createdAt: string;
}

const HASHES = new Set<string>(['SHA-256', 'SHA-384', 'SHA-512']);
const SCHEMES = new Set<string>(['RSASSA-PKCS1-v1_5', 'RSASSA-PSS', 'ECDSA']);

/** Checks a state that came back through JSON (from a browser, a queue…); STATE_MISMATCH if it is not one. */
export function assertPreparedCms(value: unknown): PreparedCms {
  const v = value as Partial<PreparedCms> | null;
  const ok =
    typeof v === 'object' &&
    v !== null &&
    v.version === 1 &&
    typeof v.signedAttributes === 'string' &&
    typeof v.contentDigest === 'string' &&
    typeof v.signerCertificateSha256 === 'string' &&
    /^[0-9A-F]{64}$/.test(v.signerCertificateSha256) &&
    typeof v.createdAt === 'string' &&
    HASHES.has(v.hash ?? '') &&
    SCHEMES.has(v.scheme ?? '');
  if (!ok) throw new KysoError('STATE_MISMATCH');
  try {
    fromBase64(v.signedAttributes!);
    fromBase64(v.contentDigest!);
  } catch (cause) {
    throw new KysoError('STATE_MISMATCH', { cause });
  }
  return v as PreparedCms;
}
