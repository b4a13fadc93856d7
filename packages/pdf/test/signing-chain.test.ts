import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { digest, OID, Pkcs12Signer, parseSignedData, parseTstInfo, toHex } from '@kyso/core';
import { makeTestPdf, type TestPdfOptions } from '@kyso/testkit';
import { makeTestPdfFile, openssl, type PkiServer, startTestPki, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bytesSource,
  listSignatures,
  type PadesLevel,
  PdfDocument,
  signedBytes,
  signPdf,
} from '../src/index.js';
import { mutoolVerify, pdfsig, qpdfCheck } from './support/judges.js';

/**
 * DESIGN.md's promise: every signer in an approval chain appends, and no step breaks an earlier
 * signature. Five signers (RSA and ECDSA, B-B and B-T, the first certifying with P=2) sign each input
 * form in turn; after every step pdfsig, mutool, qpdf and openssl judge the file.
 */
let server: PkiServer;
let dir: { path: string; remove: () => Promise<void> };
const file = (n: string) => join(dir.path, n);

const STEPS: { id: string; level: PadesLevel; certify?: 2 }[] = [
  { id: 'lanh-dao-phong', level: 'B-B', certify: 2 },
  { id: 'lanh-dao-van-phong', level: 'B-T' },
  { id: 'lanh-dao-co-quan', level: 'B-B' },
  { id: 'signer-p384', level: 'B-T' },
  { id: 'to-chuc', level: 'B-T' },
];

beforeAll(async () => {
  server = await startTestPki({
    include: ['lanh-dao-phong', 'lanh-dao-van-phong', 'lanh-dao-co-quan', 'signer-p384', 'to-chuc', 'tsa'],
  });
  dir = await tempDir('kyso-chain-');
  await writeFile(file('root.pem'), server.pki.get('root').certificatePem);
  await writeFile(file('ca.pem'), server.pki.get('ca').certificatePem);
});
afterAll(async () => {
  await server.close();
  await dir.remove();
});

async function input(form: string): Promise<Uint8Array> {
  const fields: TestPdfOptions['fields'] = [
    { type: 'text', name: 'so_van_ban', rect: [72, 700, 272, 720], value: '12/KH-UBND' },
    { type: 'signature', name: 'LanhDaoPhong', rect: [300, 100, 500, 160] },
  ];
  switch (form) {
    case 'linearized': {
      await makeTestPdfFile(file('linearized.pdf'), { form: 'linearized', pages: 3 });
      return new Uint8Array(await readFile(file('linearized.pdf')));
    }
    case 'fields':
      return makeTestPdf({ form: 'classic', fields });
    default:
      return makeTestPdf({ form: form as NonNullable<TestPdfOptions['form']>, pages: 3 });
  }
}

/** openssl ts -verify on each signature time-stamp token of the file. */
async function timestampsVerify(bytes: Uint8Array, name: string): Promise<number> {
  const doc = await PdfDocument.open(bytesSource(bytes));
  let checked = 0;
  for (const s of await listSignatures(doc)) {
    const sd = parseSignedData(s.contents!, { trailingZeros: true });
    const si = sd.signerInfos[0]!;
    for (const attr of si.unsignedAttrs.filter((a) => a.oid === OID.signatureTimeStampToken)) {
      const token = attr.values[0]!;
      const tokenPath = file(`${name}-ts-${checked}.der`);
      await writeFile(tokenPath, token.source.subarray(token.start, token.end));
      const tst = parseTstInfo(parseSignedData(token.source.subarray(token.start, token.end)).content!);
      const imprint = toHex(await digest(tst.hash!, si.signature));
      const r = await openssl([
        'ts',
        '-verify',
        '-token_in',
        '-in',
        tokenPath,
        '-digest',
        imprint,
        '-CAfile',
        file('root.pem'),
        '-untrusted',
        file('ca.pem'),
      ]);
      expect(r.stdout + r.stderr, `${name} token ${checked}`).toContain('Verification: OK');
      checked++;
    }
  }
  return checked;
}

describe.each(['classic', 'xref-stream', 'hybrid', 'linearized', 'pdf-2.0', 'fields'])(
  'a chain of five signers on a %s file',
  (form) => {
    it('keeps every signature valid after every step', async () => {
      let bytes = await input(form);
      for (let i = 0; i < STEPS.length; i++) {
        const step = STEPS[i]!;
        const identity = server.pki.get(step.id);
        const signer = await Pkcs12Signer.open(await identity.toPkcs12(), identity.password);
        const signed = await signPdf(bytes, {
          signer,
          level: step.level,
          ...(step.level === 'B-T' ? { tsa: { url: server.urls.tsa } } : {}),
          ...(step.certify ? { certify: step.certify } : {}),
          ...(form === 'fields' && i === 1 ? { field: 'LanhDaoPhong' } : {}),
          reason: `Bước ${i + 1}`,
          revocation: { mode: 'online', fetch: globalThis.fetch },
        });
        const previous = bytes;
        bytes = await signedBytes(signed);
        // append-only: every earlier byte is where it was
        expect(bytes.subarray(0, previous.length)).toEqual(previous);
        const path = file(`${form}-${i + 1}.pdf`);
        await writeFile(path, bytes);
        const ps = await pdfsig(path);
        expect(ps.valid, ps.output).toEqual(Array(i + 1).fill(true));
        const mu = await mutoolVerify(path);
        expect(mu.intact, mu.output).toEqual(Array(i + 1).fill(true));
        const q = await qpdfCheck(path);
        expect(q.ok, q.output).toBe(true);
      }
      expect(await timestampsVerify(bytes, form)).toBe(3);
      const doc = await PdfDocument.open(bytesSource(bytes));
      const sigs = await listSignatures(doc);
      expect(sigs.map((s) => s.subFilter)).toEqual(Array(5).fill('ETSI.CAdES.detached'));
      if (form === 'fields') expect(sigs[1]!.field.name).toBe('LanhDaoPhong');
      const last = sigs.at(-1)!.byteRange!;
      expect(last[2]! + last[3]!).toBe(bytes.length);
    });
  },
);
