import type { HashAlg, SigScheme } from '@kyso/core';

/** What was asked of the service. */
export type AuditAction =
  | 'credentials/list'
  | 'credentials/info'
  | 'credentials/authorize'
  | 'signatures/signHash'
  | 'sign-pdf'
  | 'tsa'
  | 'revocation'
  | 'authenticate'
  /** The local bridge: a pairing code shown, or tried (`code` given). */
  | 'bridge/pair'
  | 'bridge/unpair'
  /** The local bridge refused a request for its Host or Origin, before any work. */
  | 'bridge/refused';

/**
 * One line of the audit log. Built field by field from what the service did — never from request
 * bodies — so PINs, OTPs, SADs and key material have no way in.
 */
export interface AuditEvent {
  /** ISO 8601 UTC. */
  time: string;
  /** Correlates the lines of one request; also sent back as `x-request-id`. */
  requestId: string;
  action: AuditAction;
  /** `ok`; `refused` (the client's fault: bad PIN, unknown SAD, denied…); `error` (the service's or the key's). */
  outcome: 'ok' | 'refused' | 'error';
  principal?: string;
  credential?: string;
  /** Hex digests that were signed, or that a SAD was bound to. */
  digests?: string[];
  hash?: HashAlg;
  scheme?: SigScheme;
  /** Signatures a SAD allows (authorize) or that were made (signHash, sign-pdf). */
  count?: number;
  /** The kyso error code when the outcome is not ok. */
  code?: string;
  status?: number;
  durationMs?: number;
  /** Bytes received: the document (sign-pdf), the query (tsa); bytes fetched (revocation). */
  bytes?: number;
  /** tsa: the configured TSA's name (never its URL or credentials). */
  tsa?: string;
  /** revocation: the OCSP or CRL URL asked for, without query. */
  url?: string;
  /** revocation: redirects followed. */
  redirects?: number;
  /** The local bridge: the page's Origin (a paired origin is also the principal). */
  origin?: string;
  /** The local bridge: the Host header of a refused request. */
  host?: string;
}

/** Where audit events go. Must not throw; a slow sink slows the service (it is awaited). */
export type AuditSink = (event: AuditEvent) => void | Promise<void>;
