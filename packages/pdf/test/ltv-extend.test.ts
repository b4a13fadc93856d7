import { createHash } from 'node:crypto';
import { isKysoError } from '@kyso/core';
import { makeTestPdf } from '@kyso/testkit';
import { type PkiServer, startTestPki, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addValidationData,
  type ByteSource,
  extendLevel,
  PdfDict,
  PdfDocument,
  PdfRef,
  PdfStream,
  readAll,
  signPdf,
} from '../src/index.js';
import { appendedSource } from '../src/io/concat-source.js';
import { DocumentEdit } from '../src/writer/document-edit.js';
import {
  dssOf,
  expectMutoolIntact,
  expectPdfsigValid,
  expectPrefix,
  expectQpdfClean,
  online,
  rawCounts,
  save,
  signerOf,
  tsaOf,
} from './ltv-support.js';

// Test PKIs generate RSA keys (a 4096-bit root): slow under a loaded machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let server: PkiServer;
let dir: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  server = await startTestPki({ include: ['lanh-dao-phong', 'chuyen-vien', 'tsa'] });
  dir = await tempDir('kyso-ltv-extend-');
});
afterAll(async () => {
  await server?.close();
  await dir?.remove();
});

const keys = (list: Uint8Array[]) => list.map((d) => createHash('sha256').update(d).digest('hex'));

/** The arrays as written hold each item once: as many entries as distinct items. */
async function expectNoDuplicates(source: ByteSource) {
  const { dss } = await dssOf(source);
  expect(await rawCounts(source)).toEqual({
    certificates: dss.certificates.length,
    ocspResponses: dss.ocspResponses.length,
    crls: dss.crls.length,
  });
}

/** Every item of `before` is still in `after` (a merge never drops). */
function expectKept(before: Uint8Array[], after: Uint8Array[]) {
  const now = new Set(keys(after));
  for (const k of keys(before)) expect(now.has(k)).toBe(true);
}

async function dssRefNum(source: ByteSource): Promise<number> {
  const doc = await PdfDocument.open(source);
  const ref = (await doc.catalog()).get('DSS');
  expect(ref).toBeInstanceOf(PdfRef);
  return (ref as PdfRef).num;
}

async function signBB(pdf: Uint8Array, id = 'lanh-dao-phong') {
  return signPdf(pdf, { signer: await signerOf(server, id), level: 'B-B', revocation: online() });
}

describe('extendLevel', () => {
  it('takes a B-B file (cross-reference streams) to B-LT, then B-LTA, the signature valid in pdfsig and mutool after every step', async () => {
    const pdf = await makeTestPdf({ form: 'xref-stream' });
    const bb = await signBB(pdf);
    const bbBytes = await readAll(bb.result);

    const lt = await extendLevel(bbBytes, 'B-LT', { revocation: online() });
    await expectPrefix(bbBytes, lt.result);
    const ltPath = await save(dir.path, 'bb-lt.pdf', lt.result);
    await expectPdfsigValid(ltPath, 1);
    await expectMutoolIntact(ltPath, 1);
    await expectQpdfClean(ltPath);
    const afterLt = await dssOf(lt.result);
    // a B-B signature has no time-stamp: the signer's chain only (signer, CA, root, OCSP responder)
    expect(afterLt.dss.certificates).toHaveLength(4);
    expect(afterLt.dss.ocspResponses).toHaveLength(2);
    expect(lt.timestamp).toBeUndefined();

    const ltBytes = await readAll(lt.result);
    const lta = await extendLevel(ltBytes, 'B-LTA', { revocation: online(), tsa: tsaOf(server) });
    await expectPrefix(ltBytes, lta.result);
    const ltaPath = await save(dir.path, 'bb-lta.pdf', lta.result);
    await expectPdfsigValid(ltaPath, 1);
    await expectMutoolIntact(ltaPath, 1);
    await expectQpdfClean(ltaPath);
    const afterLta = await dssOf(lta.result);
    expect(afterLta.signatures.map((s) => s.type)).toEqual(['Sig', 'DocTimeStamp']);
    expect(lta.timestamp?.fieldName).toBe('Timestamp1');
    // nothing new to gather (the answers are still current): the DSS step appended nothing
    expect(lta.validation.added).toEqual({ certificates: 0, ocspResponses: 0, crls: 0, vriKeys: [] });
    expect(afterLta.doc.revisions).toHaveLength(afterLt.doc.revisions.length + 1);
  });

  it('renews a B-LTA file: the DSS is merged (same object, nothing dropped, no duplicates) and a second document time-stamp covers it', async () => {
    const pdf = await makeTestPdf();
    const first = await signPdf(pdf, {
      signer: await signerOf(server, 'lanh-dao-phong'),
      level: 'B-LTA',
      tsa: tsaOf(server),
      revocation: online(),
      ltv: { revocationSources: 'all' },
    });
    const before = await dssOf(first.result);
    const firstBytes = await readAll(first.result);

    const renewed = await extendLevel(firstBytes, 'B-LTA', {
      revocation: online(),
      revocationSources: 'all',
      tsa: tsaOf(server),
    });
    await expectPrefix(firstBytes, renewed.result);
    const after = await dssOf(renewed.result);
    await expectNoDuplicates(renewed.result);
    expectKept(before.dss.certificates, after.dss.certificates);
    expectKept(before.dss.ocspResponses, after.dss.ocspResponses);
    expectKept(before.dss.crls, after.dss.crls);
    // the first document time-stamp's TSA was already covered: same counts, one more VRI entry
    expect(after.dss.certificates).toHaveLength(before.dss.certificates.length);
    expect(after.dss.ocspResponses).toHaveLength(before.dss.ocspResponses.length);
    expect(after.dss.crls).toHaveLength(before.dss.crls.length);
    const stamp1 = before.signatures.find((s) => s.type === 'DocTimeStamp')!;
    const stamp1Key = createHash('sha1').update(stamp1.contents!).digest('hex').toUpperCase();
    expect(renewed.validation.added.vriKeys).toEqual([stamp1Key]);
    expect([...after.dss.vri.keys()].sort()).toEqual([...before.dss.vri.keys(), stamp1Key].sort());
    expect(await dssRefNum(renewed.result)).toBe(await dssRefNum(first.result));

    expect(after.signatures.map((s) => [s.field.name, s.type])).toEqual([
      ['Signature1', 'Sig'],
      ['Timestamp1', 'DocTimeStamp'],
      ['Timestamp2', 'DocTimeStamp'],
    ]);
    const path = await save(dir.path, 'renewed.pdf', renewed.result);
    await expectPdfsigValid(path, 1);
    await expectMutoolIntact(path, 1);
    await expectQpdfClean(path);
  });

  it('for a second signer after B-LT, adds only that signer’s certificate and OCSP answer and keeps the rest', async () => {
    const pdf = await makeTestPdf();
    const lt = await signPdf(pdf, {
      signer: await signerOf(server, 'lanh-dao-phong'),
      level: 'B-LT',
      tsa: tsaOf(server),
      revocation: online(),
    });
    const before = await dssOf(lt.result);
    const second = await signPdf(await readAll(lt.result), {
      signer: await signerOf(server, 'chuyen-vien'),
      level: 'B-T',
      tsa: tsaOf(server),
      revocation: online(),
    });
    const merged = await addValidationData(second.result, { revocation: online() });
    expect(merged.report.added).toMatchObject({ certificates: 1, ocspResponses: 1, crls: 0 });
    // the TSA answer of the second signature's time-stamp was current: reused, not fetched again
    const tsaStatus = merged.report.certificates.find((c) => c.role === 'timestamp');
    expect(tsaStatus).toMatchObject({ status: 'good', embedded: true });

    const after = await dssOf(merged.result);
    await expectNoDuplicates(merged.result);
    expectKept(before.dss.certificates, after.dss.certificates);
    expectKept(before.dss.ocspResponses, after.dss.ocspResponses);
    expect(after.dss.certificates).toHaveLength(before.dss.certificates.length + 1);
    expect(after.dss.ocspResponses).toHaveLength(before.dss.ocspResponses.length + 1);
    expect(after.dss.vri.size).toBe(2);
    const path = await save(dir.path, 'two-signers.pdf', merged.result);
    await expectPdfsigValid(path, 2);
    await expectMutoolIntact(path, 2);
    await expectQpdfClean(path);

    // run again: nothing new, nothing appended
    const again = await addValidationData(merged.result, { revocation: online() });
    expect(again.appended).toHaveLength(0);
    expect(again.report.added).toEqual({ certificates: 0, ocspResponses: 0, crls: 0, vriKeys: [] });
  });

  it('merges a DSS another tool wrote directly in the catalog: its streams are reused and its foreign VRI entry kept', async () => {
    const bb = await signBB(await makeTestPdf());
    // another tool's DSS: the root certificate and a VRI entry for some other signature, all direct
    const doc = await PdfDocument.open(bb.result);
    const edit = new DocumentEdit(doc);
    const rootRef = edit.add(new PdfStream(new PdfDict(), server.pki.get('root').certificate));
    const foreign = 'AB'.repeat(20);
    (await edit.catalog()).set(
      'DSS',
      new PdfDict([
        ['Certs', [rootRef]],
        ['VRI', new PdfDict([[foreign, new PdfDict([['Cert', [rootRef]]])]])],
      ]),
    );
    const tail = edit.update.build(true).bytes;
    const withForeign = appendedSource(bb.result, tail);

    const merged = await addValidationData(withForeign, { revocation: online() });
    const after = await dssOf(merged.result);
    await expectNoDuplicates(merged.result);
    expect(after.dss.vri.has(foreign)).toBe(true);
    expect(after.dss.vri.size).toBe(2);
    // the root was there already: three certificates added (signer, CA, OCSP responder), the root's stream reused
    expect(merged.report.added.certificates).toBe(3);
    const finalDoc = await PdfDocument.open(merged.result);
    const dssDict = await finalDoc.dict((await finalDoc.catalog()).get('DSS'));
    const certs = (await finalDoc.resolve(dssDict!.get('Certs'))) as PdfRef[];
    expect(certs[0]?.num).toBe(rootRef.num);
    expect(certs).toHaveLength(4);
    const path = await save(dir.path, 'foreign-dss.pdf', merged.result);
    await expectPdfsigValid(path, 1);
    await expectQpdfClean(path);
  });

  it('gives validation data only to the signatures named, and refuses a name that is not a signed field', async () => {
    const pdf = await makeTestPdf();
    const first = await signBB(pdf);
    const both = await signBB(await readAll(first.result), 'chuyen-vien');
    const only = await addValidationData(both.result, { revocation: online(), signatures: ['Signature2'] });
    expect(only.report.signatures.map((s) => s.field)).toEqual(['Signature2']);
    const { dss } = await dssOf(only.result);
    expect(dss.vri.size).toBe(1);
    expect(dss.certificates.map((c) => createHash('sha256').update(c).digest('hex'))).not.toContain(
      createHash('sha256').update(server.pki.get('lanh-dao-phong').certificate).digest('hex'),
    );

    const error = await addValidationData(both.result, { revocation: online(), signatures: ['Nope'] }).catch(
      (e: unknown) => e,
    );
    expect(isKysoError(error, 'USAGE')).toBe(true);
  });
});
