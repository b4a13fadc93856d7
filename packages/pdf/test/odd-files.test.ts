import { Pkcs12Signer } from '@kyso/core';
import { createTestPki, makeTestPdf, type TestPki } from '@kyso/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, PdfDocument, signedBytes, signPdf, verifyPdf } from '../src/index.js';

/** Files real signers write oddly: read on as Acrobat does, and say what was odd in the warnings. */
const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b);
const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const concat = (a: Uint8Array, b: Uint8Array) => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

let pki: TestPki;
let signed: Uint8Array;
beforeAll(async () => {
  pki = await createTestPki({ include: ['lanh-dao-phong'] });
  const id = pki.get('lanh-dao-phong');
  const signer = await Pkcs12Signer.open(await id.toPkcs12(), id.password);
  signed = await signedBytes(await signPdf(await makeTestPdf({}), { signer, revocation: { mode: 'off' } }));
});

const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code);
const verify = (file: Uint8Array) =>
  verifyPdf(file, { anchors: [pki.get('root').certificate], revocation: 'off' });

describe('stray bytes after %%EOF', () => {
  it('a mail gateway’s footer is named, and the signature stays valid', async () => {
    const report = await verify(concat(signed, bytes('\r\n-- Sent through MailGate 3.1 --\r\n')));
    expect(codes(report.warnings)).toContain('TRAILING_BYTES');
    expect(report.warnings.find((w) => w.code === 'TRAILING_BYTES')?.message).toMatch(
      /bytes follow the last %%EOF/,
    );
    expect(report.signatures[0]?.status).toBe('valid');
  });

  it('padding (NULs, blanks) is not worth a word', async () => {
    const report = await verify(concat(signed, new Uint8Array(512)));
    expect(codes(report.warnings)).not.toContain('TRAILING_BYTES');
    expect(report.signatures[0]?.status).toBe('valid');
  });

  it('says it in Vietnamese too', async () => {
    const report = await verifyPdf(concat(signed, bytes('junk')), { revocation: 'off', lang: 'vi' });
    expect(report.warnings.find((w) => w.code === 'TRAILING_BYTES')?.message).toBe(
      'Có dữ liệu thừa sau dấu kết thúc tệp (%%EOF) cuối cùng.',
    );
  });
});

describe('an object number reused under a new generation without being freed', () => {
  it('is read (the newest definition wins) and named in the warnings', async () => {
    const base = await makeTestPdf({ title: 'x' });
    const text = latin1(base);
    const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
    const object = `2 1 obj\n<< /Title (reused) >>\nendobj\n`;
    const xrefAt = base.length + object.length;
    const update =
      object +
      `xref\n0 1\n0000000000 65535 f \n2 1\n${String(base.length).padStart(10, '0')} 00001 n \n` +
      `trailer\n<< /Size 10 /Root 1 0 R /Info 2 1 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const file = concat(base, bytes(update));
    const doc = await PdfDocument.open(bytesSource(file));
    expect(codes(doc.warnings)).toContain('GENERATION_REUSED');
    expect(doc.warnings.find((w) => w.code === 'GENERATION_REUSED')?.detail).toContain('2 0 → 2 1');
    const info = await doc.dict(doc.trailer.get('Info'));
    const title = info?.get('Title') as { bytes: Uint8Array } | undefined;
    expect(title && latin1(title.bytes)).toBe('reused');
    const report = await verifyPdf(file, { revocation: 'off' });
    expect(report.status).toBe('unsigned');
    expect(codes(report.warnings)).toContain('GENERATION_REUSED');
  });

  it('a well-formed file has no such warning', async () => {
    const doc = await PdfDocument.open(bytesSource(signed));
    expect(codes(doc.warnings)).toEqual([]);
  });
});
