import type { CryptoProvider } from '../crypto/provider.js';
import type { Certificate } from '../x509/certificate.js';
import type { RevocationQuery, RevocationStatus } from './types.js';

/** Evidence to embed (a PDF DSS, B-LT): DER, as it was used. */
export interface RevocationEvidence {
  ocspResponses: Uint8Array[];
  crls: Uint8Array[];
  certificates: Uint8Array[];
}

/** What one OCSP response or CRL says about the certificate in question, once found usable. */
export interface Answer {
  status: RevocationStatus;
  source: 'ocsp' | 'crl';
  /** producedAt of the OCSP response, thisUpdate of the CRL. */
  checkedAt: Date;
  revocationTime?: Date;
  reason?: string;
  /** English, one clause. */
  detail: string;
  evidence: RevocationEvidence;
}

/**
 * The outcome of judging one piece of evidence. `concerns: false` marks evidence about other
 * certificates (a DSS holds answers for a whole chain): not a failure worth reporting one by one.
 */
export type Evaluation =
  | { usable: true; answer: Answer }
  | { usable: false; problem: string; concerns: boolean };

export interface EvaluationContext {
  query: RevocationQuery;
  /** The validation time (options.now): nothing from after it (with skew) is used. */
  now: Date;
  provider: CryptoProvider;
  /** Certificates carried with the document, where a delegated OCSP responder may be found. */
  pool: readonly Certificate[];
}

export const iso = (d: Date): string => d.toISOString();

/** Revoked before "good", "good" before "unknown": a definitive revocation is never outvoted. */
export function rank(status: RevocationStatus): number {
  return status === 'revoked' ? 0 : status === 'good' ? 1 : 2;
}
