/** Shared by the ltv*.test.ts files: signers from testkit, the judges, and reading what was written. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Pkcs12Signer, type Signer } from '@kyso/core';
import { type PkiServer, run } from '@kyso/testkit/node';
import { expect } from 'vitest';
import { type ByteSource, listSignatures, PdfDocument, readAll, readDss } from '../src/index.js';

export async function signerOf(server: PkiServer, id: string): Promise<Signer> {
  return Pkcs12Signer.open(await server.pki.get(id).toPkcs12(), 'kyso-test');
}

/** Revocation through the testkit servers (Node's fetch, loopback only). */
export function online(): { mode: 'online'; fetch: typeof fetch; timeoutMs: number } {
  return { mode: 'online', fetch, timeoutMs: 5_000 };
}

export function tsaOf(server: PkiServer): { url: string; fetch: typeof fetch } {
  return { url: server.urls.tsa, fetch };
}

/** Writes a source to `dir/name` and returns the path. */
export async function save(dir: string, name: string, source: ByteSource | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, source instanceof Uint8Array ? source : await readAll(source));
  return path;
}

/** pdfsig must say "Signature is Valid." once per approval signature (it skips document time-stamps). */
export async function expectPdfsigValid(path: string, approvalSignatures: number): Promise<void> {
  const r = await run('pdfsig', [path]);
  expect(r.code, r.stderr).toBe(0);
  const valid = r.stdout.match(/Signature Validation: Signature is Valid\./g) ?? [];
  expect(valid.length, r.stdout).toBe(approvalSignatures);
}

/** mutool sign -v: every approval signature's digest is intact. */
export async function expectMutoolIntact(path: string, approvalSignatures: number): Promise<void> {
  const r = await run('mutool', ['sign', '-v', path]);
  expect(r.code, r.stderr).toBe(0);
  const intact =
    r.stdout.match(
      /(The signature is valid but there have been edits since signing|unchanged since signing)/g,
    ) ?? [];
  expect(intact.length, r.stdout).toBe(approvalSignatures);
}

export async function expectQpdfClean(path: string): Promise<void> {
  const r = await run('qpdf', ['--check', path]);
  expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);
  expect(r.stdout).toContain('No syntax or stream encoding errors found');
}

export async function dssOf(source: ByteSource) {
  const doc = await PdfDocument.open(source);
  const dss = await readDss(doc);
  if (!dss) throw new Error('the document has no DSS');
  return { doc, dss, signatures: await listSignatures(doc) };
}

/** The input's bytes are a prefix of the output's: nothing before the end of the input moved. */
export async function expectPrefix(input: ByteSource | Uint8Array, output: ByteSource): Promise<void> {
  const before = input instanceof Uint8Array ? input : await readAll(input);
  const after = await readAll(output);
  expect(after.length).toBeGreaterThan(before.length);
  expect(Buffer.compare(Buffer.from(after.subarray(0, before.length)), Buffer.from(before))).toBe(0);
}

/** How many entries /Certs, /OCSPs and /CRLs hold as written (readDss removes duplicates). */
export async function rawCounts(
  source: ByteSource,
): Promise<{ certificates: number; ocspResponses: number; crls: number }> {
  const doc = await PdfDocument.open(source);
  const dss = await doc.dict((await doc.catalog()).get('DSS'));
  const count = async (key: string) => {
    const list = await doc.resolve(dss?.get(key));
    return Array.isArray(list) ? list.length : 0;
  };
  return {
    certificates: await count('Certs'),
    ocspResponses: await count('OCSPs'),
    crls: await count('CRLs'),
  };
}
