import { decode, derViolation, readOctets, readOid, readTime } from '../asn1/index.js';
import { equalBytes } from '../bytes/bytes.js';
import { type DigestAlgorithm, digestFromOid } from '../crypto/digest.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { type SignatureAlgorithm, signatureAlgorithm } from '../crypto/signature-algorithm.js';
import { verifySignature } from '../crypto/verify.js';
import { OID } from '../oids.js';
import type { Indication, SubIndication } from '../validation/indication.js';
import type { Certificate } from '../x509/certificate.js';
import { singleValue } from './attribute.js';
import { essMatches, readSigningCertificate } from './ess.js';
import type { SignedData } from './signed-data.js';
import { findSignerCertificate } from './signer-certificate.js';
import type { SignerInfo } from './signer-info.js';

export type SigningCertificateReference = 'v2' | 'v1' | 'missing' | 'mismatch';

export interface CmsIssue {
  code: string;
  detail: string;
}

/** The cryptographic check of one SignerInfo (no trust, no revocation: see validation/). */
export interface CmsCheck {
  signerInfo: SignerInfo;
  signerCertificate?: Certificate;
  digestAlgorithm?: DigestAlgorithm;
  signatureAlgorithm?: SignatureAlgorithm;
  /** The message digest matches the content; undefined when it could not be checked. */
  integrity?: boolean;
  /** The signature value verifies with the signer's key; undefined when not checked. */
  signatureValid?: boolean;
  signingTime?: Date;
  signingCertificateReference: SigningCertificateReference;
  /** signature-time-stamp-token values (DER ContentInfo), for the time-stamp validation. */
  timestampTokens: Uint8Array[];
  indication: Indication;
  subIndication?: SubIndication;
  errors: CmsIssue[];
  warnings: CmsIssue[];
}

export interface CheckOptions {
  /** Digest of the signed content under the given algorithm (the PDF byte ranges, a file…). */
  contentDigest: (algorithm: DigestAlgorithm) => Promise<Uint8Array>;
  /** The content travels apart from the CMS (PAdES, .p7s): encapsulated content is then a format error. */
  detached: boolean;
  /** More certificates to find the signer among (a PDF's DSS, a trust list). */
  extraCertificates?: readonly Uint8Array[];
  provider: CryptoProvider;
}

/**
 * Checks one SignerInfo: the DER rules its signature depends on, the message digest, the signature
 * value and the signing-certificate reference. Follows EU DSS where validators differ: signed
 * attributes not in DER, a signature algorithm in the digest-algorithm field, inconsistent PSS or
 * SHA-3 parameters and encapsulated content in a detached signature are FORMAT_FAILURE even where
 * Acrobat or OpenSSL accept them.
 */
export async function checkSignerInfo(
  sd: SignedData,
  si: SignerInfo,
  options: CheckOptions,
): Promise<CmsCheck> {
  const errors: CmsIssue[] = [];
  const warnings: CmsIssue[] = [];
  const timestampTokens = si.unsignedAttrs
    .filter((a) => a.oid === OID.signatureTimeStampToken)
    .flatMap((a) => a.values.map((v) => v.source.subarray(v.start, v.end)));
  const result = (
    indication: Indication,
    subIndication: SubIndication | undefined,
    extra: Partial<CmsCheck> = {},
  ): CmsCheck => ({
    signerInfo: si,
    signingCertificateReference: 'missing',
    timestampTokens,
    indication,
    ...(subIndication ? { subIndication } : {}),
    errors,
    warnings,
    ...extra,
  });
  const formatFailure = (code: string, detail: string, extra: Partial<CmsCheck> = {}) => {
    errors.push({ code, detail });
    return result('TOTAL_FAILED', 'FORMAT_FAILURE', extra);
  };

  const signerCertificate = findSignerCertificate(si, [
    ...sd.certificates,
    ...(options.extraCertificates ?? []),
  ]);
  const found = signerCertificate ? { signerCertificate } : {};

  if (options.detached && sd.content !== undefined) {
    return formatFailure(
      'CMS_CONTENT_ENCAPSULATED',
      'the CMS of a detached signature encapsulates content (OpenSSL and pdfsig accept this; kyso follows EU DSS and pyHanko)',
      found,
    );
  }
  const digestAlgorithm = digestFromOid(si.digestAlgorithm.oid);
  if (!digestAlgorithm) {
    if (signatureAlgorithm(si.digestAlgorithm)) {
      return formatFailure(
        'CMS_ALGORITHM_MISPLACED',
        `the digestAlgorithm field holds the signature algorithm ${si.digestAlgorithm.oid} (OpenSSL accepts this; kyso follows EU DSS)`,
        found,
      );
    }
    errors.push({ code: 'UNSUPPORTED_ALGORITHM', detail: `digest algorithm ${si.digestAlgorithm.oid}` });
    return result('INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE', found);
  }
  const sigAlg = signatureAlgorithm(si.signatureAlgorithm);
  if (!sigAlg) {
    errors.push({
      code: 'UNSUPPORTED_ALGORITHM',
      detail: `signature algorithm ${si.signatureAlgorithm.oid}`,
    });
    return result('INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE', { ...found, digestAlgorithm });
  }
  const algs = { ...found, digestAlgorithm, signatureAlgorithm: sigAlg };
  if (sigAlg.hash && sigAlg.hash !== digestAlgorithm) {
    return formatFailure(
      'CMS_ALGORITHM_MISMATCH',
      `the signature algorithm uses ${sigAlg.hash} but the digest algorithm is ${digestAlgorithm} (OpenSSL accepts this; kyso follows EU DSS)`,
      algs,
    );
  }
  if (sigAlg.pss && sigAlg.pss.mgfHash !== sigAlg.pss.hash) {
    return formatFailure(
      'CMS_ALGORITHM_MISMATCH',
      `RSASSA-PSS masks with ${sigAlg.pss.mgfHash} but hashes with ${sigAlg.pss.hash} (kyso follows iText in refusing this)`,
      algs,
    );
  }
  if (
    (sigAlg.scheme === 'Ed25519' && digestAlgorithm !== 'SHA-512') ||
    (sigAlg.scheme === 'Ed448' && digestAlgorithm !== 'SHAKE256')
  ) {
    errors.push({
      code: 'UNSUPPORTED_ALGORITHM',
      detail: `${sigAlg.scheme} with ${digestAlgorithm} is not allowed (RFC 8419)`,
    });
    return result('INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE', algs);
  }

  let signingTime: Date | undefined;
  let reference: SigningCertificateReference = 'missing';
  let messageDigest: Uint8Array | undefined;
  if (si.signedAttrs) {
    let violation: string | undefined;
    try {
      violation = derViolation(decode(si.signedAttrs.signedBytes));
    } catch (error) {
      violation = error instanceof Error ? error.message : String(error);
    }
    if (violation) {
      return formatFailure(
        'CMS_SIGNED_ATTRIBUTES_NOT_DER',
        `the signed attributes are not DER (${violation}); Acrobat and OpenSSL verify the bytes as sent, kyso follows EU DSS`,
        algs,
      );
    }
    const attrs = si.signedAttrs.attributes;
    try {
      const ct = singleValue(attrs, OID.contentType);
      const md = singleValue(attrs, OID.messageDigest);
      if (!ct || !md)
        return formatFailure(
          'CMS_ATTRIBUTE_MISSING',
          'content-type and message-digest signed attributes are required (RFC 5652 §5.3)',
          algs,
        );
      if (readOid(ct) !== sd.contentType)
        return formatFailure(
          'CMS_CONTENT_TYPE_MISMATCH',
          'the content-type attribute differs from eContentType',
          algs,
        );
      messageDigest = readOctets(md);
      const st = singleValue(attrs, OID.signingTime);
      if (st) signingTime = readTime(st);
      const v2 = singleValue(attrs, OID.signingCertificateV2);
      const v1 = singleValue(attrs, OID.signingCertificate);
      const ids = v2 ? readSigningCertificate(v2, true) : v1 ? readSigningCertificate(v1, false) : undefined;
      if (ids)
        reference =
          signerCertificate && ids[0] && essMatches(ids[0], signerCertificate)
            ? v2
              ? 'v2'
              : 'v1'
            : 'mismatch';
    } catch (error) {
      return formatFailure('CMS_ATTRIBUTE_MALFORMED', `signed attribute: ${(error as Error).message}`, algs);
    }
  }
  const checked = {
    ...algs,
    signingCertificateReference: reference,
    ...(signingTime ? { signingTime } : {}),
  };

  const contentDigest = await options.contentDigest(digestAlgorithm);
  const integrity = messageDigest ? equalBytes(messageDigest, contentDigest) : undefined;
  if (integrity === false) {
    errors.push({ code: 'DIGEST_MISMATCH', detail: 'the message digest does not match the signed content' });
    return result('TOTAL_FAILED', 'HASH_FAILURE', { ...checked, integrity });
  }
  if (!signerCertificate?.publicKey) {
    errors.push({
      code: 'SIGNER_CERTIFICATE_NOT_FOUND',
      detail: signerCertificate
        ? "the signer's key type is not supported"
        : 'the signer certificate is not in the CMS',
    });
    return result('INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND', {
      ...checked,
      ...(integrity !== undefined ? { integrity } : {}),
    });
  }
  const signatureValid = await verifySignature(
    {
      key: signerCertificate.publicKey,
      algorithm: sigAlg,
      hash: digestAlgorithm,
      signature: si.signature,
      ...(si.signedAttrs ? { data: si.signedAttrs.signedBytes } : { digest: contentDigest }),
    },
    options.provider,
  ).catch((error: unknown) => {
    errors.push({ code: 'UNSUPPORTED_ALGORITHM', detail: (error as Error).message });
    return undefined;
  });
  // Without signed attributes the signature covers the content itself: it is the integrity check.
  const integrityResult = integrity ?? signatureValid;
  const done = {
    ...checked,
    ...(integrityResult !== undefined ? { integrity: integrityResult } : {}),
    ...(signatureValid !== undefined ? { signatureValid } : {}),
  };
  if (signatureValid === undefined) return result('INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE', done);
  if (!signatureValid) {
    errors.push({
      code: 'SIGNATURE_INVALID',
      detail: "the signature value does not verify with the signer's key",
    });
    return result('TOTAL_FAILED', si.signedAttrs ? 'SIG_CRYPTO_FAILURE' : 'HASH_FAILURE', done);
  }
  if (reference === 'mismatch') {
    errors.push({
      code: 'SIGNING_CERTIFICATE_MISMATCH',
      detail: 'the signing-certificate attribute names another certificate',
    });
    return result('INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND', done);
  }
  if (!si.signedAttrs)
    warnings.push({ code: 'CMS_NO_SIGNED_ATTRIBUTES', detail: 'the signature has no signed attributes' });
  return result('TOTAL_PASSED', undefined, done);
}
