import type { Lang } from '../lang.js';
import type { Indication } from '../validation/indication.js';

/**
 * The verification report contract of DESIGN.md, shared by the CLI's --json, the components and
 * tests. Field names and meanings are API: change them only with DESIGN.md and the JSON Schema.
 */
export interface VerificationReport {
  status: 'valid' | 'invalid' | 'indeterminate' | 'unsigned';
  /** ISO 8601 UTC ('Z'). */
  validationTime: string;
  policy: {
    revocation: 'online' | 'embedded' | 'off';
    trustProfile?: string;
    trustAnchors: { subject: string; sha256: string }[];
    weakAlgorithms: 'reject' | 'accept';
  };
  generator: { name: 'kyso'; version: string };
  lang: Lang;
  revisions: number;
  warnings: Issue[];
  signatures: SignatureReport[];
}

export interface Issue {
  code: string;
  message: string;
}

export interface SignerInfoReport {
  commonName: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  organization?: string;
  title?: string;
  identifiers?: Record<string, string>;
}

export interface SignatureReport {
  field: string;
  kind: 'signature' | 'certification' | 'document-timestamp';
  subFilter: string;
  level: 'B-B' | 'B-T' | 'B-LT' | 'B-LTA' | null;
  algorithms: { digest: string; signature: string };
  signer: SignerInfoReport | null;
  claimedSigningTime?: string;
  timestamp?: { time: string; tsa: string; indication: Indication; subIndication?: string };
  atSigningTime: {
    time: string;
    basis: 'timestamp' | 'claimed';
    certificateValid: boolean;
    revocation: 'good' | 'revoked' | 'unknown';
  };
  byteRange: number[];
  coversRevision: number;
  coversWholeFile: boolean;
  modificationsAfter: 'none' | 'allowed' | 'disallowed';
  modifications: { revision: number; kind: string; objects: string[]; allowed: boolean }[];
  integrity: boolean;
  indication: Indication;
  subIndication?: string;
  status: 'valid' | 'invalid' | 'indeterminate';
  certificate: {
    notBefore: string;
    notAfter: string;
    chain: string[];
    trustAnchor?: { subject: string; sha256: string };
    revocation: {
      status: 'good' | 'revoked' | 'unknown';
      source?: 'ocsp' | 'crl';
      embedded: boolean;
      checkedAt?: string;
    };
  };
  errors: Issue[];
  warnings: Issue[];
}
