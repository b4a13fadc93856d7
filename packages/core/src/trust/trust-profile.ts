import { fromBase64 } from '../bytes/bytes.js';
import { KysoError } from '../errors/kyso-error.js';
import { certificateSha256, parseCertificate } from '../x509/certificate.js';
import { formatName } from '../x509/name.js';

/** A certificate as a profile ships it: the DER (base64 or bytes) and the SHA-256 it must hash to. */
export type PinnedCertificateSource =
  | { sha256: string; base64: string; der?: never }
  | { sha256: string; der: Uint8Array; base64?: never };

/** What an integrator writes to add a trust profile (see `registerTrustProfile`). */
export interface TrustProfileDefinition {
  /** Lower-case letters, digits and dashes, e.g. `vn-gov`. */
  name: string;
  description: { vi: string; en: string };
  /** Self-signed root CAs only: a path is trusted when it ends at one of these. */
  anchors: readonly PinnedCertificateSource[];
  /**
   * Known issuing CAs, used to build paths when a signature omits them. They are checked like any
   * other intermediate (signature, validity, revocation) and never end a path.
   */
  intermediates?: readonly PinnedCertificateSource[];
}

/** A loaded profile. Its first three fields spread straight into `verifyPdf` options. */
export interface TrustProfile {
  trustProfile: string;
  anchors: Uint8Array[];
  intermediates: Uint8Array[];
  description: { vi: string; en: string };
  /** The anchors as reports name them. */
  anchorInfo: { subject: string; sha256: string }[];
}

const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

function invalid(name: string, detail: string, cause?: unknown): KysoError {
  return new KysoError('TRUST_PROFILE_INVALID', { params: { name, detail }, cause });
}

function pinned(profile: string, source: PinnedCertificateSource, role: 'anchor' | 'intermediate') {
  let der: Uint8Array;
  try {
    der = source.der ?? fromBase64(source.base64 ?? '');
  } catch (error) {
    throw invalid(profile, `an ${role} is not base64`, error);
  }
  const expected = source.sha256.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(expected)) throw invalid(profile, `an ${role} pin is not a SHA-256 in hex`);
  // The pin is checked before parsing: bytes that do not match are not looked at any further.
  const actual = certificateSha256(der);
  if (actual !== expected)
    throw new KysoError('TRUST_PIN_MISMATCH', { params: { name: profile, expected, actual } });
  let cert: ReturnType<typeof parseCertificate>;
  try {
    cert = parseCertificate(der);
  } catch (error) {
    throw invalid(profile, `an ${role} is not an X.509 certificate`, error);
  }
  if (!cert.basicConstraints?.ca)
    throw invalid(profile, `${formatName(cert.subject)} is not a CA certificate`);
  if (role === 'anchor' && !cert.selfIssued)
    throw invalid(profile, `only roots are anchors: ${formatName(cert.subject)} is not self-signed`);
  if (role === 'intermediate' && cert.selfIssued)
    throw invalid(profile, `${formatName(cert.subject)} is a root: list it as an anchor`);
  return { der, cert, sha256: actual };
}

/**
 * Checks a definition (names, pins, roots-only anchors) and returns the certificates it holds.
 * Throws TRUST_PIN_MISMATCH when a certificate does not hash to its pin, TRUST_PROFILE_INVALID otherwise.
 */
export function resolveTrustProfile(definition: TrustProfileDefinition): TrustProfile {
  const { name } = definition;
  if (!NAME.test(name)) throw invalid(name, 'the name must be lower-case letters, digits and dashes');
  if (definition.anchors.length === 0) throw invalid(name, 'a profile needs at least one anchor');
  const anchors = definition.anchors.map((a) => pinned(name, a, 'anchor'));
  const intermediates = (definition.intermediates ?? []).map((c) => pinned(name, c, 'intermediate'));
  const seen = new Set<string>();
  for (const { sha256 } of [...anchors, ...intermediates]) {
    if (seen.has(sha256)) throw invalid(name, `certificate ${sha256} is listed twice`);
    seen.add(sha256);
  }
  return {
    trustProfile: name,
    anchors: anchors.map((a) => a.der),
    intermediates: intermediates.map((c) => c.der),
    description: { ...definition.description },
    anchorInfo: anchors.map((a) => ({ subject: formatName(a.cert.subject), sha256: a.sha256 })),
  };
}
