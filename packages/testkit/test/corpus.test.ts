import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusDir, loadCorpusCatalog } from '../src/node/index.js';

describe('the third-party corpus', () => {
  it('is found (required under CI) and its catalog parses, every file present', async () => {
    const dir = corpusDir();
    if (!dir) {
      // Outside CI a developer may lack ../shared; CI sets CI=true, where corpusDir() throws instead.
      console.warn('corpus not found: set KYSO_CORPUS to run the corpus tests');
      return;
    }
    const entries = await loadCorpusCatalog(dir);
    expect(entries).toHaveLength(112);
    expect(entries.reduce((n, e) => n + e.signatures, 0)).toBe(161);
    for (const e of entries) expect(existsSync(e.absolutePath), e.path).toBe(true);
    expect(entries.find((e) => e.path === 'itext-itext-java/encryptedDoc.pdf')?.password).toBe('123');
  });

  it('fails loudly under CI when the corpus is missing', () => {
    expect(() => corpusDir({ CI: 'true', KYSO_CORPUS: '/nonexistent/corpus' })).toThrow(/corpus is missing/);
    expect(corpusDir({ KYSO_CORPUS: '/nonexistent/corpus' })).toBeUndefined();
  });
});
