import type { CryptoProvider } from '../crypto/provider.js';
import type { Certificate } from '../x509/certificate.js';
import type { RevocationTransport } from './transport.js';

/** How revocation is established (DESIGN.md): embedded evidence first, then the network. */
export type RevocationMode = 'online' | 'embedded' | 'off';

export type RevocationStatus = 'good' | 'revoked' | 'unknown';

/** Is `certificate` (issued by `issuer`) revoked at `time`? */
export interface RevocationQuery {
  certificate: Certificate;
  issuer: Certificate;
  time: Date;
  /**
   * The issuer's own chain beyond it (its issuer first, toward the anchor), when the caller knows it:
   * handed to the transport, so a proxy can see that a trusted CA named the responder.
   */
  issuerChain?: readonly Certificate[];
}

export interface RevocationResult {
  status: RevocationStatus;
  /** Where the answer came from (absent when status is unknown). */
  source?: 'ocsp' | 'crl';
  /** True when the evidence was embedded (a PDF's DSS, a CMS), false when fetched. */
  embedded?: boolean;
  /** producedAt of the OCSP response or thisUpdate of the CRL used. */
  checkedAt?: Date;
  revocationTime?: Date;
  /** CRLReason name (keyCompromise…), when given. */
  reason?: string;
  /**
   * Unknown because nothing could be obtained (servers down, no URL, no embedded data):
   * the ETSI TRY_LATER case. Unknown without this flag means a responder said "unknown".
   */
  unavailable?: boolean;
  /** The evidence used, DER, for embedding in a DSS (B-LT). */
  evidence?: { ocspResponses: Uint8Array[]; crls: Uint8Array[]; certificates: Uint8Array[] };
  /** English detail for reports and logs. */
  detail?: string;
}

export interface RevocationChecker {
  check(query: RevocationQuery, options?: { signal?: AbortSignal }): Promise<RevocationResult>;
}

export interface RevocationOptions {
  mode: RevocationMode;
  /** Evidence carried with the document: DER OCSPResponse or BasicOCSPResponse, DER CRLs, certificates. */
  embedded?: { ocspResponses?: Uint8Array[]; crls?: Uint8Array[]; certificates?: Uint8Array[] };
  /** The injected fetch; `online` without it uses the runtime's. */
  fetch?: typeof globalThis.fetch;
  /**
   * How OCSP requests and CRL downloads travel over `fetch`: straight to the responder by default;
   * `revocationService(url)` sends them through kyso's signing service (browsers, which most
   * responders do not serve for want of CORS).
   */
  transport?: RevocationTransport;
  provider?: Partial<CryptoProvider>;
  /** Per request (10 s by default). */
  timeoutMs?: number;
  /** Largest response accepted (10 MiB by default). */
  maxResponseBytes?: number;
  /** The validation time: evidence from after it is not used. Now by default. */
  now?: Date;
}
