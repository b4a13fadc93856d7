import { describe, expect, it } from 'vitest';
import { measureBundle } from '../scripts/bundle-size.mjs';

/**
 * Issue 8's budget: what `define()` makes a page download stays small, and the heavy parts — pdf.js,
 * the PDF reader and the verifier (@kyso/pdf, CMS, X.509), trust lists and fonts — load only on
 * first use. Measured on the built package, bundled as an application bundler would.
 */
describe('the chunk define() loads', () => {
  it('is at most 60 KB gzip and holds no pdf.js, PDF reader, verifier, signing code or trust list', async () => {
    const report = await measureBundle();
    expect(report.initialGzip).toBeLessThanOrEqual(60 * 1024);
    const heavy = report.initialInputs.filter((i) =>
      /pdfjs-dist|\/pdf\/dist\/|verification|signature-fields|pdf-session|sign-pdf\/signing\.js|core\/dist\/index\.js|trust\/|fonts?\//.test(
        i,
      ),
    );
    expect(heavy).toEqual([]);
    // and the lazy chunks exist: pdf.js, its worker for the main-thread fallback, the verifier, signing
    const lazy = report.chunks.filter((c) => !c.initial).flatMap((c) => c.inputs);
    for (const part of [
      'pdfjs-dist/build/pdf.mjs',
      'pdf.worker.min.mjs',
      'verify-badge/verification.js',
      'sign-pdf/signing.js',
    ])
      expect(
        lazy.some((i) => i.includes(part)),
        part,
      ).toBe(true);
  });

  it('for one element is smaller still', async () => {
    const badge = await measureBundle(
      "import { defineVerifyBadge } from '@kyso/components'; defineVerifyBadge();",
    );
    const all = await measureBundle();
    expect(badge.initialGzip).toBeLessThan(all.initialGzip);
    expect(badge.initialInputs.some((i) => i.includes('pdf-viewer'))).toBe(false);
  });
});
