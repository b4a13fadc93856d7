import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isKysoError, Pkcs12Signer, type Signer } from '@kyso/core';
import { makeTestPdf } from '@kyso/testkit';
import { type PkiServer, run, startTestPki, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertPreparedSignature,
  bytesSource,
  finishPdfSignature,
  listSignatures,
  PdfDocument,
  PdfRef,
  preparePdfSignature,
  signedBytes,
  signPdf,
} from '../src/index.js';
import { signPdfFile } from '../src/node/index.js';
import { pdfsig, qpdfCheck } from './support/judges.js';

let server: PkiServer;
let dir: { path: string; remove: () => Promise<void> };
const file = (n: string) => join(dir.path, n);
const signers = new Map<string, Signer>();
const off = { mode: 'off' as const };

async function signer(id: string): Promise<Signer> {
  let s = signers.get(id);
  if (!s) {
    const identity = server.pki.get(id);
    s = await Pkcs12Signer.open(await identity.toPkcs12(), identity.password);
    signers.set(id, s);
  }
  return s;
}

async function sign(bytes: Uint8Array, id: string, options: Partial<Parameters<typeof signPdf>[1]> = {}) {
  return signedBytes(await signPdf(bytes, { signer: await signer(id), revocation: off, ...options }));
}

async function judged(bytes: Uint8Array, name: string) {
  const path = file(name);
  await writeFile(path, bytes);
  return { path, sig: await pdfsig(path), qpdf: await qpdfCheck(path) };
}

const errorOf = async (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

beforeAll(async () => {
  server = await startTestPki({
    include: ['lanh-dao-phong', 'signer-p256', 'revoked', 'expired', 'wrong-key-usage', 'to-chuc'],
  });
  dir = await tempDir('kyso-sign-');
});
afterAll(async () => {
  await server.close();
  await dir.remove();
});

describe('two-phase signing (prepare → sign anywhere → finish)', () => {
  it('round-trips the state through JSON and gives a valid file', async () => {
    const pdf = await makeTestPdf();
    const s = await signer('signer-p256');
    const certificates = await s.certificates();
    const prepared = await preparePdfSignature(bytesSource(pdf), {
      certificates,
      hash: 'SHA-256',
      scheme: 'ECDSA',
      signingTime: new Date('2025-01-02T09:29:02Z'),
    });
    const state = assertPreparedSignature(JSON.parse(JSON.stringify(prepared.state)));
    expect(state).toMatchObject({
      version: 1,
      subFilter: 'ETSI.CAdES.detached',
      hash: 'SHA-256',
      scheme: 'ECDSA',
    });
    expect(Object.keys(state).sort()).toEqual([
      'byteRange',
      'contentsLength',
      'contentsOffset',
      'createdAt',
      'hash',
      'preparedFileSha256',
      'scheme',
      'signedAttributes',
      'signerCertificateSha256',
      'subFilter',
      'version',
    ]);
    const preparedFile = new Uint8Array(pdf.length + prepared.increment.length);
    preparedFile.set(pdf);
    preparedFile.set(prepared.increment, pdf.length);
    // the byte ranges skip exactly the /Contents hex string, brackets included
    expect(String.fromCharCode(preparedFile[state.byteRange[1]]!)).toBe('<');
    expect(String.fromCharCode(preparedFile[state.byteRange[2] - 1]!)).toBe('>');
    expect(state.byteRange[2] + state.byteRange[3]).toBe(preparedFile.length);
    const value = await s.sign({
      digest: prepared.digest,
      hash: 'SHA-256',
      scheme: 'ECDSA',
      data: prepared.data,
    });
    const signedFile = await finishPdfSignature(preparedFile, state, value, { certificates });
    // nothing but the /Contents digits changed
    const diff = [...signedFile].flatMap((b, i) => (b !== preparedFile[i] ? [i] : []));
    expect(Math.min(...diff)).toBeGreaterThanOrEqual(state.contentsOffset);
    expect(Math.max(...diff)).toBeLessThan(state.contentsOffset + state.contentsLength);
    const { sig, qpdf } = await judged(signedFile, 'two-phase.pdf');
    expect(sig.valid, sig.output).toEqual([true]);
    expect(qpdf.ok, qpdf.output).toBe(true);
    expect(sig.output).toContain('Signing Time: Jan 02 2025 09:29:02');

    const tampered = preparedFile.slice();
    tampered[100]! ^= 1;
    expect(
      isKysoError(
        await errorOf(finishPdfSignature(tampered, state, value, { certificates })),
        'STATE_MISMATCH',
      ),
    ).toBe(true);
    const wrong = value.slice();
    wrong[wrong.length - 2]! ^= 1;
    expect(
      isKysoError(
        await errorOf(finishPdfSignature(preparedFile, state, wrong, { certificates })),
        'BAD_SIGNATURE_VALUE',
      ),
    ).toBe(true);
    const otherCerts = await (await signer('lanh-dao-phong')).certificates();
    expect(
      isKysoError(
        await errorOf(finishPdfSignature(preparedFile, state, value, { certificates: otherCerts })),
        'STATE_MISMATCH',
      ),
    ).toBe(true);
  });
});

describe('refusals before anything is written', () => {
  it('SIGNATURE_TOO_LARGE when the CMS does not fit, with no output file', async () => {
    await writeFile(file('in.pdf'), await makeTestPdf());
    const e = await errorOf(
      signPdfFile(file('in.pdf'), file('too-large.pdf'), {
        signer: await signer('lanh-dao-phong'),
        revocation: off,
        capacity: 512,
      }),
    );
    expect(isKysoError(e, 'SIGNATURE_TOO_LARGE')).toBe(true);
    await expect(stat(file('too-large.pdf'))).rejects.toThrow();
  });

  it('an expired, revoked or non-signing certificate is refused before signing', async () => {
    const pdf = await makeTestPdf();
    const online = { mode: 'online' as const, fetch: globalThis.fetch };
    expect(
      isKysoError(await errorOf(sign(pdf, 'revoked', { revocation: online })), 'CERTIFICATE_REVOKED'),
    ).toBe(true);
    expect(
      isKysoError(await errorOf(sign(pdf, 'expired', { revocation: online })), 'CERTIFICATE_EXPIRED'),
    ).toBe(true);
    expect(isKysoError(await errorOf(sign(pdf, 'wrong-key-usage')), 'CERTIFICATE_NOT_FOR_SIGNING')).toBe(
      true,
    );
    server.outage.ocsp = server.outage.crl = 'unavailable';
    const unavailable = await errorOf(sign(pdf, 'lanh-dao-phong', { revocation: online }));
    server.outage.ocsp = server.outage.crl = 'none';
    expect(isKysoError(unavailable, 'REVOCATION_UNAVAILABLE')).toBe(true);
  });

  it('an encrypted PDF is ENCRYPTED_PDF', async () => {
    await writeFile(file('plain.pdf'), await makeTestPdf());
    const r = await run('qpdf', [
      '--encrypt',
      'user',
      'owner',
      '256',
      '--',
      file('plain.pdf'),
      file('encrypted.pdf'),
    ]);
    expect(r.code).toBe(0);
    const e = await errorOf(sign(new Uint8Array(await readFile(file('encrypted.pdf'))), 'lanh-dao-phong'));
    expect(isKysoError(e, 'ENCRYPTED_PDF')).toBe(true);
  });

  it('garbage is PDF_STRUCTURE, not a crash', async () => {
    for (const bytes of [
      new Uint8Array(0),
      new TextEncoder().encode('%PDF-1.7\nnot really'),
      new TextEncoder().encode('hello world'),
    ]) {
      const e = await errorOf(sign(bytes, 'lanh-dao-phong'));
      expect(isKysoError(e) && ['PDF_STRUCTURE', 'INVALID_INPUT'].includes(e.code), String(e)).toBe(true);
    }
  });
});

describe('fields', () => {
  it('signs an existing empty field by name and refuses it once signed (FIELD_ALREADY_SIGNED)', async () => {
    const pdf = await makeTestPdf({
      fields: [
        { type: 'signature', name: 'ChuKy1', rect: [100, 100, 300, 160] },
        { type: 'text', name: 'ghichu', rect: [100, 300, 300, 320], value: 'giu nguyen' },
      ],
    });
    const once = await sign(pdf, 'lanh-dao-phong', { field: 'ChuKy1' });
    const doc = await PdfDocument.open(bytesSource(once));
    const sigs = await listSignatures(doc);
    expect(sigs.map((s) => s.field.name)).toEqual(['ChuKy1']);
    expect(
      isKysoError(await errorOf(sign(once, 'signer-p256', { field: 'ChuKy1' })), 'FIELD_ALREADY_SIGNED'),
    ).toBe(true);
    // a new name creates a field; an unnamed signature gets the next free SignatureN
    const twice = await sign(once, 'signer-p256', { field: 'ChuKy2' });
    const third = await sign(twice, 'to-chuc');
    const names = (await listSignatures(await PdfDocument.open(bytesSource(third)))).map((s) => s.field.name);
    expect(names).toEqual(['ChuKy1', 'ChuKy2', 'Signature1']);
    const { sig, qpdf } = await judged(third, 'fields.pdf');
    expect(sig.valid).toEqual([true, true, true]);
    expect(qpdf.ok, qpdf.output).toBe(true);
  });

  it('places a visible signature by displayed coordinates on rotated and cropped pages', async () => {
    const pdf = await makeTestPdf({ pages: 4, rotate: [0, 90, 180, 270], cropBox: [20, 30, 575, 800] });
    let bytes = pdf;
    for (let page = 1; page <= 4; page++)
      bytes = await sign(bytes, 'lanh-dao-phong', {
        visible: { page, rect: { x: 50, y: 60, width: 200, height: 80 } },
      });
    const { path, sig } = await judged(bytes, 'visible.pdf');
    expect(sig.valid).toEqual([true, true, true, true]);
    // render each page as displayed and find the frame where the displayed rectangle says
    for (let page = 1; page <= 4; page++) {
      const r = await run('pdftoppm', [
        '-r',
        '72',
        '-gray',
        '-cropbox',
        '-f',
        String(page),
        '-l',
        String(page),
        path,
        file(`visible-${page}`),
      ]);
      expect(r.code).toBe(0);
      const pgm = await readFile(file(`visible-${page}-${page}.pgm`));
      const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1'))!;
      const [w, h] = [Number(header[1]), Number(header[2])];
      const pixels = pgm.subarray(header[0].length);
      const at = (x: number, y: number) => pixels[Math.floor(h - y) * w + Math.floor(x)]!;
      // the frame's left edge (a 1-point line at x=50.5) and its inside, in displayed coordinates
      const edge = Math.min(at(49.5, 100), at(50.5, 100), at(51.5, 100));
      expect(edge, `page ${page} frame`).toBeLessThan(128);
      expect(at(45, 100), `page ${page} outside`).toBeGreaterThan(200);
      expect(at(150, 100), `page ${page} inside`).toBeGreaterThan(200);
      expect(w).toBe(page % 2 === 0 ? 770 : 555);
    }
  });
});

describe('certification', () => {
  it('P=1 refuses any later signature (CERTIFIED_NO_CHANGES); P=2 allows one; a certification must come first', async () => {
    const pdf = await makeTestPdf();
    const locked = await sign(pdf, 'lanh-dao-phong', { certify: 1 });
    expect(isKysoError(await errorOf(sign(locked, 'signer-p256')), 'CERTIFIED_NO_CHANGES')).toBe(true);
    const open = await sign(pdf, 'lanh-dao-phong', { certify: 2 });
    const next = await sign(open, 'signer-p256');
    expect((await judged(next, 'certified.pdf')).sig.valid).toEqual([true, true]);
    expect(isKysoError(await errorOf(sign(next, 'to-chuc', { certify: 3 })), 'INVALID_INPUT')).toBe(true);
    const doc = await PdfDocument.open(bytesSource(open));
    const perms = await doc.dict((await doc.catalog()).get('Perms'));
    expect(perms?.get('DocMDP')).toBeInstanceOf(PdfRef);
  });

  it('a FieldMDP lock is written on the field and in the signature reference', async () => {
    const pdf = await makeTestPdf({
      fields: [{ type: 'text', name: 'so', rect: [72, 700, 272, 720], value: '12' }],
    });
    const bytes = await sign(pdf, 'lanh-dao-phong', { lock: { action: 'Include', fields: ['so'] } });
    const [entry] = await listSignatures(await PdfDocument.open(bytesSource(bytes)));
    expect(entry?.field.dict.get('Lock')).toBeDefined();
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text).toMatch(/\/TransformMethod\s*\/FieldMDP/);
    expect(text).toMatch(/\/Action\s*\/Include/);
    expect((await judged(bytes, 'fieldmdp.pdf')).sig.valid).toEqual([true]);
  });
});

describe('SubFilters', () => {
  it('adbe.pkcs7.detached on request, with a signing-time attribute', async () => {
    const bytes = await sign(await makeTestPdf(), 'lanh-dao-phong', { subFilter: 'adbe.pkcs7.detached' });
    const { sig } = await judged(bytes, 'pkcs7.pdf');
    expect(sig.valid).toEqual([true]);
    expect(sig.output).toContain('Signature Type: adbe.pkcs7.detached');
  });
});
