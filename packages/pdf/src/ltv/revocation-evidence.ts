import {
  type Certificate,
  certificateSha256,
  equalBytes,
  formatName,
  parseCertificate,
  type RevocationChecker,
  type RevocationResult,
} from '@kyso/core';
import type { Chain } from './chain.js';
import type { ValidationData } from './dss-read.js';
import type { LeafRole } from './signature-material.js';

/** What a certificate was met as. */
export type CertificateRole = LeafRole | 'ca' | 'ocsp-responder';

/** The revocation status established for one certificate while gathering validation data. */
export interface CertificateStatus {
  subject: string;
  /** SHA-256 of the DER, uppercase hex. */
  sha256: string;
  role: CertificateRole;
  /**
   * `exempt` when no status is needed: a trust anchor or self-signed root, or an OCSP responder
   * certificate with id-pkix-ocsp-nocheck. `unknown` when it could not be established.
   */
  status: 'good' | 'revoked' | 'unknown' | 'exempt';
  source?: 'ocsp' | 'crl';
  /** The evidence was already in the document (its DSS or CMS) and still current. */
  embedded?: boolean;
  detail: string;
}

export interface EvidenceOptions {
  /** Embedded evidence first, then (online) the network. */
  checker: RevocationChecker;
  /**
   * When set, certificates answered by OCSP also get a CRL through this (embedded CRLs first, then
   * the distribution points): some verifiers read CRLs only.
   */
  crlChecker?: RevocationChecker;
  anchors: readonly Certificate[];
  time: Date;
  signal?: AbortSignal;
}

interface Checked {
  status: CertificateStatus;
  data: ValidationData;
}

export function emptyData(): ValidationData {
  return { certificates: [], ocspResponses: [], crls: [] };
}

export function mergeInto(target: ValidationData, more: ValidationData): void {
  target.certificates.push(...more.certificates);
  target.ocspResponses.push(...more.ocspResponses);
  target.crls.push(...more.crls);
}

function evidenceOf(result: RevocationResult): ValidationData {
  const e = result.evidence;
  return e
    ? { certificates: [...e.certificates], ocspResponses: [...e.ocspResponses], crls: [...e.crls] }
    : emptyData();
}

const established = (r: RevocationResult) => r.status === 'good' || r.status === 'revoked';

/**
 * Gathers revocation evidence certificate by certificate, each certificate once however many chains
 * it is in, through the revocation checker of core (which judges every answer: signed by the CA or
 * its delegated responder, current, about this certificate). Delegated OCSP responders are followed
 * one level: their own status is asked unless they carry id-pkix-ocsp-nocheck.
 */
export class EvidenceCollector {
  readonly #memo = new Map<string, Promise<Checked>>();
  /** Every certificate looked at, in the order met. */
  readonly statuses: CertificateStatus[] = [];

  constructor(readonly options: EvidenceOptions) {}

  /** The certificates of the chain and the evidence for each one that needs it. */
  async forChain(chain: Chain, leafRole: LeafRole): Promise<ValidationData> {
    const data = emptyData();
    const certs = chain.certificates;
    data.certificates.push(...certs.map((c) => c.der));
    for (let i = 0; i < certs.length; i++) {
      const checked = await this.#check(certs[i]!, certs.slice(i + 1), i === 0 ? leafRole : 'ca', 0);
      mergeInto(data, checked.data);
    }
    return data;
  }

  /** `above`: the issuer, then its own chain (what is known of it). */
  #check(cert: Certificate, above: readonly Certificate[], role: CertificateRole, depth: number) {
    const key = certificateSha256(cert);
    let pending = this.#memo.get(key);
    if (!pending) {
      pending = this.#evaluate(cert, above, role, depth, key);
      this.#memo.set(key, pending);
    }
    return pending;
  }

  async #evaluate(
    cert: Certificate,
    above: readonly Certificate[],
    role: CertificateRole,
    depth: number,
    sha256: string,
  ): Promise<Checked> {
    const [issuer, ...issuerChain] = above;
    const base = { subject: formatName(cert.subject), sha256, role };
    const done = (status: CertificateStatus, data = emptyData()): Checked => {
      this.statuses.push(status);
      return { status, data };
    };
    const anchor = this.options.anchors.some((a) => equalBytes(a.der, cert.der));
    if (anchor || (!issuer && cert.selfIssued))
      return done({ ...base, status: 'exempt', detail: anchor ? 'a trust anchor' : 'a self-signed root' });
    if (!issuer)
      return done({ ...base, status: 'unknown', detail: "its issuer's certificate was not found" });
    if (role === 'ocsp-responder' && cert.ocspNoCheck)
      return done({ ...base, status: 'exempt', detail: 'an OCSP responder with id-pkix-ocsp-nocheck' });

    const signal = this.options.signal;
    const query = { certificate: cert, issuer, time: this.options.time, issuerChain };
    const result = await this.options.checker.check(query, signal ? { signal } : {});
    const data = evidenceOf(result);
    let detail = result.detail ?? result.status;
    if (this.options.crlChecker && result.source === 'ocsp') {
      const crl = await this.options.crlChecker.check(query, signal ? { signal } : {});
      if (crl.source === 'crl' && established(crl)) mergeInto(data, evidenceOf(crl));
      else detail += `; no CRL could be added (${crl.detail ?? crl.status})`;
    }
    const status: CertificateStatus = {
      ...base,
      status: result.status,
      ...(result.source ? { source: result.source } : {}),
      ...(result.embedded !== undefined && established(result) ? { embedded: result.embedded } : {}),
      detail,
    };
    // The evidence names a delegated responder beside the issuer: its own status is validation data too.
    const checked = done(status, data);
    if (depth === 0) {
      for (const der of [...data.certificates]) {
        if (equalBytes(der, issuer.der) || equalBytes(der, cert.der)) continue;
        let responder: Certificate;
        try {
          responder = parseCertificate(der);
        } catch {
          continue;
        }
        const sub = await this.#check(responder, above, 'ocsp-responder', depth + 1);
        mergeInto(data, sub.data);
      }
    }
    return checked;
  }
}
