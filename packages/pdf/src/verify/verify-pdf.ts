import {
  certificateSha256,
  type DigestAlgorithm,
  formatName,
  type Issue,
  localizeIssue,
  parseCertificate,
  resolveProvider,
  type SignatureReport,
  type VerificationReport,
} from '@kyso/core';
import { PdfDocument } from '../document/pdf-document.js';
import { type ByteSource, bytesSource } from '../io/byte-source.js';
import { readDss } from '../ltv/dss-read.js';
import { listSignatures, type SignatureEntry } from '../signatures/list-signatures.js';
import { docMdpPermission } from '../signing/certification.js';
import { PdfRef } from '../syntax/objects.js';
import { checkByteRange } from './byte-range-check.js';
import { padesLevel } from './level.js';
import { analyzeModifications } from './modifications/analyze.js';
import type { SignedRevision } from './modifications/types.js';
import type { VerifyPdfOptions } from './options.js';
import { digestRanges } from './range-digests.js';
import { algorithmsFor, type PartialSignatureReport, verifySignatureEntry } from './verify-signature.js';

const ORDER: Record<VerificationReport['status'], number> = {
  valid: 0,
  unsigned: 1,
  indeterminate: 2,
  invalid: 3,
};

/** The revision that last (re)defined an object, i.e. when it appeared in its current form. */
function revisionOf(doc: PdfDocument, num: number): number {
  for (const r of [...doc.revisions].reverse()) if (r.section.entries.has(num)) return r.number;
  return 0;
}

async function certificationRef(doc: PdfDocument): Promise<string | undefined> {
  const perms = await doc.dict((await doc.catalog()).get('Perms'));
  const ref = perms?.get('DocMDP');
  return ref instanceof PdfRef ? ref.key : undefined;
}

/**
 * Verifies every signature and document time-stamp of a PDF and returns DESIGN.md's
 * VerificationReport: byte ranges, cryptography, trust and revocation, time-stamps, PAdES level,
 * and what changed after each signature. Bad input is a typed error; never a false "valid".
 */
export async function verifyPdf(
  input: ByteSource | Uint8Array,
  options: VerifyPdfOptions = {},
): Promise<VerificationReport> {
  const source = input instanceof Uint8Array ? bytesSource(input) : input;
  const lang = options.lang ?? 'en';
  const validationTime = options.validationTime ?? new Date();
  const revocation = options.revocation ?? 'online';
  const weakAlgorithms = options.weakAlgorithms ?? 'reject';
  const provider = resolveProvider(options.provider);
  // byte ranges are hashed over the raw file and /Contents is never encrypted: once the file
  // opens, an encrypted file verifies like any other
  const doc = await PdfDocument.open(source, {
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...(options.recipient ? { recipient: options.recipient } : {}),
  });
  const unreadable = doc.encrypted && !doc.decrypted;
  const fileWarnings: Issue[] = doc.warnings.map((w) => localizeIssue(w, lang));
  const policy: VerificationReport['policy'] = {
    revocation,
    ...(options.trustProfile ? { trustProfile: options.trustProfile } : {}),
    trustAnchors: (options.anchors ?? []).map((a) => {
      const c = parseCertificate(a);
      return { subject: formatName(c.subject), sha256: certificateSha256(c) };
    }),
    weakAlgorithms,
  };
  const head = {
    validationTime: validationTime.toISOString(),
    policy,
    generator: { name: 'kyso' as const, version: options.version ?? '0.0.0' },
    lang,
    revisions: doc.revisions.length,
  };

  const entries: SignatureEntry[] = unreadable ? [] : await listSignatures(doc);
  if (unreadable)
    fileWarnings.push(
      localizeIssue(
        {
          code: 'ENCRYPTED_PDF',
          detail: `the file is encrypted and could not be opened (${doc.decryptionFailure?.params['detail'] ?? doc.decryptionFailure?.message}); its signatures were not checked`,
        },
        lang,
      ),
    );
  if (entries.length === 0)
    return {
      status: unreadable ? 'indeterminate' : 'unsigned',
      ...head,
      warnings: fileWarnings,
      signatures: [],
    };

  const certRef = await certificationRef(doc);
  const checks = await Promise.all(entries.map((e) => checkByteRange(doc, e)));
  const algorithms = entries.map(algorithmsFor);
  const usable = checks
    .map((c, i) => (c.range ? { index: i, byteRange: c.range, algorithms: algorithms[i]! } : undefined))
    .filter((x) => x !== undefined);
  const digests = await digestRanges(source, usable, provider.hasher, options.signal);
  const digestMaps = entries.map(() => new Map<DigestAlgorithm, Uint8Array>());
  usable.forEach((u, k) => {
    digestMaps[u.index] = digests[k]!;
  });

  const dss = await readDss(doc);
  const ctx = {
    anchors: options.anchors ?? [],
    intermediates: options.intermediates ?? [],
    dss,
    revocation,
    fetch: options.fetch ?? globalThis.fetch,
    transport: options.revocationTransport,
    validationTime,
    weakAlgorithms,
    lang,
    provider: options.provider,
    signal: options.signal,
  };
  const partials: PartialSignatureReport[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const kind: SignatureReport['kind'] =
      entry.type === 'DocTimeStamp'
        ? 'document-timestamp'
        : entry.ref && entry.ref.key === certRef
          ? 'certification'
          : 'signature';
    partials.push(
      await verifySignatureEntry({ entry, check: checks[i]!, digests: digestMaps[i]!, kind }, ctx),
    );
  }

  // modification analysis, per signature, against everything added after its revision
  const docMdp = await docMdpPermission(doc);
  const signed: SignedRevision[] = entries.map((e, i) => ({
    revision: checks[i]!.coversRevision,
    ...(e.ref ? { signatureObject: e.ref.key } : {}),
    field: e.field.name,
    isCertification: partials[i]!.kind === 'certification',
  }));
  const dssRef = (await doc.catalog()).get('DSS');
  const dssRevision =
    dssRef instanceof PdfRef ? revisionOf(doc, dssRef.num) : dss ? revisionOf(doc, doc.rootRef.num) : 0;

  const signatures: SignatureReport[] = [];
  for (let i = 0; i < entries.length; i++) {
    const p = partials[i]!;
    const analysis = await analyzeModifications(doc, signed[i]!, signed, docMdp);
    const coverageProblem = checks[i]!.coverage.length > 0;
    const modificationsAfter = coverageProblem ? 'disallowed' : analysis.modificationsAfter;
    const range = checks[i]!.range;
    // bytes of the signature's own revision left unsigned: anything could have been changed there
    const modifications = coverageProblem
      ? [
          {
            revision:
              doc.revisions.find((r) => range && r.end >= range[2] + range[3])?.number ??
              Math.max(1, doc.revisions.length),
            kind: 'unsigned-bytes',
            objects: [],
            allowed: false,
          },
          ...analysis.modifications,
        ]
      : analysis.modifications;
    const docTsAfterDss =
      dssRevision > 0 &&
      partials.some(
        (q, k) =>
          q.kind === 'document-timestamp' &&
          checks[k]!.coversRevision >= dssRevision &&
          q.indication === 'TOTAL_PASSED',
      );
    const level = padesLevel({
      subFilter: p.subFilter,
      hasSignatureTimestamp: p.hasSignatureTimestamp,
      dssAfter:
        dss !== undefined &&
        dssRevision > checks[i]!.coversRevision &&
        dss.ocspResponses.length + dss.crls.length > 0,
      documentTimestampAfterDss: docTsAfterDss,
    });
    const { hasSignatureTimestamp: _, ...rest } = p;
    const errors = [...rest.errors];
    if (modificationsAfter === 'disallowed')
      errors.push(
        localizeIssue(
          {
            code: 'DISALLOWED_MODIFICATION',
            detail: `the document was changed after this signature in a way its signer did not allow (${[
              ...new Set(
                modifications.filter((m) => !m.allowed).map((m) => `${m.kind} in revision ${m.revision}`),
              ),
            ].join(', ')})`,
          },
          lang,
        ),
      );
    const status: SignatureReport['status'] =
      rest.indication === 'TOTAL_PASSED'
        ? modificationsAfter === 'disallowed'
          ? 'invalid'
          : 'valid'
        : rest.status;
    signatures.push({
      ...rest,
      level,
      modificationsAfter,
      modifications,
      status,
      errors,
      warnings: [...rest.warnings, ...analysis.warnings.map((w) => localizeIssue(w, lang))],
    });
  }
  const status = signatures.reduce<VerificationReport['status']>(
    (worst, s) => (ORDER[s.status] > ORDER[worst] ? s.status : worst),
    'valid',
  );
  return { status, ...head, warnings: fileWarnings, signatures };
}
