import { KysoError } from '../errors/kyso-error.js';
import type { RevocationChecker } from '../revocation/types.js';
import type { Certificate } from '../x509/certificate.js';

export interface PresignOptions {
  /** The signing time (now). */
  at: Date;
  /** The issuer, for the revocation question. */
  issuer?: Certificate;
  /** The issuer's chain beyond it, when known (for a revocation transport through a proxy). */
  issuerChain?: readonly Certificate[];
  /** Undefined: revocation not checked (the caller's policy, e.g. mode off). */
  revocation?: RevocationChecker;
  signal?: AbortSignal;
}

/**
 * The checks before signing that Vietnamese practice (Circular 15/2025) and DESIGN.md require: the
 * certificate is within its validity period, meant for signatures, and not revoked. Throws
 * CERTIFICATE_EXPIRED, CERTIFICATE_NOT_FOR_SIGNING, CERTIFICATE_REVOKED or REVOCATION_UNAVAILABLE.
 */
export async function checkSignerCertificate(cert: Certificate, options: PresignOptions): Promise<void> {
  const t = options.at.getTime();
  if (t < cert.notBefore.getTime() || t > cert.notAfter.getTime()) {
    throw new KysoError('CERTIFICATE_EXPIRED', {
      params: { notBefore: cert.notBefore.toISOString(), notAfter: cert.notAfter.toISOString() },
    });
  }
  if (cert.keyUsage && !cert.keyUsage.has('digitalSignature') && !cert.keyUsage.has('nonRepudiation')) {
    throw new KysoError('CERTIFICATE_NOT_FOR_SIGNING', {
      params: { detail: `key usage ${[...cert.keyUsage].join(', ')}` },
    });
  }
  if (cert.basicConstraints?.ca)
    throw new KysoError('CERTIFICATE_NOT_FOR_SIGNING', { params: { detail: 'a CA certificate' } });
  if (!options.revocation) return;
  if (!options.issuer)
    throw new KysoError('REVOCATION_UNAVAILABLE', {
      params: { detail: 'the issuer certificate is not known' },
    });
  const result = await options.revocation.check(
    {
      certificate: cert,
      issuer: options.issuer,
      time: options.at,
      ...(options.issuerChain ? { issuerChain: options.issuerChain } : {}),
    },
    options.signal ? { signal: options.signal } : {},
  );
  if (result.status === 'revoked') throw new KysoError('CERTIFICATE_REVOKED');
  if (result.status !== 'good')
    throw new KysoError('REVOCATION_UNAVAILABLE', { params: { detail: result.detail ?? result.status } });
}
