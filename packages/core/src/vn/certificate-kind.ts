import type { Certificate } from '../x509/certificate.js';
import { identifiers } from '../x509/name.js';

/** Which UID prefixes make a certificate an organisation's and which a person's (VN-PROFILE.md). */
export interface CertificateKindRule {
  organization: readonly string[];
  personal: readonly string[];
}

/** The default: MST (tax code) or MNS (budget code) and no CMND/CCCD/HC means an organisation. */
export const DEFAULT_CERTIFICATE_KIND_RULE: CertificateKindRule = {
  organization: ['MST', 'MNS'],
  personal: ['CMND', 'CCCD', 'HC'],
};

export type CertificateKind = 'organization' | 'personal';

/**
 * Whether a signer certificate is an organisation's or a person's. Anything that is not an
 * organisation's by the rule counts as personal, so foreign certificates sign as persons.
 */
export function certificateKind(
  cert: Pick<Certificate, 'subject'>,
  rule: CertificateKindRule = DEFAULT_CERTIFICATE_KIND_RULE,
): CertificateKind {
  const ids = identifiers(cert.subject);
  const has = (prefixes: readonly string[]) => prefixes.some((p) => Object.hasOwn(ids, p.toUpperCase()));
  return has(rule.organization) && !has(rule.personal) ? 'organization' : 'personal';
}
