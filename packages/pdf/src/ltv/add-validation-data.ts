import {
  type Certificate,
  type CryptoProvider,
  createRevocationChecker,
  KysoError,
  parseCertificate,
  type RevocationCheckerOptions,
  resolveProvider,
  toHex,
} from '@kyso/core';
import { PdfDocument } from '../document/pdf-document.js';
import { type ByteSource, bytesSource } from '../io/byte-source.js';
import { appendedSource } from '../io/concat-source.js';
import { listSignatures, type SignatureEntry } from '../signatures/list-signatures.js';
import { DocumentEdit } from '../writer/document-edit.js';
import { type AppendedPdf, assertSignaturesKept, buildUpdate } from './append.js';
import { aiaFetcher, certificateChain } from './chain.js';
import { derKey, loadDss, type ValidationData } from './dss-read.js';
import { type DssAdded, writeDss } from './dss-write.js';
import { type CertificateStatus, EvidenceCollector, emptyData, mergeInto } from './revocation-evidence.js';
import { signatureMaterial } from './signature-material.js';

export interface ValidationDataOptions {
  /** Only the signatures (or document time-stamps) of these fields; all of them by default. */
  signatures?: readonly string[];
  /** Trust anchors and intermediates (DER) that complete chains the CMS and the DSS leave open. */
  trust?: { anchors?: readonly Uint8Array[]; certificates?: readonly Uint8Array[] };
  /**
   * How revocation evidence is obtained: online by default (what the document already holds
   * first, if still current, then the network through `fetch`); `embedded` uses only what is at
   * hand. `off` is refused: validation data is revocation data.
   */
  revocation?: RevocationCheckerOptions;
  /** `first` (default): the evidence that answered; `all`: also a CRL for certificates OCSP answered. */
  revocationSources?: 'first' | 'all';
  /** Write /VRI entries (per-signature lists, with /TU); true by default. */
  vri?: boolean;
  /**
   * Write what was found even when some status could not be established (it is reported in
   * `incomplete`); otherwise that is REVOCATION_UNAVAILABLE and nothing is written.
   */
  allowIncomplete?: boolean;
  provider?: Partial<CryptoProvider>;
  signal?: AbortSignal;
}

export interface ValidationDataReport {
  /** The signatures covered, in file order, with their VRI key. */
  signatures: { field: string; type: 'Sig' | 'DocTimeStamp'; vriKey: string }[];
  /** Every certificate looked at, with the status established now. */
  certificates: CertificateStatus[];
  /** Certificates of the signatures' and time-stamps' chains whose status could not be established. */
  incomplete: CertificateStatus[];
  /** What the update added (all zero when nothing was new: then nothing is appended). */
  added: DssAdded;
  /** The time the evidence was gathered for (/TU). */
  time: Date;
}

export interface ValidationDataResult extends AppendedPdf {
  report: ValidationDataReport;
}

/** ETSI EN 319 142-1 §5.4.2.2: the VRI key is the uppercase hex SHA-1 of the /Contents bytes as stored. */
export function vriKey(contents: Uint8Array, provider: CryptoProvider): string {
  return toHex(provider.hasher('SHA-1').update(contents).digest()).toUpperCase();
}

function parsePool(ders: readonly Uint8Array[]): Certificate[] {
  const out: Certificate[] = [];
  for (const der of ders) {
    try {
      out.push(parseCertificate(der));
    } catch {
      // a stray blob among the certificates at hand cannot be an issuer
    }
  }
  return out;
}

function unique(ders: readonly Uint8Array[]): Uint8Array[] {
  const seen = new Map<string, Uint8Array>();
  for (const der of ders) seen.set(derKey(der), der);
  return [...seen.values()];
}

function pick(all: SignatureEntry[], names: readonly string[] | undefined): SignatureEntry[] {
  if (!names) return all;
  for (const n of names)
    if (!all.some((s) => s.field.name === n))
      throw new KysoError('USAGE', { params: { detail: `no signed field named ${n}` } });
  return all.filter((s) => names.includes(s.field.name));
}

/**
 * PAdES B-LT: appends one incremental update with a /DSS holding the certificates, OCSP responses
 * and CRLs that every signature and document time-stamp (or the ones named) needs, for its signer
 * and for the TSAs of its time-stamps, merged with the DSS the document already has. Everything is
 * gathered before anything is written: a status that cannot be established is REVOCATION_UNAVAILABLE
 * (unless `allowIncomplete`), with no output.
 */
export async function addValidationData(
  input: ByteSource | Uint8Array,
  options: ValidationDataOptions = {},
): Promise<ValidationDataResult> {
  const source = input instanceof Uint8Array ? bytesSource(input) : input;
  const provider = resolveProvider(options.provider);
  const revocation = options.revocation ?? { mode: 'online' as const };
  if (revocation.mode === 'off')
    throw new KysoError('USAGE', {
      params: { detail: 'validation data needs revocation checking (online or embedded)' },
    });
  const time = revocation.now ?? new Date();
  const signal = options.signal;

  const doc = await PdfDocument.open(source);
  if (doc.encrypted) throw new KysoError('ENCRYPTED_PDF');
  const all = await listSignatures(doc);
  const entries = pick(all, options.signatures);
  const loaded = await loadDss(doc);
  const anchors = parsePool(options.trust?.anchors ?? []);
  const given = [...(options.trust?.anchors ?? []), ...(options.trust?.certificates ?? [])];

  const atHand = [...(loaded?.dss.certificates ?? []), ...given];
  const materials = [];
  for (const entry of entries) materials.push(await signatureMaterial(entry, atHand, provider));
  const carried = emptyData();
  for (const m of materials) mergeInto(carried, m.carried);
  const certificates = unique([
    ...atHand,
    ...carried.certificates,
    ...(revocation.embedded?.certificates ?? []),
  ]);
  const ocspResponses = [
    ...(revocation.embedded?.ocspResponses ?? []),
    ...(loaded?.dss.ocspResponses ?? []),
    ...carried.ocspResponses,
  ];
  const crls = [...(revocation.embedded?.crls ?? []), ...(loaded?.dss.crls ?? []), ...carried.crls];

  const online = revocation.mode === 'online';
  const fetchFn =
    revocation.fetch ??
    (typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined);
  const timeoutMs = revocation.timeoutMs ?? 10_000;
  // ocsp false: CRLs only, for a CRL too where OCSP answered (core's checker stops at the first answer)
  const checker = (ocsp: boolean) =>
    createRevocationChecker({
      ...revocation,
      ocsp,
      embedded: { ocspResponses, crls, certificates },
      ...(options.provider ? { provider: options.provider } : {}),
      now: time,
    });
  const collector = new EvidenceCollector({
    checker: checker(true),
    ...(options.revocationSources === 'all' ? { crlChecker: checker(false) } : {}),
    anchors,
    time,
    ...(signal ? { signal } : {}),
  });
  const pool = parsePool(certificates);
  const perSignature = new Map<string, ValidationData>();
  const signatures: ValidationDataReport['signatures'] = [];
  const everything = emptyData();
  for (const m of materials) {
    const data = emptyData();
    for (const leaf of m.leaves) {
      const chain = await certificateChain(leaf.certificate, {
        anchors,
        pool,
        time,
        provider,
        ...(online && fetchFn ? { fetchIssuer: aiaFetcher(fetchFn, timeoutMs, signal) } : {}),
        ...(signal ? { signal } : {}),
      });
      mergeInto(data, await collector.forChain(chain, leaf.role));
    }
    const key = vriKey(m.entry.contents!, provider);
    perSignature.set(key, data);
    signatures.push({ field: m.entry.field.name, type: m.entry.type, vriKey: key });
    mergeInto(everything, data);
  }

  const incomplete = collector.statuses.filter((s) => s.status === 'unknown' && s.role !== 'ocsp-responder');
  if (incomplete.length > 0 && !options.allowIncomplete) {
    const detail = incomplete.map((s) => `${s.subject}: ${s.detail}`).join('; ');
    throw new KysoError('REVOCATION_UNAVAILABLE', { params: { detail } });
  }

  const edit = new DocumentEdit(doc);
  const added = await writeDss(edit, loaded, {
    data: everything,
    ...(options.vri === false ? {} : { vri: perSignature }),
    time,
  });
  const appended = added ? (await buildUpdate(edit, source)).bytes : new Uint8Array(0);
  const result = appendedSource(source, appended);
  if (added) await assertSignaturesKept(all, result);
  return {
    source,
    appended,
    result,
    report: {
      signatures,
      certificates: collector.statuses,
      incomplete,
      added: added ?? { certificates: 0, ocspResponses: 0, crls: 0, vriKeys: [] },
      time,
    },
  };
}
