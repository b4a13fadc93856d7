import { type CmsCheck, checkSignerInfo } from '../cms/check.js';
import { parseSignedData, type SignedData } from '../cms/signed-data.js';
import { type DigestAlgorithm, digest } from '../crypto/digest.js';
import { type CryptoProvider, resolveProvider } from '../crypto/provider.js';
import { createRevocationChecker } from '../revocation/checker.js';
import type { RevocationChecker, RevocationOptions, RevocationStatus } from '../revocation/types.js';
import type { Certificate } from '../x509/certificate.js';
import type { Indication, SubIndication } from './indication.js';
import { parseAll } from './path-building.js';
import { type Finding, type PathValidation, validatePath } from './path-validation.js';
import { archivedRevocation } from './revocation-archival.js';
import { type TimestampValidation, validateTimestamp } from './timestamp-validation.js';
import { digestWeakness, type WeakAlgorithmPolicy, type WeakFinding } from './weak-algorithms.js';

export interface SignatureValidationOptions {
  /** The CMS (a PDF /Contents may be zero-padded) or an already parsed SignedData. */
  cms: Uint8Array | SignedData;
  signerIndex?: number;
  /** Digest of the signed content (the PDF byte ranges, the detached file). */
  contentDigest: (algorithm: DigestAlgorithm) => Promise<Uint8Array>;
  detached: boolean;
  /** Trust anchors and known intermediates, DER. */
  anchors: readonly Uint8Array[];
  intermediates?: readonly Uint8Array[];
  /** Revocation mode, embedded evidence (a PDF's DSS), fetch. CMS-embedded evidence is added. */
  revocation: RevocationOptions;
  /** The time the verdict holds at (now by default). */
  validationTime?: Date;
  /** The time the signer claims (a PDF's /M); the CMS signing-time attribute otherwise. */
  claimedSigningTime?: Date;
  weakAlgorithms?: WeakAlgorithmPolicy;
  provider?: Partial<CryptoProvider>;
  signal?: AbortSignal;
}

export interface AtSigningTime {
  time: Date;
  basis: 'timestamp' | 'claimed';
  certificateValid: boolean;
  revocation: RevocationStatus;
}

export interface SignatureValidation {
  signedData?: SignedData;
  cms?: CmsCheck;
  signer?: Certificate;
  path?: PathValidation;
  timestamps: TimestampValidation[];
  /** The earliest time a valid signature time-stamp proves. */
  bestSignatureTime?: Date;
  claimedSigningTime?: Date;
  atSigningTime: AtSigningTime;
  weakAlgorithms: WeakFinding[];
  indication: Indication;
  subIndication?: SubIndication;
  errors: Finding[];
  warnings: Finding[];
}

const RECOVERABLE = new Set<SubIndication | undefined>([
  'OUT_OF_BOUNDS_NO_POE',
  'REVOKED_NO_POE',
  'REVOKED_CA_NO_POE',
]);

/**
 * Validates one CMS signature end to end (ETSI EN 319 102-1, simplified): the cryptography, the
 * signature time-stamps as proofs of existence, the signer's path to the anchors with revocation,
 * then the weak-algorithm policy. An indication is TOTAL_PASSED only when everything holds;
 * revocation that cannot be established (modes online and embedded) is never passed.
 */
export async function validateSignature(options: SignatureValidationOptions): Promise<SignatureValidation> {
  const provider = resolveProvider(options.provider);
  const validationTime = options.validationTime ?? new Date();
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const claimed = (t: Date | undefined) => ({
    time: t ?? validationTime,
    basis: 'claimed' as const,
    certificateValid: false,
    revocation: 'unknown' as const,
  });

  let signedData: SignedData;
  try {
    signedData =
      options.cms instanceof Uint8Array ? parseSignedData(options.cms, { trailingZeros: true }) : options.cms;
  } catch (error) {
    errors.push({ code: 'CMS_MALFORMED', detail: (error as Error).message });
    return {
      timestamps: [],
      atSigningTime: claimed(options.claimedSigningTime),
      weakAlgorithms: [],
      indication: 'TOTAL_FAILED',
      subIndication: 'FORMAT_FAILURE',
      errors,
      warnings,
    };
  }
  const si = signedData.signerInfos[options.signerIndex ?? 0];
  if (!si) {
    errors.push({ code: 'CMS_MALFORMED', detail: 'the CMS has no signer' });
    return {
      signedData,
      timestamps: [],
      atSigningTime: claimed(options.claimedSigningTime),
      weakAlgorithms: [],
      indication: 'TOTAL_FAILED',
      subIndication: 'FORMAT_FAILURE',
      errors,
      warnings,
    };
  }
  const extra = [...(options.intermediates ?? []), ...(options.revocation.embedded?.certificates ?? [])];
  const cms = await checkSignerInfo(signedData, si, {
    contentDigest: options.contentDigest,
    detached: options.detached,
    extraCertificates: extra,
    provider,
  });
  errors.push(...cms.errors);
  warnings.push(...cms.warnings);
  const claimedSigningTime = options.claimedSigningTime ?? cms.signingTime;
  const signer = cms.signerCertificate;
  const base = {
    signedData,
    cms,
    ...(signer ? { signer } : {}),
    ...(claimedSigningTime ? { claimedSigningTime } : {}),
  };
  if (cms.indication !== 'TOTAL_PASSED') {
    return {
      ...base,
      timestamps: [],
      atSigningTime: claimed(claimedSigningTime),
      weakAlgorithms: [],
      indication: cms.indication,
      ...(cms.subIndication ? { subIndication: cms.subIndication } : {}),
      errors,
      warnings,
    };
  }

  const archived = archivedRevocation(si);
  const embedded = options.revocation.embedded ?? {};
  const revocation: RevocationChecker | undefined =
    options.revocation.mode === 'off'
      ? undefined
      : createRevocationChecker({
          ...options.revocation,
          provider,
          // Evidence from after the real current time is refused; a validation time in the past
          // (--at) still uses what is known today, e.g. a revocation dated after that time.
          now: new Date(Math.max(Date.now(), validationTime.getTime())),
          embedded: {
            ocspResponses: [
              ...(embedded.ocspResponses ?? []),
              ...signedData.ocspResponses,
              ...archived.ocspResponses,
            ],
            crls: [...(embedded.crls ?? []), ...signedData.crls, ...archived.crls],
            certificates: [...(embedded.certificates ?? []), ...signedData.certificates],
          },
        });
  if (!revocation)
    warnings.push({
      code: 'REVOCATION_NOT_CHECKED',
      detail: 'revocation checking is off by the caller\u2019s choice',
    });

  const anchors = parseAll(options.anchors);
  const pool = parseAll([...signedData.certificates, ...extra]);
  const common = {
    anchors,
    pool,
    provider,
    ...(revocation ? { revocation } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };

  // Signature time-stamps: proofs that the signature value existed at their genTime.
  const timestamps: TimestampValidation[] = [];
  for (const token of cms.timestampTokens) {
    timestamps.push(
      await validateTimestamp(token, (alg) => digest(alg, si.signature, provider.crypto), {
        ...common,
        time: validationTime,
      }),
    );
  }
  const proofs = timestamps
    .filter((t) => t.indication === 'TOTAL_PASSED' && t.time)
    .map((t) => t.time!.getTime());
  const bestSignatureTime = proofs.length > 0 ? new Date(Math.min(...proofs)) : undefined;
  for (const t of timestamps) {
    if (t.indication !== 'TOTAL_PASSED')
      warnings.push(
        ...t.errors.map((e) => ({ code: 'TIMESTAMP_INVALID', detail: `signature time-stamp: ${e.detail}` })),
      );
  }

  let path = await validatePath(signer!, { ...common, time: validationTime, usage: 'signature' });
  if (path.indication !== 'TOTAL_PASSED' && RECOVERABLE.has(path.subIndication) && bestSignatureTime) {
    // Past signature validation: the time-stamp proves the signature existed before expiry or revocation.
    const past = await validatePath(signer!, { ...common, time: bestSignatureTime, usage: 'signature' });
    if (past.indication === 'TOTAL_PASSED') {
      warnings.push({
        code: 'VALIDATED_AT_TIMESTAMP',
        detail: `validated at the time-stamp time ${bestSignatureTime.toISOString()}: ${path.errors.map((e) => e.detail).join('; ')}`,
      });
      path = past;
    }
  }
  const atTime = bestSignatureTime ?? claimedSigningTime ?? validationTime;
  let atRevocation: RevocationStatus = 'unknown';
  const issuer = path.chain[1];
  if (revocation && issuer) {
    const r =
      path.revocation && atTime.getTime() === validationTime.getTime()
        ? path.revocation
        : await revocation.check({
            certificate: signer!,
            issuer,
            time: atTime,
            issuerChain: path.chain.slice(2),
          });
    atRevocation = r.status;
  }
  const atSigningTime: AtSigningTime = {
    time: atTime,
    basis: bestSignatureTime ? 'timestamp' : 'claimed',
    certificateValid: atTime >= signer!.notBefore && atTime <= signer!.notAfter,
    revocation: atRevocation,
  };

  let indication: Indication = path.indication;
  let subIndication = path.subIndication;
  errors.push(...path.errors);
  warnings.push(...path.warnings);
  if (bestSignatureTime && bestSignatureTime < signer!.notBefore) {
    indication = 'TOTAL_FAILED';
    subIndication = 'NOT_YET_VALID';
    errors.push({
      code: 'CERTIFICATE_NOT_YET_VALID',
      detail: 'the time-stamp proves the signature was made before the certificate became valid',
    });
  }

  const weak = [...digestWeakness(cms.digestAlgorithm), ...path.weakAlgorithms];
  if (weak.length > 0) {
    const provenBefore = bestSignatureTime !== undefined && weak.every((w) => bestSignatureTime < w.sunset);
    if (options.weakAlgorithms === 'accept' || provenBefore) warnings.push(...weak);
    else {
      errors.push(...weak);
      if (indication === 'TOTAL_PASSED') {
        indication = 'INDETERMINATE';
        subIndication = 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE';
      }
    }
  }
  return {
    ...base,
    path,
    timestamps,
    ...(bestSignatureTime ? { bestSignatureTime } : {}),
    atSigningTime,
    weakAlgorithms: weak,
    indication,
    ...(subIndication && indication !== 'TOTAL_PASSED' ? { subIndication } : {}),
    errors,
    warnings,
  };
}
