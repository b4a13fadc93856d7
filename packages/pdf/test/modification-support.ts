/** Shared by modifications.test.ts and attacks.test.ts: signers, signing, and forging later revisions. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  chooseAlgorithm,
  type Indication,
  nobleHasher,
  Pkcs12Signer,
  prepareCms,
  resolveProvider,
  type SignatureReport,
  type Signer,
  toBase64,
  type VerificationReport,
} from '@kyso/core';
import type { TestPki } from '@kyso/testkit';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import {
  bytesSource,
  contentsFor,
  digestPrepared,
  PdfDocument,
  patchIncrement,
  preparePdfSignature,
  type SignPdfOptions,
  signedBytes,
  signPdf,
  verifyPdf,
} from '../src/index.js';
import { DocumentEdit } from '../src/writer/document-edit.js';

export const latin1 = (bytes: Uint8Array): string => new TextDecoder('latin1').decode(bytes);
export const fromText = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export async function signerOf(pki: TestPki, id: string): Promise<Signer> {
  return Pkcs12Signer.open(await pki.get(id).toPkcs12(), 'kyso-test');
}

/** Signs (B-B, no revocation check: the tests judge what comes after). */
export async function sign(
  bytes: Uint8Array,
  signer: Signer,
  options: Omit<Partial<SignPdfOptions>, 'signer'> = {},
): Promise<Uint8Array> {
  return signedBytes(await signPdf(bytes, { signer, revocation: { mode: 'off' }, ...options }));
}

/**
 * Appends an incremental update made by `change` (any object rewritten, any added): what an editor,
 * or an attacker, appends after a signature.
 */
export async function appendUpdate(
  bytes: Uint8Array,
  change: (edit: DocumentEdit, doc: PdfDocument) => Promise<void>,
): Promise<Uint8Array> {
  const doc = await PdfDocument.open(bytesSource(bytes));
  const edit = new DocumentEdit(doc);
  await change(edit, doc);
  const last = bytes[bytes.length - 1];
  return concat(bytes, edit.update.build(last === 0x0a || last === 0x0d).bytes);
}

/**
 * Signs what `shown` says about the document while the bytes are `real` (same length, same layout):
 * the signature covers `real`. Lets a test force a signature kyso's signer refuses (after a P=1
 * certification) by showing the signer a P=2 copy.
 */
export async function signDespite(real: Uint8Array, shown: Uint8Array, signer: Signer): Promise<Uint8Array> {
  expect(shown.length).toBe(real.length);
  const certificates = await signer.certificates();
  const { hash, scheme } = await chooseAlgorithm(signer);
  const now = new Date();
  const prepared = await preparePdfSignature(bytesSource(shown), {
    certificates,
    hash,
    scheme,
    signingTime: now,
  });
  const [, a, b] = prepared.state.byteRange;
  const { rangeDigest } = await digestPrepared(
    bytesSource(real),
    prepared.increment,
    { start: a, end: b },
    hash,
    nobleHasher,
  );
  const cms = await prepareCms({
    signerCertificate: certificates[0]!,
    contentDigest: rangeDigest,
    hash,
    scheme,
    now,
    provider: resolveProvider(),
  });
  const value = await signer.sign({ digest: cms.digest, hash, scheme, data: cms.data });
  const state = { ...prepared.state, signedAttributes: toBase64(cms.data) };
  const hex = await contentsFor(state, value, { certificates });
  return concat(real, patchIncrement(prepared.increment, real.length, state, hex));
}

/** Replaces the first occurrence of `find` with `replace` (same length unless `resize`). */
export function patch(bytes: Uint8Array, find: string, replace: string, resize = false): Uint8Array {
  const at = latin1(bytes).indexOf(find);
  expect(at, `"${find}" in the file`).toBeGreaterThanOrEqual(0);
  if (!resize) expect(replace.length).toBe(find.length);
  return concat(bytes.subarray(0, at), fromText(replace), bytes.subarray(at + find.length));
}

export interface Verifier {
  anchors: Uint8Array[];
}

const schema = JSON.parse(
  await readFile(
    createRequire(import.meta.url).resolve('@kyso/core/schema/verification-report.json'),
    'utf8',
  ),
);
const matchesSchema = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

/** verifyPdf with revocation off; every report is checked against the committed JSON Schema. */
export async function verify(bytes: Uint8Array, v: Verifier): Promise<VerificationReport> {
  const report = await verifyPdf(bytes, { anchors: v.anchors, revocation: 'off' });
  expect(matchesSchema(report), JSON.stringify(matchesSchema.errors)).toBe(true);
  return report;
}

/** The modification kinds of a signature, as "kind" (allowed) or "!kind" (disallowed). */
export function kindsOf(s: SignatureReport): string[] {
  return [...new Set(s.modifications.map((m) => (m.allowed ? m.kind : `!${m.kind}`)))];
}

/** Expects the earlier signature's cryptographic verdict unchanged and its modification verdict as given. */
export function expectJudged(
  s: SignatureReport | undefined,
  expected: {
    indication: Indication;
    modificationsAfter: SignatureReport['modificationsAfter'];
    status: SignatureReport['status'];
    kinds?: string[];
  },
): void {
  expect(s, 'the signature').toBeDefined();
  const got = s!;
  const detail = JSON.stringify(got.modifications);
  expect(got.indication, 'crypto verdict').toBe(expected.indication);
  expect(got.modificationsAfter, detail).toBe(expected.modificationsAfter);
  expect(got.status, detail).toBe(expected.status);
  if (expected.kinds) for (const k of expected.kinds) expect(kindsOf(got), detail).toContain(k);
  if (expected.modificationsAfter === 'disallowed')
    expect(got.errors.map((e) => e.code)).toContain('DISALLOWED_MODIFICATION');
}
