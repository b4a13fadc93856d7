import { equalBytes } from '../bytes/bytes.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { OID } from '../oids.js';
import type { RevocationChecker, RevocationResult } from '../revocation/types.js';
import { type Certificate, PROCESSED_EXTENSIONS } from '../x509/certificate.js';
import { formatName } from '../x509/name.js';
import type { Indication, SubIndication } from './indication.js';
import { buildPaths } from './path-building.js';
import { pathWeaknesses, type WeakFinding } from './weak-algorithms.js';

/** What the end certificate is for: its key usage is checked accordingly. */
export type CertificateUsage = 'signature' | 'timestamp' | 'ocsp' | 'any';

export interface PathValidationOptions {
  anchors: readonly Certificate[];
  pool: readonly Certificate[];
  /** Validity periods are checked at this time. */
  time: Date;
  /** Revocation is asked for this time (default `time`); undefined checker = not checked. */
  revocation?: RevocationChecker;
  revocationTime?: Date;
  usage: CertificateUsage;
  provider: CryptoProvider;
  fetchIssuer?: (cert: Certificate) => Promise<Certificate[]>;
  signal?: AbortSignal;
}

export interface Finding {
  code: string;
  detail: string;
}

export interface PathValidation {
  indication: Indication;
  subIndication?: SubIndication;
  /** Leaf first, anchor last (the best path found, even when it failed). */
  chain: Certificate[];
  anchor?: Certificate;
  /** The leaf's revocation answer (undefined when not asked). */
  revocation?: RevocationResult;
  /** Revocation answers for every non-anchor certificate, leaf first. */
  revocations: RevocationResult[];
  /** Algorithms weaker than the policy minimum in the path (SHA-1 signatures, RSA under 2048 bits). */
  weakAlgorithms: WeakFinding[];
  errors: Finding[];
  warnings: Finding[];
}

function usageProblem(leaf: Certificate, usage: CertificateUsage): string | undefined {
  const ku = leaf.keyUsage;
  if (usage === 'signature' && ku && !ku.has('digitalSignature') && !ku.has('nonRepudiation')) {
    return 'the key usage of the certificate does not allow signing (digitalSignature or nonRepudiation)';
  }
  if (
    (usage === 'timestamp' || usage === 'ocsp') &&
    ku &&
    !ku.has('digitalSignature') &&
    !ku.has('nonRepudiation')
  ) {
    return 'the key usage of the certificate does not allow signing';
  }
  const eku = leaf.extKeyUsage;
  if (usage === 'timestamp' && !eku?.includes(OID.kpTimeStamping))
    return 'the certificate is not for time-stamping';
  if (usage === 'ocsp' && !eku?.includes(OID.kpOcspSigning)) return 'the certificate is not for OCSP signing';
  return undefined;
}

interface Outcome {
  indication: Indication;
  subIndication?: SubIndication;
  errors: Finding[];
  warnings: Finding[];
  revocations: RevocationResult[];
}

async function evaluate(
  chain: Certificate[],
  anchored: boolean,
  options: PathValidationOptions,
): Promise<Outcome> {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const revocations: RevocationResult[] = [];
  const fail = (
    indication: Indication,
    subIndication: SubIndication,
    code: string,
    detail: string,
  ): Outcome => {
    errors.push({ code, detail });
    return { indication, subIndication, errors, warnings, revocations };
  };
  if (!anchored) {
    return fail(
      'INDETERMINATE',
      'NO_CERTIFICATE_CHAIN_FOUND',
      'NO_CERTIFICATE_CHAIN_FOUND',
      `no path from ${formatName(chain[0]!.subject)} to a trust anchor`,
    );
  }
  const leaf = chain[0]!;
  const t = options.time.getTime();
  // Checked from the anchor down, as RFC 5280 §6.1 processes a path.
  let maxPath = Number.POSITIVE_INFINITY;
  for (let i = chain.length - 1; i >= 0; i--) {
    const cert = chain[i]!;
    const isAnchor = i === chain.length - 1;
    const name = formatName(cert.subject);
    if (t < cert.notBefore.getTime() || t > cert.notAfter.getTime()) {
      if (isAnchor)
        warnings.push({
          code: 'ANCHOR_OUT_OF_VALIDITY',
          detail: `the trust anchor ${name} is outside its validity period`,
        });
      else
        return fail(
          'INDETERMINATE',
          'OUT_OF_BOUNDS_NO_POE',
          'CERTIFICATE_OUT_OF_VALIDITY',
          `${name} is not valid at ${options.time.toISOString()} (${cert.notBefore.toISOString()} to ${cert.notAfter.toISOString()})`,
        );
    }
    for (const ext of cert.extensions) {
      if (ext.critical && !PROCESSED_EXTENSIONS.has(ext.oid)) {
        return fail(
          'INDETERMINATE',
          'CHAIN_CONSTRAINTS_FAILURE',
          'UNKNOWN_CRITICAL_EXTENSION',
          `${name} has an unknown critical extension ${ext.oid}`,
        );
      }
    }
    if (!equalBytes(cert.signatureAlgorithm.der, cert.tbsSignatureAlgorithm.der) && !isAnchor) {
      return fail(
        'INDETERMINATE',
        'CHAIN_CONSTRAINTS_FAILURE',
        'CERTIFICATE_MALFORMED',
        `${name}: the two signature algorithm fields differ`,
      );
    }
    if (i > 0) {
      // an issuer: a CA by basicConstraints, allowed to sign certificates, within its path length
      if (cert.version >= 3 && !cert.basicConstraints?.ca) {
        return fail(
          'INDETERMINATE',
          'CHAIN_CONSTRAINTS_FAILURE',
          'NOT_A_CA',
          `${name} issues a certificate but is not a CA`,
        );
      }
      if (cert.keyUsage && !cert.keyUsage.has('keyCertSign')) {
        return fail(
          'INDETERMINATE',
          'CHAIN_CONSTRAINTS_FAILURE',
          'NOT_A_CA',
          `${name} issues a certificate without keyCertSign`,
        );
      }
      if (!isAnchor) {
        if (maxPath <= 0 && !cert.selfIssued)
          return fail(
            'INDETERMINATE',
            'CHAIN_CONSTRAINTS_FAILURE',
            'PATH_LENGTH',
            `${name} exceeds a path length constraint`,
          );
        if (!cert.selfIssued) maxPath--;
      }
      const pl = cert.basicConstraints?.pathLength;
      if (pl !== undefined && pl < maxPath) maxPath = pl;
    }
  }
  const usage = usageProblem(leaf, options.usage);
  if (usage) return fail('INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE', 'KEY_USAGE', usage);

  if (options.revocation) {
    const when = options.revocationTime ?? options.time;
    for (let i = 0; i < chain.length - 1; i++) {
      const cert = chain[i]!;
      options.signal?.throwIfAborted();
      const result = await options.revocation.check(
        { certificate: cert, issuer: chain[i + 1]!, time: when, issuerChain: chain.slice(i + 2) },
        options.signal ? { signal: options.signal } : {},
      );
      revocations.push(result);
      const name = formatName(cert.subject);
      if (result.status === 'revoked') {
        const detail = `${name} was revoked${result.revocationTime ? ` on ${result.revocationTime.toISOString()}` : ''}${result.reason ? ` (${result.reason})` : ''}`;
        return fail(
          'INDETERMINATE',
          i === 0 ? 'REVOKED_NO_POE' : 'REVOKED_CA_NO_POE',
          'CERTIFICATE_REVOKED',
          detail,
        );
      }
      if (result.status === 'unknown') {
        const why = result.unavailable ? 'could not be established' : 'is unknown to its CA';
        return fail(
          'INDETERMINATE',
          'TRY_LATER',
          'REVOCATION_UNAVAILABLE',
          `the revocation status of ${name} ${why}${result.detail ? `: ${result.detail}` : ''}`,
        );
      }
    }
  } else {
    warnings.push({ code: 'REVOCATION_NOT_CHECKED', detail: 'revocation was not checked' });
  }
  return { indication: 'TOTAL_PASSED', errors, warnings, revocations };
}

/**
 * Validates a certificate path (RFC 5280 §6, the parts that matter for signatures) at a time, with
 * ETSI EN 319 102-1 indications: the first anchored path that passes wins; otherwise the best failure.
 */
export async function validatePath(
  leaf: Certificate,
  options: PathValidationOptions,
): Promise<PathValidation> {
  const paths = await buildPaths(leaf, {
    anchors: options.anchors,
    pool: options.pool,
    provider: options.provider,
    ...(options.fetchIssuer ? { fetchIssuer: options.fetchIssuer } : {}),
  });
  let best: { path: (typeof paths)[number]; outcome: Outcome } | undefined;
  for (const path of paths) {
    const outcome = await evaluate(path.chain, path.anchored, options);
    if (!best || (outcome.indication === 'TOTAL_PASSED' && best.outcome.indication !== 'TOTAL_PASSED'))
      best = { path, outcome };
    if (outcome.indication === 'TOTAL_PASSED' || !path.anchored) break;
  }
  const { path, outcome } = best!;
  const anchor = path.anchored ? path.chain.at(-1) : undefined;
  return {
    indication: outcome.indication,
    ...(outcome.subIndication ? { subIndication: outcome.subIndication } : {}),
    chain: path.chain,
    ...(anchor ? { anchor } : {}),
    ...(outcome.revocations[0] ? { revocation: outcome.revocations[0] } : {}),
    revocations: outcome.revocations,
    weakAlgorithms: pathWeaknesses(path.chain, anchor),
    errors: outcome.errors,
    warnings: outcome.warnings,
  };
}
