import {
  checkSignerCertificate,
  chooseAlgorithm,
  createRevocationChecker,
  type HashAlg,
  KysoError,
  parseCertificate,
  type RevocationOptions,
  type Signer,
  type SigScheme,
  type TimestampOptions,
} from '@kyso/core';
import { type ByteSource, bytesSource } from '../io/byte-source.js';
import { appendedSource } from '../io/concat-source.js';
import type { ValidationDataOptions, ValidationDataReport } from '../ltv/add-validation-data.js';
import type { DocumentTimestampOptions } from '../ltv/document-timestamp.js';
import { contentsFor, patchIncrement } from './finish.js';
import { type PrepareOptions, preparePdfSignature } from './prepare.js';

export type PadesLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';

export interface SignPdfOptions
  extends Omit<PrepareOptions, 'certificates' | 'hash' | 'scheme' | 'signingTime' | 'timestampAllowance'> {
  signer: Signer;
  hash?: HashAlg;
  scheme?: SigScheme;
  /** B-B by default; B-T with a TSA (--tsa alone implies B-T); B-LT adds a DSS, B-LTA then a document time-stamp. */
  level?: PadesLevel;
  tsa?: TimestampOptions;
  /** Room for the signature time-stamp (default 12 KiB when one is requested). */
  timestampAllowance?: number;
  /** Revocation for the pre-signing check (and LTV); online by default, `{ mode: 'off' }` to skip. */
  revocation?: RevocationOptions;
  /** The signing clock. */
  now?: () => Date;
  /**
   * B-LT/B-LTA: how the DSS is gathered. Its revocation defaults to `revocation` above, always
   * online (mode `off` only skips the pre-signing check; a DSS is revocation data).
   */
  ltv?: Omit<ValidationDataOptions, 'provider' | 'signal'>;
  /** B-LTA: settings of the document time-stamp (its TSA is `tsa`). */
  documentTimestamp?: Omit<DocumentTimestampOptions, 'tsa' | 'provider' | 'signal'>;
}

export interface SignedPdf {
  source: ByteSource;
  /** Everything appended to the input (one or more incremental updates). */
  appended: Uint8Array;
  fieldName: string;
  /** The signed file as one source (input + appended), for further reading. */
  result: ByteSource;
  /** B-LT/B-LTA: what the DSS update gathered. */
  validation?: ValidationDataReport;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Signs a PDF in one call: the thin wrapper over the stages (pre-signing check → prepare → Signer →
 * finish). Returns the bytes to append; the input is never changed.
 */
export async function signPdf(input: ByteSource | Uint8Array, options: SignPdfOptions): Promise<SignedPdf> {
  const source = input instanceof Uint8Array ? bytesSource(input) : input;
  const signal = options.signal;
  const now = options.now?.() ?? new Date();
  const level = options.level ?? (options.tsa ? 'B-T' : 'B-B');
  if (level !== 'B-B' && !options.tsa)
    throw new KysoError('USAGE', {
      params: { detail: `level ${level} needs a time-stamp authority (--tsa)` },
    });

  const certificates = await options.signer.certificates(signal ? { signal } : {});
  const [leaf, issuer, ...beyond] = certificates.map((c) => parseCertificate(c));
  if (!leaf) throw new KysoError('KEY_NOT_FOUND');
  const revocation = options.revocation ?? { mode: 'online' as const };
  await checkSignerCertificate(leaf, {
    at: now,
    ...(issuer ? { issuer, issuerChain: beyond } : {}),
    ...(revocation.mode === 'off'
      ? {}
      : {
          revocation: createRevocationChecker({
            ...revocation,
            ...(options.provider ? { provider: options.provider } : {}),
          }),
        }),
    ...(signal ? { signal } : {}),
  });
  const { hash, scheme } = await chooseAlgorithm(options.signer, options.hash, options.scheme, signal);
  const prepared = await preparePdfSignature(source, {
    ...options,
    certificates,
    hash,
    scheme,
    signingTime: now,
    timestampAllowance: options.tsa ? (options.timestampAllowance ?? 12 * 1024) : 0,
  });
  const value = await options.signer.sign(
    { digest: prepared.digest, hash, scheme, data: prepared.data },
    signal ? { signal } : {},
  );
  const hex = await contentsFor(prepared.state, value, {
    certificates,
    ...(options.tsa ? { timestamp: options.tsa } : {}),
    ...(options.provider ? { provider: options.provider } : {}),
    ...(signal ? { signal } : {}),
  });
  const signed = patchIncrement(prepared.increment, source.size, prepared.state, hex);
  const result = appendedSource(source, signed);
  if (level === 'B-B' || level === 'B-T')
    return { source, appended: signed, fieldName: prepared.fieldName, result };

  // B-LT: a DSS update after the B-T signature; B-LTA: then a document time-stamp (loaded for them)
  const { extendLevel } = await import('../ltv/extend-level.js');
  const extended = await extendLevel(result, level, {
    ...options.ltv,
    revocation: options.ltv?.revocation ?? {
      ...revocation,
      mode: revocation.mode === 'embedded' ? 'embedded' : 'online',
    },
    tsa: options.tsa!,
    ...(options.documentTimestamp ? { timestamp: options.documentTimestamp } : {}),
    ...(options.provider ? { provider: options.provider } : {}),
    ...(signal ? { signal } : {}),
  });
  const appended = concat(signed, extended.appended);
  return {
    source,
    appended,
    fieldName: prepared.fieldName,
    result: appendedSource(source, appended),
    validation: extended.validation,
  };
}

/** The whole signed file in memory (browsers, small files). */
export async function signedBytes(signed: SignedPdf): Promise<Uint8Array> {
  return concat(await signed.source.read(0, signed.source.size), signed.appended);
}
