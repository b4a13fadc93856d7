import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  checkTimestampToken,
  createRevocationChecker,
  parseCertificate,
  parseCrl,
  parseOcspResponse,
  parseSignedData,
  resolveProvider,
  toHex,
  validatePath,
} from '@kyso/core';
import { makeTestPdf } from '@kyso/testkit';
import { openssl, type PkiServer, startTestPki, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readAll, signPdf } from '../src/index.js';
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
let pdf: Uint8Array;

beforeAll(async () => {
  server = await startTestPki({ include: ['lanh-dao-phong', 'tsa'] });
  dir = await tempDir('kyso-ltv-');
  pdf = await makeTestPdf();
});
afterAll(async () => {
  await server?.close();
  await dir?.remove();
});

const serialOf = (der: Uint8Array) => parseCertificate(der).serialHex;
const stripZero = (b: Uint8Array) => (b.length > 1 && b[0] === 0 ? b.subarray(1) : b);
const contains = (list: Uint8Array[], der: Uint8Array) =>
  list.some((x) => Buffer.compare(Buffer.from(x), Buffer.from(der)) === 0);

async function signLt(level: 'B-LT' | 'B-LTA', ltv: { revocationSources?: 'first' | 'all' } = {}) {
  return signPdf(pdf, {
    signer: await signerOf(server, 'lanh-dao-phong'),
    level,
    tsa: tsaOf(server),
    revocation: online(),
    ltv,
  });
}

describe('signPdf at B-LT', () => {
  it('appends a DSS update after the B-T signature that pdfsig, mutool and qpdf accept', async () => {
    const signed = await signLt('B-LT', { revocationSources: 'all' });
    await expectPrefix(pdf, signed.result);
    const path = await save(dir.path, 'b-lt.pdf', signed.result);
    await expectPdfsigValid(path, 1);
    await expectMutoolIntact(path, 1);
    await expectQpdfClean(path);

    const { doc, dss, signatures } = await dssOf(signed.result);
    // the original, the signature, the DSS: three revisions, the signature not covering the DSS
    expect(doc.revisions).toHaveLength(3);
    expect(signatures).toHaveLength(1);
    const [sig] = signatures;
    expect(sig!.byteRange![2]! + sig!.byteRange![3]!).toBe(doc.revisions[1]!.end);

    const pki = server.pki;
    for (const id of ['lanh-dao-phong', 'ca', 'root', 'tsa', 'ocsp'])
      expect(contains(dss.certificates, pki.get(id).certificate), id).toBe(true);
    // each item written once
    expect(await rawCounts(signed.result)).toEqual({ certificates: 5, ocspResponses: 3, crls: 2 });
    expect(dss.certificates).toHaveLength(5);

    // OCSP answers from testkit about the signer, the TSA and the issuing CA
    const answered = dss.ocspResponses.flatMap((der) => {
      const r = parseOcspResponse(der);
      expect(r.status).toBe('successful');
      return r.basic!.responses.map((s) => ({
        serial: toHex(stripZero(s.certId.serialNumber)).toUpperCase(),
        s,
      }));
    });
    for (const id of ['lanh-dao-phong', 'tsa', 'ca']) {
      const hit = answered.find((a) => a.serial === serialOf(pki.get(id).certificate));
      expect(hit?.s.status, id).toBe('good');
    }
    // and, with revocationSources 'all', the CRLs of the issuing CA and of the root
    const issuers = dss.crls.map((der) => parseCrl(der).issuer.der);
    expect(dss.crls).toHaveLength(2);
    for (const id of ['ca', 'root']) {
      const subject = parseCertificate(pki.get(id).certificate).subject.der;
      expect(
        issuers.some((i) => Buffer.compare(Buffer.from(i), Buffer.from(subject)) === 0),
        id,
      ).toBe(true);
    }
    expect(signed.validation?.incomplete).toEqual([]);
    expect(signed.validation?.added).toMatchObject({ ocspResponses: 3, crls: 2 });
  });

  it('keeps only the evidence that answered by default: OCSP responses, no CRL', async () => {
    const signed = await signLt('B-LT');
    const { dss } = await dssOf(signed.result);
    expect(dss.ocspResponses).toHaveLength(3);
    expect(dss.crls).toHaveLength(0);
  });

  it("writes a VRI entry keyed by the uppercase SHA-1 of the stored /Contents, with that signature's data and /TU", async () => {
    const signed = await signLt('B-LT');
    const { dss, signatures } = await dssOf(signed.result);
    const key = createHash('sha1').update(signatures[0]!.contents!).digest('hex').toUpperCase();
    expect([...dss.vri.keys()]).toEqual([key]);
    const entry = dss.vri.get(key)!;
    expect(entry.ocspResponses).toHaveLength(3);
    expect(contains(entry.certificates, server.pki.get('lanh-dao-phong').certificate)).toBe(true);
    expect(contains(entry.certificates, server.pki.get('tsa').certificate)).toBe(true);
    // /TU is the gathering time, to the second
    expect(Math.abs(entry.time!.getTime() - signed.validation!.time.getTime())).toBeLessThan(1000);
    expect(signed.validation?.signatures).toEqual([{ field: 'Signature1', type: 'Sig', vriKey: key }]);
  });
});

describe('the DSS after the servers are gone', () => {
  it("alone proves the signer's and the TSA's certificates unrevoked (embedded revocation, TOTAL_PASSED)", async () => {
    const own = await startTestPki({ include: ['lanh-dao-phong', 'tsa'] });
    let signed: Awaited<ReturnType<typeof signPdf>>;
    try {
      signed = await signPdf(pdf, {
        signer: await signerOf(own, 'lanh-dao-phong'),
        level: 'B-LT',
        tsa: tsaOf(own),
        revocation: online(),
      });
    } finally {
      await own.close();
    }
    const { dss } = await dssOf(signed.result);
    const embedded = createRevocationChecker({ mode: 'embedded', embedded: dss });
    const pool = dss.certificates.map((c) => parseCertificate(c));
    const root = parseCertificate(own.pki.get('root').certificate);
    const provider = resolveProvider();
    for (const [id, usage] of [
      ['lanh-dao-phong', 'signature'],
      ['tsa', 'timestamp'],
    ] as const) {
      // the leaf comes from the DSS too
      const leaf = pool.find((c) => c.serialHex === serialOf(own.pki.get(id).certificate))!;
      expect(leaf, id).toBeDefined();
      const v = await validatePath(leaf, {
        anchors: [root],
        pool,
        time: new Date(),
        revocation: embedded,
        usage,
        provider,
      });
      expect(v.errors, id).toEqual([]);
      expect(v.indication, id).toBe('TOTAL_PASSED');
      expect(v.revocations.map((r) => [r.status, r.embedded])).toEqual([
        ['good', true],
        ['good', true],
      ]);
    }
  });
});

describe('signPdf at B-LTA', () => {
  it('adds, after the DSS, a document time-stamp that openssl ts -verify and checkTimestampToken accept over its byte ranges', async () => {
    const signed = await signLt('B-LTA');
    const path = await save(dir.path, 'b-lta.pdf', signed.result);
    await expectPdfsigValid(path, 1);
    await expectMutoolIntact(path, 1);
    await expectQpdfClean(path);

    const { doc, signatures } = await dssOf(signed.result);
    expect(doc.revisions).toHaveLength(4);
    const stamp = signatures.find((s) => s.type === 'DocTimeStamp')!;
    expect(stamp.subFilter).toBe('ETSI.RFC3161');
    expect(stamp.dict.name('Type')).toBe('DocTimeStamp');
    const [, a, b, c] = stamp.byteRange!;
    const whole = await readAll(signed.result);
    // it covers the whole file, the DSS revision included
    expect(b! + c!).toBe(whole.length);
    expect(a!).toBeGreaterThan(doc.revisions[2]!.end);

    const covered = Buffer.concat([whole.subarray(0, a), whole.subarray(b!, b! + c!)]);
    const token = parseSignedData(stamp.contents!, { trailingZeros: true }).der;
    const files = {
      token: join(dir.path, 'token.der'),
      data: join(dir.path, 'covered.bin'),
      root: join(dir.path, 'root.pem'),
      ca: join(dir.path, 'ca.pem'),
    };
    await writeFile(files.token, token);
    await writeFile(files.data, covered);
    await writeFile(files.root, server.pki.get('root').certificatePem);
    await writeFile(files.ca, server.pki.get('ca').certificatePem);
    const verified = await openssl([
      'ts',
      '-verify',
      '-token_in',
      '-in',
      files.token,
      '-data',
      files.data,
      '-CAfile',
      files.root,
      '-untrusted',
      files.ca,
    ]);
    expect(`${verified.stdout}${verified.stderr}`).toContain('Verification: OK');
    expect(verified.code).toBe(0);

    const provider = resolveProvider();
    const check = await checkTimestampToken(token, {
      messageImprint: async () => new Uint8Array(createHash('sha256').update(covered).digest()),
      provider,
    });
    expect(check.errors).toEqual([]);
    expect(check.indication).toBe('TOTAL_PASSED');
    expect(check.imprintMatches).toBe(true);
    expect(check.tsaCertificate?.serialHex).toBe(serialOf(server.pki.get('tsa').certificate));
  });
});
