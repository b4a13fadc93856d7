import type { DigestAlgorithm } from '../crypto/digest.js';
import type { CryptoProvider } from '../crypto/provider.js';
import type { RevocationChecker } from '../revocation/types.js';
import { checkTimestampToken, type TimestampCheck } from '../tsp/token.js';
import type { Certificate } from '../x509/certificate.js';
import { formatName } from '../x509/name.js';
import type { Indication, SubIndication } from './indication.js';
import { parseAll } from './path-building.js';
import { type Finding, type PathValidation, validatePath } from './path-validation.js';

export interface TimestampValidation {
  check: TimestampCheck;
  path?: PathValidation;
  /** genTime, when the token could be read. */
  time?: Date;
  tsa?: string;
  indication: Indication;
  subIndication?: SubIndication;
  errors: Finding[];
  warnings: Finding[];
}

export interface TimestampValidationOptions {
  anchors: readonly Certificate[];
  pool: readonly Certificate[];
  time: Date;
  revocation?: RevocationChecker;
  provider: CryptoProvider;
  fetchIssuer?: (cert: Certificate) => Promise<Certificate[]>;
  signal?: AbortSignal;
}

/** A time-stamp token with its own verdict: the token, the imprint, then the TSA's certificate path. */
export async function validateTimestamp(
  token: Uint8Array,
  messageImprint: (algorithm: DigestAlgorithm) => Promise<Uint8Array>,
  options: TimestampValidationOptions,
): Promise<TimestampValidation> {
  const check = await checkTimestampToken(token, { messageImprint, provider: options.provider });
  const time = check.tstInfo?.genTime;
  const base = { check, ...(time ? { time } : {}) };
  if (check.indication !== 'TOTAL_PASSED' || !check.tsaCertificate) {
    return {
      ...base,
      indication: check.indication,
      ...(check.subIndication ? { subIndication: check.subIndication } : {}),
      errors: check.errors,
      warnings: check.warnings,
    };
  }
  const tsa = check.tsaCertificate;
  const path = await validatePath(tsa, {
    anchors: options.anchors,
    pool: [...options.pool, ...parseAll(check.signedData?.certificates ?? [])],
    time: options.time,
    ...(options.revocation ? { revocation: options.revocation } : {}),
    usage: 'timestamp',
    provider: options.provider,
    ...(options.fetchIssuer ? { fetchIssuer: options.fetchIssuer } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return {
    ...base,
    path,
    tsa: formatName(tsa.subject),
    indication: path.indication,
    ...(path.subIndication ? { subIndication: path.subIndication } : {}),
    errors: [...check.errors, ...path.errors],
    warnings: [...check.warnings, ...path.warnings],
  };
}
