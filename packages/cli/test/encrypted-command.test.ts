import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTestPdf } from '@kyso/testkit';
import { corpusDir, run, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/kyso.js', import.meta.url));
let dir: { path: string; remove: () => Promise<void> };
const file = (n: string) => join(dir.path, n);
const kyso = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [bin, ...args], { cwd: dir.path, env: { KYSO_LANG: 'en', ...env } });

beforeAll(async () => {
  dir = await tempDir('kyso-encrypted-cli-');
  await writeFile(
    file('plain.pdf'),
    await makeTestPdf({ fields: [{ type: 'signature', name: 'ChuKy1', rect: [300, 80, 500, 140] }] }),
  );
  // AES-256 with a Vietnamese user password, as qpdf writes it
  const q = await run(
    'qpdf',
    ['--encrypt', 'mật khẩu', 'chủ sở hữu', '256', '--', 'plain.pdf', 'locked.pdf'],
    {
      cwd: dir.path,
    },
  );
  expect(q.code, q.stderr).toBe(0);
});
afterAll(() => dir.remove());

describe('encrypted PDFs: --pdf-password-env', () => {
  it('inspect says it is encrypted and lists nothing without the password, everything with it', async () => {
    const shut = JSON.parse((await kyso(['inspect', 'locked.pdf', '--json'])).stdout);
    expect(shut.file).toMatchObject({ encrypted: true, decrypted: false });
    expect(shut.fields).toEqual([]);
    expect(shut.warnings.map((w: { code: string }) => w.code)).toContain('ENCRYPTED_PDF');

    const open = await kyso(['inspect', 'locked.pdf', '--json', '--pdf-password-env', 'PDFPW'], {
      PDFPW: 'mật khẩu',
    });
    expect(open.code, open.stderr).toBe(0);
    const report = JSON.parse(open.stdout);
    expect(report.file).toMatchObject({ encrypted: true, decrypted: true });
    expect(report.fields.map((f: { name: string }) => f.name)).toEqual(['ChuKy1']);
  });

  it('a wrong password is BAD_PASSWORD (exit 2), an unset variable a usage error', async () => {
    const wrong = await kyso(['verify', 'locked.pdf', '--pdf-password-env', 'PDFPW', '--lang', 'vi'], {
      PDFPW: 'sai',
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('kyso: BAD_PASSWORD: Mật khẩu không đúng.\n');
    const unset = await kyso(['inspect', 'locked.pdf', '--pdf-password-env', 'NOT_SET_ANYWHERE']);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toMatch(/^kyso: USAGE: .*NOT_SET_ANYWHERE/);
  });

  it('verify: indeterminate with ENCRYPTED_PDF when it cannot open the file, unsigned once it can', async () => {
    const shut = await kyso(['verify', 'locked.pdf', '--json', '--revocation', 'off']);
    expect(shut.code).toBe(3);
    const report = JSON.parse(shut.stdout);
    expect(report.status).toBe('indeterminate');
    expect(report.warnings.map((w: { code: string }) => w.code)).toContain('ENCRYPTED_PDF');
    const open = await kyso(
      ['verify', 'locked.pdf', '--json', '--revocation', 'off', '--pdf-password-env', 'PDFPW'],
      {
        PDFPW: 'mật khẩu',
      },
    );
    expect(JSON.parse(open.stdout).status).toBe('unsigned');
  });

  // A signed encrypted file from iText's test suite (password 123, per the corpus catalog).
  const corpus = corpusDir();
  it.skipIf(!corpus)(
    'verify: a signed encrypted file from the corpus keeps its signature intact',
    async () => {
      const path = join(corpus!, 'itext-itext-java', 'encryptedDoc.pdf');
      const r = await kyso(['verify', path, '--json', '--revocation', 'off', '--pdf-password-env', 'PDFPW'], {
        PDFPW: '123',
      });
      const report = JSON.parse(r.stdout);
      expect(report.signatures.length).toBeGreaterThan(0);
      for (const s of report.signatures) expect(s.integrity).toBe(true);
    },
  );
});
