import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTestPdf } from '@kyso/testkit';
import { tempDir } from '@kyso/testkit/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawAppearance, type FontFamily, verifyPdf } from '../src/index.js';
import { defaultFonts, signatureImage, signWith, testSigner, VN_LINES } from './support/appearance-kit.js';
import { pdfsig } from './support/judges.js';

let fonts: FontFamily;
beforeAll(async () => {
  fonts = await defaultFonts();
  await testSigner();
}, 120_000);

describe('appearances in an approval chain', () => {
  it('a later signature drawn into an existing field leaves the earlier one valid by kyso’s modification analysis', async () => {
    const image = await signatureImage();
    const appearance = drawAppearance({
      box: { width: 200, height: 110 },
      items: [
        { image, rect: { x: 0, y: 50, width: 200, height: 60 } },
        {
          text: [...VN_LINES],
          font: fonts.regular,
          size: 11,
          rect: { x: 0, y: 0, width: 200, height: 50 },
          align: 'center',
        },
      ],
    });
    const pdf = await makeTestPdf({
      fields: [
        { type: 'signature', name: 'LanhDaoPhong', rect: [60, 100, 260, 210] },
        { type: 'signature', name: 'LanhDaoCoQuan', rect: [320, 100, 520, 210] },
      ],
    });
    const first = await signWith(pdf, { field: 'LanhDaoPhong', appearance });
    const second = await signWith(first, { field: 'LanhDaoCoQuan', appearance });
    const third = await signWith(second, {
      visible: { page: 1, rect: { x: 60, y: 300, width: 200, height: 110 } },
      appearance,
    });
    const report = await verifyPdf(third, { revocation: 'off' });
    expect(report.signatures).toHaveLength(3);
    for (const s of report.signatures) {
      expect(s.integrity, s.field).toBe(true);
      expect(s.modificationsAfter, `${s.field}: ${JSON.stringify(s.modifications)}`).not.toBe('disallowed');
    }
    const dir = await tempDir('kyso-chain-');
    try {
      const path = join(dir.path, 'chain.pdf');
      await writeFile(path, third);
      expect((await pdfsig(path)).valid).toEqual([true, true, true]);
    } finally {
      await dir.remove();
    }
  }, 120_000);
});
