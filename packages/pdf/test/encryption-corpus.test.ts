import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decryptPrivateKey, fromPem, isKysoError } from '@kyso/core';
import { type CorpusEntry, corpusDir, loadCorpusCatalog } from '@kyso/testkit/node';
import { describe, expect, it } from 'vitest';
import { PdfDocument, type PdfOpenOptions, type PdfRecipient, verifyPdf } from '../src/index.js';
import { fileSource } from '../src/node/index.js';

/**
 * The encrypted files of the third-party corpus (read in place from $KYSO_CORPUS): each opens with
 * its password or recipient key (from the corpus trust/ folders, decrypted at test time), and
 * verifyPdf finds the catalog's signatures with the catalog's integrity (`intact` ⇔ not TOTAL_FAILED).
 */
const dir = corpusDir();
const entries: CorpusEntry[] = dir ? await loadCorpusCatalog(dir) : [];

/** The recipients of the public-key encrypted files (corpus README, "Passwords and encrypted files"). */
const RECIPIENTS: Record<string, { key: string; passphrase: string; certificate: string }> = {
  'MatthiasValvekens-pyHanko/signed-encrypted-pubkey-with-catalog-ref.pdf': {
    key: 'MatthiasValvekens-pyHanko/trust/selfsigned.key.pem',
    passphrase: 'secret',
    certificate: 'MatthiasValvekens-pyHanko/trust/selfsigned.cert.pem',
  },
  'itext-itext-java/encryptedPublicKeyDocTest.pdf': {
    key: 'itext-itext-java/trust/SignatureValidatorIntegrationTest__SHA256withRSA.key',
    passphrase: 'testpassphrase',
    certificate: 'itext-itext-java/trust/SignatureValidatorIntegrationTest__SHA256withRSA.cer',
  },
};

const ENCRYPTED = [
  'itext-itext-java/encryptedDoc.pdf',
  'itext-itext-java/thirdPartyMacProtectedAndSignedDocument.pdf',
  'esig-dss/encrypted.pdf',
  'esig-dss/edition_protected_signing_allowed_with_field_signed.pdf',
  ...Object.keys(RECIPIENTS),
];

function pemBlock(text: string, label: string): Uint8Array {
  const [der] = fromPem(text, label);
  if (!der) throw new Error(`no ${label} in the PEM file`);
  return der;
}

async function recipientFor(path: string): Promise<PdfRecipient> {
  const r = RECIPIENTS[path];
  if (!r || !dir) throw new Error(`no recipient known for ${path}`);
  const keyPem = await readFile(join(dir, r.key), 'utf8');
  const privateKeyPkcs8 = await decryptPrivateKey(pemBlock(keyPem, 'ENCRYPTED PRIVATE KEY'), r.passphrase);
  const cert = await readFile(join(dir, r.certificate));
  const text = new TextDecoder('latin1').decode(cert);
  const certificate = text.includes('-----BEGIN CERTIFICATE-----')
    ? pemBlock(text, 'CERTIFICATE')
    : new Uint8Array(cert);
  return { certificate, privateKeyPkcs8 };
}

async function openOptions(e: CorpusEntry): Promise<PdfOpenOptions> {
  if (RECIPIENTS[e.path]) return { recipient: await recipientFor(e.path) };
  return e.password !== undefined ? { password: e.password } : {};
}

// Outside CI a developer may lack ../shared (under CI=true corpusDir() throws instead): the tests
// below are then reported as skipped, never as passed.
if (dir === undefined)
  console.warn('encryption-corpus.test.ts did not run: no corpus found (set KYSO_CORPUS)');

describe.runIf(dir !== undefined)('the encrypted files of the corpus', () => {
  const encrypted = entries.filter((e) => e.features.includes('encrypted'));

  it('are the six the corpus README lists', () => {
    expect(encrypted.map((e) => e.path).sort()).toEqual([...ENCRYPTED].sort());
  });

  it.each(encrypted.map((e) => [e.path, e] as const))('%s opens and verifies', async (_path, e) => {
    const options = await openOptions(e);
    const source = await fileSource(e.absolutePath);
    try {
      const doc = await PdfDocument.open(source, options);
      expect(doc.encrypted).toBe(true);
      expect(doc.decrypted).toBe(true);
      const report = await verifyPdf(source, { ...options, revocation: 'off' });
      expect(report.warnings.map((w) => w.code)).not.toContain('ENCRYPTED_PDF');
      expect(report.signatures, 'signature count').toHaveLength(e.signatures);
      report.signatures.forEach((s, i) => {
        const expected = e.expectIntegrity[i];
        const got = s.indication === 'TOTAL_FAILED' ? 'broken' : 'intact';
        if (expected !== 'unknown')
          expect(
            got,
            `signature ${i + 1}: ${s.subIndication ?? ''} ${s.errors.map((x) => x.code).join(',')}`,
          ).toBe(expected);
        // the CMS was read from the raw /Contents: a decrypted one would not parse at all
        expect(s.signer, `signature ${i + 1} signer`).not.toBeNull();
        expect(s.status).not.toBe('valid');
      });
    } finally {
      await source.close?.();
    }
  });

  it.each(encrypted.filter((e) => e.password !== undefined).map((e) => [e.path, e] as const))(
    '%s: a wrong password is BAD_PASSWORD, none leaves it unopened',
    async (_path, e) => {
      const bytes = new Uint8Array(await readFile(e.absolutePath));
      const wrong = await verifyPdf(bytes, { password: `${e.password}x`, revocation: 'off' }).catch(
        (x: unknown) => x,
      );
      expect(isKysoError(wrong, 'BAD_PASSWORD')).toBe(true);
      const none = await verifyPdf(bytes, { revocation: 'off' });
      expect(none.status).toBe('indeterminate');
      expect(none.signatures).toHaveLength(0);
      expect(none.warnings.map((w) => w.code)).toContain('ENCRYPTED_PDF');
    },
  );

  it('public-key files: without a recipient they stay unopened; the wrong recipient is NOT_A_RECIPIENT', async () => {
    const [a, b] = Object.keys(RECIPIENTS) as [string, string];
    const bytes = new Uint8Array(await readFile(join(dir!, a)));
    const none = await PdfDocument.open(await fileSource(join(dir!, a)));
    expect(none.decrypted).toBe(false);
    expect(isKysoError(none.decryptionFailure, 'NOT_A_RECIPIENT')).toBe(true);
    const report = await verifyPdf(bytes, { revocation: 'off' });
    expect(report.warnings.map((w) => w.code)).toContain('ENCRYPTED_PDF');
    const wrong = await verifyPdf(bytes, { recipient: await recipientFor(b), revocation: 'off' }).catch(
      (x: unknown) => x,
    );
    expect(isKysoError(wrong, 'NOT_A_RECIPIENT')).toBe(true);
  });
});
