import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestPki, makeTestPdf } from '@kyso/testkit';
import { createSoftHsmToken, run, SOFTHSM_LIBRARY, softHsmAvailable, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/kyso.js', import.meta.url));
// a real token: SoftHSM2 is installed by .ci/run; elsewhere the test says it was skipped
const available = process.env.CI === 'true' || (await softHsmAvailable());
let dir: { path: string; remove: () => Promise<void> };
const file = (n: string) => join(dir.path, n);
const kyso = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [bin, ...args], { cwd: dir.path, env: { PIN: '123456', KYSO_LANG: 'en', ...env } });
const token = (key: string) => [
  '--pkcs11',
  SOFTHSM_LIBRARY,
  '--token-label',
  'kyso-cli',
  '--key-label',
  key,
  '--pin-env',
  'PIN',
  '--revocation',
  'off',
];

describe.skipIf(!available)('kyso sign --pkcs11 (a SoftHSM2 token)', () => {
  beforeAll(async () => {
    dir = await tempDir('kyso-pkcs11-cli-');
    const pki = await createTestPki({ include: ['lanh-dao-phong', 'signer-p256'] });
    await createSoftHsmToken(dir.path, {
      label: 'kyso-cli',
      pin: '123456',
      soPin: '12345678',
      keys: [
        { label: 'hanh', id: '01', identity: pki.get('lanh-dao-phong') },
        { label: 'p256', id: '02', identity: pki.get('signer-p256') },
      ],
    });
    await writeFile(file('draft.pdf'), await makeTestPdf({ pages: 1 }));
  }, 120_000);
  afterAll(() => dir?.remove());

  it('signs with an RSA and an ECDSA key on the token; pdfsig finds both valid', async () => {
    const rsa = await kyso(['sign', 'draft.pdf', '-o', 'rsa.pdf', ...token('hanh'), '--preset', 'personal']);
    expect(rsa.stderr).toBe('');
    expect(rsa.code).toBe(0);
    const ec = await kyso(['sign', 'rsa.pdf', '-o', 'both.pdf', ...token('p256')]);
    expect(ec.stderr).toBe('');
    expect(ec.code).toBe(0);
    const sig = await run('pdfsig', [file('both.pdf')]);
    expect([...sig.stdout.matchAll(/Signature Validation: (.+)/g)].map((m) => m[1])).toEqual([
      'Signature is Valid.',
      'Signature is Valid.',
    ]);
    expect(sig.stdout).toContain('Nguyễn Thị Hồng Hạnh');
  }, 120_000);

  it('a wrong PIN is PIN_INCORRECT and a missing key KEY_NOT_FOUND, leaving no file', async () => {
    const wrong = await kyso(['sign', 'draft.pdf', '-o', 'wrong.pdf', ...token('hanh')], { PIN: '000000' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^kyso: PIN_INCORRECT: /);
    const missing = await kyso(['sign', 'draft.pdf', '-o', 'missing.pdf', ...token('nobody')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^kyso: KEY_NOT_FOUND: /);
    for (const name of ['wrong.pdf', 'missing.pdf']) await expect(access(file(name))).rejects.toThrow();
    // a PIN is never echoed
    expect(wrong.stderr + wrong.stdout).not.toContain('000000');
  }, 120_000);

  it('refuses incomplete PKCS#11 options with USAGE', async () => {
    for (const args of [
      ['--pkcs11', SOFTHSM_LIBRARY, '--pin-env', 'PIN'],
      ['--pkcs11', SOFTHSM_LIBRARY, '--key-label', 'hanh'],
      ['--pkcs11', SOFTHSM_LIBRARY, '--key-label', 'hanh', '--pin-env', 'PIN', '--slot', 'x'],
      [
        '--pkcs11',
        SOFTHSM_LIBRARY,
        '--key-label',
        'hanh',
        '--pin-env',
        'PIN',
        '--slot',
        '0',
        '--token-label',
        'a',
      ],
      ['--pkcs11', SOFTHSM_LIBRARY, '--key-label', 'hanh', '--pin-env', 'PIN', '--p12', 'a.p12'],
    ]) {
      const r = await kyso(['sign', 'draft.pdf', '-o', 'u.pdf', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^kyso: USAGE: /);
    }
  }, 60_000);
});
