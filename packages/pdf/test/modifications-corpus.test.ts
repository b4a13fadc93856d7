import { type CorpusEntry, corpusDir, loadCorpusCatalog } from '@kyso/testkit/node';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPdf } from '../src/index.js';
import { fileSource } from '../src/node/index.js';

/**
 * The third-party corpus: the worst `modificationsAfter` over a file's signatures against the
 * catalog's `expect_modifications` (`unknown` skipped).
 */
const dir = corpusDir();
const entries: CorpusEntry[] = dir ? await loadCorpusCatalog(dir) : [];

/** Files where kyso deliberately reaches another verdict than the file's source, and why. */
const DIFFERS_FROM_SOURCE: Record<string, string> = {
  'MatthiasValvekens-pyHanko/form-update-ap-indirect-sneaky-trailer.pdf':
    'pyHanko refuses to re-point a widget /AP away from an appearance dictionary that something else ' +
    '(here a private trailer key) also uses; kyso allows it: signing the empty field sets its own /AP ' +
    'to new streams and the shared dictionary itself is not changed, so nothing that uses it changes',
  'esig-dss/pdf-byterange-overlap.pdf':
    "EU DSS finds no undefined object change; kyso calls signature 2's modifications disallowed because " +
    'its /ByteRange gap is not its /Contents (it starts inside the bytes signature 1 signs), so bytes of ' +
    'its revision are unsigned and cannot be told apart from later changes (pyHanko: NONSTANDARD_COVERAGE)',
};

if (dir === undefined)
  console.warn('modifications-corpus.test.ts: the corpus comparison did not run (set KYSO_CORPUS)');

describe.runIf(dir !== undefined)('the third-party corpus: modifications after signing', () => {
  const ORDER = { none: 0, allowed: 1, disallowed: 2 } as const;
  // the two public-key encrypted files need their recipient's key to open (encryption-corpus.test.ts
  // opens them); neither has a revision after its signature, so there is nothing to judge here
  const publicKey = (e: CorpusEntry) =>
    e.features.includes('encrypted') && /public-key encrypted/i.test(e.notes);
  const judged = entries.filter((e) => e.expectModifications !== 'unknown' && !publicKey(e));
  const differing: { file: string; expected: string; kyso: string; deliberate: boolean }[] = [];
  // the table of disagreements, deliberate ones included, for whoever reads the run
  afterAll(() => {
    if (differing.length > 0) console.table(differing);
  });

  it('covers the catalogued verdicts', () => {
    expect(judged.length).toBeGreaterThan(60);
    for (const path of Object.keys(DIFFERS_FROM_SOURCE)) expect(judged.map((e) => e.path)).toContain(path);
  });

  it.each(judged.map((e) => [e.path, e] as const))('%s', async (_path, e) => {
    const source = await fileSource(e.absolutePath);
    try {
      const report = await verifyPdf(source, {
        revocation: 'off',
        ...(e.password !== undefined ? { password: e.password } : {}),
      });
      const worst = report.signatures.reduce<keyof typeof ORDER>(
        (w, s) => (ORDER[s.modificationsAfter] > ORDER[w] ? s.modificationsAfter : w),
        'none',
      );
      const detail = report.signatures
        .map((s) => `${s.field}: ${s.modificationsAfter} ${JSON.stringify(s.modifications)}`)
        .join('\n');
      const reason = DIFFERS_FROM_SOURCE[e.path];
      if (worst !== e.expectModifications)
        differing.push({ file: e.path, expected: e.expectModifications, kyso: worst, deliberate: !!reason });
      if (reason) expect(worst, `${reason}\n${detail}`).not.toBe(e.expectModifications);
      else expect(worst, detail).toBe(e.expectModifications);
    } finally {
      await source.close();
    }
  });
});
