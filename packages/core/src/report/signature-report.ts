import { toBase64 } from '../bytes/bytes.js';
import type { Lang } from '../lang.js';
import { OID } from '../oids.js';
import type { SignatureValidation } from '../validation/signature-validation.js';
import { type Certificate, certificateSha256 } from '../x509/certificate.js';
import { commonName, formatName, identifiers, nameValues } from '../x509/name.js';
import { localizeIssue } from './issue-messages.js';
import type { SignatureReport, SignerInfoReport } from './types.js';

/** The parts of a SignatureReport that come from the CMS validation (a PDF adds field, byte ranges, modifications). */
export type CmsSignatureReport = Omit<
  SignatureReport,
  | 'field'
  | 'kind'
  | 'subFilter'
  | 'level'
  | 'byteRange'
  | 'coversRevision'
  | 'coversWholeFile'
  | 'modificationsAfter'
  | 'modifications'
>;

export function signerReport(cert: Certificate): SignerInfoReport {
  const ids = identifiers(cert.subject);
  const organization = nameValues(cert.subject, OID.O).at(-1);
  const title = nameValues(cert.subject, OID.title).at(-1);
  return {
    commonName: commonName(cert.subject) ?? formatName(cert.subject),
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    serialNumber: cert.serialHex,
    ...(organization ? { organization } : {}),
    ...(title ? { title } : {}),
    ...(Object.keys(ids).length > 0 ? { identifiers: ids } : {}),
  };
}

export function statusOf(indication: SignatureReport['indication']): SignatureReport['status'] {
  return indication === 'TOTAL_PASSED'
    ? 'valid'
    : indication === 'TOTAL_FAILED'
      ? 'invalid'
      : 'indeterminate';
}

/** Turns a SignatureValidation into the report fields DESIGN.md defines, in the report's language. */
export function cmsSignatureReport(v: SignatureValidation, lang: Lang): CmsSignatureReport {
  const signer = v.signer;
  const revocation = v.path?.revocation;
  const ts = v.timestamps.find((t) => t.indication === 'TOTAL_PASSED') ?? v.timestamps[0];
  const anchor = v.path?.anchor;
  return {
    algorithms: {
      digest: v.cms?.digestAlgorithm ?? 'unknown',
      signature: v.cms?.signatureAlgorithm?.name ?? 'unknown',
    },
    signer: signer ? signerReport(signer) : null,
    ...(v.claimedSigningTime ? { claimedSigningTime: v.claimedSigningTime.toISOString() } : {}),
    ...(ts?.time
      ? {
          timestamp: {
            time: ts.time.toISOString(),
            tsa: ts.tsa ?? (ts.check.tsaCertificate ? formatName(ts.check.tsaCertificate.subject) : ''),
            indication: ts.indication,
            ...(ts.subIndication ? { subIndication: ts.subIndication } : {}),
          },
        }
      : {}),
    atSigningTime: { ...v.atSigningTime, time: v.atSigningTime.time.toISOString() },
    integrity: v.cms?.integrity === true,
    indication: v.indication,
    ...(v.subIndication ? { subIndication: v.subIndication } : {}),
    status: statusOf(v.indication),
    certificate: {
      notBefore: signer?.notBefore.toISOString() ?? '',
      notAfter: signer?.notAfter.toISOString() ?? '',
      chain: (v.path?.chain ?? (signer ? [signer] : [])).map((c) => toBase64(c.der)),
      ...(anchor
        ? { trustAnchor: { subject: formatName(anchor.subject), sha256: certificateSha256(anchor) } }
        : {}),
      revocation: {
        status: revocation?.status ?? 'unknown',
        ...(revocation?.source ? { source: revocation.source } : {}),
        embedded: revocation?.embedded ?? false,
        ...(revocation?.checkedAt ? { checkedAt: revocation.checkedAt.toISOString() } : {}),
      },
    },
    errors: v.errors.map((e) => localizeIssue(e, lang)),
    warnings: v.warnings.map((w) => localizeIssue(w, lang)),
  };
}
