import {
  asn1,
  type CmsSignatureReport,
  type CryptoProvider,
  certificateSha256,
  cmsSignatureReport,
  createRevocationChecker,
  type DigestAlgorithm,
  digest,
  digestFromOid,
  equalBytes,
  formatName,
  type Indication,
  type Lang,
  localizeIssue,
  parseAll,
  parseSignedData,
  type RevocationMode,
  type RevocationTransport,
  resolveProvider,
  type SignatureReport,
  type SignatureValidation,
  type SignedData,
  signerReport,
  statusOf,
  toBase64,
  validateSignature,
  validateTimestamp,
  type WeakAlgorithmPolicy,
} from '@kyso/core';
import type { Dss } from '../ltv/dss-read.js';
import type { SignatureEntry } from '../signatures/list-signatures.js';
import { parsePdfDate } from '../signing/pdf-date.js';
import { PdfString } from '../syntax/objects.js';
import { decodeTextString } from '../syntax/text-string.js';
import type { ByteRangeCheck, Finding } from './byte-range-check.js';

export interface SignatureInput {
  entry: SignatureEntry;
  check: ByteRangeCheck;
  /** Digests of the byte ranges, by algorithm (only for a usable range). */
  digests: Map<DigestAlgorithm, Uint8Array>;
  kind: SignatureReport['kind'];
}

export interface VerifyContext {
  anchors: readonly Uint8Array[];
  intermediates: readonly Uint8Array[];
  dss: Dss | undefined;
  revocation: RevocationMode;
  fetch: typeof globalThis.fetch | undefined;
  transport: RevocationTransport | undefined;
  validationTime: Date;
  weakAlgorithms: WeakAlgorithmPolicy;
  lang: Lang;
  provider: Partial<CryptoProvider> | undefined;
  signal: AbortSignal | undefined;
}

/** What the PDF layer adds to a CMS report (before modification analysis). */
export type PartialSignatureReport = Omit<
  SignatureReport,
  'modificationsAfter' | 'modifications' | 'level'
> & {
  hasSignatureTimestamp: boolean;
};

/** The algorithms a signature's CMS needs digests under (read before the one hashing pass). */
export function algorithmsFor(entry: SignatureEntry): Set<DigestAlgorithm> {
  const out = new Set<DigestAlgorithm>();
  try {
    const sd = parseSignedData(entry.contents ?? new Uint8Array(), { trailingAny: true });
    for (const si of sd.signerInfos) {
      const d = digestFromOid(si.digestAlgorithm.oid);
      if (d) out.add(d);
    }
    if (entry.type === 'DocTimeStamp' && sd.content) {
      // the token's imprint algorithm decides what to hash
      const tst = asn1.decode(sd.content);
      const imprint = asn1.children(asn1.children(tst)[2]!)[0]!;
      const d = digestFromOid(asn1.readOid(asn1.children(imprint)[0]!));
      if (d) out.add(d);
    }
  } catch {
    // an unreadable CMS gets its verdict later, from the CMS check itself
  }
  if (entry.subFilter === 'adbe.pkcs7.sha1') out.add('SHA-1');
  if (out.size === 0) out.add('SHA-256');
  return out;
}

function claimedTime(entry: SignatureEntry): Date | undefined {
  const m = entry.dict.get('M');
  return m instanceof PdfString ? parsePdfDate(decodeTextString(m.bytes)) : undefined;
}

function failed(
  input: SignatureInput,
  finding: Finding,
  lang: Lang,
  indication: Indication = 'TOTAL_FAILED',
  subIndication = 'FORMAT_FAILURE',
): PartialSignatureReport {
  const time = claimedTime(input.entry);
  return {
    field: input.entry.field.name,
    kind: input.kind,
    subFilter: input.entry.subFilter ?? '',
    algorithms: { digest: 'unknown', signature: 'unknown' },
    signer: null,
    ...(time ? { claimedSigningTime: time.toISOString() } : {}),
    atSigningTime: {
      time: (time ?? new Date()).toISOString(),
      basis: 'claimed',
      certificateValid: false,
      revocation: 'unknown',
    },
    byteRange: input.entry.byteRange ?? [],
    coversRevision: input.check.coversRevision,
    coversWholeFile: input.check.coversWholeFile,
    integrity: false,
    indication,
    subIndication,
    status: indication === 'TOTAL_FAILED' ? 'invalid' : 'indeterminate',
    certificate: {
      notBefore: '',
      notAfter: '',
      chain: [],
      revocation: { status: 'unknown', embedded: false },
    },
    errors: [localizeIssue(finding, lang)],
    warnings: [],
    hasSignatureTimestamp: false,
  };
}

function tokenBytes(contents: Uint8Array): Uint8Array {
  const node = asn1.decode(contents, { trailing: 'any' });
  return contents.subarray(0, node.end);
}

/** One signature or document time-stamp, validated over its byte ranges (no modification analysis). */
export async function verifySignatureEntry(
  input: SignatureInput,
  ctx: VerifyContext,
): Promise<PartialSignatureReport> {
  const { entry, check } = input;
  if (check.fatal) return failed(input, check.fatal, ctx.lang);
  const digestOf = async (alg: DigestAlgorithm) => {
    const d = input.digests.get(alg);
    if (!d) throw new TypeError(`no ${alg} digest of the byte ranges`);
    return d;
  };
  const embedded = ctx.dss
    ? { ocspResponses: ctx.dss.ocspResponses, crls: ctx.dss.crls, certificates: ctx.dss.certificates }
    : {};
  const revocation = {
    mode: ctx.revocation,
    embedded,
    ...(ctx.fetch ? { fetch: ctx.fetch } : {}),
    ...(ctx.transport ? { transport: ctx.transport } : {}),
  };
  const base = {
    field: entry.field.name,
    kind: input.kind,
    subFilter: entry.subFilter ?? '',
    byteRange: entry.byteRange ?? [],
    coversRevision: check.coversRevision,
    coversWholeFile: check.coversWholeFile,
  };
  const extraWarnings = check.coverage.map((c) => localizeIssue(c, ctx.lang));

  const revocationChecker =
    ctx.revocation === 'off'
      ? undefined
      : createRevocationChecker({
          ...revocation,
          ...(ctx.provider ? { provider: ctx.provider } : {}),
          now: new Date(Math.max(Date.now(), ctx.validationTime.getTime())),
        });

  if (entry.type === 'DocTimeStamp' || entry.subFilter === 'ETSI.RFC3161') {
    let token: Uint8Array;
    try {
      token = tokenBytes(entry.contents!);
    } catch (error) {
      return failed(input, { code: 'TIMESTAMP_MALFORMED', detail: (error as Error).message }, ctx.lang);
    }
    const provider = resolveProvider(ctx.provider);
    const v = await validateTimestamp(token, digestOf, {
      anchors: parseAll(ctx.anchors),
      pool: parseAll([...ctx.intermediates, ...(ctx.dss?.certificates ?? [])]),
      time: ctx.validationTime,
      ...(revocationChecker ? { revocation: revocationChecker } : {}),
      provider,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    const tsa = v.check.tsaCertificate;
    const si = v.check.signedData?.signerInfos[0];
    const genTime = v.time ?? ctx.validationTime;
    const anchor = v.path?.anchor;
    const rev = v.path?.revocation;
    const warnings = v.warnings;
    return {
      ...base,
      algorithms: {
        digest: (si && digestFromOid(si.digestAlgorithm.oid)) ?? 'unknown',
        signature: v.check.cms?.signatureAlgorithm?.name ?? 'unknown',
      },
      signer: tsa ? signerReport(tsa) : null,
      timestamp: {
        time: genTime.toISOString(),
        tsa: v.tsa ?? '',
        indication: v.indication,
        ...(v.subIndication ? { subIndication: v.subIndication } : {}),
      },
      atSigningTime: {
        time: genTime.toISOString(),
        basis: 'timestamp',
        certificateValid: tsa ? genTime >= tsa.notBefore && genTime <= tsa.notAfter : false,
        revocation: rev?.status ?? 'unknown',
      },
      integrity: v.check.imprintMatches === true,
      indication: v.indication,
      ...(v.subIndication ? { subIndication: v.subIndication } : {}),
      status: statusOf(v.indication),
      certificate: {
        notBefore: tsa?.notBefore.toISOString() ?? '',
        notAfter: tsa?.notAfter.toISOString() ?? '',
        chain: (v.path?.chain ?? (tsa ? [tsa] : [])).map((c) => toBase64(c.der)),
        ...(anchor
          ? { trustAnchor: { subject: formatName(anchor.subject), sha256: certificateSha256(anchor) } }
          : {}),
        revocation: {
          status: rev?.status ?? 'unknown',
          ...(rev?.source ? { source: rev.source } : {}),
          embedded: rev?.embedded ?? false,
          ...(rev?.checkedAt ? { checkedAt: rev.checkedAt.toISOString() } : {}),
        },
      },
      errors: v.errors.map((e) => localizeIssue(e, ctx.lang)),
      warnings: [...warnings.map((w) => localizeIssue(w, ctx.lang)), ...extraWarnings],
      hasSignatureTimestamp: false,
    };
  }

  let signedData: SignedData;
  try {
    signedData = parseSignedData(entry.contents!, { trailingAny: true });
  } catch (error) {
    return failed(input, { code: 'CMS_MALFORMED', detail: (error as Error).message }, ctx.lang);
  }
  const detached = entry.subFilter !== 'adbe.pkcs7.sha1';
  if (!detached) {
    // adbe.pkcs7.sha1: the CMS encapsulates the SHA-1 of the byte ranges, and signs that
    const sha1 = await digestOf('SHA-1');
    if (!signedData.content || !equalBytes(signedData.content, sha1)) {
      return failed(
        input,
        { code: 'DIGEST_MISMATCH', detail: 'the encapsulated SHA-1 is not the digest of the byte ranges' },
        ctx.lang,
        'TOTAL_FAILED',
        'HASH_FAILURE',
      );
    }
  }
  const claimed = claimedTime(entry);
  const validation: SignatureValidation = await validateSignature({
    cms: signedData,
    detached,
    contentDigest: detached ? digestOf : (alg) => digest(alg, signedData.content ?? new Uint8Array()),
    anchors: ctx.anchors,
    intermediates: ctx.intermediates,
    revocation,
    validationTime: ctx.validationTime,
    ...(claimed ? { claimedSigningTime: claimed } : {}),
    weakAlgorithms: ctx.weakAlgorithms,
    ...(ctx.provider ? { provider: ctx.provider } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  const cms: CmsSignatureReport = cmsSignatureReport(validation, ctx.lang);
  if (signedData.trailingData)
    extraWarnings.push(
      localizeIssue(
        { code: 'CONTENTS_TRAILING_DATA', detail: 'bytes other than zeros follow the CMS in /Contents' },
        ctx.lang,
      ),
    );
  return {
    ...base,
    ...cms,
    warnings: [...cms.warnings, ...extraWarnings],
    hasSignatureTimestamp: validation.cms?.timestampTokens.length
      ? validation.cms.timestampTokens.length > 0
      : false,
  };
}
