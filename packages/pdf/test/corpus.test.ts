import { type CorpusEntry, corpusDir, loadCorpusCatalog } from '@kyso/testkit/node';
import { describe, expect, it } from 'vitest';
import { verifyPdf } from '../src/index.js';
import { fileSource } from '../src/node/index.js';

/**
 * The third-party corpus ($KYSO_CORPUS, read in place): 112 PDFs signed by EU DSS, iText, pyHanko and
 * others. Per signature, kyso's integrity verdict must match the catalog: `intact` ⇔ the indication
 * is not TOTAL_FAILED. Encrypted files are covered by encryption-corpus.test.ts; modifications by
 * modifications.test.ts.
 */
const dir = corpusDir();
const entries: CorpusEntry[] = dir ? await loadCorpusCatalog(dir) : [];

/**
 * Where kyso and poppler's pdfsig disagree on integrity, and why (the catalog's source decides).
 * Keyed by "path#signature".
 */
const DIFFERS_FROM_PDFSIG: Record<string, string> = {
  'MatthiasValvekens-pyHanko/pdf-sig-with-econtent.pdf#1':
    'CMS_CONTENT_ENCAPSULATED: a detached signature encapsulating content (pyHanko rejects; pdfsig accepts)',
  'vbuch-node-signpdf/signed.pdf#1':
    'CMS_SIGNED_ATTRIBUTES_NOT_DER: signed attributes not in DER order (EU DSS rejects; pdfsig accepts)',
  'vbuch-node-signpdf/signed-twice.pdf#1': 'CMS_SIGNED_ATTRIBUTES_NOT_DER',
  'vbuch-node-signpdf/signed-twice.pdf#2': 'CMS_SIGNED_ATTRIBUTES_NOT_DER',
  'esig-dss/pades-5-signatures-and-1-document-timestamp.pdf#1': 'CMS_SIGNED_ATTRIBUTES_NOT_DER',
  'esig-dss/pades-5-signatures-and-1-document-timestamp.pdf#2': 'CMS_SIGNED_ATTRIBUTES_NOT_DER',
  'esig-dss/pades-5-signatures-and-1-document-timestamp.pdf#3': 'CMS_SIGNED_ATTRIBUTES_NOT_DER',
  'esig-dss/pades-5-signatures-and-1-document-timestamp.pdf#4': 'CMS_SIGNED_ATTRIBUTES_NOT_DER',
  'esig-dss/pades-5-signatures-and-1-document-timestamp.pdf#5': 'CMS_SIGNED_ATTRIBUTES_NOT_DER',
  'esig-dss/Signature-P-IT_ADO-1 (HASH_FAILURE) (ECDSA).pdf#1': 'CMS_SIGNED_ATTRIBUTES_NOT_DER',
  'esig-dss/siwa.pdf#1':
    'BYTE_RANGE_GAP: signature wrapping, the gap holds more than /Contents (EU DSS rejects; pdfsig accepts)',
  'itext-itext-java/mgfDiscrepancy.pdf#1':
    'CMS_ALGORITHM_MISMATCH: RSASSA-PSS with an MGF1 hash other than the digest (iText rejects; pdfsig accepts)',
  'itext-itext-java/sample-brainpoolP384r1-sha384.pdf#1':
    'brainpool: pdfsig (NSS) cannot verify brainpool curves; kyso verifies through its pure-JS completion',
};

if (dir === undefined) {
  // Outside CI a developer may lack ../shared (under CI=true corpusDir() throws instead).
  describe('the third-party corpus', () => {
    it('is not here: set KYSO_CORPUS to run these tests', () => {
      console.warn('corpus tests did not run: no corpus found');
    });
  });
}

describe.runIf(dir !== undefined)('the third-party corpus', () => {
  const plain = entries.filter((e) => !e.features.includes('encrypted'));

  it('is all there', () => {
    expect(entries).toHaveLength(112);
  });

  it.each(plain.map((e) => [e.path, e] as const))('%s', async (_path, e) => {
    const source = await fileSource(e.absolutePath);
    try {
      const report = await verifyPdf(source, { revocation: 'off' });
      expect(report.signatures, 'signature count').toHaveLength(e.signatures);
      report.signatures.forEach((s, i) => {
        const expected = e.expectIntegrity[i];
        const got = s.indication === 'TOTAL_FAILED' ? 'broken' : 'intact';
        if (expected !== 'unknown')
          expect(
            got,
            `signature ${i + 1}: ${s.subIndication ?? ''} ${s.errors.map((x) => x.code).join(',')}`,
          ).toBe(expected);
        // never "valid" without a trust anchor: nothing here is trusted
        expect(s.status).not.toBe('valid');
        const pdfsig = e.pdfsigVerdicts[i];
        const pdfsigIntact =
          pdfsig === 'valid'
            ? 'intact'
            : pdfsig === 'invalid' || pdfsig === 'digest-mismatch'
              ? 'broken'
              : undefined;
        const key = `${e.path}#${i + 1}`;
        if (pdfsigIntact !== undefined && pdfsigIntact !== got)
          expect(
            DIFFERS_FROM_PDFSIG[key],
            `${key}: kyso ${got}, pdfsig ${pdfsig}: name the reason`,
          ).toBeDefined();
        else
          expect(
            DIFFERS_FROM_PDFSIG[key],
            `${key} is listed as differing from pdfsig but agrees`,
          ).toBeUndefined();
      });
    } finally {
      await source.close();
    }
  });
});
