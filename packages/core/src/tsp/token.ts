import { equalBytes } from '../bytes/bytes.js';
import { type CmsCheck, type CmsIssue, checkSignerInfo } from '../cms/check.js';
import { parseSignedData, type SignedData } from '../cms/signed-data.js';
import { type DigestAlgorithm, digest } from '../crypto/digest.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { OID } from '../oids.js';
import type { Indication, SubIndication } from '../validation/indication.js';
import type { Certificate } from '../x509/certificate.js';
import { parseTstInfo, type TstInfo } from './tst-info.js';

export interface TimestampCheck {
  signedData?: SignedData;
  tstInfo?: TstInfo;
  cms?: CmsCheck;
  tsaCertificate?: Certificate;
  /** The message imprint is the digest of what the caller says was time-stamped. */
  imprintMatches?: boolean;
  nonceMatches?: boolean;
  indication: Indication;
  subIndication?: SubIndication;
  errors: CmsIssue[];
  warnings: CmsIssue[];
}

export interface CheckTimestampOptions {
  /** Digest of what was time-stamped, under the token's imprint algorithm. */
  messageImprint?: (algorithm: DigestAlgorithm) => Promise<Uint8Array>;
  /** The nonce sent, when checking a fresh answer. */
  nonce?: Uint8Array;
  extraCertificates?: readonly Uint8Array[];
  provider: CryptoProvider;
}

function stripZeros(b: Uint8Array): Uint8Array {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
}

/** RFC 3161 §2.3: the TSA certificate's extended key usage is id-kp-timeStamping alone, critical. */
function tsaUsage(cert: Certificate, errors: CmsIssue[], warnings: CmsIssue[]): boolean {
  const eku = cert.extensions.find((e) => e.oid === OID.extKeyUsage);
  if (!eku || !cert.extKeyUsage?.includes(OID.kpTimeStamping)) {
    errors.push({
      code: 'TSA_KEY_USAGE',
      detail: 'the TSA certificate is not for time-stamping (no id-kp-timeStamping)',
    });
    return false;
  }
  if (!eku.critical || cert.extKeyUsage.length !== 1) {
    warnings.push({
      code: 'TSA_KEY_USAGE',
      detail:
        'the TSA certificate extended key usage should be id-kp-timeStamping alone and critical (RFC 3161 §2.3)',
    });
  }
  return true;
}

/** Checks a time-stamp token cryptographically: its signature, its imprint, its TSA certificate (no trust path: see validation). */
export async function checkTimestampToken(
  token: Uint8Array,
  options: CheckTimestampOptions,
): Promise<TimestampCheck> {
  const errors: CmsIssue[] = [];
  const warnings: CmsIssue[] = [];
  const fail = (
    indication: Indication,
    subIndication: SubIndication,
    code: string,
    detail: string,
    extra: Partial<TimestampCheck> = {},
  ): TimestampCheck => {
    errors.push({ code, detail });
    return { indication, subIndication, errors, warnings, ...extra };
  };
  let signedData: SignedData;
  let tstInfo: TstInfo;
  try {
    signedData = parseSignedData(token);
    if (signedData.contentType !== OID.tstInfo || !signedData.content)
      throw new TypeError('the token does not encapsulate a TSTInfo');
    tstInfo = parseTstInfo(signedData.content);
  } catch (error) {
    return fail('TOTAL_FAILED', 'FORMAT_FAILURE', 'TIMESTAMP_MALFORMED', (error as Error).message);
  }
  const content = signedData.content;
  const [signerInfo, ...others] = signedData.signerInfos;
  if (!signerInfo)
    return fail('TOTAL_FAILED', 'FORMAT_FAILURE', 'TIMESTAMP_MALFORMED', 'the token has no signer', {
      signedData,
      tstInfo,
    });
  if (others.length > 0)
    warnings.push({
      code: 'TIMESTAMP_SIGNERS',
      detail: 'the token has more than one signer; the first is checked',
    });

  const cms = await checkSignerInfo(signedData, signerInfo, {
    detached: false,
    contentDigest: (alg) => digest(alg, content, options.provider.crypto),
    ...(options.extraCertificates ? { extraCertificates: options.extraCertificates } : {}),
    provider: options.provider,
  });
  const base = {
    signedData,
    tstInfo,
    cms,
    ...(cms.signerCertificate ? { tsaCertificate: cms.signerCertificate } : {}),
  };
  errors.push(...cms.errors);
  warnings.push(...cms.warnings);
  if (cms.indication !== 'TOTAL_PASSED')
    return {
      ...base,
      indication: cms.indication,
      ...(cms.subIndication ? { subIndication: cms.subIndication } : {}),
      errors,
      warnings,
    };
  if (cms.signingCertificateReference === 'missing') {
    warnings.push({
      code: 'TIMESTAMP_NO_SIGNING_CERTIFICATE',
      detail: 'the token lacks the ESS signing-certificate attribute RFC 3161 requires',
    });
  }
  let imprintMatches: boolean | undefined;
  if (options.messageImprint) {
    if (!tstInfo.hash)
      return fail(
        'INDETERMINATE',
        'CRYPTO_CONSTRAINTS_FAILURE',
        'UNSUPPORTED_ALGORITHM',
        `imprint hash ${tstInfo.hashOid}`,
        base,
      );
    imprintMatches = equalBytes(tstInfo.imprint, await options.messageImprint(tstInfo.hash));
    if (!imprintMatches)
      return fail(
        'TOTAL_FAILED',
        'HASH_FAILURE',
        'TIMESTAMP_IMPRINT_MISMATCH',
        'the time-stamp is of other data (message imprint mismatch)',
        { ...base, imprintMatches },
      );
  }
  let nonceMatches: boolean | undefined;
  if (options.nonce) {
    nonceMatches =
      tstInfo.nonce !== undefined && equalBytes(stripZeros(tstInfo.nonce), stripZeros(options.nonce));
    if (!nonceMatches)
      return fail(
        'TOTAL_FAILED',
        'FORMAT_FAILURE',
        'TIMESTAMP_NONCE_MISMATCH',
        'the answer does not carry the nonce of the request',
        { ...base, nonceMatches, ...(imprintMatches !== undefined ? { imprintMatches } : {}) },
      );
  }
  const done = {
    ...base,
    ...(imprintMatches !== undefined ? { imprintMatches } : {}),
    ...(nonceMatches !== undefined ? { nonceMatches } : {}),
  };
  if (cms.signerCertificate && !tsaUsage(cms.signerCertificate, errors, warnings)) {
    return {
      ...done,
      indication: 'INDETERMINATE',
      subIndication: 'CHAIN_CONSTRAINTS_FAILURE',
      errors,
      warnings,
    };
  }
  return { ...done, indication: 'TOTAL_PASSED', errors, warnings };
}
