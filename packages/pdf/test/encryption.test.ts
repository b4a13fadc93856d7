import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isKysoError } from '@kyso/core';
import { makeTestPdf } from '@kyso/testkit';
import { run, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bytesSource,
  decodeTextString,
  listFields,
  listPages,
  PdfDocument,
  type PdfOpenOptions,
  PdfStream,
  PdfString,
  preparePdfSignature,
  verifyPdf,
} from '../src/index.js';

/**
 * Files encrypted by qpdf at test time, in every standard-handler revision, read back and compared
 * with the unencrypted original: pages, field names and values, /Info text strings, content streams
 * and XMP metadata.
 */

const USER = 'user-pw';
const OWNER = 'owner-pw';

interface Variant {
  name: string;
  revision: number;
  args: string[];
}

const VARIANTS: Variant[] = [
  { name: 'R2 RC4 40-bit', revision: 2, args: ['40'] },
  { name: 'R3 RC4 128-bit', revision: 3, args: ['128', '--use-aes=n'] },
  { name: 'R4 RC4 crypt filter', revision: 4, args: ['128', '--use-aes=n', '--force-V4'] },
  { name: 'R4 AES-128', revision: 4, args: ['128', '--use-aes=y'] },
  { name: 'R5 AES-256 (Adobe extension)', revision: 5, args: ['256', '--force-R5'] },
  { name: 'R6 AES-256', revision: 6, args: ['256'] },
];

let dir: { path: string; remove: () => Promise<void> };
let original: Uint8Array;
let originalXmp: Uint8Array;
let xmpPdf: Uint8Array;

beforeAll(async () => {
  dir = await tempDir('kyso-encryption-');
  original = await makeTestPdf({
    form: 'classic',
    title: 'Cong van so 12 (encrypted)',
    fields: [
      { type: 'text', name: 'so_hieu', rect: [50, 700, 250, 720], value: 'So 12/UBND-VP' },
      { type: 'signature', name: 'lanh_dao', rect: [300, 100, 500, 160] },
    ],
  });
  xmpPdf = await makeTestPdf({ form: 'pdf-2.0', title: 'With XMP' });
  const doc = await PdfDocument.open(bytesSource(xmpPdf));
  const metadata = await doc.resolve((await doc.catalog()).get('Metadata'));
  if (!(metadata instanceof PdfStream)) throw new Error('the pdf-2.0 test file has no XMP stream');
  originalXmp = await doc.store.decoded(metadata);
});

afterAll(async () => {
  await dir?.remove();
});

let counter = 0;
/** qpdf --encrypt over `input`; the arguments after the passwords as qpdf takes them. */
async function encrypt(
  input: Uint8Array,
  user: string,
  args: string[],
  extra: string[] = [],
): Promise<Uint8Array> {
  const n = counter++;
  const src = join(dir.path, `in-${n}.pdf`);
  const out = join(dir.path, `out-${n}.pdf`);
  await writeFile(src, input);
  const r = await run('qpdf', [
    '--allow-weak-crypto',
    ...extra,
    '--encrypt',
    user,
    OWNER,
    ...args,
    '--',
    src,
    out,
  ]);
  // qpdf exits 3 for warnings (weak crypto) with a good output
  expect([0, 3], r.stderr).toContain(r.code);
  return new Uint8Array(await readFile(out));
}

interface Snapshot {
  pages: number;
  fields: string[];
  values: string[];
  title: string;
  content: string;
}

/** What a reader sees: pages, fields and their text values, /Info /Title, page 1's content stream. */
async function snapshot(doc: PdfDocument): Promise<Snapshot> {
  const pages = await listPages(doc);
  const fields = await listFields(doc, await doc.dict((await doc.catalog()).get('AcroForm')));
  const values: string[] = [];
  for (const f of fields) {
    const v = await doc.resolve(f.dict.get('V'));
    if (v instanceof PdfString) values.push(decodeTextString(v.bytes));
  }
  const info = await doc.dict(doc.trailer.get('Info'));
  const title = await doc.resolve(info?.get('Title'));
  const contents = await doc.resolve(pages[0]!.dict.get('Contents'));
  if (!(contents instanceof PdfStream)) throw new Error('page 1 has no content stream');
  return {
    pages: pages.length,
    fields: fields.map((f) => f.name),
    values,
    title: title instanceof PdfString ? decodeTextString(title.bytes) : '(none)',
    content: new TextDecoder('latin1').decode(await doc.store.decoded(contents)),
  };
}

async function openBytes(bytes: Uint8Array, options: PdfOpenOptions = {}): Promise<PdfDocument> {
  return PdfDocument.open(bytesSource(bytes), options);
}

async function errorOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function revisionOf(doc: PdfDocument): Promise<unknown> {
  return (await doc.dict(doc.trailer.get('Encrypt')))?.get('R');
}

describe('reading files qpdf encrypted with the standard security handler', () => {
  for (const v of VARIANTS) {
    for (const objectStreams of ['generate', 'disable'] as const) {
      it(`${v.name}, object streams ${objectStreams === 'generate' ? 'on' : 'off'}`, async () => {
        const expected = await snapshot(await openBytes(original));
        expect(expected.values).toEqual(['So 12/UBND-VP']);
        const bytes = await encrypt(original, USER, v.args, [`--object-streams=${objectStreams}`]);

        const doc = await openBytes(bytes, { password: USER });
        expect(doc.encrypted).toBe(true);
        expect(doc.decrypted).toBe(true);
        expect(await revisionOf(doc)).toBe(v.revision);
        const compressed = [...doc.entries.values()].some((e) => e.type === 'compressed');
        expect(compressed).toBe(objectStreams === 'generate');
        expect(await snapshot(doc)).toEqual(expected);

        // the owner password opens it too
        expect(await snapshot(await openBytes(bytes, { password: OWNER }))).toEqual(expected);

        // a wrong password is BAD_PASSWORD
        expect(isKysoError(await errorOf(openBytes(bytes, { password: 'wrong' })), 'BAD_PASSWORD')).toBe(
          true,
        );

        // no password: the structure opens, undecrypted, and says why
        const locked = await openBytes(bytes);
        expect(locked.encrypted).toBe(true);
        expect(locked.decrypted).toBe(false);
        expect(isKysoError(locked.decryptionFailure, 'BAD_PASSWORD')).toBe(true);
      });
    }
  }

  it('opens a file with an empty user password without being given one', async () => {
    for (const args of [['128', '--use-aes=y'], ['256'], ['128', '--use-aes=n']]) {
      const bytes = await encrypt(original, '', args);
      const doc = await openBytes(bytes);
      expect(doc.decrypted, args.join(' ')).toBe(true);
      expect(doc.decryptionFailure).toBeUndefined();
      expect(await snapshot(doc)).toEqual(await snapshot(await openBytes(original)));
      // the owner password still works, and a wrong one is still wrong
      expect((await openBytes(bytes, { password: OWNER })).decrypted).toBe(true);
      expect(isKysoError(await errorOf(openBytes(bytes, { password: 'nope' })), 'BAD_PASSWORD')).toBe(true);
    }
  });

  it('reads XMP metadata whether it is encrypted or left in the clear (/EncryptMetadata false)', async () => {
    for (const args of [['128', '--use-aes=y'], ['256'], ['128', '--use-aes=n', '--force-V4']]) {
      for (const cleartext of [false, true]) {
        const bytes = await encrypt(xmpPdf, USER, cleartext ? [...args, '--cleartext-metadata'] : args);
        const doc = await openBytes(bytes, { password: USER });
        const encryptDict = await doc.dict(doc.trailer.get('Encrypt'));
        expect(encryptDict?.get('EncryptMetadata') === false, `${args.join(' ')} ${cleartext}`).toBe(
          cleartext,
        );
        const metadata = await doc.resolve((await doc.catalog()).get('Metadata'));
        expect(metadata).toBeInstanceOf(PdfStream);
        const xmp = await doc.store.decoded(metadata as PdfStream);
        expect(new TextDecoder().decode(xmp), `${args.join(' ')} cleartext ${cleartext}`).toBe(
          new TextDecoder().decode(originalXmp),
        );
      }
    }
  });

  it('keeps signing refused (ENCRYPTED_PDF), even for a file that opens without a password', async () => {
    const bytes = await encrypt(original, '', ['256']);
    expect((await openBytes(bytes)).decrypted).toBe(true);
    const e = await errorOf(
      preparePdfSignature(bytesSource(bytes), {
        certificates: [],
        hash: 'SHA-256',
        scheme: 'RSASSA-PKCS1-v1_5',
        signingTime: new Date('2025-01-01T00:00:00Z'),
      }),
    );
    expect(isKysoError(e, 'ENCRYPTED_PDF'), String(e)).toBe(true);
  });

  it('verifies an openable encrypted file instead of stopping at ENCRYPTED_PDF', async () => {
    const bytes = await encrypt(original, '', ['256']);
    const report = await verifyPdf(bytes, { revocation: 'off' });
    expect(report.warnings.map((w) => w.code)).not.toContain('ENCRYPTED_PDF');
    expect(report.status).toBe('unsigned');

    const locked = await encrypt(original, USER, ['256']);
    const without = await verifyPdf(locked, { revocation: 'off' });
    expect(without.status).toBe('indeterminate');
    expect(without.warnings.map((w) => w.code)).toContain('ENCRYPTED_PDF');
    expect(without.warnings.find((w) => w.code === 'ENCRYPTED_PDF')?.message).toMatch(/password/);
    const opened = await verifyPdf(locked, { revocation: 'off', password: USER });
    expect(opened.status).toBe('unsigned');
    expect(opened.warnings.map((w) => w.code)).not.toContain('ENCRYPTED_PDF');
    expect(isKysoError(await errorOf(verifyPdf(locked, { password: 'wrong' })), 'BAD_PASSWORD')).toBe(true);
  });

  it('an unknown security handler is ENCRYPTED_PDF, with the handler named', async () => {
    const bytes = await encrypt(original, '', ['128', '--use-aes=y'], ['--object-streams=disable']);
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.indexOf('/Filter /Standard');
    expect(at).toBeGreaterThan(0);
    // same length, so every offset stays right
    const patched = bytes.slice();
    patched.set(new TextEncoder().encode('/Filter /FooSecu'), at);
    patched[at + '/Filter /Standard'.length - 1] = 0x20;
    const doc = await openBytes(patched);
    expect(doc.decrypted).toBe(false);
    expect(isKysoError(doc.decryptionFailure, 'ENCRYPTED_PDF')).toBe(true);
    expect(String(doc.decryptionFailure?.params['detail'])).toContain('/FooSecu');
    const thrown = await errorOf(openBytes(patched, { password: '' }));
    expect(isKysoError(thrown, 'ENCRYPTED_PDF')).toBe(true);
    const report = await verifyPdf(patched, { revocation: 'off' });
    expect(report.warnings.map((w) => w.code)).toContain('ENCRYPTED_PDF');
  });
});
